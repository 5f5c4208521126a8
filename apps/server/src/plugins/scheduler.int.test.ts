import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appJobs } from '../jobs.js';
import { dialect, openTestDatabase } from '../test/harness.js';
import { fixedClock } from './clock.js';
import { readConfig } from './config.js';
import { claimRun, finishRun, STALE_CLAIM_MS } from './scheduler-runs.js';
import { createScheduler, runDueJobs, runJob, type Job, type JobDeps } from './scheduler.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
let handle: Handle;
let deps: JobDeps & { clock: ReturnType<typeof fixedClock> };
const said: string[] = [];

beforeEach(async () => {
  handle = await openTestDatabase();
  said.length = 0;
  // 2026-11-25 10:00 Shanghai
  deps = { db: handle.db, clock: fixedClock('2026-11-25T02:00:00.000Z'), config: readConfig({ TZ_FIRM: 'Asia/Shanghai' }), log: (m) => said.push(m) };
});
afterEach(async () => {
  await handle.drop();
});

const rows = () => handle.db.selectFrom('job_runs').selectAll().orderBy('job').orderBy('period_key').execute();

/** A daily job that records each run's firm-local period, and fails while `failing` is set. */
function countingJob(extra: Partial<Job> = {}) {
  const runs: string[] = [];
  const state = { failing: false };
  const job: Job = {
    name: 'probe',
    every: 'daily',
    async run(d) {
      runs.push(d.clock.now().toISOString());
      if (state.failing) throw new Error('boom');
      return `run ${runs.length}`;
    },
    ...extra,
  };
  return { job, runs, state };
}

describe(`Z-2 scheduler claims (${dialect})`, () => {
  it('lets exactly one claim of a period win; a failed run can be re-claimed, a done one cannot', async () => {
    const now = deps.clock.now();
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'A', now)).toBe(true);
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'B', now)).toBe(false);
    // another period or another job is a claim of its own
    expect(await claimRun(handle.db, 'probe', '2026-11-26', 'B', now)).toBe(true);
    expect(await claimRun(handle.db, 'other', '2026-11-25', 'B', now)).toBe(true);

    await finishRun(handle.db, 'probe', '2026-11-25', 'A', now, 'boom');
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'B', now)).toBe(true);
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'A', now)).toBe(false);
    await finishRun(handle.db, 'probe', '2026-11-25', 'B', now, null);
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'A', now)).toBe(false);
    const row = (await rows()).find((r) => r.job === 'probe' && r.period_key === '2026-11-25');
    expect(row).toMatchObject({ status: 'done', instance: 'B', error: null, attempts: 2 });
  });

  it('takes over a running claim only once it is stale (its process died)', async () => {
    const now = deps.clock.now();
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'A', now)).toBe(true);
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'B', new Date(now.getTime() + STALE_CLAIM_MS - 1000))).toBe(false);
    expect(await claimRun(handle.db, 'probe', '2026-11-25', 'B', new Date(now.getTime() + STALE_CLAIM_MS + 1000))).toBe(true);
    // the late finish of the dead claim does not overwrite the new one
    await finishRun(handle.db, 'probe', '2026-11-25', 'A', now, null);
    expect((await rows())[0]).toMatchObject({ status: 'running', instance: 'B' });
  });

  it('runs the body once per period, records a failure and retries it', async () => {
    const { job, runs, state } = countingJob();
    state.failing = true;
    expect(await runJob(deps, job, 'A')).toMatchObject({ status: 'failed', period: '2026-11-25', error: 'boom' });
    expect((await rows())[0]).toMatchObject({ job: 'probe', period_key: '2026-11-25', status: 'failed', error: 'boom', instance: 'A' });
    expect(said).toEqual(['probe failed: boom']);

    state.failing = false;
    expect(await runDueJobs(deps, [job], 'B')).toMatchObject([{ status: 'done', message: 'run 2' }]);
    expect(await runDueJobs(deps, [job], 'A')).toMatchObject([{ status: 'skipped' }]);
    expect(await runJob(deps, job, 'A')).toMatchObject({ status: 'skipped' });
    expect(runs).toHaveLength(2);
    expect(await rows()).toMatchObject([{ status: 'done', instance: 'B', attempts: 2, error: null }]);
  });
});

describe(`Z-2 scheduler start and restart (${dialect})`, () => {
  it('runs a missed daily run at start, not again on a restart the same day, and again after a midnight', async () => {
    const { job, runs } = countingJob();
    const first = createScheduler({ deps, jobs: [job] });
    await first.start();
    await first.settled();
    await first.stop();
    expect(runs).toHaveLength(1);

    // restarted later the same firm-local day: already done
    deps.clock.set('2026-11-25T15:59:00.000Z');
    const again = createScheduler({ deps, jobs: [job] });
    await again.start();
    await again.settled();
    await again.stop();
    expect(runs).toHaveLength(1);

    // down over two midnights: one catch-up run for today's period, not one per missed day
    deps.clock.set('2026-11-27T03:00:00.000Z');
    const later = createScheduler({ deps, jobs: [job] });
    await later.start();
    await later.settled();
    await later.stop();
    expect(runs).toHaveLength(2);
    expect((await rows()).map((r) => [r.period_key, r.status])).toEqual([
      ['2026-11-25', 'done'],
      ['2026-11-27', 'done'],
    ]);
    expect(said).toContain('probe: run 2');
  });

  it('re-runs at start a run that a crash interrupted (embedded) or that failed, and skips jobs not run at start', async () => {
    const { job, runs } = countingJob();
    await claimRun(handle.db, 'probe', '2026-11-25', 'crashed', deps.clock.now());
    const { job: quiet, runs: quietRuns } = countingJob({ name: 'quiet', every: { minutes: 60 }, atStart: false });
    const s = createScheduler({ deps, jobs: [job, quiet] });
    await s.start();
    await s.settled();
    await s.stop();
    expect(runs).toHaveLength(1);
    expect(quietRuns).toHaveLength(0);
    expect(await rows()).toMatchObject([{ job: 'probe', status: 'done', attempts: 2 }]);
  });

  it('wakes at the next period in-process', async () => {
    deps.clock.set('2026-11-25T02:00:59.500Z');
    const { job, runs } = countingJob({ every: { minutes: 1 } });
    const s = createScheduler({ deps, jobs: [job] });
    try {
      await s.start();
      await s.settled();
      expect(runs).toHaveLength(1);
      deps.clock.advance(60_000);
      await expect.poll(() => runs.length, { timeout: 8000, interval: 100 }).toBe(2);
      expect((await rows()).map((r) => r.period_key)).toEqual(['2026-11-25T02:00Z', '2026-11-25T02:01Z']);
    } finally {
      await s.stop();
    }
  });

  it('runs every registered job once per period', async () => {
    const first = await runDueJobs(deps, appJobs, 'A');
    expect(first.map((o) => o.status)).toEqual(appJobs.map(() => 'done'));
    expect((await runDueJobs(deps, appJobs, 'B')).map((o) => o.status)).toEqual(appJobs.map(() => 'skipped'));
    const all = await rows();
    expect(all.map((r) => r.job).sort()).toEqual(appJobs.map((j) => j.name).sort());
    expect(all.every((r) => r.status === 'done' && r.instance === 'A')).toBe(true);
  });
});
