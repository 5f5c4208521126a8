// K-2..K-5 full reclassification: the product's recomputeAll beside one raw aggregate over matters
// and fees that writes every client's R, F and M (PERFORMANCE.md "full reclassification", ≤ 2×).
// Not HTTP load: timed once per run in the target process, on the database it seeded.
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { DEMO_NOW } from '../apps/server/src/demo/demo-time.js';
import { addMonths } from '../apps/server/src/features/classification/classification.rules.js';
import { recomputeAll } from '../apps/server/src/features/classification/classification.recompute.js';
import { addDays } from '../apps/server/src/plugins/days.js';
import { firmDay, fixedClock } from '../apps/server/src/plugins/clock.js';
import { readConfig } from '../apps/server/src/plugins/config.js';
import type { Db } from '../apps/server/src/plugins/db.js';

export type RecomputeResult = {
  clients: number;
  /** the first run classifies every client (all change); later runs find nothing to change */
  product: { firstMs: number; changed: number; steadyMs: number[] };
  floor: { ms: number[] };
  /** clients whose R, F or M differ between the product and the floor (0 expected) */
  mismatches: number;
  ratio: { first: number; steady: number };
};

type Target = { db: Db; sqlite: SQLite.Database | null; pool: pg.Pool | null };

/** The K-2 default thresholds as SQL over one per-client aggregate of matters and fees. */
function floorSql(today: string, p: (i: number) => string) {
  const params = [addDays(today, -90), addDays(today, -180), addDays(today, -365), addDays(today, -730), addMonths(today, -36), today];
  const text = `insert into bench_rfm (client_id, r, f, m)
  select c.id,
    case when a.last_on >= ${p(1)} then 5 when a.last_on >= ${p(2)} then 4 when a.last_on >= ${p(3)} then 3 when a.last_on >= ${p(4)} then 2 else 1 end,
    case when coalesce(a.n36, 0) >= 8 then 5 when coalesce(a.n36, 0) >= 5 then 4 when coalesce(a.n36, 0) >= 3 then 3 when coalesce(a.n36, 0) = 2 then 2 else 1 end,
    case when coalesce(a.f36, 0) >= 100000000 then 5 when coalesce(a.f36, 0) >= 30000000 then 4 when coalesce(a.f36, 0) >= 10000000 then 3
      when coalesce(a.f36, 0) >= 3000000 then 2 else 1 end
  from clients c left join (
    select client_id, max(on_day) as last_on, sum(n36) as n36, sum(f36) as f36 from (
      select client_id, opened_on as on_day, case when opened_on > ${p(5)} and opened_on <= ${p(6)} then 1 else 0 end as n36, 0 as f36 from matters
      union all
      select client_id, received_on, 0, case when received_on > ${p(5)} and received_on <= ${p(6)} then amount_fen else 0 end from fees
    ) u group by client_id
  ) a on a.client_id = c.id`;
  return { text, params };
}

const SCRATCH = 'create table if not exists bench_rfm (client_id text primary key, r integer not null, f integer not null, m integer not null)';

/** One transaction: clear the scratch table, then aggregate and write every client's result. */
async function runFloor(t: Target, today: string): Promise<number> {
  const started = performance.now();
  if (t.sqlite) {
    const { text, params } = floorSql(today, () => '?');
    const ordered = [...params.slice(0, 4), params[4], params[5], params[4], params[5]];
    t.sqlite.exec(SCRATCH);
    t.sqlite.transaction(() => {
      t.sqlite!.exec('delete from bench_rfm');
      t.sqlite!.prepare(text).run(...ordered);
    })();
  } else {
    const { text, params } = floorSql(today, (i) => `$${i}`);
    const c = await t.pool!.connect();
    try {
      await c.query(SCRATCH);
      await c.query('begin');
      await c.query('delete from bench_rfm');
      await c.query(text, params);
      await c.query('commit');
    } finally {
      c.release();
    }
  }
  return performance.now() - started;
}

async function mismatches(t: Target): Promise<number> {
  const q = 'select count(*) as n from clients c join bench_rfm b on b.client_id = c.id where c.r_score <> b.r or c.f_score <> b.f or c.m_score <> b.m';
  if (t.sqlite) return (t.sqlite.prepare(q).get() as { n: number }).n;
  return Number((await t.pool!.query<{ n: string }>(q)).rows[0]!.n);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;

/** Product and floor alternately, `runs` times each, on a database nobody else is loading. */
export async function measureRecompute(t: Target, runs = 3): Promise<RecomputeResult> {
  const clock = fixedClock(new Date(DEMO_NOW).toISOString());
  const config = readConfig();
  const today = firmDay(clock.now(), config.firmTimeZone);
  const product: number[] = [];
  const floor: number[] = [];
  let first = { clients: 0, changed: 0 };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = await recomputeAll({ db: t.db, clock, config });
    product.push(performance.now() - started);
    if (i === 0) first = r;
    floor.push(await runFloor(t, today));
  }
  const wrong = await mismatches(t);
  if (t.sqlite) t.sqlite.exec('drop table if exists bench_rfm');
  else await t.pool!.query('drop table if exists bench_rfm');
  const steady = product.slice(1);
  const f = median(floor);
  return {
    clients: first.clients,
    product: { firstMs: Math.round(product[0]!), changed: first.changed, steadyMs: steady.map(Math.round) },
    floor: { ms: floor.map(Math.round) },
    mismatches: wrong,
    ratio: { first: product[0]! / f, steady: median(steady) / f },
  };
}

export function formatRecompute(r: RecomputeResult): string {
  const steady = r.product.steadyMs.length ? `${median(r.product.steadyMs)} ms` : '-';
  return [
    `recompute (${r.clients} clients): product first run ${r.product.firstMs} ms (${r.product.changed} changed), later runs ${steady} (median)` +
      ` | floor ${median(r.floor.ms)} ms (median of ${r.floor.ms.join(', ')}) | ratio first ${r.ratio.first.toFixed(2)}× steady ${r.ratio.steady.toFixed(2)}×`,
    r.mismatches ? `  WARNING: ${r.mismatches} clients' R/F/M differ between the product and the floor` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
