import { ROLES, type Role } from '@retainer/shared';

export type { AuditEvent } from '@retainer/shared';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
