import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect } from './test/harness.js';
import { TEST_DATABASE_URL } from './test/pg-url.js';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-cli-'));
const schema = `c_${randomBytes(5).toString('hex')}`;
const env: Record<string, string> = { DATA_DIR: dataDir, RETAINER_DEMO_PASSWORD: 'Cli-Passw0rd!' };
if (dialect === 'postgres') env.DATABASE_URL = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function pgQuery(text: string) {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

/** Raw SQL on the CLI's database, either dialect. */
async function exec(text: string) {
  if (dialect === 'postgres') return void (await pgQuery(`set search_path = ${schema}; ${text}`));
  const db = new SQLite(path.join(dataDir, 'retainer.db'));
  try {
    db.exec(text);
  } finally {
    db.close();
  }
}

async function countUsers(): Promise<number> {
  if (dialect === 'postgres') return Number((await pgQuery(`select count(*) n from ${schema}.users`)).rows[0].n);
  const db = new SQLite(path.join(dataDir, 'retainer.db'), { readonly: true });
  try {
    return (db.prepare('select count(*) n from users').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('N-3 command line', () => {
  beforeAll(async () => {
    if (dialect === 'postgres') await pgQuery(`create schema ${schema}`);
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') await pgQuery(`drop schema if exists ${schema} cascade`);
  });

  it('migrates, seeds, refuses to reseed without --reset, and creates an admin', async () => {
    expect(cli('migrate').code).toBe(0);
    const seeded = cli('seed', '--scale', 'small');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('lawyer2@retainer.test');
    expect(await countUsers()).toBe(36);

    const again = cli('seed', '--scale', 'small');
    expect(again.code).toBe(1);
    expect(again.out).toContain('--reset');
    expect(await countUsers()).toBe(36);

    const admin = cli('create-admin', '--email', 'Head@Firm.CN', '--name', '主任');
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/password: \S{10,}/);
    expect(await countUsers()).toBe(37);

    const bad = cli('create-admin', '--email', 'not-an-email', '--name', '某人');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--email');

    expect(cli('no-such-command').code).toBe(1);
    expect(cli('seed', '--scale', 'huge', '--reset').code).toBe(1);
    // seven CLI processes, one seeding the small firm with its history: past the default 30 s on a busy machine
  }, 90_000);

  it('runs the scheduler once: every due job, then nothing until the next period', async () => {
    const jobs = ['classification', 'export-housekeeping', 'cadence-flags', 'service-standards', 'key-date-reminders', 'auth-housekeeping'];
    const outcomes = (out: string) =>
      Object.fromEntries(jobs.map((job) => [job, new RegExp(`${job}\\s+(\\S+)\\s+(done|not due|failed)`).exec(out)?.slice(1)]));
    const first = cli('jobs');
    expect(first.code).toBe(0);
    const ran = outcomes(first.out);
    for (const job of jobs) expect(ran[job]?.[1], job).toBe('done');
    const again = cli('jobs');
    expect(again.code).toBe(0);
    const second = outcomes(again.out);
    // the same period again is not run twice (a 15-minute slot may have turned in between)
    for (const job of jobs) if (second[job]?.[0] === ran[job]?.[0]) expect(second[job]?.[1], job).toBe('not due');
    expect(second.classification).toEqual([ran.classification![0], 'not due']);
  }, 60_000);

  it('reseeds with --reset after admins edited the firm data it keeps (templates, programmes, calendar)', async () => {
    expect(cli('seed', '--scale', 'small', '--reset').code).toBe(0);
    const admin = "(select id from users where email = 'admin@retainer.test')";
    await exec(`update programme_rules set updated_by = ${admin};
      update checklist_templates set updated_by = ${admin};
      update survey_templates set updated_by = ${admin};
      update survey_template_versions set created_by = ${admin};
      update calendar_years set updated_by = ${admin};
      insert into digest_preferences (user_id, enabled, updated_at) select id, 1, '2026-11-26T00:00:00.000Z' from users where email = 'admin@retainer.test';`);
    const reset = cli('seed', '--scale', 'small', '--reset');
    expect(reset.out).not.toContain('FOREIGN KEY');
    expect(reset.code).toBe(0);
    expect(await countUsers()).toBe(36);
  }, 120_000);

  it('backs up and restores the embedded database (and says what to use on PostgreSQL)', async () => {
    cli('seed', '--scale', 'small', '--reset');
    const backup = cli('backup');
    if (dialect === 'postgres') {
      expect(backup.code).toBe(1);
      expect(backup.out).toContain('pg_dump');
      return;
    }
    expect(backup.code).toBe(0);
    const file = /Backup written: (\S+)/.exec(backup.out)![1]!;
    expect(fs.existsSync(file)).toBe(true);

    expect(cli('create-admin', '--email', 'after@firm.cn', '--name', '后来者').code).toBe(0);
    expect(await countUsers()).toBe(37);

    const restored = cli('restore', file);
    expect(restored.code).toBe(0);
    expect(await countUsers()).toBe(36);
    // The replaced database was kept, so the restore lost nothing.
    const previous = /kept as (\S+)/.exec(restored.out)![1]!;
    const kept = new SQLite(previous, { readonly: true });
    expect((kept.prepare('select count(*) n from users').get() as { n: number }).n).toBe(37);
    kept.close();

    const junk = path.join(dataDir, 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    const refused = cli('restore', junk);
    expect(refused.code).toBe(1);
    expect(await countUsers()).toBe(36);
  }, 90_000);
});
