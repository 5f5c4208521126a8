import { firmDay, startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import { LAST_RUN_KEY, recomputeAll } from './classification.recompute.js';

type JobDeps = { db: Db; clock: Clock; config: Config };

/** K-2/K-5 daily: reclassifies everyone unless a full run already happened today (firm-local). */
export async function recomputeIfDue(deps: JobDeps): Promise<{ clients: number; changed: number } | null> {
  const today = firmDay(deps.clock.now(), deps.config.firmTimeZone);
  const last = await deps.db.selectFrom('meta').select('value').where('key', '=', LAST_RUN_KEY).executeTakeFirst();
  if (last && firmDay(new Date(last.value), deps.config.firmTimeZone) === today) return null;
  return recomputeAll(deps);
}

/** Milliseconds from now to a minute after the next firm-local midnight. */
export function msUntilNextRun(now: Date, timeZone: string): number {
  const today = firmDay(now, timeZone);
  return Math.max(1000, startOfFirmDay(nextDay(today), timeZone).getTime() + 60_000 - now.getTime());
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** At start-up when today's run is missing, then shortly after each firm-local midnight. */
export function scheduleClassification(deps: JobDeps, log: (msg: string) => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = async () => {
    try {
      const started = Date.now();
      const result = await recomputeIfDue(deps);
      if (result) log(`classification: ${result.clients} clients, ${result.changed} changed in ${Date.now() - started} ms`);
    } catch (e) {
      log(`classification failed: ${(e as Error).message}`);
    }
    if (stopped) return;
    timer = setTimeout(() => void run(), msUntilNextRun(deps.clock.now(), deps.config.firmTimeZone));
    timer.unref();
  };
  timer = setTimeout(() => void run(), 0);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
