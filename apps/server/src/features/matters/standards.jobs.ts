import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import type { Job } from '../../plugins/scheduler.js';
import { workingDays } from '../calendar/working-days.js';
import { flagBreaches, notifyBreaches } from './standards.breaches.js';
import { ensureBriefs } from './standards.lifecycle.js';

/** in-progress matters per insert of weekly briefs */
const CHUNK = 200;

type JobDeps = { db: Db; clock: Clock; config: Config };

/**
 * M-4: brings this and next week's briefs of in-progress matters into being, flags overdue
 * obligations and tells each lead lawyer once per breach. Idempotent, so a second run (or a
 * second instance) changes nothing.
 */
export async function runServiceStandards(deps: JobDeps): Promise<{ breached: number; notified: number }> {
  const { db, clock } = deps;
  const cal = await workingDays(deps);
  const inProgress = await db.selectFrom('matters').select('id').where('status', '=', 'in_progress').orderBy('id').execute();
  for (let i = 0; i < inProgress.length; i += CHUNK) {
    const ids = inProgress.slice(i, i + CHUNK).map((m) => m.id);
    await db.transaction().execute((trx) => ensureBriefs(trx, clock, cal, ids));
  }
  return db.transaction().execute(async (trx) => {
    const breached = await flagBreaches(trx, clock);
    const notified = await notifyBreaches(trx, clock, deps.config.firmTimeZone);
    return { breached, notified };
  });
}

/** M-4: every 15 minutes, and at start. */
export const serviceStandardsJob: Job = {
  name: 'service-standards',
  every: { minutes: 15 },
  async run(deps) {
    const r = await runServiceStandards(deps);
    return r.breached + r.notified ? `${r.breached} breach(es) flagged, ${r.notified} lead lawyer notice(s) sent` : null;
  },
};
