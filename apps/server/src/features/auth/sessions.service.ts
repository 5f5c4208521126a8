import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Db } from '../../plugins/db.js';

// Sessions end after 12 idle hours and at the latest 7 days after sign-in.
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

export const SESSION_COOKIE = 'retainer_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const session = {
    id: digest(token),
    user_id: userId,
    csrf_token: randomBytes(24).toString('base64url'),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

/** The live session and its active user for a cookie token, sliding the idle expiry. */
export async function resolveSession(db: Db, clock: Clock, token: string) {
  const now = clock.now();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.name',
      'users.role',
      'users.team_id',
      'users.locale',
      'users.active',
    ])
    .where('sessions.id', '=', digest(token))
    .executeTakeFirst();
  if (!row) return null;
  if (Date.parse(row.expires_at) <= now.getTime() || row.active !== 1) {
    await db.deleteFrom('sessions').where('id', '=', row.sessionId).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    const cap = Date.parse(row.created_at) + SESSION_MAX_MS;
    const expires = Math.min(now.getTime() + SESSION_IDLE_MS, cap);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(expires).toISOString() })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** ends every session of a user at once (optionally keeping the caller's own). */
export async function endSessionsOf(db: Kysely<Database>, userId: string, keepSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
}

/** Drops sessions past their expiry (they are refused anyway; this keeps the table small). */
export async function pruneSessions(db: Db, clock: Clock): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', clock.now().toISOString()).execute();
}
