import { columnsOf } from '../../db/columns.js';

/** C-10: one import run; the row report is JSON text (row, column, reason). */
export interface ImportsTable {
  id: string;
  user_id: string;
  file_name: string;
  format: 'xlsx' | 'csv';
  dry_run: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  mapping: string;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  errors: string;
  message: string | null;
  created_at: string;
  finished_at: string | null;
}

export const importsColumns = columnsOf<ImportsTable>()(
  'id', 'user_id', 'file_name', 'format', 'dry_run', 'status', 'mapping', 'total_rows', 'processed_rows', 'created_count',
  'updated_count', 'unchanged_count', 'error_count', 'errors', 'message', 'created_at', 'finished_at',
);
