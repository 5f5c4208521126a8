import type { Job } from '../../plugins/scheduler.js';
import { expireExports } from './exports.expiry.js';

/**
 * deletes the files of exports past the retention, daily and at start when the day's run is
 * missing. Harmless on several instances anyway: each export expires once, and a missing file is fine.
 */
export const exportHousekeepingJob: Job = {
  name: 'export-housekeeping',
  every: 'daily',
  at: '00:01',
  async run(deps) {
    const n = await expireExports(deps, deps.log);
    return n ? `deleted the files of ${n} expired export(s)` : null;
  },
};
