import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Role } from '@retainer/shared';
import pg from 'pg';
import { expect } from 'vitest';
import { buildApp } from '../app.js';
import { migrateToLatest } from '../db/migrate.js';
import { hashPassword } from '../features/auth/passwords.js';
import { createTeam } from '../features/teams/teams.service.js';
import { createUser } from '../features/users/users.service.js';
import type { App } from '../plugins/app-types.js';
import { fixedClock } from '../plugins/clock.js';
import { readConfig, type Config } from '../plugins/config.js';
import { openDatabase, type DbHandle, type DbOptions } from '../plugins/db.js';
import { newId } from '../plugins/ids.js';
import { TEST_DATABASE_URL } from './pg-url.js';

export const dialect = (process.env.TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';
export const PASSWORD = 'Test-Passw0rd!';

/**
 * The migrator's introspection reads the tables of every schema; another test file dropping its
 * own schema at that moment makes PostgreSQL answer "schema … does not exist" (3F000). Retried.
 */
async function migrateBesideOthers(db: DbHandle['db']) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db);
    } catch (e) {
      if ((e as { code?: string }).code !== '3F000' || attempt >= 5) throw e;
    }
  }
}

/** A fresh, migrated database of the dialect under test: a temp file, or a schema of its own. */
export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<DbHandle & { drop(): Promise<void> }> {
  const migrate = options.migrate ?? true;
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const options: DbOptions = { dialect: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 4 };
    const handle = openDatabase(options);
    if (migrate) await migrateBesideOthers(handle.db);
    return {
      ...handle,
      async drop() {
        await handle.close();
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-test-'));
  const handle = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'retainer.db') });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    async drop() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The real app on a real database, with a settable clock and small factories. */
export async function createTestApp(
  options: {
    now?: string;
    config?: Partial<Config>;
    /** Runs before ready(), e.g. to add a test-only route. */
    setup?: (app: App) => void | Promise<void>;
  } = {},
) {
  const handle = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-11-25T02:00:00.000Z');
  const config: Config = { ...readConfig({ TZ_FIRM: 'Asia/Shanghai' }), webDir: null, ...options.config };
  const { app, routeAccess } = await buildApp({ handle, config, clock, serveWeb: false });
  try {
    await options.setup?.(app as App);
    await app.ready();
  } catch (e) {
    await app.close().catch(() => {});
    await handle.drop();
    throw e;
  }
  const deps = { db: handle.db, clock };
  let seq = 0;

  const factory = {
    async team(name = `团队${++seq}-${randomBytes(2).toString('hex')}`) {
      return createTeam(deps, { actor: null, ip: null }, { name });
    },
    async user(role: Role = 'lawyer', extra: { teamId?: string | null; name?: string; email?: string } = {}) {
      const n = ++seq;
      return createUser(deps, { actor: null, ip: null }, {
        name: extra.name ?? `测试用户${n}`,
        email: extra.email ?? `user${n}-${randomBytes(3).toString('hex')}@example.cn`,
        role,
        teamId: extra.teamId ?? null,
        password: PASSWORD,
      });
    },
    /** Many users at once (one password hash, written straight to the table), for paging tests. */
    async users(count: number, role: Role = 'lawyer', extra: { teamId?: string | null; namePrefix?: string } = {}) {
      const passwordHash = await hashPassword(PASSWORD);
      const now = clock.now().toISOString();
      const rows = Array.from({ length: count }, () => {
        const n = ++seq;
        return {
          id: newId(),
          name: `${extra.namePrefix ?? '批量用户'}${n}`,
          email: `bulk${n}-${randomBytes(3).toString('hex')}@example.cn`,
          phone: null,
          role,
          team_id: extra.teamId ?? null,
          active: 1,
          locale: 'zh-CN' as const,
          password_hash: passwordHash,
          last_login_at: null,
          created_at: now,
          updated_at: now,
        };
      });
      await handle.db.insertInto('users').values(rows).execute();
      return rows.map((r) => ({ id: r.id, email: r.email, name: r.name }));
    },
  };

  return {
    app: app as App,
    handle,
    db: handle.db,
    clock,
    config,
    routeAccess,
    factory,
    /** Rows in a table, to show a refused request wrote nothing. */
    async count(table: 'users' | 'teams' | 'sessions' | 'audit_events' | 'login_throttle') {
      const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Signs in through the API; returns headers for later calls. */
    async login(email: string, password = PASSWORD, ip = '10.0.0.1') {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: email, password }, remoteAddress: ip });
      if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'retainer_session');
      const body = res.json() as { csrfToken: string };
      return { cookie: `retainer_session=${cookie!.value}`, csrf: body.csrfToken, token: cookie!.value };
    },
    async as(role: Role, extra: { teamId?: string | null } = {}) {
      const user = await factory.user(role, extra);
      const session = await this.login(user.email);
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
      return { user, session, headers };
    },
    async close() {
      await app.close();
      await handle.drop();
    },
  };
}

type Injected = { statusCode: number; json(): unknown };

/** N-1: every error is exactly {error:{code,message,details}} with the given status and code. */
export function expectError(res: Injected, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string; details: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}
