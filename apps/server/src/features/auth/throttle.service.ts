import type { Db } from '../../plugins/db.js';
import type { Clock } from '../../plugins/clock.js';
import { TooManyAttempts } from '../../plugins/errors.js';

// lock an account after 5 failures, an address after 20, within 15 minutes, for 15 minutes.
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountMax: 5,
  ipMax: 20,
};

export function throttleKeys(login: string, ip: string | null) {
  return { account: `account:${login.trim().toLowerCase()}`, ip: `ip:${ip ?? 'unknown'}` };
}

export async function assertNotLocked(db: Db, clock: Clock, keys: string[]): Promise<void> {
  const now = clock.now().getTime();
  const rows = await db.selectFrom('login_throttle').select(['locked_until']).where('key', 'in', keys).execute();
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)));
  if (until > now) throw new TooManyAttempts(Math.ceil((until - now) / 1000));
}

/** Counts a failure atomically (one upsert), so parallel attempts cannot dodge the lock. */
export async function recordFailure(db: Db, clock: Clock, key: string, max: number): Promise<void> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_start: now.toISOString(), locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_throttle.window_start', '<', cutoff)
          .then(1)
          .else(eb('login_throttle.failures', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('login_throttle.window_start', '<', cutoff)
          .then(now.toISOString())
          .else(eb.ref('login_throttle.window_start'))
          .end(),
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (row.failures >= max) {
    await db
      .updateTable('login_throttle')
      .set({ failures: 0, window_start: now.toISOString(), locked_until: new Date(now.getTime() + THROTTLE.lockMs).toISOString() })
      .where('key', '=', key)
      .execute();
  }
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Drops throttle rows whose window and lock have both passed. */
export async function pruneThrottle(db: Db, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<', new Date(now - THROTTLE.windowMs).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date(now).toISOString())]))
    .execute();
}
