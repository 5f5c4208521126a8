import { columnsOf } from '../../db/columns.js';

/** each export, its row count, and a partner's approval above the threshold. */
export interface ExportsTable {
  id: string;
  user_id: string;
  entity: string;
  format: 'xlsx' | 'csv';
  /** JSON text of the list filters exported */
  query: string;
  row_count: number;
  status: 'pending_approval' | 'approved' | 'rejected' | 'ready' | 'failed' | 'expired';
  approver_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
  file_path: string | null;
  created_at: string;
  finished_at: string | null;
  /** when housekeeping deleted the file (status expired) */
  expired_at: string | null;
}

export const exportsColumns = columnsOf<ExportsTable>()(
  'id', 'user_id', 'entity', 'format', 'query', 'row_count', 'status', 'approver_id', 'decided_at', 'decision_note',
  'file_path', 'created_at', 'finished_at', 'expired_at',
);
