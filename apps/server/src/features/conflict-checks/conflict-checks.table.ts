import { columnsOf } from '../../db/columns.js';

/** C-11: every check is kept with what it found. */
export interface ConflictChecksTable {
  id: string;
  user_id: string;
  /** JSON array of the names searched */
  names: string;
  purpose: string | null;
  hit_count: number;
  /** JSON array of hits as stored at the time */
  hits: string;
  created_at: string;
}

export const conflictChecksColumns = columnsOf<ConflictChecksTable>()('id', 'user_id', 'names', 'purpose', 'hit_count', 'hits', 'created_at');
