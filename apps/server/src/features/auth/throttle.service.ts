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

export async function recordFailure(db: Db, clock: Clock, key: string, max: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now.getTime() - Date.parse(row.window_start) > THROTTLE.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= max ? new Date(now.getTime() + THROTTLE.lockMs).toISOString() : null;
    const values = {
      failures: lockedUntil ? 0 : failures,
      window_start: fresh || lockedUntil ? now.toISOString() : row.window_start,
      locked_until: lockedUntil,
    };
    if (row) await trx.updateTable('login_throttle').set(values).where('key', '=', key).execute();
    else await trx.insertInto('login_throttle').values({ key, ...values }).execute();
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
