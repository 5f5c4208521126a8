import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { appJobs } from '../jobs.js';
import { createTestApp, dialect, type TestApp } from '../test/harness.js';
import { TEST_DATABASE_URL } from '../test/pg-url.js';
import { lockDataDir } from './lock.js';
import { openDatabase, type DbHandle } from './db.js';
import { queueName } from './scheduler-pg.js';
import { createScheduler, runJob, type Job, type Scheduler } from './scheduler.js';

const root = path.resolve(import.meta.dirname, '../../../..');

/** Two app instances on ONE PostgreSQL schema, each with its own pool and its own pg-boss. */
async function twoInstances() {
  const t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const schema = rows[0]!.schema;
  const secondHandle = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 4 });
  const second = await buildApp({ handle: secondHandle, config: t.config, clock: t.clock, serveWeb: false });
  const bossSchema = `pgboss_${schema}`;
  const said: string[] = [];
  const deps = (db: TestApp['db']) => ({ db, clock: t.clock, config: t.config, log: (m: string) => said.push(m) });
  const schedulers: Scheduler[] = [];
  const start = async (jobs: readonly Job[]) => {
    const pgBoss = { connectionString: TEST_DATABASE_URL, schema: bossSchema };
    const a = createScheduler({ deps: deps(t.db), jobs, pgBoss, instance: 'A' });
    const b = createScheduler({ deps: deps(secondHandle.db), jobs, pgBoss, instance: 'B' });
    schedulers.push(a, b);
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.settled(), b.settled()]);
    return [a, b] as const;
  };
  const cleanup = async () => {
    await Promise.all(schedulers.map((s) => s.stop()));
    await second.app.close();
    await secondHandle.close();
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop schema if exists ${bossSchema} cascade`);
    await c.end();
    await t.close();
  };
  return { t, secondDb: (secondHandle as DbHandle).db, bossSchema, said, deps, start, cleanup };
}

/** A client of the same pg-boss schema that only delivers, as a cron tick or a retry would. */
async function deliverer(schema: string) {
  const boss = new PgBoss({ connectionString: TEST_DATABASE_URL, schema, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  return {
    boss,
    /** Sends n deliveries of each queue and waits until pg-boss has handed every one out and it completed. */
    async deliver(queues: string[], n: number) {
      const sent: [string, string][] = [];
      for (const q of queues) for (let i = 0; i < n; i++) sent.push([q, (await boss.send(q, {}))!]);
      await expect
        .poll(async () => (await Promise.all(sent.map(([q, id]) => boss.getJobById(q, id)))).map((j) => j?.state), { timeout: 20_000, interval: 200 })
        .toEqual(sent.map(() => 'completed'));
    },
  };
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

// Each dialect's project runs the half that applies to it (nothing is skipped).
if (dialect === 'postgres') describe('Z-2 scheduler on PostgreSQL: two instances, pg-boss', () => {
  it('runs a daily job exactly once per period although both instances fire for it', async () => {
    const env = await twoInstances();
    cleanups.push(env.cleanup);
    const runs: string[] = [];
    const job: Job = {
      name: 'probe',
      every: 'daily',
      async run(d) {
        runs.push(d.clock.now().toISOString());
        await new Promise((r) => setTimeout(r, 30)); // widen the window in which the other instance could race
      },
    };
    await env.start([job]);
    // both started, both caught up the missed run at start: one body ran
    expect(runs).toHaveLength(1);

    const sender = await deliverer(env.bossSchema);
    cleanups.push(() => sender.boss.stop({ graceful: false, wait: true }));
    const schedules = await sender.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, (s as PgBoss.Schedule & { timezone: string }).timezone])).toEqual([[queueName(job), '1 0 * * *', 'Asia/Shanghai']]);

    // duplicate deliveries for the same period, picked up by either instance's worker
    await sender.deliver([queueName(job)], 6);
    expect(runs).toHaveLength(1);
    // both instances firing at the same instant
    const both = await Promise.all([runJob(env.deps(env.t.db), job, 'A'), runJob(env.deps(env.secondDb), job, 'B')]);
    expect(both.map((o) => o.status)).toEqual(['skipped', 'skipped']);

    // the next firm-local day: both fire again, once between them
    env.t.clock.advance(24 * 3600_000);
    const racing = await Promise.all([runJob(env.deps(env.t.db), job, 'A'), runJob(env.deps(env.secondDb), job, 'B')]);
    expect(racing.map((o) => o.status).sort()).toEqual(['done', 'skipped']);
    await sender.deliver([queueName(job)], 6);
    expect(runs).toHaveLength(2);

    env.t.clock.advance(24 * 3600_000);
    await sender.deliver([queueName(job)], 6);
    expect(runs).toHaveLength(3);
    const rows = await env.t.db.selectFrom('job_runs').selectAll().orderBy('period_key').execute();
    expect(rows.map((r) => [r.job, r.period_key, r.status, r.attempts])).toEqual([
      ['probe', '2026-11-25', 'done', 1],
      ['probe', '2026-11-26', 'done', 1],
      ['probe', '2026-11-27', 'done', 1],
    ]);
  }, 60_000);

  it('runs each registered job once per period across both instances', async () => {
    const env = await twoInstances();
    cleanups.push(env.cleanup);
    await env.start(appJobs);
    const sender = await deliverer(env.bossSchema);
    cleanups.push(() => sender.boss.stop({ graceful: false, wait: true }));
    // every queue delivered twice: the jobs not run at start (auth housekeeping) run now, the rest are done
    await sender.deliver(appJobs.map(queueName), 2);
    const rows = await env.t.db.selectFrom('job_runs').selectAll().orderBy('job').execute();
    expect(rows.map((r) => r.job)).toEqual(appJobs.map((j) => j.name).sort());
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.instance)).size).toBeGreaterThanOrEqual(1);
    expect((await sender.boss.getSchedules()).map((s) => s.name).sort()).toEqual(appJobs.map(queueName).sort());
    expect(env.said.filter((m) => m.includes('failed'))).toEqual([]);
  }, 60_000);
});

else describe('Z-2 scheduler embedded: one process per data directory', () => {
  it('refuses a second process on the same data directory, so in-process timers never run twice', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-sched-'));
    const cli = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'jobs'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
    const unlock = lockDataDir(dataDir);
    try {
      const refused = cli();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`(pid ${process.pid})`);
      expect(fs.existsSync(path.join(dataDir, 'retainer.db'))).toBe(false);
    } finally {
      unlock();
    }
    const ran = cli();
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/classification\s+\d{4}-\d{2}-\d{2}\s+done/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
