import { columnsOf } from '../../db/columns.js';

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entity_id: string;
  /** JSON text on both dialects */
  before: string | null;
  after: string | null;
  ip: string | null;
}

export const auditEventsColumns = columnsOf<AuditEventsTable>()(
  'id',
  'at',
  'actor_id',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
  'ip',
);
