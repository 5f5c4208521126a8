import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import type { Job } from '../../plugins/scheduler.js';
import { computeCadence, flagShortfalls } from './cadence.service.js';

/**
 * I-2: inside the last days of the month, tells each person short of the cadence once, without
 * anyone having to open the report. Runs at start-up and hourly (cheap outside the flag window,
 * where the report is not computed at all); harmless on several instances (cadence_flags' key).
 */
export async function flagCadenceShortfalls(deps: { db: Db; clock: Clock; config: Config }): Promise<number> {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };
  // The whole firm, as a partner sees it; the report names each person's own shortfall.
  const firm = { id: 'system', name: 'system', role: 'partner' as const, teamId: null, locale: 'zh-CN' as const };
  const report = await computeCadence(d, firm, {});
  if (report.phase !== 'flagging') return 0;
  return (await flagShortfalls(d, report)).length;
}

export const cadenceFlagsJob: Job = {
  name: 'cadence-flags',
  every: { minutes: 60 },
  async run(deps) {
    const n = await flagCadenceShortfalls(deps);
    return n ? `told ${n} person(s) of a shortfall this month` : null;
  },
};
