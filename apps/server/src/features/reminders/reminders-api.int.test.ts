import type { Delivery, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { notify } from '../notifications/notifications.service.js';
import { call, configureEmail, deliveries, localWebhook } from './reminders-fixture.js';
import { webhookSignature } from './reminders.channels.js';
import { deliverDue } from './reminders.jobs.js';
import { enqueue } from './reminders.outbox.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const deps = () => ({ db: t.db, clock: t.clock, config: t.config, timeoutMs: 1000 });
const fieldsOf = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field).sort();
const SECRET = 'whsec-0123456789abcdef';

describe('email and webhook settings (N-4)', () => {
  it('saves SMTP settings and never returns the password, only that one is set', async () => {
    const admin = await t.as('admin');
    expect((await call(t, 'GET', '/api/v1/settings/email', admin)).json()).toEqual({
      enabled: false, host: '', port: 587, secure: false, user: '', sender: '', passwordSet: false,
    });
    await configureEmail(t, admin, 465, { secure: true, user: 'mailer', password: 's3cret-pass' });
    const res = await call(t, 'GET', '/api/v1/settings/email', admin);
    expect(res.json()).toEqual({ enabled: true, host: '127.0.0.1', port: 465, secure: true, user: 'mailer', sender: 'noreply@retainer.test', passwordSet: true });
    expect(res.body).not.toContain('s3cret-pass');
    // omitted keeps it, null clears it
    await configureEmail(t, admin, 465, { user: 'mailer' });
    expect((await call(t, 'GET', '/api/v1/settings/email', admin)).json()).toMatchObject({ passwordSet: true });
    await configureEmail(t, admin, 465, { password: null });
    expect((await call(t, 'GET', '/api/v1/settings/email', admin)).json()).toMatchObject({ passwordSet: false });
    const audit = await t.db.selectFrom('audit_events').select(['after']).where('entity', '=', 'settings').execute();
    expect(audit.length).toBe(3);
    expect(audit.map((a) => a.after).join()).not.toContain('s3cret-pass');
  });

  it('refuses bad SMTP and webhook settings with 400 naming each field', async () => {
    const admin = await t.as('admin');
    const bad = await call(t, 'PUT', '/api/v1/settings/email', admin, { enabled: true, host: 'smtp example', port: 70000, secure: 'yes', user: '', sender: 'not-an-email' });
    expect(fieldsOf(expectError(bad, 400, 'validation_failed'))).toEqual(['host', 'port', 'secure', 'sender']);
    const zero = await call(t, 'PUT', '/api/v1/settings/email', admin, { enabled: true, host: 'smtp.example.cn', port: 0, secure: false, user: '', sender: 'a@b.cn', extra: 1 });
    expect(fieldsOf(expectError(zero, 400, 'validation_failed'))).toEqual(expect.arrayContaining(['port']));

    const url = await call(t, 'PUT', '/api/v1/settings/webhook', admin, { enabled: true, url: 'ftp://bots.example.cn/x', secret: 'short' });
    expect(fieldsOf(expectError(url, 400, 'validation_failed'))).toEqual(['secret', 'url']);
    const missing = await call(t, 'PUT', '/api/v1/settings/webhook', admin, { enabled: true, url: '' });
    expect(fieldsOf(expectError(missing, 400, 'validation_failed'))).toEqual(['secret', 'url']);
    expect((await call(t, 'GET', '/api/v1/settings/webhook', admin)).json()).toEqual({ enabled: false, url: '', secretSet: false });
  });

  it('keeps settings and the delivery log to admins; every user switches their own digest', async () => {
    const lawyer = await t.as('lawyer');
    for (const [method, url] of [
      ['GET', '/api/v1/settings/email'],
      ['PUT', '/api/v1/settings/email'],
      ['POST', '/api/v1/settings/email/test'],
      ['GET', '/api/v1/settings/webhook'],
      ['PUT', '/api/v1/settings/webhook'],
      ['GET', '/api/v1/deliveries'],
    ] as const) {
      expectError(await call(t, method, url, lawyer, method === 'GET' ? undefined : {}), 403, 'forbidden');
    }
    expect((await call(t, 'GET', '/api/v1/me/digest', lawyer)).json()).toEqual({ enabled: true, email: lawyer.user.email, emailConfigured: false });
    expect((await call(t, 'PUT', '/api/v1/me/digest', lawyer, { enabled: false })).json()).toMatchObject({ enabled: false });
    expect((await call(t, 'GET', '/api/v1/me/digest', lawyer)).json()).toMatchObject({ enabled: false });
    expectError(await call(t, 'PUT', '/api/v1/me/digest', lawyer, { enabled: 'no' }), 400, 'validation_failed');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/me/digest' }), 401, 'unauthenticated');
  });

  it('pages the delivery log newest first and filters it by status and channel', async () => {
    const admin = await t.as('admin');
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      await enqueue(t.db, t.clock, { channel: i % 2 ? 'webhook' : 'email', userId: admin.user.id, key: `k${i}`, payload: { to: `u${i}@x.cn`, subject: `S${i}`, text: '', html: '' } });
    }
    await t.db.updateTable('deliveries').set({ status: 'dead', last_error: 'boom' }).where('idempotency_key', '=', 'k0').execute();
    const first = (await call(t, 'GET', '/api/v1/deliveries?limit=2', admin)).json() as ListResponse<Delivery>;
    expect(first.total).toBe(5);
    expect(first.items.map((d) => d.idempotencyKey)).toEqual(['k4', 'k3']);
    expect(first.items[0]).toMatchObject({ channel: 'email', recipient: 'u4@x.cn', subject: 'S4', status: 'queued', attempts: 0, userName: admin.user.name });
    const second = (await call(t, 'GET', `/api/v1/deliveries?limit=2&cursor=${first.nextCursor}`, admin)).json() as ListResponse<Delivery>;
    expect(second.items.map((d) => d.idempotencyKey)).toEqual(['k2', 'k1']);
    const third = (await call(t, 'GET', `/api/v1/deliveries?limit=2&cursor=${second.nextCursor}`, admin)).json() as ListResponse<Delivery>;
    expect(third).toMatchObject({ nextCursor: null, total: 5 });
    expect(third.items.map((d) => d.idempotencyKey)).toEqual(['k0']);
    const dead = (await call(t, 'GET', '/api/v1/deliveries?status=dead', admin)).json() as ListResponse<Delivery>;
    expect(dead).toMatchObject({ total: 1, items: [{ idempotencyKey: 'k0', lastError: 'boom' }] });
    const hooks = (await call(t, 'GET', '/api/v1/deliveries?channel=webhook', admin)).json() as ListResponse<Delivery>;
    expect(hooks.items.map((d) => d.idempotencyKey)).toEqual(['k3', 'k1']);
    expectError(await call(t, 'GET', '/api/v1/deliveries?status=lost', admin), 400, 'validation_failed');
    expectError(await call(t, 'GET', '/api/v1/deliveries?limit=500', admin), 400, 'validation_failed');
  });
});

