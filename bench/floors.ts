// The floors: the same work done by the raw building blocks, each on a bare Fastify instance.
import { verify } from '@node-rs/argon2';
import type SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { normalizeSearch, queryGrams, RARE_GRAM_ROWS, SEARCH_TOTAL_CAP } from '../apps/server/src/features/clients/clients.search.js';
import { maskCode, maskEmail, maskPhone } from '../apps/server/src/features/clients/masking.js';
import { likeContains } from '../apps/server/src/plugins/db.js';
import { encodeCursor } from '../apps/server/src/plugins/cursor.js';

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

// ---------------------------------------------------------------------------------------------
// Clients: search page, list page (keyset) and detail as hand-written SQL on the driver.

/** Who asks: a partner sees all; a lawyer their own and their team's clients. */
type Viewer = { id: string; teamId: string | null; all: boolean };

type ClientRow = {
  id: string;
  kind: string;
  name: string;
  status: string;
  grade: string;
  tier: string | null;
  industry: string | null;
  region: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  uscc: string | null;
  owner_id: string;
  manager_id: string | null;
  team_id: string | null;
  last_contact_at: string | null;
  created_at: string;
  updated_at: string;
  owner_name: string | null;
  manager_name: string | null;
  team_name: string | null;
};

const LIST_COLUMNS = `c.id, c.kind, c.name, c.status, c.grade, c.tier, c.industry, c.region, c.city, c.phone, c.email, c.uscc,
  c.owner_id, c.manager_id, c.team_id, c.last_contact_at, c.created_at, c.updated_at,
  o.name as owner_name, m.name as manager_name, t.name as team_name`;
const NAME_JOINS = `left join users o on o.id = c.owner_id left join users m on m.id = c.manager_id left join teams t on t.id = c.team_id`;

function viewerOf(query: unknown): Viewer {
  const q = (query ?? {}) as { viewer?: string; team?: string };
  return { id: q.viewer ?? '', teamId: q.team || null, all: !q.team };
}

function clientListItem(r: ClientRow, tags: string[], viewer: Viewer, matchedContact: string | null) {
  const clear = viewer.all || r.owner_id === viewer.id || r.manager_id === viewer.id;
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    grade: r.grade,
    tier: r.tier,
    industry: r.industry,
    region: r.region,
    city: r.city,
    phone: clear ? r.phone : maskPhone(r.phone),
    email: clear ? r.email : maskEmail(r.email),
    uscc: clear ? r.uscc : maskCode(r.uscc),
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    teamId: r.team_id,
    teamName: r.team_name,
    tags,
    lastContactAt: r.last_contact_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    masked: !clear,
    matchedContact,
  };
}

type ContactHit = { client_id: string; name: string; phone: string | null; email: string | null };

/** The page as the product shapes it: tags per row, the contact a hit came through, the keyset cursor. */
function clientsPage(rows: ClientRow[], limit: number, total: number, viewer: Viewer, tags: { client_id: string; tag: string }[], contacts: ContactHit[], q: string | null) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const norm = q === null ? '' : normalizeSearch(q);
  const hits = new Map<string, string>();
  for (const k of contacts) {
    if (!hits.has(k.client_id) && [k.name, k.phone ?? '', k.email ?? ''].some((h) => normalizeSearch(h).includes(norm))) hits.set(k.client_id, k.name);
  }
  return {
    items: items.map((r) =>
      clientListItem(
        r,
        tags.filter((t) => t.client_id === r.id).map((t) => t.tag),
        viewer,
        q === null || normalizeSearch(r.name).includes(norm) ? null : (hits.get(r.id) ?? null),
      ),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.updated_at, last.id]) : null,
    total,
  };
}

/** The gram part of a search (C-9): candidates from client_search, confirmed by search_text. */
function searchParts(q: string) {
  const grams = queryGrams(q);
  return { grams, like: likeContains(normalizeSearch(q)) };
}

/** The product's search plan (clients.search.ts planSearch): the rarest gram drives when it is rare. */
function rarestGram(grams: string[], rows: (gram: string) => number): { driver: string | null; rarest: string | null } {
  const counted = grams.map((g) => ({ g, n: rows(g) })).sort((a, b) => a.n - b.n)[0];
  return { driver: counted && counted.n < RARE_GRAM_ROWS ? counted.g : null, rarest: counted?.g ?? null };
}

function cursorOf(query: unknown): [string, string] | null {
  const raw = (query as { cursor?: string } | null)?.cursor;
  if (!raw) return null;
  const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
  return [String(v[0]), String(v[1])];
}

/**
 * Clients through better-sqlite3 prepared statements: GET /clients?q= (search, first page + total),
 * GET /clients?cursor= (keyset list page + total), GET /clients/:id (point read + tags).
 * Visibility comes as ?viewer=<user id>&team=<team id> (a lawyer); without team, all (a partner).
 */
