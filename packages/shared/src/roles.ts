import { z } from 'zod';

// §2: one role per user
export const ROLES = ['admin', 'partner', 'lawyer', 'client_manager', 'assistant', 'secretary'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PERMISSIONS = [
  'users:read',
  'users:manage',
  'teams:read',
  'teams:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route requires: nobody ('public'), any signed-in user, or one permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

const everyone: Permission[] = ['teams:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  partner: [...everyone, 'users:read'],
  lawyer: everyone,
  client_manager: everyone,
  assistant: everyone,
  secretary: everyone,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
