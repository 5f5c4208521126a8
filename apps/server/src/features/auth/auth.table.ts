import { columnsOf } from '../../db/columns.js';

export interface SessionsTable {
  /** sha-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  /** "account:<login>" or "ip:<address>" */
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export const sessionsColumns = columnsOf<SessionsTable>()(
  'id',
  'user_id',
  'csrf_token',
  'created_at',
  'last_seen_at',
  'expires_at',
  'ip',
  'user_agent',
);
export const loginThrottleColumns = columnsOf<LoginThrottleTable>()('key', 'failures', 'window_start', 'locked_until');
