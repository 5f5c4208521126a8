import { authHousekeepingJob } from './features/auth/auth.jobs.js';
import { CARE_JOBS } from './features/care/care.jobs.js';
import { REMINDER_JOBS } from './features/reminders/reminders.jobs.js';
import { REQUEST_JOBS } from './features/requests/requests.jobs.js';
import { classificationJob } from './features/classification/classification.jobs.js';
import { exportHousekeepingJob } from './features/exports/exports.jobs.js';
import { cadenceFlagsJob } from './features/interactions/cadence.jobs.js';
import { keyDateRemindersJob } from './features/matters/key-dates.jobs.js';
import { serviceStandardsJob } from './features/matters/standards.jobs.js';
import type { Job } from './plugins/scheduler.js';

/** Z-2: every scheduled job of the app, run by plugins/scheduler.ts (backups stay embedded-only, plugins/backup.ts). */
export const appJobs: readonly Job[] = [
  classificationJob,
  exportHousekeepingJob,
  cadenceFlagsJob,
  serviceStandardsJob,
  keyDateRemindersJob,
  authHousekeepingJob,
  ...CARE_JOBS,
  ...REMINDER_JOBS,
  ...REQUEST_JOBS,
];
