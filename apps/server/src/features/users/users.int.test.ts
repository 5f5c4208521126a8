import type { User } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
let headers: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp();
  headers = (await t.as('admin')).headers;
});
afterEach(async () => {
  await t.close();
});

const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload });
const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
const newUser = { name: '陈婉清', email: 'chen.wq@example.cn', role: 'lawyer', password: 'Long-enough-1' };

describe('POST /api/v1/users', () => {
  it('creates a user who can then sign in', async () => {
    const team = await t.factory.team('公司商事部');
    const res = await post({ ...newUser, phone: '+86 138-0000-1111', teamId: team.id, locale: 'en-US' });
    expect(res.statusCode).toBe(201);
    const user = res.json() as User;
    expect(user).toMatchObject({
      name: '陈婉清',
      email: 'chen.wq@example.cn',
      phone: '+86 138-0000-1111',
      role: 'lawyer',
      teamId: team.id,
      teamName: '公司商事部',
      active: true,
      locale: 'en-US',
      lastLoginAt: null,
      createdAt: t.clock.now().toISOString(),
    });
    expect(Object.keys(user)).not.toContain('password');
    expect(JSON.stringify(user)).not.toContain('argon2');
    expect((await t.login('chen.wq@example.cn', 'Long-enough-1')).csrf).toBeTruthy();
  });

  it('stores the email lower-cased and trimmed', async () => {
    const res = await post({ ...newUser, email: '  Chen.WQ@Example.CN ' });
    expect((res.json() as User).email).toBe('chen.wq@example.cn');
    const row = await t.db.selectFrom('users').select('email').where('id', '=', (res.json() as User).id).executeTakeFirstOrThrow();
    expect(row.email).toBe('chen.wq@example.cn');
  });

  it('hashes the password with argon2id', async () => {
    const res = await post(newUser);
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', (res.json() as User).id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(newUser.password);
  });

  it('answers a duplicate email (in any case) with 409 naming the field', async () => {
    await t.factory.user('lawyer', { email: 'taken@example.cn' });
    const before = await t.count('users');
    const err = expectError(await post({ ...newUser, email: 'TAKEN@example.cn' }), 409, 'conflict');
    expect(err.details).toEqual([{ field: 'email', message: expect.any(String) }]);
    expect(await t.count('users')).toBe(before);
  });

  it('answers an unknown team with 400 on teamId', async () => {
    const before = await t.count('users');
    const err = expectError(await post({ ...newUser, teamId: '0199b6a0-0000-7000-8000-000000000000' }), 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'teamId', message: expect.any(String) }]);
    expect(await t.count('users')).toBe(before);
  });

  it('validates each field: role, email, password length, phone', async () => {
    const res = await post({ name: ' ', email: 'not-an-email', role: 'boss', password: 'short', phone: 'call me' });
    const err = expectError(res, 400, 'validation_failed');
    expect((err.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['email', 'name', 'password', 'phone', 'role']);
  });
});

describe('GET and PATCH /api/v1/users/:id', () => {
  it('gets a user by id, and 404s an unknown id', async () => {
    const user = await t.factory.user('secretary', { name: '吴海燕' });
    const res = await get(`/api/v1/users/${user.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, name: '吴海燕', role: 'secretary' });
    const err = expectError(await get('/api/v1/users/0199b6a0-0000-7000-8000-000000000000'), 404, 'not_found');
    expect(err.details).toBeNull();
  });

  it('updates only the given fields', async () => {
    const team = await t.factory.team('知识产权部');
    const user = await t.factory.user('lawyer', { name: '李思远' });
    t.clock.advance(60_000);
    const res = await patch(user.id, { role: 'partner', teamId: team.id, email: 'Li.SY@Example.cn' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '李思远', role: 'partner', teamId: team.id, teamName: '知识产权部', email: 'li.sy@example.cn' });
    expect((res.json() as User).updatedAt).toBe(t.clock.now().toISOString());
    const cleared = await patch(user.id, { teamId: null });
    expect(cleared.json()).toMatchObject({ teamId: null, teamName: null, role: 'partner' });
  });

  it('409s an email taken by someone else but accepts one’s own', async () => {
    const a = await t.factory.user('lawyer', { email: 'a@example.cn' });
    await t.factory.user('lawyer', { email: 'b@example.cn' });
    expectError(await patch(a.id, { email: 'b@example.cn' }), 409, 'conflict');
    expect((await patch(a.id, { email: 'A@example.cn' })).statusCode).toBe(200);
  });

  it('400s an unknown team and 404s an unknown user', async () => {
    const user = await t.factory.user('lawyer');
    const err = expectError(await patch(user.id, { teamId: 'no-such-team' }), 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'teamId', message: expect.any(String) }]);
    expectError(await patch('0199b6a0-0000-7000-8000-000000000000', { name: 'x' }), 404, 'not_found');
  });

  it('does not let the update body change activation or password', async () => {
    const user = await t.factory.user('lawyer');
    const err = expectError(await patch(user.id, { active: false, password: 'Long-enough-2' }), 400, 'validation_failed');
    expect((err.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['active', 'password']);
    expect((await t.login(user.email, PASSWORD)).csrf).toBeTruthy();
  });
});

describe('activate and reset-password', () => {
  it('reactivates a user, who can sign in again', async () => {
    const user = await t.factory.user('lawyer');
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/deactivate`, headers });
    await expect(t.login(user.email)).rejects.toThrow(/401/);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/activate`, headers });
    expect((res.json() as User).active).toBe(true);
    expect((await t.login(user.email)).csrf).toBeTruthy();
  });

  it('resets a password and ends the user’s sessions', async () => {
    const user = await t.factory.user('lawyer');
    const s = await t.login(user.email);
    const payload = { password: 'Reset-passw0rd' };
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, headers, payload });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    await expect(t.login(user.email, PASSWORD)).rejects.toThrow(/401/);
    expect((await t.login(user.email, 'Reset-passw0rd')).csrf).toBeTruthy();
  });
});
