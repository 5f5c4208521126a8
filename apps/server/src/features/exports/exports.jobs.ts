import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import { expireExports } from './exports.expiry.js';

const DAY_MS = 86_400_000;

/**
 * deletes the files of exports past the retention, once at start-up and then daily.
 * Harmless on several instances: each export expires once, and a missing file is fine.
 */
export function scheduleExportHousekeeping(
  deps: { db: Db; clock: Clock; config: Config },
  log: (msg: string) => void,
  everyMs = DAY_MS,
): () => void {
  const run = () =>
    expireExports(deps, log)
      .then((n) => n && log(`housekeeping: deleted the files of ${n} expired export(s)`))
      .catch((e: unknown) => log(`export housekeeping failed: ${(e as Error).message}`));
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
