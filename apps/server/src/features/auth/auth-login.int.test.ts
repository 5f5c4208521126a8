import { ROLE_PERMISSIONS } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const login = (app: TestApp, login: string, password = PASSWORD) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, remoteAddress: '10.9.0.1' });

describe('POST /api/v1/auth/login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (no Secure over plain HTTP)', async () => {
    const user = await t.factory.user('lawyer');
    const res = await login(t, user.email);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'retainer_session');
    expect(cookie).toBeDefined();
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.secure).toBeUndefined();
    expect(String(res.headers['set-cookie'])).not.toMatch(/secure/i);
  });

  it('adds Secure to the cookie when the app is configured for HTTPS', async () => {
    const secure = await createTestApp({ config: { secureCookies: true } });
    try {
      const user = await secure.factory.user('lawyer');
      const res = await login(secure, user.email);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'retainer_session');
      expect(cookie!.secure).toBe(true);
      expect(cookie!.httpOnly).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('returns the user, their permissions and a CSRF token', async () => {
    const team = await t.factory.team('诉讼部');
    const user = await t.factory.user('partner', { teamId: team.id, name: '王建国' });
    const res = await login(t, user.email);
    const body = res.json() as { user: Record<string, unknown>; permissions: string[]; csrfToken: string };
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'permissions', 'user']);
    expect(body.user).toMatchObject({ id: user.id, name: '王建国', role: 'partner', teamId: team.id, teamName: '诉讼部', active: true });
    expect(body.user.lastLoginAt).toBe(t.clock.now().toISOString());
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.user).not.toHaveProperty('password_hash');
    expect(body.permissions).toEqual([...ROLE_PERMISSIONS.partner]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('accepts the login in any letter case and with surrounding spaces', async () => {
    const user = await t.factory.user('lawyer', { email: 'li.siyuan@example.cn' });
    const res = await login(t, '  LI.SiYuan@Example.CN ');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { user: { id: string } }).user.id).toBe(user.id);
  });

  it('stores only a digest of the session token', async () => {
    const user = await t.factory.user('lawyer');
    const session = await t.login(user.email);
    const rows = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(session.token);
    expect(JSON.stringify(rows)).not.toContain(session.token);
  });

  it('answers a wrong password and an unknown account with the same 401 body', async () => {
    const user = await t.factory.user('lawyer');
    const wrong = await login(t, user.email, 'not-the-password');
    const unknown = await login(t, 'nobody@example.cn', 'not-the-password');
    const a = expectError(wrong, 401, 'invalid_credentials');
    expectError(unknown, 401, 'invalid_credentials');
    expect(unknown.json()).toEqual(wrong.json());
    expect(a.details).toBeNull();
    expect(wrong.cookies).toHaveLength(0);
    expect(await t.count('sessions')).toBe(0);
  });

  it('refuses an inactive user with the same 401 body, even with the right password', async () => {
    const user = await t.factory.user('lawyer');
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
    const res = await login(t, user.email);
    expectError(res, 401, 'invalid_credentials');
    expect(res.json()).toEqual((await login(t, 'nobody@example.cn')).json());
    expect(await t.count('sessions')).toBe(0);
  });

  it('rejects unknown fields and empty values in the login body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '', password: 'x', remember: true } });
    const err = expectError(res, 400, 'validation_failed');
    expect((err.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['login', 'remember']);
  });
});

describe('GET /api/v1/auth/me and logout', () => {
  it('works with the session cookie and returns the same CSRF token', async () => {
    const user = await t.factory.user('assistant');
    const session = await t.login(user.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: { id: string }; permissions: string[]; csrfToken: string };
    expect(body.user.id).toBe(user.id);
    expect(body.permissions).toEqual([...ROLE_PERMISSIONS.assistant]);
    expect(body.csrfToken).toBe(session.csrf);
  });

  it('answers 401 without a cookie or with an unknown one', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'retainer_session=forged-token' } });
    expectError(forged, 401, 'unauthenticated');
  });

  it('logout ends the session: the same cookie then gets 401', async () => {
    const user = await t.factory.user('lawyer');
    const session = await t.login(user.email);
    const other = await t.login(user.email);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'retainer_session');
    expect(cleared?.value).toBe('');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }), 401, 'unauthenticated');
    // Only that session ends; the user's other sign-in stays.
    const still = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: other.cookie } });
    expect(still.statusCode).toBe(200);
  });
});
