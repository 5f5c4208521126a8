import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Role } from '@retainer/shared';
import pg from 'pg';
import { buildApp } from '../app.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTeam } from '../features/teams/teams.service.js';
import { createUser } from '../features/users/users.service.js';
import type { App } from '../plugins/app-types.js';
import { fixedClock } from '../plugins/clock.js';
import { readConfig } from '../plugins/config.js';
import { openDatabase, type DbHandle, type DbOptions } from '../plugins/db.js';
import { TEST_DATABASE_URL } from './pg-url.js';

export const dialect = (process.env.TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';
export const PASSWORD = 'Test-Passw0rd!';

/** A fresh, migrated database of the dialect under test: a temp file, or a schema of its own. */
export async function openTestDatabase(): Promise<DbHandle & { drop(): Promise<void> }> {
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const options: DbOptions = { dialect: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 4 };
    const handle = openDatabase(options);
    await migrateToLatest(handle.db);
    return {
      ...handle,
      async drop() {
        await handle.close();
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-test-'));
  const handle = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'retainer.db') });
  await migrateToLatest(handle.db);
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
export async function createTestApp(options: { now?: string } = {}) {
  const handle = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-11-25T02:00:00.000Z');
  const config = { ...readConfig({ TZ_FIRM: 'Asia/Shanghai' }), webDir: null };
  const { app, routeAccess } = await buildApp({ handle, config, clock, serveWeb: false });
  await app.ready();
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
  };

  return {
    app: app as App,
    handle,
    db: handle.db,
    clock,
    routeAccess,
    factory,
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
