import { columnsOf } from '../../db/columns.js';

/**
 * C-7: a directed link. parent_subsidiary: from is the parent; referred_by: from was referred by to;
 * affiliate, family and business_partner read the same both ways.
 */
export interface ClientRelationshipsTable {
  id: string;
  from_client_id: string;
  to_client_id: string;
  kind: 'parent_subsidiary' | 'affiliate' | 'family' | 'business_partner' | 'referred_by';
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export const clientRelationshipsColumns = columnsOf<ClientRelationshipsTable>()(
  'id', 'from_client_id', 'to_client_id', 'kind', 'note', 'created_by', 'created_at',
);
