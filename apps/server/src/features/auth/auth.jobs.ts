import type { Clock } from '../../plugins/clock.js';
import type { Db } from '../../plugins/db.js';
import { pruneSessions } from './sessions.service.js';
import { pruneThrottle } from './throttle.service.js';

/** Hourly clean-up of expired sessions and spent throttle rows; harmless on several instances. */
export function scheduleAuthHousekeeping(db: Db, clock: Clock, log: (msg: string) => void): () => void {
  const timer = setInterval(() => {
    Promise.all([pruneSessions(db, clock), pruneThrottle(db, clock)]).catch((e: unknown) =>
      log(`housekeeping failed: ${(e as Error).message}`),
    );
  }, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
