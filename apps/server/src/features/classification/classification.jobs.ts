import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import type { Job } from '../../plugins/scheduler.js';
import { LAST_RUN_KEY, recomputeAll } from './classification.recompute.js';

type JobDeps = { db: Db; clock: Clock; config: Config };

/** K-2/K-5 daily: reclassifies everyone unless a full run already happened today (firm-local). */
export async function recomputeIfDue(deps: JobDeps): Promise<{ clients: number; changed: number } | null> {
  const today = firmDay(deps.clock.now(), deps.config.firmTimeZone);
  const last = await deps.db.selectFrom('meta').select('value').where('key', '=', LAST_RUN_KEY).executeTakeFirst();
  if (last && firmDay(new Date(last.value), deps.config.firmTimeZone) === today) return null;
  return recomputeAll(deps);
}

/** K-2/K-5: a minute after each firm-local midnight, and at start when today's run is missing. */
export const classificationJob: Job = {
  name: 'classification',
  every: 'daily',
  at: '00:01',
  async run(deps) {
    const started = Date.now();
    const result = await recomputeIfDue(deps);
    return result && `${result.clients} clients, ${result.changed} changed in ${Date.now() - started} ms`;
  },
};
