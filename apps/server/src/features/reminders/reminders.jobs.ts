import type { Job } from '../../plugins/scheduler.js';
import { enqueueDailyDigests } from './reminders.digest.js';
import { deliverDue } from './reminders.outbox.js';

/**
 * P-10, N-4: the reminder jobs, ready for the central scheduler (plugins/scheduler.ts): register
 * with `...REMINDER_JOBS` in jobs.ts. The digest is queued at 07:30 firm time; the outbox is
 * drained every minute (retries wait for their next_attempt_at).
 */
export const REMINDER_JOBS: readonly Job[] = [
  {
    name: 'reminders.digest',
    every: 'daily',
    at: '07:30',
    async run(deps) {
      const n = await enqueueDailyDigests(deps);
      return n ? `queued ${n} digest(s)` : null;
    },
  },
  {
    name: 'reminders.deliver',
    every: { minutes: 1 },
    async run(deps) {
      const o = await deliverDue(deps);
      return o.sent || o.failed || o.dead ? `sent ${o.sent}, failed ${o.failed}, dead ${o.dead}` : null;
    },
  },
];

export { deliverDue, enqueueDailyDigests };
