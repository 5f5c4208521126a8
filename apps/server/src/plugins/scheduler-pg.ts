import PgBoss from 'pg-boss';
import { cronOf, everyOf } from './scheduler-runs.js';
import type { Job, JobDeps, RunOutcome } from './scheduler.js';

/** pg-boss expires a job it has handed out after this long; matches the stale-claim window. */
const EXPIRE_HOURS = 2;

/**
 * Z-2 on PostgreSQL: pg-boss keeps each job's cron schedule in the database and hands each due
 * run to one worker of whichever instance fetches it first. A duplicate delivery (a retry, a
 * second cron tick) still goes through run(), whose claim lets the body run once per period.
 */
export async function startPgBoss(options: {
  connectionString: string;
  schema: string;
  jobs: readonly Job[];
  deps: JobDeps;
  run: (job: Job) => Promise<RunOutcome>;
}): Promise<() => Promise<void>> {
  const { deps } = options;
  const boss = new PgBoss({ connectionString: options.connectionString, schema: options.schema, max: 3, application_name: 'retainer-scheduler' });
  boss.on('error', (e) => deps.log(`pg-boss: ${e.message}`));
  await boss.start();
  try {
    for (const job of options.jobs) {
      const queue = queueName(job);
      await ensureQueue(boss, queue);
      const { cron, tz } = cronOf(everyOf(job), deps.config.firmTimeZone);
      await boss.schedule(queue, cron, {}, { tz });
      // A batch holds the waiting deliveries of this one job: one claim-then-run covers them all.
      await boss.work(queue, { batchSize: 10 }, async () => {
        const outcome = await options.run(job);
        // pg-boss retries a failed delivery (retryLimit); the failed claim is then taken over.
        if (outcome.status === 'failed') throw new Error(outcome.error);
      });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw e;
  }
  return () => boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}

export const queueName = (job: Job) => `retainer-${job.name}`;

/**
 * Creates a queue unless another instance has. pg-boss 10 gives each queue a partition of its job
 * table, and two instances doing that DDL at once can deadlock: the loser retries.
 */
async function ensureQueue(boss: PgBoss, queue: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(queue)) return;
    try {
      await boss.createQueue(queue, { name: queue, retryLimit: 2, retryDelay: 300, expireInHours: EXPIRE_HOURS });
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}
