// `npm run bench`: the product beside its floors, per scenario and per database, measured in one run.
// See /bench/README.md and docs on performance targets (PERFORMANCE.md).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SCALES, type Scale } from '../apps/server/src/demo/firm.js';
import { runLoad, type LoadSpec, type Measurement } from './load.js';
import { BENCH_LOGIN, type FromTarget, type TargetDb, type ToTarget } from './protocol.js';
import { runFileBench, type FileBenchResult } from './files.js';
import { formatTable, ratios, type ScenarioResult } from './report.js';
import { myDayScenarios, sameDay } from './my-day.js';
import { formatPlan, type PlanResult } from './plan.js';
import { formatRecompute, type RecomputeResult } from './recompute.js';
import { timelineScenarios } from './timeline.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS_DIR = path.join(import.meta.dirname, 'results');
const HOST = '127.0.0.1';
/** Every demo user gets this password in the bench's own databases. */
const BENCH_PASSWORD = 'Bench-Passw0rd-2026!';

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > 600) throw new Error(`${name} must be a number of seconds between ${min} and 600, got "${raw}"`);
  return n;
}

function envScale(): Scale {
  const raw = process.env.BENCH_SCALE || 'medium';
  if (!(SCALES as readonly string[]).includes(raw)) throw new Error(`BENCH_SCALE must be one of ${SCALES.join('|')}, got "${raw}"`);
  return raw as Scale;
}

