import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db.js';
import { claimRun, everyOf, failInterruptedRuns, finishRun, isDue, periodOf, validateEvery } from './scheduler-runs.js';
import { startPgBoss } from './scheduler-pg.js';

export type JobDeps = { db: Db; clock: Clock; config: Config; log: (msg: string) => void };

/** Z-2: a scheduled job. Its body runs once per period across every instance sharing the database. */
export type Job = {
  name: string;
  every: 'daily' | { minutes: number };
  /** daily jobs: the firm-local time, HH:MM (default 00:01) */
  at?: string;
  /** run at start when the current period has no successful run yet (default true) */
  atStart?: boolean;
  /** returns a line worth logging, if any */
  run(deps: JobDeps): Promise<string | null | void>;
};

export type RunOutcome = { job: string; period: string; status: 'done' | 'failed' | 'skipped'; message?: string; error?: string };

export type SchedulerOptions = {
  deps: JobDeps;
  jobs: readonly Job[];
  /**
   * PostgreSQL: pg-boss delivers the runs (its tables in their own schema). Without it, in-process
   * timers, for a process that holds its database alone (embedded; start fails its leftover claims).
   */
  pgBoss?: { connectionString: string; schema: string } | null;
  instance?: string;
};

/** Embedded timers wake at least this often, so a suspended machine or clock change is caught up. */
const MAX_SLEEP_MS = 3600_000;
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export function newInstanceId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Claim the job's current period, run the body, record the outcome: the one path every trigger takes. */
export async function runJob(deps: JobDeps, job: Job, instance: string): Promise<RunOutcome> {
  const period = periodOf(everyOf(job), deps.clock.now(), deps.config.firmTimeZone).key;
  if (!(await claimRun(deps.db, job.name, period, instance, deps.clock.now()))) return { job: job.name, period, status: 'skipped' };
  try {
    const message = (await job.run(deps)) ?? undefined;
    await finishRun(deps.db, job.name, period, instance, deps.clock.now(), null);
    if (message) deps.log(`${job.name}: ${message}`);
    return { job: job.name, period, status: 'done', ...(message ? { message } : {}) };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await finishRun(deps.db, job.name, period, instance, deps.clock.now(), error).catch(() => {});
    deps.log(`${job.name} failed: ${error}`);
    return { job: job.name, period, status: 'failed', error };
  }
}

/** Runs, one after another, each job whose current period has no successful run yet. */
export async function runDueJobs(deps: JobDeps, jobs: readonly Job[], instance: string): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const job of jobs) {
    const period = periodOf(everyOf(job), deps.clock.now(), deps.config.firmTimeZone).key;
    outcomes.push((await isDue(deps.db, job.name, period)) ? await runJob(deps, job, instance) : { job: job.name, period, status: 'skipped' });
  }
  return outcomes;
}

export type Scheduler = {
  readonly instance: string;
  /** Sets up timers or pg-boss and starts the catch-up of missed runs in the background. */
  start(): Promise<void>;
  /** Resolves when no run started by this scheduler is in flight. */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { deps, jobs } = options;
  const instance = options.instance ?? newInstanceId();
  for (const job of jobs) validateEvery(job.name, everyOf(job));
  if (new Set(jobs.map((j) => j.name)).size !== jobs.length) throw new Error('job names must be unique');

  const inFlight = new Map<string, Promise<RunOutcome>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  let stopBoss: (() => Promise<void>) | null = null;
  let starting: Promise<void> | null = null;
  const settled = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  };

  /** One run per job at a time in this process; a second trigger meanwhile joins the first. */
  const trigger = (job: Job, onlyIfDue: boolean): Promise<RunOutcome> => {
    const running = inFlight.get(job.name);
    if (running) return running;
    const p = (onlyIfDue ? runDueJobs(deps, [job], instance).then((o) => o[0]!) : runJob(deps, job, instance)).finally(() =>
      inFlight.delete(job.name),
    );
    inFlight.set(job.name, p);
    return p;
  };

  const arm = (job: Job, lastFailed: boolean) => {
    if (stopped) return;
    const now = deps.clock.now();
    const untilNext = periodOf(everyOf(job), now, deps.config.firmTimeZone).next.getTime() - now.getTime() + 1000;
    const delay = Math.max(1000, Math.min(untilNext, lastFailed ? RETRY_AFTER_FAILURE_MS : MAX_SLEEP_MS));
    const timer = setTimeout(() => {
      void trigger(job, true)
        .catch((e: unknown) => {
          deps.log(`${job.name} failed: ${(e as Error).message}`);
          return { status: 'failed' } as const;
        })
        .then((o) => arm(job, o.status === 'failed'));
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  };

  const begin = async () => {
    if (options.pgBoss) {
      stopBoss = await startPgBoss({ ...options.pgBoss, jobs, deps, run: (job) => trigger(job, false) });
      deps.log(`scheduler: ${jobs.length} jobs via pg-boss (schema ${options.pgBoss.schema})`);
    } else {
      // Embedded: this process holds the data directory alone (plugins/lock.ts).
      await failInterruptedRuns(deps.db, deps.clock.now());
      deps.log(`scheduler: ${jobs.length} jobs in-process`);
    }
    for (const job of jobs) {
      if (stopped) return;
      // Z-2: a run missed while no instance was up happens now.
      const first = job.atStart === false ? Promise.resolve(null) : trigger(job, true);
      void first
        .catch((e: unknown) => deps.log(`${job.name} failed: ${(e as Error).message}`))
        .then((o) => !options.pgBoss && arm(job, o?.status === 'failed'));
    }
  };

  return {
    instance,
    async start() {
      starting = begin();
      await starting;
    },
    settled,
    async stop() {
      stopped = true;
      await starting?.catch(() => {});
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      if (stopBoss) await stopBoss();
      stopBoss = null;
      await settled();
    },
  };
}