describe('webhook channel (P-10)', () => {
  it('forwards new in-app notifications, signed, and retries a 500 until delivered once', async () => {
    const admin = await t.as('admin');
    const lawyer = await t.as('lawyer');
    const hook = await localWebhook([500]);
    try {
      // off: nothing queued
      await notify(t.db, t.clock, [lawyer.user.id], { kind: 'task_assigned', data: { message: '早于启用' } });
      const saved = await call(t, 'PUT', '/api/v1/settings/webhook', admin, { enabled: true, url: hook.url, secret: SECRET });
      expect(saved.json()).toEqual({ enabled: true, url: hook.url, secretSet: true });
      expect(saved.body).not.toContain(SECRET);

      await notify(t.db, t.clock, [lawyer.user.id], { kind: 'task_assigned', data: { message: '张律师给您分配了待办「整理证据」' }, link: '/tasks' });
      const queued = await deliveries(t);
      expect(queued).toMatchObject([{ channel: 'webhook', user_id: lawyer.user.id, status: 'queued' }]);
      expect(queued[0]!.idempotency_key).toMatch(/^webhook:notification:/);

      expect(await deliverDue(deps())).toEqual({ sent: 0, failed: 1, dead: 0 });
      expect((await deliveries(t))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'HTTP 500' });
      await deliverDue(deps());
      expect(hook.hooks).toHaveLength(1); // not due yet
      t.clock.advance(60_000);
      expect(await deliverDue(deps())).toEqual({ sent: 1, failed: 0, dead: 0 });
      t.clock.advance(3_600_000);
      await deliverDue(deps());
      expect(hook.hooks).toHaveLength(2);
      expect((await deliveries(t))[0]).toMatchObject({ status: 'sent', attempts: 2 });

      const last = hook.hooks[1]!;
      const ts = String(last.headers['x-retainer-timestamp']);
      expect(Number(ts)).toBe(Math.floor(t.clock.now().getTime() / 1000) - 3600);
      expect(last.headers['x-retainer-signature']).toBe(`sha256=${webhookSignature(SECRET, ts, last.body)}`);
      expect(last.headers['x-retainer-signature']).not.toBe(`sha256=${webhookSignature('another-secret-xxxx', ts, last.body)}`);
      expect(last.headers['idempotency-key']).toBe(queued[0]!.idempotency_key);
      expect(JSON.parse(last.body)).toMatchObject({
        event: 'notification.created',
        kind: 'task_assigned',
        text: '张律师给您分配了待办「整理证据」',
        link: '/tasks',
        user: { id: lawyer.user.id, name: lawyer.user.name },
      });
    } finally {
      await hook.close();
    }
  });

  it('a notification rolled back with its transaction is never forwarded', async () => {
    const admin = await t.as('admin');
    await call(t, 'PUT', '/api/v1/settings/webhook', admin, { enabled: true, url: 'https://bots.example.cn/hook', secret: SECRET });
    await t.db
      .transaction()
      .execute(async (trx) => {
        await notify(trx, t.clock, [admin.user.id], { kind: 'x', data: {} });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await deliveries(t)).toEqual([]);
  });

  it('tells each user whether email is set up', async () => {
    const admin = await t.as('admin');
    await configureEmail(t, admin, 2525);
    expect((await call(t, 'GET', '/api/v1/me/digest', admin)).json()).toMatchObject({ emailConfigured: true });
  });
});
