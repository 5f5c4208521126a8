// The floors: the same work done by the raw building blocks, each on a bare Fastify instance.
import { verify } from '@node-rs/argon2';
import type SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

/** A bare Fastify app with one route returning {status:'ok'}. */
export function healthFloor(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/api/health', async () => ({ status: 'ok' }));
  return app;
}

/** One argon2 verify of the stored hash per request: the irreducible cost of a sign-in. */
export function loginFloor(passwordHash: string): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post('/login', async (req, reply) => {
    const body = req.body as { password?: unknown } | null;
    const ok = typeof body?.password === 'string' && (await verify(passwordHash, body.password));
    if (!ok) return reply.code(401).send({ ok: false });
    return { ok: true };
  });
  return app;
}

type UserRow = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  team_id: string | null;
  active: number;
  locale: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  team_name: string | null;
};

const PAGE_SQL = `select u.id, u.name, u.email, u.phone, u.role, u.team_id, u.active, u.locale,
  u.last_login_at, u.created_at, u.updated_at, t.name as team_name
  from users u left join teams t on t.id = u.team_id
  order by u.id limit $limit`;
const COUNT_SQL = 'select count(*) as n from users';

/** Same response shape as the product's page (50 items, next cursor, total). */
function toPage(rows: UserRow[], total: number, limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      role: r.role,
      teamId: r.team_id,
      teamName: r.team_name,
      active: r.active === 1,
      locale: r.locale,
      lastLoginAt: r.last_login_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.id])).toString('base64url') : null,
    total,
  };
}

function limitOf(query: unknown): number {
  const n = Number((query as { limit?: string } | null)?.limit ?? 50);
  return Number.isInteger(n) && n > 0 && n <= 200 ? n : 50;
}

/** The users page as raw SQL through better-sqlite3 prepared statements. */
export function usersFloorSqlite(sqlite: SQLite.Database): FastifyInstance {
  const pageStmt = sqlite.prepare<{ limit: number }, UserRow>(PAGE_SQL.replace('$limit', '@limit'));
  const countStmt = sqlite.prepare<[], { n: number }>(COUNT_SQL);
  const app = Fastify({ logger: false });
  app.get('/users', async (req) => {
    const limit = limitOf(req.query);
    const rows = pageStmt.all({ limit: limit + 1 });
    return toPage(rows, countStmt.get()!.n, limit);
  });
  return app;
}

/** The users page as raw SQL through a pg Pool (both queries in flight at once, like the product). */
export function usersFloorPostgres(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false });
  const pageText = PAGE_SQL.replace('$limit', '$1');
  app.get('/users', async (req) => {
    const limit = limitOf(req.query);
    const [rows, count] = await Promise.all([
      pool.query<UserRow>({ name: 'bench_users_page', text: pageText, values: [limit + 1] }),
      pool.query<{ n: string }>({ name: 'bench_users_count', text: COUNT_SQL }),
    ]);
    return toPage(rows.rows, Number(count.rows[0]!.n), limit);
  });
  return app;
}

export function floorPool(url: string, schema: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, options: `-c search_path=${schema}` });
}
