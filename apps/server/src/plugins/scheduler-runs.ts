import { firmDay, startOfFirmDay } from './clock.js';
import type { Db } from './db.js';
import { addDays } from './days.js';

/** How often a job runs: daily at a firm-local time (HH:MM), or every n minutes (UTC-aligned slots). */
export type Every = { daily: string } | { minutes: number };

export type Period = { key: string; start: Date; next: Date };

/** A job's schedule as written in the registry ('daily' at a firm-local time, default 00:01). */
export const everyOf = (job: { every: 'daily' | { minutes: number }; at?: string }): Every =>
  job.every === 'daily' ? { daily: job.at ?? '00:01' } : job.every;

/** A running claim older than this was left by a process that died; another may take it over. */
export const STALE_CLAIM_MS = 2 * 3600_000;

function dailyStart(day: string, at: string, timeZone: string): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  return new Date(startOfFirmDay(day, timeZone).getTime() + (h * 60 + m) * 60_000);
}

/**
 * The period an instant falls in. A daily job's period is the firm-local day whose run time has
 * last passed (at 00:00:30 with a 00:01 run it is still yesterday); an every-n-minutes job's is
 * the UTC slot, keyed by its start.
 */
export function periodOf(every: Every, now: Date, timeZone: string): Period {
  if ('daily' in every) {
    let day = firmDay(now, timeZone);
    if (now < dailyStart(day, every.daily, timeZone)) day = addDays(day, -1);
    return { key: day, start: dailyStart(day, every.daily, timeZone), next: dailyStart(addDays(day, 1), every.daily, timeZone) };
  }
  const slot = every.minutes * 60_000;
  const start = Math.floor(now.getTime() / slot) * slot;
  return { key: `${new Date(start).toISOString().slice(0, 16)}Z`, start: new Date(start), next: new Date(start + slot) };
}

/** The same schedule as a cron line for pg-boss (minutes must divide an hour or hours a day). */
export function cronOf(every: Every, timeZone: string): { cron: string; tz: string } {
  if ('daily' in every) {
    const [h, m] = every.daily.split(':').map(Number) as [number, number];
    return { cron: `${m} ${h} * * *`, tz: timeZone };
  }
  const n = every.minutes;
  if (n < 60 && 60 % n === 0) return { cron: n === 1 ? '* * * * *' : `*/${n} * * * *`, tz: 'UTC' };
  if (n % 60 === 0 && 24 % (n / 60) === 0) return { cron: n === 60 ? '0 * * * *' : `0 */${n / 60} * * *`, tz: 'UTC' };
  throw new Error(`every ${n} minutes has no cron form: use a divisor of 60 or of 24 hours`);
}

export function validateEvery(name: string, every: Every): void {
  if ('daily' in every) {
    const m = /^(\d{2}):(\d{2})$/.exec(every.daily);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`job ${name}: daily time must be HH:MM, got "${every.daily}"`);
    return;
  }
  if (!Number.isInteger(every.minutes) || every.minutes < 1) throw new Error(`job ${name}: minutes must be a positive integer`);
  cronOf(every, 'UTC');
}

/**
 * Claims (job, period) for one instance. The insert wins on exactly one instance (primary key);
 * a failed run, or a running claim older than STALE_CLAIM_MS, is taken over by a conditional
 * update, which again only one instance can win.
 */
export async function claimRun(db: Db, job: string, periodKey: string, instance: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('job_runs')
    .values({ job, period_key: periodKey, status: 'running', instance, started_at: at, finished_at: null, error: null, attempts: 1 })
    .onConflict((oc) => oc.columns(['job', 'period_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const retaken = await db
    .updateTable('job_runs')
    .set((eb) => ({ status: 'running', instance, started_at: at, finished_at: null, error: null, attempts: eb('attempts', '+', 1) }))
    .where('job', '=', job)
    .where('period_key', '=', periodKey)
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'running'), eb('started_at', '<', staleBefore)])]))
    .executeTakeFirst();
  return Number(retaken.numUpdatedRows) === 1;
}

/** Records the outcome of this instance's claim (not another's that took a stale claim over). */
export async function finishRun(db: Db, job: string, periodKey: string, instance: string, now: Date, error: string | null): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ status: error === null ? 'done' : 'failed', finished_at: now.toISOString(), error })
    .where('job', '=', job)
    .where('period_key', '=', periodKey)
    .where('instance', '=', instance)
    .where('status', '=', 'running')
    .execute();
}

/** Whether the period still needs a run: no row yet, or one that failed. */
export async function isDue(db: Db, job: string, periodKey: string): Promise<boolean> {
  const row = await db.selectFrom('job_runs').select('status').where('job', '=', job).where('period_key', '=', periodKey).executeTakeFirst();
  return !row || row.status === 'failed';
}

/** Embedded mode holds the data directory alone, so a claim still running was cut off by a crash. */
export async function failInterruptedRuns(db: Db, now: Date): Promise<number> {
  const res = await db
    .updateTable('job_runs')
    .set({ status: 'failed', finished_at: now.toISOString(), error: 'interrupted (the process stopped during the run)' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
