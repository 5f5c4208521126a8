// C-8 client timeline: the product's GET /api/v1/clients/:id/timeline for the busiest clients beside
// a bare Fastify route running the same page and count as raw SQL on the driver.
import type SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../apps/server/src/db/schema.js';
import { encodeCursor } from '../apps/server/src/plugins/cursor.js';
import type { LoadSpec } from './load.js';
import type { BenchAccount } from './protocol.js';

/** Busy clients each scenario walks through. */
const BUSY = 20;
const LIMIT = 50;

type EventRow = { id: string; client_id: string; at: string; kind: string; actor_id: string | null; data: string; actor_name: string | null };

const PAGE_SQL = `select e.id, e.client_id, e.at, e.kind, e.actor_id, e.data, u.name as actor_name
  from timeline_events e left join users u on u.id = e.actor_id
  where e.client_id = $1 order by e.at desc, e.id desc limit $2`;
const COUNT_SQL = 'select count(*) as n from timeline_events where client_id = $1';

/** The product's response shape: newest first, cursor [at, id], exact total. */
function toPage(rows: EventRow[], total: number, limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id, clientId: r.client_id, at: r.at, kind: r.kind, actorId: r.actor_id, actorName: r.actor_name, data: JSON.parse(r.data) as unknown,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null,
    total,
  };
}

const limitOf = (q: unknown) => Math.min(200, Math.max(1, Number((q as { limit?: string } | null)?.limit ?? LIMIT) || LIMIT));

export function timelineFloorSqlite(sqlite: SQLite.Database): FastifyInstance {
  const page = sqlite.prepare<[string, number], EventRow>(PAGE_SQL.replace('$1', '?').replace('$2', '?'));
  const count = sqlite.prepare<[string], { n: number }>(COUNT_SQL.replace('$1', '?'));
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/timeline/:id', async (req) => {
    const limit = limitOf(req.query);
    return toPage(page.all(req.params.id, limit + 1), count.get(req.params.id)!.n, limit);
  });
  return app;
}

export function timelineFloorPostgres(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/timeline/:id', async (req) => {
    const limit = limitOf(req.query);
    const [rows, count] = await Promise.all([
      pool.query<EventRow>({ name: 'bench_tl_page', text: PAGE_SQL, values: [req.params.id, limit + 1] }),
      pool.query<{ n: string }>({ name: 'bench_tl_count', text: COUNT_SQL, values: [req.params.id] }),
    ]);
    return toPage(rows.rows, Number(count.rows[0]!.n), limit);
  });
  return app;
}

export type BusyClients = { lawyer: string[]; partner: string[] };

/** The clients with the most timeline events: firm-wide (partner) and among the lawyer's own and team's. */
export async function busyClients(db: Kysely<Database>, lawyer: BenchAccount): Promise<BusyClients> {
  const top = async (where: ReturnType<typeof sql>) =>
    (
      await sql<{ client_id: string }>`select e.client_id from timeline_events e join clients c on c.id = e.client_id
        where ${where} group by e.client_id order by count(*) desc, e.client_id limit ${BUSY}`.execute(db)
    ).rows.map((r) => r.client_id);
  const mine = lawyer.teamId ? sql`(c.owner_id = ${lawyer.id} or c.team_id = ${lawyer.teamId})` : sql`c.owner_id = ${lawyer.id}`;
  return { partner: await top(sql`1 = 1`), lawyer: await top(mine) };
}

type Scenario = { name: string; product: LoadSpec; floor: LoadSpec; check: 'page' };

/** First page (50) of each busy client's timeline, as the partner and as the lawyer. */
export function timelineScenarios(
  at: (port: number, path: string) => string,
  ports: { product: number; timelineFloor: number },
  cookies: { partner: string; lawyer: string },
  busy: BusyClients,
): Scenario[] {
  return (['partner', 'lawyer'] as const)
    .filter((who) => busy[who].length)
    .map((who) => {
      const ids = busy[who];
      const product = (id: string) => `/api/v1/clients/${id}/timeline?limit=${LIMIT}`;
      const floor = (id: string) => `/timeline/${id}?limit=${LIMIT}`;
      return {
        name: `timeline ${who}`,
        check: 'page' as const,
        product: { url: at(ports.product, product(ids[0]!)), headers: { cookie: cookies[who] }, paths: ids.map(product) },
        floor: { url: at(ports.timelineFloor, floor(ids[0]!)), paths: ids.map(floor) },
      };
    });
}