export function clientsFloorSqlite(sqlite: SQLite.Database): FastifyInstance {
  const vis = (v: Viewer) => (v.all ? '' : 'and (c.owner_id = @viewer or c.team_id = @team)');
  const gramRows = sqlite.prepare<[string, number], { n: number }>('select count(*) as n from (select 1 from client_search where gram = ? limit ?)');
  const statements = new Map<string, SQLite.Statement>();
  const stmt = (key: string, text: () => string) => {
    let s = statements.get(key);
    if (!s) statements.set(key, (s = sqlite.prepare(text())));
    return s;
  };
  const tagsStmt = sqlite.prepare<[string], { client_id: string; tag: string }>(
    'select client_id, tag from client_tags where client_id in (select value from json_each(?)) order by tag',
  );
  const contactsStmt = sqlite.prepare<[string], ContactHit>('select client_id, name, phone, email from contacts where client_id in (select value from json_each(?))');

  const app = Fastify({ logger: false });
  app.get('/clients', async (req) => {
    const query = req.query as { q?: string; limit?: string };
    const viewer = viewerOf(req.query);
    const limit = Number(query.limit ?? 50);
    const params: Record<string, string | number> = { limit: limit + 1 };
    if (!viewer.all) Object.assign(params, { viewer: viewer.id, team: viewer.teamId! });
    let rows: ClientRow[];
    let total: number;
    if (query.q) {
      const { grams, like } = searchParts(query.q);
      const { driver, rarest } = rarestGram(grams, (g) => gramRows.get(g, RARE_GRAM_ROWS)!.n);
      params.like = like;
      if (driver) params.driver = driver;
      const from = driver ? 'from clients c where c.id in (select client_id from client_search where gram = @driver) and' : 'from clients c where';
      const where = `${from} c.search_text like @like escape '\\' ${vis(viewer)}`;
      rows = stmt(`s${!!driver}${viewer.all}`, () => `select ${LIST_COLUMNS} from (select c.* ${where} order by c.updated_at desc, c.id desc limit @limit) c ${NAME_JOINS} order by c.updated_at desc, c.id desc`).all(params) as ClientRow[];
      const { limit: _, ...countParams } = params;
      // Firm-wide and common: stream the rarest gram's clients until the cap.
      const streamed = !driver && viewer.all;
      if (streamed && rarest) countParams.rarest = rarest;
      const countFrom = streamed ? `from client_search s join clients c on c.id = s.client_id where s.gram = @rarest and c.search_text like @like escape '\\'` : where;
      total = (stmt(`sc${!!driver}${viewer.all}`, () => `select count(*) as n from (select 1 ${countFrom} limit ${SEARCH_TOTAL_CAP + 1})`).get(countParams) as { n: number }).n;
    } else {
      const after = cursorOf(req.query);
      if (after) Object.assign(params, { ak: after[0], ai: after[1] });
      const keyset = after ? 'and (c.updated_at < @ak or (c.updated_at = @ak and c.id < @ai))' : '';
      rows = stmt(`l${viewer.all}${!!after}`, () => `select ${LIST_COLUMNS} from clients c ${NAME_JOINS} where 1 = 1 ${vis(viewer)} ${keyset} order by c.updated_at desc, c.id desc limit @limit`).all(params) as ClientRow[];
      const countParams = viewer.all ? {} : { viewer: viewer.id, team: viewer.teamId! };
      total = (stmt(`lc${viewer.all}`, () => `select count(*) as n from clients c where 1 = 1 ${vis(viewer)}`).get(countParams) as { n: number }).n;
    }
    const ids = JSON.stringify(rows.slice(0, limit).map((r) => r.id));
    return clientsPage(rows, limit, query.q ? Math.min(total, SEARCH_TOTAL_CAP) : total, viewer, tagsStmt.all(ids), query.q ? contactsStmt.all(ids) : [], query.q ?? null);
  });
  const detail = (v: Viewer) => sqlite.prepare(`select c.*, o.name as owner_name, m.name as manager_name, t.name as team_name from clients c ${NAME_JOINS} where c.id = @id ${vis(v)}`);
  const detailAll = detail({ id: '', teamId: null, all: true });
  const detailSome = detail({ id: '', teamId: 't', all: false });
  const clientTags = sqlite.prepare<[string], { tag: string }>('select tag from client_tags where client_id = ? order by tag');
  app.get('/clients/:id', async (req, reply) => {
    const viewer = viewerOf(req.query);
    const { id } = req.params as { id: string };
    const row = (viewer.all ? detailAll.get({ id }) : detailSome.get({ id, viewer: viewer.id, team: viewer.teamId })) as (ClientRow & Record<string, unknown>) | undefined;
    if (!row) return reply.code(404).send({ error: { code: 'not_found' } });
    return { ...row, tags: clientTags.all(id).map((t) => t.tag) };
  });
  return app;
}

/**
 * The same three routes through a pg Pool with named statements; the page and its total run at once,
 * like the product's. Searches match first, then sort (a MATERIALIZED CTE), as PERFORMANCE.md advises.
 */
