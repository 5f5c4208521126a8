import { ROLES, type Role } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('route → access table', () => {
  it('matches the reviewed snapshot (a diff here is an access change)', () => {
    const byUrlThenMethod = (a: { url: string; method: string }, b: { url: string; method: string }) =>
      a.url === b.url ? (a.method < b.method ? -1 : 1) : a.url < b.url ? -1 : 1;
    const table = [...t.routeAccess].sort(byUrlThenMethod).map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(36)} ${r.access}`);
    expect(table).toMatchSnapshot();
  });

  it('lists each route once, and each listed route is served', () => {
    const keys = t.routeAccess.map((r) => `${r.method} ${r.url}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of t.routeAccess) expect(t.app.hasRoute({ method: r.method as 'GET', url: r.url }), r.url).toBe(true);
  });

  it('refuses to register an /api/v1 route that declares no access', async () => {
    await expect(
      createTestApp({
        setup: (app) => {
          app.get('/api/v1/undeclared', async () => ({ ok: true }));
        },
      }),
    ).rejects.toThrow(/GET \/api\/v1\/undeclared declares no access/);
    await expect(
      createTestApp({
        setup: async (app) => {
          await app.register(async (v1) => void v1.post('/undeclared', async () => ({ ok: true })), { prefix: '/api/v1' });
        },
      }),
    ).rejects.toThrow(/declares no access/);
  });
});

describe('role checks', () => {
  const notAdmins = ROLES.filter((r) => r !== 'admin');

  it.each(notAdmins)('%s gets 403 on POST /users, POST /teams and GET /audit-events', async (role: Role) => {
    const { headers } = await t.as(role);
    const before = { users: await t.count('users'), teams: await t.count('teams') };
    const user = { name: '新人', email: 'new@example.cn', role: 'admin', password: 'Long-enough-1' };
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: user }), 403, 'forbidden');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers, payload: { name: '新团队' } }), 403, 'forbidden');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers }), 403, 'forbidden');
    expect({ users: await t.count('users'), teams: await t.count('teams') }).toEqual(before);
  });

  it.each(notAdmins)('%s gets 403 changing, deactivating or resetting another user and deleting a team', async (role: Role) => {
    const { headers } = await t.as(role);
    const team = await t.factory.team();
    const other = await t.factory.user('lawyer');
    const calls = [
      { method: 'PATCH' as const, url: `/api/v1/users/${other.id}`, payload: { role: 'admin' } },
      { method: 'POST' as const, url: `/api/v1/users/${other.id}/deactivate` },
      { method: 'POST' as const, url: `/api/v1/users/${other.id}/reset-password`, payload: { password: 'Long-enough-1' } },
      { method: 'PATCH' as const, url: `/api/v1/teams/${team.id}`, payload: { name: '改名' } },
      { method: 'DELETE' as const, url: `/api/v1/teams/${team.id}` },
    ];
    for (const c of calls) expectError(await t.app.inject({ ...c, headers }), 403, 'forbidden');
    const row = await t.db.selectFrom('users').select(['role', 'active']).where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'lawyer', active: 1 });
    expect(await t.count('teams')).toBe(1);
  });

  it('lets admin and partner list users, and no other role', async () => {
    for (const role of ROLES) {
      const { headers } = await t.as(role);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers });
      expect(res.statusCode, role).toBe(role === 'admin' || role === 'partner' ? 200 : 403);
    }
  });

  it('lets every role read teams', async () => {
    for (const role of ROLES) {
      const { headers } = await t.as(role);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers })).statusCode, role).toBe(200);
    }
  });

  it('answers anonymous callers 401 on every non-public route', async () => {
    const team = await t.factory.team();
    for (const r of t.routeAccess.filter((x) => x.access !== 'public')) {
      const url = r.url.replace(':id', team.id);
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expectError(res, 401, 'unauthenticated');
    }
    expect(await t.count('teams')).toBe(1);
  });
});
