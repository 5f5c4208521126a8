import type { Job } from '../../plugins/scheduler.js';
import { pruneSessions } from './sessions.service.js';
import { pruneThrottle } from './throttle.service.js';

/** Hourly clean-up of expired sessions and spent throttle rows (not at start: nothing is urgent). */
export const authHousekeepingJob: Job = {
  name: 'auth-housekeeping',
  every: { minutes: 60 },
  atStart: false,
  async run(deps) {
    await Promise.all([pruneSessions(deps.db, deps.clock), pruneThrottle(deps.db, deps.clock)]);
  },
};
