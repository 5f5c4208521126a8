import type { AuditEventsTable } from '../features/audit/audit.table.js';
import { auditEventsColumns } from '../features/audit/audit.table.js';
import type { LoginThrottleTable, SessionsTable } from '../features/auth/auth.table.js';
import { loginThrottleColumns, sessionsColumns } from '../features/auth/auth.table.js';
import type { TeamsTable } from '../features/teams/teams.table.js';
import { teamsColumns } from '../features/teams/teams.table.js';
import type { UsersTable } from '../features/users/users.table.js';
import { usersColumns } from '../features/users/users.table.js';
import type { MetaTable } from './meta.table.js';
import { metaColumns } from './meta.table.js';

export interface Database {
  meta: MetaTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
}

export const tableColumns: Record<keyof Database, readonly string[]> = {
  meta: metaColumns,
  teams: teamsColumns,
  users: usersColumns,
  sessions: sessionsColumns,
  login_throttle: loginThrottleColumns,
  audit_events: auditEventsColumns,
};
