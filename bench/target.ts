// The servers under load, in a process of their own so the load generator does not share their event loop.
// Started by bench/run.ts with an IPC channel; exits when told to close or when the parent goes away.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { hashPassword } from '../apps/server/src/features/auth/passwords.js';
import { readConfig } from '../apps/server/src/plugins/config.js';
import { openDatabase, type DbHandle } from '../apps/server/src/plugins/db.js';
import {
  clientsFloorPostgres,
  clientsFloorSqlite,
  floorPool,
  healthFloor,
  loginFloor,
  usersFloorPostgres,
  usersFloorSqlite,
} from './floors.js';
import { myDayFloorPostgres, myDayFloorSqlite } from './my-day.js';
import { measurePlan } from './plan.js';
import { measureRecompute } from './recompute.js';
import { busyClients, timelineFloorPostgres, timelineFloorSqlite } from './timeline.js';
import { BENCH_LAWYER, BENCH_LOGIN, BENCH_PARTNER, type BenchAccount, type FromTarget, type TargetPorts, type ToTarget } from './protocol.js';

const HOST = '127.0.0.1';
const POOL_SIZE = 10;

let handle: DbHandle | null = null;
let pool: pg.Pool | null = null;
const servers: FastifyInstance[] = [];
let closing: Promise<void> | null = null;

function send(msg: FromTarget): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

async function listen(app: FastifyInstance): Promise<number> {
  servers.push(app);
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

async function init(msg: Extract<ToTarget, { type: 'init' }>): Promise<void> {
  const started = performance.now();
  const db = msg.db;
  handle =
    db.dialect === 'sqlite'
      ? openDatabase({ dialect: 'sqlite', file: db.file })
      : openDatabase({ dialect: 'postgres', url: db.url, schema: db.schema, poolSize: POOL_SIZE });
  await migrateToLatest(handle.db);
  const seeded = db.dialect === 'sqlite' && db.reuse ? await reuseSeeded(handle.db, msg.scale, msg.password) : await seedDemo(handle.db, msg.scale, msg.password);
  let dbVersion: string;
  if (db.dialect === 'postgres') {
    // VACUUM as well as ANALYZE (seedDemo analyzes): the visibility map allows index-only scans.
    await sql`vacuum analyze teams, users, sessions, login_throttle, clients, client_tags, client_search, contacts, important_dates, client_relationships, timeline_events, personnel_changes, access_log,
      touchpoints, matters, matter_members, service_obligations, interactions, interaction_participants`.execute(handle.db);
    const r = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db);
    dbVersion = `PostgreSQL ${r.rows[0]?.v ?? '?'}`;
  } else {
    dbVersion = `SQLite ${String(handle.sqlite!.prepare('select sqlite_version() as v').pluck().get())}`;
  }

  const stored = await handle.db.selectFrom('users').select('password_hash').where('email', '=', BENCH_LOGIN).executeTakeFirst();
  if (!stored) throw new Error(`the demo data has no ${BENCH_LOGIN}`);
  const account = async (email: string): Promise<BenchAccount> => {
    const u = await handle!.db.selectFrom('users').select(['id', 'team_id']).where('email', '=', email).executeTakeFirst();
    if (!u) throw new Error(`the demo data has no ${email}`);
    return { email, id: u.id, teamId: u.team_id };
  };
  const accounts = { partner: await account(BENCH_PARTNER), lawyer: await account(BENCH_LAWYER) };
  // A spread of the lawyer's visible clients (owned and the team's), for the detail scenario.
  const visible = await handle.db
    .selectFrom('clients')
    .select('id')
    .where((eb) => eb.or([eb('owner_id', '=', accounts.lawyer.id), eb('team_id', '=', accounts.lawyer.teamId)]))
    .orderBy('id')
    .execute();
  const stride = Math.max(1, Math.floor(visible.length / 200));
  const lawyerClientIds = visible.filter((_, i) => i % stride === 0).slice(0, 200).map((r) => r.id);

  const dataDir = db.dialect === 'sqlite' ? db.file.replace(/[\\/][^\\/]*$/, '') : readConfig().dataDir;
  const config = { ...readConfig(), dataDir, webDir: null };
  const { app } = await buildApp({ handle, config, serveWeb: false, logger: false });

  let usersFloor: FastifyInstance;
  let clientsFloor: FastifyInstance;
  let timelineFloor: FastifyInstance;
  let myDayFloor: FastifyInstance;
  if (db.dialect === 'sqlite') {
    usersFloor = usersFloorSqlite(handle.sqlite!);
    clientsFloor = clientsFloorSqlite(handle.sqlite!);
    timelineFloor = timelineFloorSqlite(handle.sqlite!);
    myDayFloor = myDayFloorSqlite(handle.sqlite!);
  } else {
    pool = floorPool(db.url, db.schema, POOL_SIZE);
    usersFloor = usersFloorPostgres(pool);
    clientsFloor = clientsFloorPostgres(pool);
    timelineFloor = timelineFloorPostgres(pool);
    myDayFloor = myDayFloorPostgres(pool);
  }

  const ports: TargetPorts = {
    product: await listen(app),
    healthFloor: await listen(healthFloor()),
    loginFloor: await listen(loginFloor(stored.password_hash)),
    usersFloor: await listen(usersFloor),
    clientsFloor: await listen(clientsFloor),
    timelineFloor: await listen(timelineFloor),
    myDayFloor: await listen(myDayFloor),
  };
  await send({
    type: 'ready',
    ports,
    seeded: {
      teams: seeded.teams, users: seeded.users, clients: seeded.clients, contacts: seeded.contacts, grams: seeded.grams,
      matters: seeded.matters, interactions: seeded.interactions, timeline: seeded.timeline,
    },
    accounts,
    lawyerClientIds,
    busyClients: await busyClients(handle.db, accounts.lawyer),
    setupMs: Math.round(performance.now() - started),
    dbVersion,
  });
}

