// The xlsx scenarios of PERFORMANCE.md: a 50,000-row × 15-column import and a 50,000-row export,
// each beside its floor (exceljs streaming read + raw upsert; one raw query + exceljs streaming
// write), on SQLite and PostgreSQL. Every measurement runs in a fresh child process
// (bench/files-child.ts), so its peak RSS is its own. See bench/README.md.
//
//   node --import tsx bench/files.ts            # both databases, one run each
//   BENCH_FILE_RUNS=3 node --import tsx bench/files.ts
//   BENCH_FILE_DATABASES=sqlite node --import tsx bench/files.ts
//
// bench/run.ts calls runFileBench().
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { FILE_COLUMNS, type FileBenchDb, type FileJob, type FileJobResult, type FromFileChild, type Measured } from './files-protocol.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHILD = path.join(import.meta.dirname, 'files-child.ts');
export const FILE_ROWS = 50_000;
/** The firm's time zone for the exports' dates (the product's default, TZ_FIRM). */
const TIME_ZONE = 'Asia/Shanghai';
/** Every demo user's password in the bench's own databases. */
const PASSWORD = 'Bench-Files-Passw0rd!';

/** PERFORMANCE.md. */
export const FILE_TARGETS = {
  'xlsx import': { maxRatio: 5, maxPeakRssMB: 500 },
  'xlsx export': { maxRatio: 3, maxPeakRssMB: 300 },
} as const;
export type FileScenario = keyof typeof FILE_TARGETS;

/** Upper bounds per job (a 2-core shared machine; typical times are far below these). */
const TIMEOUT_MS: Record<FileJob['type'], number> = {
  generate: 180_000,
  prepare: 120_000,
  'product-import': 900_000,
  'floor-import': 600_000,
  'product-export': 600_000,
  'floor-export': 300_000,
  'compare-exports': 300_000,
};
const EXIT_TIMEOUT_MS = 15_000;

export type FileBenchSide = Measured & { runsMs: number[] };

export type FileBenchResult = {
  scenario: FileScenario;
  database: 'sqlite' | 'postgres';
  rows: number;
  columns: number;
  runs: number;
  /** median time of the runs; peak RSS the largest of the runs */
  product: FileBenchSide;
  floor: FileBenchSide;
  /** product time ÷ floor time */
  ratio: number;
  target: { maxRatio: number; maxPeakRssMB: number };
  met: { time: boolean; rss: boolean };
  /** what the runs wrote and read (rows per table, file sizes) */
  detail: Record<string, unknown>;
  /** problems with what the product produced that do not stop the measurement (e.g. garbled text) */
  warnings: string[];
};

export type FileBenchOptions = {
  databases: ('sqlite' | 'postgres')[];
  pgUrl: string;
  say: (line: string) => void;
  /** measurements per side and database (each on fresh databases); default BENCH_FILE_RUNS or 1 */
  runs?: number;
  /** aborting kills the running child and cleans up (temp files, schemas) */
  signal?: AbortSignal;
};

// ---------------------------------------------------------------------------------------------
// Child processes.

class Aborted extends Error {}

