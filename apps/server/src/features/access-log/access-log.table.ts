import { columnsOf } from '../../db/columns.js';

/** every client-page view, unmasking and export. */
export interface AccessLogTable {
  id: string;
  at: string;
  /** firm-local day, for the daily distinct-clients alert */
  day: string;
  user_id: string;
  client_id: string | null;
  action: 'view' | 'unmask' | 'export';
  detail: string | null;
  ip: string | null;
}

export const accessLogColumns = columnsOf<AccessLogTable>()('id', 'at', 'day', 'user_id', 'client_id', 'action', 'detail', 'ip');
