// P-4 year plan generation: the product's generateYear for the year after the demo's beside the
// floor of inserting the same rows in one transaction into the touchpoints table with its indexes
// (PERFORMANCE.md "year plan generation", ≤ 2×). Not HTTP load: timed in the target process, on
// the database it seeded (which already holds that year: it is deleted before each product run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DEMO_NOW } from '../apps/server/src/demo/demo-time.js';
import { generateYear } from '../apps/server/src/features/care/care.generate.js';
import { touchpointsColumns } from '../apps/server/src/features/care/care.table.js';
import { fixedClock } from '../apps/server/src/plugins/clock.js';
import { readConfig } from '../apps/server/src/plugins/config.js';
import type { Db } from '../apps/server/src/plugins/db.js';

export type PlanResult = {
  year: number;
  clients: number;
  rows: number;
  /** generateYear on a year with nothing stored; then again, finding nothing to do */
  product: { ms: number[]; rerunMs: number[] };
  /** the same rows in one transaction: better-sqlite3 prepared inserts / COPY FROM STDIN */
  floor: { method: string; ms: number[] };
  ratio: number;
};

type Target = { db: Db; sqlite: SQLite.Database | null; pool: pg.Pool | null };

const YEAR = new Date(DEMO_NOW).getUTCFullYear() + 1;
const COLUMNS = touchpointsColumns.map((c) => `"${c}"`).join(', ');
const OF_YEAR = `period_key >= '${YEAR}' and period_key < '${YEAR + 1}'`;

// COPY's text format, also the floor's file on SQLite: tab-separated, \N for null
const escape = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!));
const unescape = (v: string) =>
  v === '\\N' ? null : v.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);

async function removeYear(t: Target) {
  await t.db.deleteFrom('touchpoints').where('period_key', '>=', String(YEAR)).where('period_key', '<', String(YEAR + 1)).execute();
}

/** The year's rows as the product wrote them, to a file (untimed), then deleted. */
async function exportYear(t: Target, file: string): Promise<number> {
  if (t.sqlite) {
    const fd = fs.openSync(file, 'w');
    let n = 0;
    let lines: string[] = [];
    for (const r of t.sqlite.prepare(`select ${COLUMNS} from touchpoints where ${OF_YEAR}`).raw().iterate() as Iterable<unknown[]>) {
      lines.push(r.map(escape).join('\t'));
      n++;
      if (lines.length >= 5000) {
        fs.writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length) fs.writeSync(fd, `${lines.join('\n')}\n`);
    fs.closeSync(fd);
    await removeYear(t);
    return n;
  }
  const c = await t.pool!.connect();
  try {
    await pipeline(c.query(copyTo(`copy (select ${COLUMNS} from touchpoints where ${OF_YEAR}) to stdout`)), fs.createWriteStream(file));
  } finally {
    c.release();
  }
  const n = Number((await t.pool!.query<{ n: string }>(`select count(*) as n from touchpoints where ${OF_YEAR}`)).rows[0]!.n);
  await removeYear(t);
  return n;
}

/** The floor: the file's rows into touchpoints in one transaction; returns ms. */
async function runFloor(t: Target, file: string): Promise<number> {
  if (t.sqlite) {
    const insert = t.sqlite.prepare(`insert into touchpoints (${COLUMNS}) values (${touchpointsColumns.map(() => '?').join(', ')})`);
    const started = performance.now();
    t.sqlite.exec('begin');
    try {
      for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
        if (line) insert.run(line.split('\t').map(unescape));
      }
      t.sqlite.exec('commit');
    } catch (e) {
      t.sqlite.exec('rollback');
      throw e;
    }
    return performance.now() - started;
  }
  const c = await t.pool!.connect();
  try {
    const started = performance.now();
    await c.query('begin');
    await pipeline(fs.createReadStream(file), c.query(copyFrom(`copy touchpoints (${COLUMNS}) from stdin`)));
    await c.query('commit');
    return performance.now() - started;
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;

/**
 * Per run: delete the year, time generateYear (clock at the demo's now), time it again (idempotent),
 * export and delete the rows it wrote, time their insert as the floor. The year ends as seeded.
 */
export async function measurePlan(t: Target, runs = 1): Promise<PlanResult> {
  const config = readConfig();
  const deps = { db: t.db, clock: fixedClock(new Date(DEMO_NOW).toISOString()), timeZone: config.firmTimeZone };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-plan-'));
  const file = path.join(dir, 'touchpoints.tsv');
  const product: number[] = [];
  const rerun: number[] = [];
  const floor: number[] = [];
  let clients = 0;
  let rows = 0;
  try {
    for (let i = 0; i < runs; i++) {
      await removeYear(t);
      let started = performance.now();
      const r = await generateYear(deps, YEAR);
      product.push(performance.now() - started);
      clients = r.clients;
      started = performance.now();
      const again = await generateYear(deps, YEAR);
      rerun.push(performance.now() - started);
      if (again.created || again.moved || again.cancelled || again.reopened) throw new Error(`plan: the re-run changed something: ${JSON.stringify(again)}`);
      rows = await exportYear(t, file);
      if (rows !== r.created) throw new Error(`plan: ${r.created} created but ${rows} stored`);
      floor.push(await runFloor(t, file));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    year: YEAR,
    clients,
    rows,
    product: { ms: product.map(Math.round), rerunMs: rerun.map(Math.round) },
    floor: { method: t.sqlite ? 'better-sqlite3 prepared inserts, one transaction' : 'COPY FROM STDIN (pg-copy-streams), one transaction', ms: floor.map(Math.round) },
    ratio: median(product) / median(floor),
  };
}

export function formatPlan(r: PlanResult): string {
  const list = (v: number[]) => (v.length > 1 ? ` (median of ${v.join(', ')})` : '');
  return (
    `plan ${r.year} (${r.rows} touchpoints, ${r.clients} clients): product ${median(r.product.ms)} ms${list(r.product.ms)},` +
    ` idempotent re-run ${median(r.product.rerunMs)} ms | floor ${median(r.floor.ms)} ms${list(r.floor.ms)} (${r.floor.method}) | ratio ${r.ratio.toFixed(2)}× (target ≤ 2×)`
  );
}