export function clientsFloorPostgres(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false });
  const vis = (v: Viewer, from: number) => (v.all ? '' : `and (c.owner_id = $${from} or c.team_id = $${from + 1})`);
  app.get('/clients', async (req) => {
    const query = req.query as { q?: string; limit?: string };
    const viewer = viewerOf(req.query);
    const limit = Number(query.limit ?? 50);
    const who = viewer.all ? [] : [viewer.id, viewer.teamId];
    let pageQ: { name: string; text: string; values: unknown[] };
    let countQ: { name: string; text: string; values: unknown[] };
    if (query.q) {
      const { grams, like } = searchParts(query.q);
      const counts = await Promise.all(
        grams.map((g) => pool.query<{ n: string }>({ name: 'bench_cg', text: 'select count(*) as n from (select 1 from client_search where gram = $1 limit $2) x', values: [g, RARE_GRAM_ROWS] })),
      );
      const { driver, rarest } = rarestGram(grams, (g) => Number(counts[grams.indexOf(g)]!.rows[0]!.n));
      // A rare gram: match first, then sort (a MATERIALIZED CTE); otherwise walk the sort order.
      const values = [like, ...(driver ? [driver] : []), ...who];
      const from = driver
        ? 'with h as materialized (select client_id from client_search where gram = $2) select c.* from h join clients c on c.id = h.client_id where'
        : 'select c.* from clients c where';
      const where = `c.search_text like $1 escape '\\' ${vis(viewer, driver ? 3 : 2)}`;
      const key = `${!!driver}${viewer.all}`;
      pageQ = {
        name: `bench_cs_${key}`,
        text: `select ${LIST_COLUMNS} from (${from} ${where} order by c.updated_at desc, c.id desc limit $${values.length + 1}) c ${NAME_JOINS} order by c.updated_at desc, c.id desc`,
        values: [...values, limit + 1],
      };
      countQ =
        !driver && viewer.all
          ? {
              name: 'bench_csc_streamed',
              text: `select count(*) as n from (select 1 as one from client_search s join clients c on c.id = s.client_id where s.gram = $2 and c.search_text like $1 escape '\\' limit ${SEARCH_TOTAL_CAP + 1}) x`,
              values: [like, rarest],
            }
          : { name: `bench_csc_${key}`, text: `select count(*) as n from (${from.replace('select c.*', 'select 1 as one')} ${where} limit ${SEARCH_TOTAL_CAP + 1}) x`, values };
    } else {
      const after = cursorOf(req.query);
      const n = 1 + who.length;
      const keyset = after ? `and (c.updated_at < $${n + 1} or (c.updated_at = $${n + 1} and c.id < $${n + 2}))` : '';
      pageQ = {
        name: `bench_cl_${viewer.all}${!!after}`,
        text: `select ${LIST_COLUMNS} from clients c ${NAME_JOINS} where true ${vis(viewer, 2)} ${keyset} order by c.updated_at desc, c.id desc limit $1`,
        values: [limit + 1, ...who, ...(after ?? [])],
      };
      countQ = { name: `bench_clc_${viewer.all}`, text: `select count(*) as n from clients c where true ${vis(viewer, 1)}`, values: who };
    }
    const [page, count] = await Promise.all([pool.query<ClientRow>(pageQ), pool.query<{ n: string }>(countQ)]);
    const ids = page.rows.slice(0, limit).map((r) => r.id);
    const [tags, contacts] = await Promise.all([
      pool.query<{ client_id: string; tag: string }>({ name: 'bench_ct', text: 'select client_id, tag from client_tags where client_id = any($1::text[]) order by tag', values: [ids] }),
      query.q ? pool.query<ContactHit>({ name: 'bench_cc', text: 'select client_id, name, phone, email from contacts where client_id = any($1::text[])', values: [ids] }) : { rows: [] },
    ]);
    return clientsPage(page.rows, limit, query.q ? Math.min(Number(count.rows[0]!.n), SEARCH_TOTAL_CAP) : Number(count.rows[0]!.n), viewer, tags.rows, contacts.rows, query.q ?? null);
  });
  app.get('/clients/:id', async (req, reply) => {
    const viewer = viewerOf(req.query);
    const { id } = req.params as { id: string };
    const [row, tags] = await Promise.all([
      pool.query<ClientRow & Record<string, unknown>>({
        name: `bench_cd_${viewer.all}`,
        text: `select c.*, o.name as owner_name, m.name as manager_name, t.name as team_name from clients c ${NAME_JOINS} where c.id = $1 ${vis(viewer, 2)}`,
        values: viewer.all ? [id] : [id, viewer.id, viewer.teamId],
      }),
      pool.query<{ tag: string }>({ name: 'bench_cdt', text: 'select tag from client_tags where client_id = $1 order by tag', values: [id] }),
    ]);
    if (!row.rows[0]) return reply.code(404).send({ error: { code: 'not_found' } });
    return { ...row.rows[0], tags: tags.rows.map((t) => t.tag) };
  });
  return app;
}