/**
 * BENCH_SQLITE_FILE: a database `npm run cli -- seed --scale <scale>` filled (a large seed takes
 * half an hour); the demo accounts get the bench password, nothing else is touched before the run.
 */
async function reuseSeeded(db: DbHandle['db'], scale: string, password: string) {
  const stored = await db.selectFrom('meta').select('value').where('key', '=', 'demo_scale').executeTakeFirst();
  if (stored?.value !== scale) throw new Error(`BENCH_SQLITE_FILE holds demo scale ${stored?.value ?? 'none'}, not ${scale}`);
  await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('email', 'like', '%@retainer.test').execute();
  const count = async (table: 'teams' | 'users' | 'clients' | 'contacts' | 'client_search' | 'matters' | 'interactions' | 'timeline_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    teams: await count('teams'), users: await count('users'), clients: await count('clients'), contacts: await count('contacts'), grams: await count('client_search'),
    matters: await count('matters'), interactions: await count('interactions'), timeline: await count('timeline_events'),
  };
}

function close(): Promise<void> {
  closing ??= (async () => {
    for (const s of servers.splice(0)) await s.close().catch(() => {});
    await pool?.end().catch(() => {});
    await handle?.close().catch(() => {});
    await send({ type: 'closed', rssBytes: process.memoryUsage().rss });
  })();
  return closing;
}

async function fail(e: unknown): Promise<never> {
  await send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  await close().catch(() => {});
  process.exit(1);
}

process.on('message', (raw: ToTarget) => {
  if (raw.type === 'init') init(raw).catch(fail);
  else if (raw.type === 'recompute') {
    measureRecompute({ db: handle!.db, sqlite: handle!.sqlite ?? null, pool }, raw.runs)
      .then((result) => send({ type: 'recomputed', result }))
      .catch(fail);
  } else if (raw.type === 'plan') {
    measurePlan({ db: handle!.db, sqlite: handle!.sqlite ?? null, pool }, raw.runs)
      .then((result) => send({ type: 'planned', result }))
      .catch(fail);
  }
  else if (raw.type === 'close') {
    close()
      .then(() => process.exit(0))
      .catch(fail);
  }
});
// Never outlive the bench: a lost parent means stop.
process.on('disconnect', () => {
  close().finally(() => process.exit(1));
});
process.on('uncaughtException', (e) => void fail(e));
process.on('unhandledRejection', (e) => void fail(e));
