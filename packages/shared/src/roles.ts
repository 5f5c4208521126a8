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
  'settings:manage',
  'clients:read',
  'clients:create',
  'clients:update',
  'clients:transfer',
  'clients:classify',
  'clients:import',
  'clients:export',
  'exports:approve',
  'conflicts:check',
  'access-log:read',
  'matters:read',
  'matters:write',
  'interactions:log',
  'reports:cadence',
  'classification:recompute',
  'touchpoints:generate',
  // decide complaints (steps 2–6) and assign their handler
  'complaints:handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route requires: nobody ('public'), any signed-in user, or one permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

// Which records each may touch is decided by visibility inside the services.
// I-1: secretaries log their return visits too.
const everyone: Permission[] = ['teams:read', 'clients:read', 'conflicts:check', 'interactions:log'];
// secretaries see neither matters nor fees.
const clientWork: Permission[] = [...everyone, 'clients:create', 'clients:update', 'clients:import', 'matters:read', 'matters:write', 'reports:cadence'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  partner: [...clientWork, 'users:read', 'clients:transfer', 'clients:classify', 'clients:export', 'exports:approve', 'classification:recompute', 'touchpoints:generate', 'complaints:handle'],
  lawyer: [...clientWork, 'clients:classify', 'clients:export'],
  client_manager: [...clientWork, 'clients:export'],
  assistant: clientWork,
  secretary: everyone,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
