import type { Locale, Role } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  team_id: string | null;
  /** 1 or 0: one representation on both dialects. */
  active: number;
  locale: Locale;
  password_hash: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export const usersColumns = columnsOf<UsersTable>()(
  'id',
  'name',
  'email',
  'phone',
  'role',
  'team_id',
  'active',
  'locale',
  'password_hash',
  'last_login_at',
  'created_at',
  'updated_at',
);
