import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

type Write = { method: 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object; table: 'users' | 'teams' | 'sessions' };

/** One write of each method, each of which would change a row if let through. */
async function writes(): Promise<Write[]> {
  const team = await t.factory.team('诉讼部');
  const empty = await t.factory.team('待删除团队');
  const target = await t.factory.user('lawyer', { teamId: team.id });
  return [
    { method: 'POST', url: '/api/v1/teams', payload: { name: '新团队' }, table: 'teams' },
    { method: 'POST', url: '/api/v1/users', payload: { name: '新人', email: 'new@example.cn', role: 'lawyer', password: 'Long-enough-1' }, table: 'users' },
    { method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { name: '改名' }, table: 'teams' },
    { method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { name: '改名' }, table: 'users' },
    { method: 'DELETE', url: `/api/v1/teams/${empty.id}`, table: 'teams' },
    { method: 'POST', url: '/api/v1/auth/logout', table: 'sessions' },
  ];
}

async function snapshot() {
  const [users, teams, sessions, audit] = await Promise.all([
    t.db.selectFrom('users').select(['id', 'name', 'updated_at']).orderBy('id').execute(),
    t.db.selectFrom('teams').select(['id', 'name', 'updated_at']).orderBy('id').execute(),
    t.db.selectFrom('sessions').select('id').orderBy('id').execute(),
    t.count('audit_events'),
  ]);
  return { users, teams, sessions, audit };
}

describe('CSRF protection for cookie sessions (X-8)', () => {
  it.each([
    ['without the x-csrf-token header', (_own: string, _other: string) => undefined],
    ['with a made-up token', () => 'forged-token-0123456789abcdefghijkl'],
    ['with another session’s token', (_own: string, other: string) => other],
    ['with an empty token', () => ''],
    ['with the token in a different case', (own: string) => (own.toUpperCase() === own ? own.toLowerCase() : own.toUpperCase())],
  ])('refuses every write %s with 403 csrf_invalid and writes nothing', async (_label, token) => {
    const admin = await t.as('admin');
    const other = await t.as('admin');
    const cases = await writes();
    const before = await snapshot();
    for (const w of cases) {
      const sent = token(admin.session.csrf, other.session.csrf);
      const headers: Record<string, string> = { cookie: admin.session.cookie };
      if (sent !== undefined) headers['x-csrf-token'] = sent;
      const res = await t.app.inject({ method: w.method, url: w.url, headers, ...(w.payload ? { payload: w.payload } : {}) });
      expectError(res, 403, 'csrf_invalid');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the same writes through with the session’s own token', async () => {
    const admin = await t.as('admin');
    const cases = await writes();
    const before = await snapshot();
    for (const w of cases) {
      const res = await t.app.inject({ method: w.method, url: w.url, headers: admin.headers, ...(w.payload ? { payload: w.payload } : {}) });
      expect(res.statusCode, `${w.method} ${w.url}`).toBeLessThan(300);
    }
    const after = await snapshot();
    expect(after.users).not.toEqual(before.users);
    expect(after.teams).not.toEqual(before.teams);
    expect(after.sessions.length).toBe(before.sessions.length - 1);
  });

  it('needs no token to read', async () => {
    const admin = await t.as('admin');
    const cookie = { cookie: admin.session.cookie };
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/teams', '/api/v1/audit-events']) {
      expect((await t.app.inject({ method: 'GET', url, headers: cookie })).statusCode, url).toBe(200);
    }
  });

  it('answers a write with a token but no session 401, not 403', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { 'x-csrf-token': admin.session.csrf }, payload: { name: 'x' } });
    expectError(res, 401, 'unauthenticated');
    expect(await t.count('teams')).toBe(0);
  });
});