function readSettings() {
  try {
    return {
      scale: envScale(),
      durationS: envNumber('BENCH_DURATION', 5, 1),
      warmupS: envNumber('BENCH_WARMUP', 1, 0),
      connections: 10,
      /** Runs only the scenarios whose name contains one of these comma-separated texts (e.g. "search,client"). */
      only: process.env.BENCH_ONLY || null,
    };
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
const settings = readSettings();
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** Seeding (and, on PostgreSQL, VACUUM ANALYZE) of the demo firm: ~1 s small, ~1 min medium, ~10 min large. */
const SETUP_TIMEOUT_MS = { small: 180_000, medium: 600_000, large: 3_600_000 }[settings.scale];
/** An upper bound on the scenarios per database, for the watchdog. */
const MAX_SCENARIOS = 24;
const CLOSE_TIMEOUT_MS = 15_000;

const say = (line = '') => process.stdout.write(`${line}\n`);

/** Anything to undo if the run is interrupted or fails (temp files, schemas, child processes). */
const cleanups = new Set<() => Promise<void> | void>();
async function runCleanups() {
  for (const c of [...cleanups].reverse()) {
    cleanups.delete(c);
    await Promise.resolve()
      .then(c)
      .catch((e: unknown) => say(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// The target process (bench/target.ts): the product and the floors on one seeded database.

class Target {
  private readonly child: ChildProcess;
  private readonly waiters = new Set<(msg: FromTarget | Error) => void>();
  private exited = false;

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'target.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (msg: FromTarget) => {
      for (const w of [...this.waiters]) w(msg);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`the target process exited (${signal ?? `code ${code}`})`);
      for (const w of [...this.waiters]) w(err);
    });
    this.child.on('error', (e) => {
      for (const w of [...this.waiters]) w(e);
    });
  }

  send(msg: ToTarget) {
    if (!this.exited && this.child.connected) this.child.send(msg);
  }

  waitFor<T extends FromTarget['type']>(type: T, timeoutMs: number): Promise<Extract<FromTarget, { type: T }>> {
    return new Promise((resolve, reject) => {
      const done = (v: FromTarget | Error) => {
        if (v instanceof Error) return finish(() => reject(v));
        if (v.type === 'error') return finish(() => reject(new Error(`target: ${v.message}`)));
        if (v.type === type) return finish(() => resolve(v as Extract<FromTarget, { type: T }>));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for "${type}"`))), timeoutMs);
      const finish = (f: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(done);
        f();
      };
      if (this.exited) return done(new Error('the target process is not running'));
      this.waiters.add(done);
    });
  }

  /** Asks the target to close its servers and database; kills it (by pid) if it does not exit in time. */
  async stop(): Promise<number | null> {
    if (this.exited) return null;
    const exit = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    let rss: number | null = null;
    try {
      this.send({ type: 'close' });
      rss = (await this.waitFor('closed', CLOSE_TIMEOUT_MS)).rssBytes;
    } catch {
      // fall through to the kill below
    }
    const killTimer = setTimeout(() => {
      if (!this.exited) this.child.kill('SIGKILL');
    }, CLOSE_TIMEOUT_MS);
    await exit;
    clearTimeout(killTimer);
    return rss;
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

type Scenario = { name: string; product: LoadSpec; floor: LoadSpec; check?: 'page' | 'detail' | 'myday' };

async function expectOk(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

async function signIn(base: string, login = BENCH_LOGIN): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: BENCH_PASSWORD }),
  });
  await expectOk(res, `sign-in as ${login}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('retainer_session='));
  if (!cookie) throw new Error('sign-in set no retainer_session cookie');
  return cookie.split(';')[0]!;
}

type Page = { items: Record<string, unknown>[]; total: number; nextCursor: string | null };

/** The same page from both sides: ids in order, total and cursor (search and list items field for field). */
function samePage(name: string, a: Page, b: Page, limit: number, firstPage: boolean, compareItems: boolean) {
  const ids = (p: Page) => p.items.map((i) => i.id).join(',');
  const size = firstPage ? a.items.length === Math.min(limit, a.total) : a.items.length > 0 && a.items.length <= limit;
  if (a.total !== b.total || ids(a) !== ids(b) || !size || a.nextCursor !== b.nextCursor) {
    throw new Error(`${name}: the floor's page differs from the product's (totals ${a.total} vs ${b.total}, ${a.items.length} vs ${b.items.length} items)`);
  }
  if (compareItems) {
    a.items.forEach((item, i) => {
      const other = b.items[i]!;
      for (const [k, v] of Object.entries(item)) {
        if (JSON.stringify(v) !== JSON.stringify(other[k])) throw new Error(`${name}: item ${String(item.id)} differs in ${k}: ${JSON.stringify(v)} vs ${JSON.stringify(other[k])}`);
      }
    });
  }
}

/** The product and the floor must answer the same thing before their speeds are compared. */
async function checkScenarios(scenarios: Scenario[]) {
  for (const s of scenarios) {
    const call = (spec: LoadSpec, path?: string) =>
      fetch(path ? new URL(path, spec.url) : spec.url, { method: spec.method ?? 'GET', headers: spec.headers ?? {}, ...(spec.body ? { body: spec.body } : {}) });
    const product = await expectOk(await call(s.product, s.product.paths?.[0]), `${s.name} (product)`);
    const floor = await expectOk(await call(s.floor, s.floor.paths?.[0]), `${s.name} (floor)`);
    if (s.check === 'page') {
      const params = new URL(s.product.url).searchParams;
      const itemwise = s.name.startsWith('clients') || s.name.startsWith('search');
      samePage(s.name, product as Page, floor as Page, Number(params.get('limit')), !params.has('cursor'), itemwise);
      if ((product as Page).total === 0) throw new Error(`${s.name}: nothing found — pick another query`);
    } else if (s.check === 'detail') {
      const a = product as { id: string; name: string; tags: string[] };
      const b = floor as { id: string; name: string; tags: string[] };
      if (a.id !== b.id || a.name !== b.name || a.tags.join() !== b.tags.join()) throw new Error(`${s.name}: the floor's record differs from the product's`);
    } else if (s.check === 'myday') {
      sameDay(s.name, product as Parameters<typeof sameDay>[1], floor as Parameters<typeof sameDay>[2]);
    }
  }
}

/** Client searches of PERFORMANCE.md: Chinese 1–4 characters and pinyin initials 2–4 letters. */
const SEARCHES = ['科', '科技', '有限公司', '王', 'hz', 'kjyx'] as const;

function scenariosFor(ready: Extract<FromTarget, { type: 'ready' }>, cookies: { admin: string; partner: string; lawyer: string }, listCursor: string): Scenario[] {
  const { ports, accounts } = ready;
  const cookie = cookies.admin;
  const at = (port: number, p: string) => `http://${HOST}:${port}${p}`;
  const loginBody = JSON.stringify({ login: BENCH_LOGIN, password: BENCH_PASSWORD });
  const json = { 'content-type': 'application/json' };
  const lawyerView = `viewer=${accounts.lawyer.id}&team=${accounts.lawyer.teamId ?? ''}`;
  const partnerView = `viewer=${accounts.partner.id}`;
  const searches: Scenario[] = SEARCHES.flatMap((q) =>
    (['partner', 'lawyer'] as const).map((who) => ({
      name: `search ${q} ${who}`,
      check: 'page' as const,
      product: { url: at(ports.product, `/api/v1/clients?q=${encodeURIComponent(q)}&limit=20`), headers: { cookie: cookies[who] } },
      floor: { url: at(ports.clientsFloor, `/clients?q=${encodeURIComponent(q)}&limit=20&${who === 'lawyer' ? lawyerView : partnerView}`) },
    })),
  );
  const cursor = encodeURIComponent(listCursor);
  const detailPaths = (f: (id: string) => string) => ready.lawyerClientIds.map(f);
  return [
    { name: 'health', product: { url: at(ports.product, '/api/health') }, floor: { url: at(ports.healthFloor, '/api/health') } },
    {
      name: 'login',
      product: { url: at(ports.product, '/api/v1/auth/login'), method: 'POST', headers: json, body: loginBody },
      floor: { url: at(ports.loginFloor, '/login'), method: 'POST', headers: json, body: loginBody },
    },
    {
      name: 'users page (50)',
      check: 'page',
      product: { url: at(ports.product, '/api/v1/users?limit=50'), headers: { cookie } },
      floor: { url: at(ports.usersFloor, '/users?limit=50') },
    },
    ...searches,
    {
      name: 'clients page 2 lawyer',
      check: 'page',
      product: { url: at(ports.product, `/api/v1/clients?limit=50&cursor=${cursor}`), headers: { cookie: cookies.lawyer } },
      floor: { url: at(ports.clientsFloor, `/clients?limit=50&cursor=${cursor}&${lawyerView}`) },
    },
    {
      name: 'client detail lawyer',
      check: 'detail',
      product: {
        url: at(ports.product, `/api/v1/clients/${ready.lawyerClientIds[0]}`),
        headers: { cookie: cookies.lawyer },
        paths: detailPaths((id) => `/api/v1/clients/${id}`),
      },
      floor: { url: at(ports.clientsFloor, `/clients/${ready.lawyerClientIds[0]}?${lawyerView}`), paths: detailPaths((id) => `/clients/${id}?${lawyerView}`) },
    },
    ...timelineScenarios(at, ports, cookies, ready.busyClients),
    ...myDayScenarios(at, ports, cookies.lawyer, accounts.lawyer),
  ];
}

async function measure(spec: LoadSpec): Promise<Measurement> {
  const load = { connections: settings.connections, durationS: settings.durationS };
  if (settings.warmupS > 0) await runLoad(spec, { ...load, durationS: settings.warmupS });
  return runLoad(spec, load);
}

// ---------------------------------------------------------------------------------------------
// One database.

type DatabaseResult = {
  database: 'sqlite' | 'postgres';
  version: string;
  seeded: Extract<FromTarget, { type: 'ready' }>['seeded'];
  setupMs: number;
  targetRssBytes: number | null;
  scenarios: ScenarioResult[];
  recompute: RecomputeResult | null;
  plan: PlanResult | null;
};

async function benchDatabase(label: string, db: TargetDb): Promise<DatabaseResult> {
  const target = new Target();
  const stopTarget = async () => {
    await target.stop();
  };
  cleanups.add(stopTarget);
  try {
    const initMsg: ToTarget = { type: 'init', db, scale: settings.scale, password: BENCH_PASSWORD };
    const readyP = target.waitFor('ready', SETUP_TIMEOUT_MS);
    target.send(initMsg);
    const ready = await readyP;
    const n = ready.seeded;
    say(`${label}: ${ready.dbVersion}; ${n.teams} teams, ${n.users} users, ${n.clients} clients, ${n.contacts} contacts, ${n.grams} search grams, ${n.matters} matters, ${n.interactions} interactions, ${n.timeline} timeline events (scale ${settings.scale}), set up in ${ready.setupMs} ms`);

    const base = `http://${HOST}:${ready.ports.product}`;
    const cookies = {
      admin: await signIn(base),
      partner: await signIn(base, ready.accounts.partner.email),
      lawyer: await signIn(base, ready.accounts.lawyer.email),
    };
    // The list scenario reads the second page: a real keyset step.
    const first = (await expectOk(await fetch(`${base}/api/v1/clients?limit=50`, { headers: { cookie: cookies.lawyer } }), 'first clients page')) as Page;
    if (!first.nextCursor) throw new Error('lawyer@retainer.test sees fewer than 51 clients; use a larger BENCH_SCALE');
    const only = settings.only;
    const scenarios = scenariosFor(ready, cookies, first.nextCursor).filter((s) => !only || only.split(',').some((part) => s.name.includes(part)));
    await checkScenarios(scenarios);

    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      process.stdout.write(`  ${s.name}: floor…`);
      const floor = await measure(s.floor);
      process.stdout.write(' product…');
      const product = await measure(s.product);
      process.stdout.write(' done\n');
      results.push({ name: s.name, product, floor, ratio: ratios(product, floor) });
    }
    // K-2..K-5 full reclassification beside its floor, on the same database, with no load running
    let recompute: RecomputeResult | null = null;
    if (!only || only.split(',').some((part) => 'recompute'.includes(part))) {
      process.stdout.write('  recompute: product and floor…');
      target.send({ type: 'recompute', runs: 3 });
      recompute = (await target.waitFor('recomputed', SETUP_TIMEOUT_MS)).result;
      process.stdout.write(' done\n');
    }
    // P-4 year plan generation beside inserting the same rows, also with no load running
    let plan: PlanResult | null = null;
    if (!only || only.split(',').some((part) => 'plan'.includes(part))) {
      process.stdout.write('  plan: product and floor…');
      target.send({ type: 'plan', runs: settings.scale === 'large' ? 1 : 3 });
      plan = (await target.waitFor('planned', SETUP_TIMEOUT_MS)).result;
      process.stdout.write(' done\n');
    }
    cleanups.delete(stopTarget);
    const rss = await target.stop();
    return {
      database: db.dialect,
      version: ready.dbVersion,
      seeded: ready.seeded,
      setupMs: ready.setupMs,
      targetRssBytes: rss,
      scenarios: results,
      recompute,
      plan,
    };
  } finally {
    if (cleanups.has(stopTarget)) {
      cleanups.delete(stopTarget);
      await stopTarget();
    }
  }
}

async function benchSqlite(): Promise<DatabaseResult> {
  const reuse = process.env.BENCH_SQLITE_FILE;
  if (reuse) return benchDatabase('SQLite', { dialect: 'sqlite', file: path.resolve(reuse), reuse: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-bench-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  cleanups.add(removeDir);
  try {
    return await benchDatabase('SQLite', { dialect: 'sqlite', file: path.join(dir, 'retainer.db') });
  } finally {
    cleanups.delete(removeDir);
    removeDir();
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Null when PostgreSQL can be used, or why not. */
async function postgresUnavailable(url: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return `BENCH_DATABASE_URL is not a URL`;
  }
  if (!LOOPBACK.has(host)) return `${host} is not a loopback address (the bench only talks to 127.0.0.1)`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    const err = e as Error & { code?: string };
    return err.message || err.code || String(e);
  } finally {
    await client.end().catch(() => {});
  }
}

async function withAdmin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function benchPostgres(url: string): Promise<DatabaseResult> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (c) => c.query(`create schema ${schema}`));
  const dropSchema = () => withAdmin(url, (c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => {});
  cleanups.add(dropSchema);
  try {
    return await benchDatabase('PostgreSQL', { dialect: 'postgres', url, schema });
  } finally {
    cleanups.delete(dropSchema);
    await dropSchema();
  }
}

// ---------------------------------------------------------------------------------------------

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', timeout: 5000 }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8', timeout: 5000 }).trim() !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const date = new Date();
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
    /** 1-minute load average at the start and the end: other work on the machine skews every number. */
    loadAvgStart: Number(os.loadavg()[0]!.toFixed(2)),
    loadAvgEnd: null as number | null,
  };
  say(`Retainer bench · scale ${settings.scale} · ${settings.durationS} s per run (+${settings.warmupS} s warm-up) · ${settings.connections} connections`);
  say(`node ${machine.node} · ${machine.cpus}× ${machine.cpuModel} · load ${machine.loadAvgStart} · ${date.toISOString()}`);
  say();

  const databases: DatabaseResult[] = [];
  const skipped: { database: string; reason: string }[] = [];
  const failures: string[] = [];

  const attempt = async (name: string, f: () => Promise<DatabaseResult>) => {
    try {
      databases.push(await f());
    } catch (e) {
      if (interrupted) return;
      const message = e instanceof Error ? e.message : String(e);
      failures.push(`${name}: ${message}`);
      say(`\n${name} FAILED: ${message}`);
    }
  };

  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',').map((d) => d.trim());
  if (wanted.includes('sqlite')) await attempt('SQLite', benchSqlite);
  const why = wanted.includes('postgres') ? await postgresUnavailable(PG_URL) : 'not in BENCH_DATABASES';
  if (why) {
    skipped.push({ database: 'postgres', reason: why });
    say(`PostgreSQL: skipped (${redact(PG_URL)}: ${why})`);
  } else {
    await attempt('PostgreSQL', () => benchPostgres(PG_URL));
  }

  for (const d of databases) {
    say();
    say(`${d.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${d.version}, scale ${settings.scale}) · latencies in ms · ratio = product ÷ floor`);
    say(formatTable(d.scenarios));
    if (d.recompute) say(formatRecompute(d.recompute));
    if (d.plan) say(formatPlan(d.plan));
  }
  for (const d of databases) {
    for (const s of d.scenarios) {
      for (const [who, m] of [['product', s.product], ['floor', s.floor]] as const) {
        if (m.non2xx || m.errors || m.requests === 0) {
          failures.push(`${d.database} ${s.name} ${who}: ${m.requests} ok, ${m.non2xx} non-2xx, ${m.errors} errors`);
        }
      }
    }
  }

  // xlsx import/export of 50,000 rows beside exceljs (bench/files.ts): not HTTP load, fresh processes.
  let files: FileBenchResult[] = [];
  const only = settings.only;
  if (process.env.BENCH_FILES !== '0' && (!only || only.split(',').includes('xlsx')) && !interrupted) {
    const abort = new AbortController();
    const stop = () => abort.abort();
    cleanups.add(stop);
    try {
      say();
      files = await runFileBench({ databases: why ? ['sqlite'] : ['sqlite', 'postgres'], pgUrl: PG_URL, say, signal: abort.signal });
    } catch (e) {
      if (!interrupted) failures.push(`xlsx files: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      cleanups.delete(stop);
    }
  }

  machine.loadAvgEnd = Number(os.loadavg()[0]!.toFixed(2));
  if (Math.max(machine.loadAvgStart, machine.loadAvgEnd) > machine.cpus) {
    say();
    say(`Note: the machine was busy (1-min load ${machine.loadAvgStart} → ${machine.loadAvgEnd} on ${machine.cpus} CPUs); compare ratios, not absolute numbers.`);
  }

  const report = {
    date: date.toISOString(),
    command: 'npm run bench',
    commit: gitCommit(),
    settings: { ...settings, postgresUrl: redact(PG_URL) },
    machine,
    databases,
    files,
    skipped,
    failures,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${date.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  say();
  say(`Results: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
  if (failures.length) {
    say(`\n${failures.length} problem(s):`);
    for (const f of failures) say(`  - ${f}`);
    return 1;
  }
  return 0;
}

// A hard bound on the whole run, whatever hangs.
const perDatabaseMs = SETUP_TIMEOUT_MS + MAX_SCENARIOS * 2 * (settings.durationS + settings.warmupS + 45) * 1000 + 2 * CLOSE_TIMEOUT_MS;
/** bench/files.ts bounds each of its children; this is the whole of it, for both databases. */
const FILES_MS = 40 * 60_000;
const watchdog = setTimeout(() => {
  say(`\nbench: gave up after ${Math.round((2 * perDatabaseMs + FILES_MS) / 1000)} s`);
  void runCleanups().finally(() => process.exit(1));
}, 2 * perDatabaseMs + FILES_MS);
watchdog.unref();

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`\nbench: ${signal}, cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await runCleanups();
    process.exit(1);
  });
