import { columnsOf } from '../../db/columns.js';

/** P-9: a user's calendar feed; the URL token is kept only as its SHA-256 (hex). */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
  /** the last time the token was replaced; the old URL then answers 404 */
  rotated_at: string | null;
}

export const calendarFeedsColumns = columnsOf<CalendarFeedsTable>()('user_id', 'token_hash', 'created_at', 'rotated_at');