function runJob<T extends FileJob['type']>(job: Extract<FileJob, { type: T }>, signal?: AbortSignal): Promise<FileJobResult[T]> {
  if (signal?.aborted) return Promise.reject(new Aborted('aborted'));
  const child = fork(CHILD, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const outcome = new Promise<FileJobResult[T]>((resolve, reject) => {
    const timeoutMs = TIMEOUT_MS[job.type];
    const stop = (e: Error) => {
      child.kill('SIGKILL');
      reject(e);
    };
    const timer = setTimeout(() => stop(new Error(`${job.type} timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    const onAbort = () => stop(new Aborted('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('message', (msg: FromFileChild) => {
      done();
      if (msg.type === 'result') resolve(msg.result as FileJobResult[T]);
      else reject(new Error(`${job.type}: ${msg.message}`));
    });
    child.once('exit', (code, sig) => {
      done();
      reject(new Error(`${job.type}: the child process exited (${sig ?? `code ${code}`}) without an answer`));
    });
    child.once('error', (e) => {
      done();
      reject(e);
    });
    child.send(job);
  });
  // One process at a time: the next job starts only once this one has gone (killed if it lingers).
  return outcome.finally(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const kill = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await exited;
    clearTimeout(kill);
  });
}

// ---------------------------------------------------------------------------------------------
// Databases.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

async function withAdmin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Null when PostgreSQL can be used, or why not. */
async function postgresUnavailable(url: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'the PostgreSQL URL is not a URL';
  }
  if (!LOOPBACK.has(host)) return `${host} is not a loopback address (the bench only talks to 127.0.0.1)`;
  try {
    await withAdmin(url, (c) => c.query('select 1'));
    return null;
  } catch (e) {
    const err = e as Error & { code?: string };
    return err.message || err.code || String(e);
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

type Cleanups = (() => Promise<void> | void)[];

/** A fresh database: a SQLite file in the temp dir, or a new schema bench_files_<random>_<tag>. */
async function freshDb(kind: 'sqlite' | 'postgres', tag: string, ctx: { dir: string; pgUrl: string; schemaBase: string; cleanups: Cleanups }) {
  if (kind === 'sqlite') {
    const file = path.join(ctx.dir, `${tag}.db`);
    const remove = () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
    ctx.cleanups.push(remove);
    return { db: { dialect: 'sqlite', file } as FileBenchDb, drop: remove };
  }
  const schema = `${ctx.schemaBase}_${tag}`;
  await withAdmin(ctx.pgUrl, (c) => c.query(`create schema ${schema}`));
  const drop = () => withAdmin(ctx.pgUrl, (c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => {});
  ctx.cleanups.push(drop);
  return { db: { dialect: 'postgres', url: ctx.pgUrl, schema } as FileBenchDb, drop };
}

// ---------------------------------------------------------------------------------------------
// Reporting.

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (v: number) => v.toLocaleString('en-US');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const DB_LABEL = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

function side(runs: Measured[]): FileBenchSide {
  const runsMs = runs.map((r) => Math.round(r.ms));
  const worst = runs.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a));
  return { ...worst, ms: median(runsMs), runsMs };
}

function result(
  scenario: FileScenario,
  database: 'sqlite' | 'postgres',
  product: Measured[],
  floor: Measured[],
  detail: Record<string, unknown>,
  warnings: string[],
): FileBenchResult {
  const target = FILE_TARGETS[scenario];
  const p = side(product);
  const f = side(floor);
  const ratio = p.ms / f.ms;
  return {
    scenario,
    database,
    rows: FILE_ROWS,
    columns: FILE_COLUMNS.length,
    runs: product.length,
    product: p,
    floor: f,
    ratio,
    target: { ...target },
    met: { time: ratio <= target.maxRatio, rss: p.peakRssBytes <= target.maxPeakRssMB * MB },
    detail,
    warnings,
  };
}

/** The results as a table: times, ratio against its target, peak RSS against its target. */
export function formatFileTable(results: FileBenchResult[]): string[] {
  const head = ['scenario', 'database', 'product', 'floor', 'ratio', 'target', 'product peak RSS', 'target', 'floor peak RSS'];
  const rows = results.map((r) => [
    r.scenario,
    DB_LABEL[r.database],
    secs(r.product.ms),
    secs(r.floor.ms),
    `${r.ratio.toFixed(2)}×`,
    `≤ ${r.target.maxRatio}× ${r.met.time ? 'ok' : 'MISSED'}`,
    mb(r.product.peakRssBytes),
    `≤ ${r.target.maxPeakRssMB} MB ${r.met.rss ? 'ok' : 'MISSED'}`,
    mb(r.floor.peakRssBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

// ---------------------------------------------------------------------------------------------

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(what);
}

/**
 * Runs the xlsx import and export scenarios on each database and prints a table through `say`.
 * Rejects on any failure (a wrong count, a timeout, a child that dies) after cleaning up.
 */
export async function runFileBench(opts: FileBenchOptions): Promise<FileBenchResult[]> {
  const { say, signal } = opts;
  const runs = opts.runs ?? Math.max(1, Math.floor(Number(process.env.BENCH_FILE_RUNS) || 1));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-bench-files-'));
  const cleanups: Cleanups = [() => fs.rmSync(dir, { recursive: true, force: true })];
  const ctx = { dir, pgUrl: opts.pgUrl, schemaBase: `bench_files_${randomBytes(5).toString('hex')}`, cleanups };
  const job = <T extends FileJob['type']>(j: Extract<FileJob, { type: T }>) => runJob<T>(j, signal);
  const results: FileBenchResult[] = [];
  try {
    const file = path.join(dir, 'clients.xlsx');
    const gen = await job<'generate'>({ type: 'generate', file, rows: FILE_ROWS });
    check(gen.rows === FILE_ROWS, `the generated file has ${gen.rows} rows, not ${FILE_ROWS}`);
    say(
      `xlsx files: ${n(gen.rows)} clients × ${FILE_COLUMNS.length} columns (${n(gen.contacts)} with a contact, ${n(gen.tags)} tags), ` +
        `${(gen.bytes / MB).toFixed(1)} MB, generated in ${secs(gen.ms)}; ${runs} run(s) per side, each in a fresh process`,
    );

    for (const database of opts.databases) {
      const label = DB_LABEL[database];
      if (database === 'postgres') {
        const why = await postgresUnavailable(opts.pgUrl);
        if (why) {
          say(`${label}: skipped (${redact(opts.pgUrl)}: ${why})`);
          continue;
        }
      }
      const m = { productImport: [] as Measured[], floorImport: [] as Measured[], productExport: [] as Measured[], floorExport: [] as Measured[] };
      const detail = { import: {} as Record<string, unknown>, export: {} as Record<string, unknown> };
      const warnings: string[] = [];
      for (let r = 1; r <= runs; r++) {
        const a = await freshDb(database, `${database}_product_${r}`, ctx);
        const b = await freshDb(database, `${database}_floor_${r}`, ctx);
        await job<'prepare'>({ type: 'prepare', db: a.db, password: PASSWORD });
        await job<'prepare'>({ type: 'prepare', db: b.db, password: PASSWORD });
        const dataDir = path.join(dir, `data-${database}-${r}`);
        fs.mkdirSync(dataDir, { recursive: true });
        const run = `${label} run ${r}/${runs}`;

        const pi = await job<'product-import'>({ type: 'product-import', db: a.db, file, dataDir, password: PASSWORD });
        say(
          `  ${run}: product import ${secs(pi.ms)}, peak RSS ${mb(pi.peakRssBytes)} (${mb(pi.setupPeakRssBytes)} before the upload); ` +
            `${n(pi.createdCount)} created, ${n(pi.errorCount)} errors; ${n(pi.counts.contacts)} contacts, ${n(pi.counts.grams)} search grams, ` +
            `${n(pi.counts.auditEvents)} audit and ${n(pi.counts.timelineEvents)} timeline rows`,
        );
        if (pi.counts.garbled) {
          const w = `${label}: the product import stored ${n(pi.counts.garbled)} clients/contacts with U+FFFD in place of characters of the file (exceljs streaming reader; bench/README.md)`;
          warnings.push(w);
          say(`  WARNING ${w}`);
        }
        check(
          pi.createdCount === FILE_ROWS && pi.errorCount === 0 && pi.counts.clients === FILE_ROWS && pi.counts.contacts === gen.contacts && pi.counts.tags === gen.tags,
          `${label}: the product import did not create every row: ${JSON.stringify({ ...pi, expected: { clients: FILE_ROWS, contacts: gen.contacts, tags: gen.tags } })}`,
        );
        const fi = await job<'floor-import'>({ type: 'floor-import', db: b.db, file });
        say(
          `  ${run}: floor import ${secs(fi.ms)}, peak RSS ${mb(fi.peakRssBytes)} (${mb(fi.setupPeakRssBytes)} before reading); ` +
            `${n(fi.counts.clients)} clients, ${n(fi.counts.contacts)} contacts, ${n(fi.counts.tags)} tags; ${n(fi.counts.garbled)} garbled (plain exceljs reader)`,
        );
        check(
          fi.rows === FILE_ROWS && fi.counts.clients === FILE_ROWS && fi.counts.contacts === gen.contacts && fi.counts.tags === gen.tags,
          `${label}: the floor import wrote something else: ${JSON.stringify(fi)}`,
        );
        await b.drop();

        const pe = await job<'product-export'>({ type: 'product-export', db: a.db, dataDir, password: PASSWORD });
        say(`  ${run}: product export ${secs(pe.ms)}, peak RSS ${mb(pe.peakRssBytes)} (${mb(pe.setupPeakRssBytes)} before the request); ${n(pe.rows)} rows, ${(pe.bytes / MB).toFixed(1)} MB`);
        const fe = await job<'floor-export'>({ type: 'floor-export', db: a.db, file: path.join(dir, `floor-export-${database}-${r}.xlsx`), timeZone: TIME_ZONE });
        say(`  ${run}: floor export ${secs(fe.ms)}, peak RSS ${mb(fe.peakRssBytes)} (${mb(fe.setupPeakRssBytes)} before the query); ${n(fe.rows)} rows, ${(fe.bytes / MB).toFixed(1)} MB`);
        const same = await job<'compare-exports'>({ type: 'compare-exports', product: pe.file, floor: fe.file });
        check(
          pe.rows === FILE_ROWS && same.productRows === FILE_ROWS && same.floorRows === FILE_ROWS,
          `${label}: the export does not hold ${FILE_ROWS} data rows: ${JSON.stringify({ rowCount: pe.rows, ...same })}`,
        );
        await a.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.rmSync(fe.file, { force: true });

        m.productImport.push(pi);
        m.floorImport.push(fi);
        m.productExport.push(pe);
        m.floorExport.push(fe);
        detail.import = { fileBytes: gen.bytes, product: pi.counts, floor: fi.counts };
        detail.export = { productBytes: pe.bytes, floorBytes: fe.bytes, identicalRows: same.rows };
      }
      const rows = [
        result('xlsx import', database, m.productImport, m.floorImport, detail.import, warnings),
        result('xlsx export', database, m.productExport, m.floorExport, detail.export, []),
      ];
      results.push(...rows);
      for (const line of formatFileTable(rows)) say(`  ${line}`);
    }
    if (results.length) {
      say('');
      say(`xlsx import/export, ${n(FILE_ROWS)} rows · time = median of ${runs} run(s), ratio = product ÷ floor · peak RSS = maxRSS of the process`);
      for (const line of formatFileTable(results)) say(line);
      for (const w of new Set(results.flatMap((r) => r.warnings))) say(`WARNING ${w}`);
    }
    return results;
  } finally {
    for (const c of cleanups.reverse()) {
      await Promise.resolve()
        .then(c)
        .catch((e: unknown) => say(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// On its own: node --import tsx bench/files.ts

async function main(): Promise<number> {
  const pgUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const controller = new AbortController();
  // A hard bound on the whole run, whatever hangs (each job has its own): abort, which cleans up.
  const watchdog = setTimeout(() => {
    say('\nbench/files: gave up after 2 hours');
    controller.abort();
  }, 2 * 3600_000);
  watchdog.unref();
  for (const s of ['SIGINT', 'SIGTERM'] as const) {
    process.once(s, () => {
      say(`\nbench/files: ${s}, cleaning up`);
      controller.abort();
    });
  }
  const cpus = os.cpus();
  say(`Retainer xlsx bench · node ${process.version} · ${cpus.length}× ${cpus[0]?.model ?? '?'} · load ${os.loadavg()[0]!.toFixed(2)} · ${new Date().toISOString()}`);
  const started = new Date();
  const loadStart = os.loadavg()[0]!;
  try {
    const databases = (process.env.BENCH_FILE_DATABASES || 'sqlite,postgres').split(',').map((d) => d.trim());
    for (const d of databases) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_FILE_DATABASES: unknown database "${d}"`);
    const results = await runFileBench({ databases: databases as ('sqlite' | 'postgres')[], pgUrl, say, signal: controller.signal });
    const loadEnd = os.loadavg()[0]!;
    if (Math.max(loadStart, loadEnd) > cpus.length) say(`Note: the machine was busy (1-min load ${loadStart.toFixed(2)} → ${loadEnd.toFixed(2)} on ${cpus.length} CPUs).`);
    const resultsDir = path.join(import.meta.dirname, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const json = `${JSON.stringify({ date: started.toISOString(), command: 'node --import tsx bench/files.ts', postgresUrl: redact(pgUrl), node: process.version, loadAvg: [loadStart, loadEnd], results }, null, 2)}\n`;
    const file = path.join(resultsDir, `files-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, json);
    fs.writeFileSync(path.join(resultsDir, 'files-latest.json'), json);
    say(`Results: ${path.relative(ROOT, file)} (and bench/results/files-latest.json)`);
    return 0;
  } catch (e) {
    if (e instanceof Aborted || controller.signal.aborted) return 130;
    say(`bench/files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main().then((code) => process.exit(code));
}
