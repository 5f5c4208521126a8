import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3600_000;
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('sessions (X-5, X-8)', () => {
  it('deactivating a user ends their live sessions at once', async () => {
    const admin = await t.as('admin');
    const lawyer = await t.factory.user('lawyer');
    const s1 = await t.login(lawyer.email);
    const s2 = await t.login(lawyer.email, PASSWORD, '10.0.0.2');
    expect((await me(s1.cookie)).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${lawyer.id}/deactivate`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { active: boolean }).active).toBe(false);
    expectError(await me(s1.cookie), 401, 'unauthenticated');
    expectError(await me(s2.cookie), 401, 'unauthenticated');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', lawyer.id).execute()).toEqual([]);
    // The admin's own session is untouched.
    expect((await me(admin.session.cookie)).statusCode).toBe(200);
  });

  it('an admin cannot deactivate their own account', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${admin.user.id}/deactivate`, headers: admin.headers });
    const err = expectError(res, 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'id', message: expect.any(String) }]);
    expect((await me(admin.session.cookie)).statusCode).toBe(200);
  });

  it('expires after 12 idle hours', async () => {
    const user = await t.factory.user('lawyer');
    const s = await t.login(user.email);
    t.clock.advance(12 * HOUR - 1000);
    expect((await me(s.cookie)).statusCode).toBe(200);
    t.clock.advance(12 * HOUR + 1);
    expectError(await me(s.cookie), 401, 'unauthenticated');
    expect(await t.count('sessions')).toBe(0);
  });

  it('slides the idle expiry with use, up to 7 days after sign-in', async () => {
    const user = await t.factory.user('lawyer');
    const s = await t.login(user.email);
    for (let h = 11; h <= 165; h += 11) {
      t.clock.advance(11 * HOUR);
      expect((await me(s.cookie)).statusCode, `after ${h} h`).toBe(200);
    }
    t.clock.advance(11 * HOUR);
    expectError(await me(s.cookie), 401, 'unauthenticated');
  });
});

describe('POST /api/v1/auth/change-password', () => {
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/change-password', headers, payload: { currentPassword, newPassword } });

  it('requires the current password', async () => {
    const { user, headers } = await t.as('lawyer');
    const res = await change(headers, 'not-my-password', 'Brand-new-passw0rd');
    const err = expectError(res, 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
    // Nothing changed: the old password still signs in.
    expect((await t.login(user.email, PASSWORD)).csrf).toBeTruthy();
  });

  it('ends the other sessions, keeps the current one, and the new password works', async () => {
    const { user, session, headers } = await t.as('lawyer');
    const other = await t.login(user.email, PASSWORD, '10.0.0.3');
    const res = await change(headers, PASSWORD, 'Brand-new-passw0rd');
    expect(res.statusCode).toBe(204);

    expect((await me(session.cookie)).statusCode).toBe(200);
    expectError(await me(other.cookie), 401, 'unauthenticated');
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.email, password: PASSWORD } });
    expectError(old, 401, 'invalid_credentials');
    expect((await t.login(user.email, 'Brand-new-passw0rd')).csrf).toBeTruthy();
  });

  it('rejects a too-short new password', async () => {
    const { headers } = await t.as('lawyer');
    const err = expectError(await change(headers, PASSWORD, 'short'), 400, 'validation_failed');
    expect((err.details as { field: string }[]).map((d) => d.field)).toEqual(['newPassword']);
  });
});

describe('PATCH /api/v1/auth/me (locale)', () => {
  it('remembers the locale across requests and sign-ins', async () => {
    const { user, session, headers } = await t.as('lawyer');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: { locale: 'en-US' } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { user: { locale: string } }).user.locale).toBe('en-US');
    expect(((await me(session.cookie)).json() as { user: { locale: string } }).user.locale).toBe('en-US');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.email, password: PASSWORD } });
    expect((again.json() as { user: { locale: string } }).user.locale).toBe('en-US');
  });

  it('answers errors in the saved locale when no Accept-Language is sent, the header winning otherwise', async () => {
    const { headers } = await t.as('lawyer');
    const before = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers, payload: { name: '新团队' } });
    expect(expectError(before, 403, 'forbidden').message).toBe('您没有执行此操作的权限');

    await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: { locale: 'en-US' } });
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers, payload: { name: '新团队' } });
    expect(expectError(after, 403, 'forbidden').message).toBe('You do not have permission to do this');
    const invalid = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: { locale: 'fr-FR' } });
    expect(expectError(invalid, 400, 'validation_failed').message).toBe('Some fields are invalid; please check them');

    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { ...headers, 'accept-language': 'zh-CN' }, payload: { name: 'x' } });
    expect(expectError(zh, 403, 'forbidden').message).toBe('您没有执行此操作的权限');
  });
});
