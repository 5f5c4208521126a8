import { columnsOf } from '../db/columns.js';

/** Z-2: one row per job and period; its primary key is what makes a run happen once. */
export interface JobRunsTable {
  job: string;
  /** firm-local day (YYYY-MM-DD) of a daily job, or the UTC start of an every-n-minutes slot */
  period_key: string;
  status: 'running' | 'done' | 'failed';
  /** which process claimed the period (host:pid:random) */
  instance: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  attempts: number;
}

export const jobRunsColumns = columnsOf<JobRunsTable>()('job', 'period_key', 'status', 'instance', 'started_at', 'finished_at', 'error', 'attempts');
