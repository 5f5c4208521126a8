import { columnsOf } from '../../db/columns.js';

export type MatterType = 'retainer' | 'litigation' | 'arbitration' | 'non_litigation' | 'criminal' | 'consultation';
export type MatterStatus = 'intake' | 'engaged' | 'in_progress' | 'closed';
export type FeeArrangement = 'fixed' | 'hourly' | 'contingency' | 'annual_retainer';

/** M-1: a matter (案件/事项) handled for one client. */
export interface MattersTable {
  id: string;
  client_id: string;
  type: MatterType;
  title: string;
  case_number: string | null;
  /** court or arbitration body */
  forum: string | null;
  amount_in_dispute_fen: number | null;
  fee_arrangement: FeeArrangement | null;
  agreed_fee_fen: number | null;
  status: MatterStatus;
  /** firm-local date YYYY-MM-DD */
  opened_on: string;
  /** UTC instant the engagement was signed */
  engaged_at: string | null;
  closed_on: string | null;
  /** retainers only: firm-local date the annual retainer ends */
  retainer_expires_on: string | null;
  lead_lawyer_id: string;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

/** The lead lawyer is always a member too (X-1 visibility goes through this table). */
export interface MatterMembersTable {
  matter_id: string;
  user_id: string;
  role: string;
}

export interface MatterOpposingPartiesTable {
  id: string;
  matter_id: string;
  name: string;
  kind: 'person' | 'organisation';
  id_code: string | null;
  created_at: string;
}

/** M-2: a fee receipt; client_id is copied from the matter for per-client totals. */
export interface FeesTable {
  id: string;
  matter_id: string;
  client_id: string;
  amount_fen: number;
  received_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export const mattersColumns = columnsOf<MattersTable>()(
  'id', 'client_id', 'type', 'title', 'case_number', 'forum', 'amount_in_dispute_fen', 'fee_arrangement', 'agreed_fee_fen',
  'status', 'opened_on', 'engaged_at', 'closed_on', 'retainer_expires_on', 'lead_lawyer_id', 'outcome', 'created_at', 'updated_at',
);
export const matterMembersColumns = columnsOf<MatterMembersTable>()('matter_id', 'user_id', 'role');
export const matterOpposingPartiesColumns = columnsOf<MatterOpposingPartiesTable>()('id', 'matter_id', 'name', 'kind', 'id_code', 'created_at');
export const feesColumns = columnsOf<FeesTable>()('id', 'matter_id', 'client_id', 'amount_fen', 'received_on', 'note', 'created_by', 'created_at');
