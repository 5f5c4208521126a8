import { randomBytes } from 'node:crypto';
import type { Db } from '../plugins/db.js';
import { hashPassword } from '../features/auth/passwords.js';
import { DEMO_ACCOUNTS, generateFirm, type Scale } from './firm.js';

const BATCH = 500;

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/** A strong, readable one-time demo password. */
export function generatePassword(): string {
  return `Rt-${randomBytes(9).toString('base64url')}`;
}

/**
 * Z-5: loads the demo firm in one transaction. Every demo user shares one password
 * (hashed once: argon2id per user would take minutes at the large scale).
 */
export async function seedDemo(db: Db, scale: Scale, password: string) {
  const firm = generateFirm(scale);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await insertBatches(firm.teams, (b) => trx.insertInto('teams').values(b).execute());
    const users = firm.users.map((u) => ({ ...u, password_hash: passwordHash }));
    await insertBatches(users, (b) => trx.insertInto('users').values(b).execute());
    await trx.insertInto('meta').values({ key: 'demo_scale', value: scale }).execute();
  });
  return { teams: firm.teams.length, users: firm.users.length, accounts: DEMO_ACCOUNTS };
}

/** Removes every business row, children first; only behind an explicit --reset. */
export async function wipe(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of [
      'conflict_checks', 'exports', 'imports', 'access_log', 'saved_views', 'settings', 'notifications',
      'timeline_events', 'client_relationships', 'important_dates', 'personnel_changes', 'contacts',
      'client_search', 'client_tags', 'clients', 'audit_events', 'sessions', 'login_throttle', 'users', 'teams', 'meta',
    ] as const) {
      await trx.deleteFrom(t).execute();
    }
  });
}
