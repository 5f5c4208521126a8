import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp } from '../../test/harness.js';
import { pruneSessions } from './sessions.service.js';
import { pruneThrottle, recordFailure, THROTTLE } from './throttle.service.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('throttle and session housekeeping', () => {
  it('counts parallel failures without losing any (atomic upsert)', async () => {
    const key = 'account:parallel@example.cn';
    await Promise.all(Array.from({ length: 4 }, () => recordFailure(t.db, t.clock, key, 100)));
    const row = await t.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.failures).toBe(4);
    expect(row.locked_until).toBeNull();
  });

  it('locks when parallel failures reach the limit', async () => {
    const user = await t.factory.user('lawyer');
    await Promise.all(
      Array.from({ length: THROTTLE.accountMax }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.email, password: 'nope-nope' } }),
      ),
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.email, password: PASSWORD } });
    expectError(res, 429, 'too_many_attempts');
  });

  it('prunes expired sessions and spent throttle rows, keeping live ones', async () => {
    const user = await t.factory.user('lawyer');
    await t.login(user.email);
    await recordFailure(t.db, t.clock, 'account:someone@example.cn', THROTTLE.accountMax);
    t.clock.advance(13 * 3600_000);
    const fresh = await t.login(user.email);
    await recordFailure(t.db, t.clock, 'account:other@example.cn', THROTTLE.accountMax);

    await pruneSessions(t.db, t.clock);
    await pruneThrottle(t.db, t.clock);
    expect(await t.count('sessions')).toBe(1);
    expect((await t.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key)).toEqual([
      'account:other@example.cn',
    ]);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: fresh.cookie } });
    expect(me.statusCode).toBe(200);
  });
});

describe('the last administrator', () => {
  it('cannot be demoted or deactivated while no other admin is active', async () => {
    const admin = await t.as('admin');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { role: 'partner' },
    });
    expectError(demote, 409, 'conflict');

    const second = await t.factory.user('admin');
    const off = await t.app.inject({ method: 'POST', url: `/api/v1/users/${second.id}/deactivate`, headers: admin.headers });
    expect(off.statusCode).toBe(200);
    // With the second admin inactive, the first is still the last one.
    expectError(
      await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${admin.user.id}`, headers: admin.headers, payload: { role: 'lawyer' } }),
      409,
      'conflict',
    );
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${second.id}/activate`, headers: admin.headers });
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { role: 'partner' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().role).toBe('partner');
  });

  it('records a password reset in the audit trail without the hash', async () => {
    const admin = await t.as('admin');
    const user = await t.factory.user('lawyer');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-password`,
      headers: admin.headers,
      payload: { password: 'Another-Passw0rd' },
    });
    expect(res.statusCode).toBe(204);
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toEqual({ password: 'reset' });
    expect(event.after).not.toContain('argon2');
  });
});
