import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const MINUTE = 60_000;
const attempt = (login: string, password: string, ip = '10.2.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, remoteAddress: ip });

describe('login lock-out per account (X-8)', () => {
  it('locks an account after 5 failures, even against the right password, with Retry-After', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 5; i++) expectError(await attempt(user.email, 'wrong-password'), 401, 'invalid_credentials');

    const locked = await attempt(user.email, PASSWORD);
    expectError(locked, 429, 'too_many_attempts');
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    expect(locked.cookies).toHaveLength(0);
    // Another address does not get round an account lock.
    expectError(await attempt(user.email, PASSWORD, '10.2.0.99'), 429, 'too_many_attempts');
    expect(await t.count('sessions')).toBe(0);
  });

  it('counts down Retry-After and unlocks after 15 minutes', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password');
    t.clock.advance(10 * MINUTE);
    const still = await attempt(user.email, PASSWORD);
    expectError(still, 429, 'too_many_attempts');
    expect(still.headers['retry-after']).toBe(String(5 * 60));

    t.clock.advance(5 * MINUTE);
    const res = await attempt(user.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.some((c) => c.name === 'retainer_session')).toBe(true);
  });

  it('does not lock after 4 failures, and a success clears the count', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong-password');
    expect((await attempt(user.email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong-password');
    expect((await attempt(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('forgets failures older than the 15-minute window', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong-password');
    t.clock.advance(16 * MINUTE);
    expectError(await attempt(user.email, 'wrong-password'), 401, 'invalid_credentials');
    expect((await attempt(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('locks one account without touching another', async () => {
    const a = await t.factory.user('lawyer');
    const b = await t.factory.user('lawyer');
    for (let i = 0; i < 5; i++) await attempt(a.email, 'wrong-password', '10.2.0.1');
    expectError(await attempt(a.email, PASSWORD, '10.2.0.2'), 429, 'too_many_attempts');
    expect((await attempt(b.email, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('locks by account name in any letter case', async () => {
    const user = await t.factory.user('lawyer', { email: 'zhao.xd@example.cn' });
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? 'ZHAO.XD@example.cn' : 'zhao.xd@EXAMPLE.cn', 'wrong-password');
    expectError(await attempt(user.email, PASSWORD), 429, 'too_many_attempts');
  });
});

describe('login lock-out per address (X-8)', () => {
  it('locks an address after 20 failures across different accounts', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 20; i++) {
      // Twenty different accounts, one failure each: only the address reaches its limit.
      expectError(await attempt(`nobody${i}@example.cn`, 'wrong-password', '10.3.0.7'), 401, 'invalid_credentials');
    }
    const locked = await attempt(user.email, PASSWORD, '10.3.0.7');
    expectError(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // The same account from elsewhere is fine: the lock is on the address.
    expect((await attempt(user.email, PASSWORD, '10.3.0.8')).statusCode).toBe(200);
  });

  it('does not lock an address after 19 failures', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 19; i++) await attempt(`nobody${i}@example.cn`, 'wrong-password', '10.3.0.9');
    expect((await attempt(user.email, PASSWORD, '10.3.0.9')).statusCode).toBe(200);
  });

  it('unlocks the address after 15 minutes', async () => {
    const user = await t.factory.user('lawyer');
    for (let i = 0; i < 20; i++) await attempt(`nobody${i}@example.cn`, 'wrong-password', '10.3.0.10');
    t.clock.advance(15 * MINUTE - 1000);
    expectError(await attempt(user.email, PASSWORD, '10.3.0.10'), 429, 'too_many_attempts');
    t.clock.advance(1000);
    expect((await attempt(user.email, PASSWORD, '10.3.0.10')).statusCode).toBe(200);
  });
});
