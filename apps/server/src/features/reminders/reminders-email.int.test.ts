import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { notify } from '../notifications/notifications.service.js';
import { call, configureEmail, deliveries, hangingServer, localSmtp, parseMail, taskFor } from './reminders-fixture.js';
import { deliverDue, enqueueDailyDigests } from './reminders.jobs.js';
import { LEASE_MS } from './reminders.outbox.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof localSmtp>>;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp();
  smtp = await localSmtp();
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

const deps = () => ({ db: t.db, clock: t.clock, config: t.config, timeoutMs: 500 });
const minutes = (n: number) => n * 60_000;

async function firmWithDigest() {
  const admin = await t.as('admin');
  const lawyer = await t.as('lawyer');
  await configureEmail(t, admin, smtp.port);
  await taskFor(t, lawyer, lawyer.user.id, { title: '回访云帆科技', dueOn: '2026-11-25' });
  await taskFor(t, lawyer, lawyer.user.id, { title: '催收律师费', dueOn: '2026-11-20' });
  await taskFor(t, lawyer, lawyer.user.id, { title: '下周的事', dueOn: '2026-11-26' });
  await notify(t.db, t.clock, [lawyer.user.id], { kind: 'task_assigned', data: { message: '张律师给您分配了待办「整理证据」' } });
  return { admin, lawyer };
}

describe('daily digest over SMTP (P-10, N-4)', () => {
  it('emails each user with something to say once, in their language, with tasks due today or overdue and unread notifications', async () => {
    const { lawyer } = await firmWithDigest();
    expect(await enqueueDailyDigests(deps())).toBe(1); // the admin has nothing to say
    expect(await enqueueDailyDigests(deps())).toBe(0); // a second run the same firm day adds nothing
    t.clock.advance(minutes(300));
    expect(await enqueueDailyDigests(deps())).toBe(0);
    const queued = await deliveries(t);
    expect(queued).toMatchObject([{ channel: 'email', user_id: lawyer.user.id, idempotency_key: `digest:${lawyer.user.id}:2026-11-25`, status: 'queued', attempts: 0 }]);

    expect(await deliverDue(deps())).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([lawyer.user.email]);
    expect(mail.from).toBe('noreply@retainer.test');
    const parsed = parseMail(mail.raw);
    expect(parsed.subject).toBe('律维每日摘要 · 2026-11-25');
    expect(parsed.text).toContain('回访云帆科技');
    expect(parsed.text).toContain('[逾期] 催收律师费');
    expect(parsed.text).not.toContain('下周的事');
    expect(parsed.text).toContain('未读通知（1 条）');
    expect(parsed.text).toContain('整理证据');
    expect(parsed.html).toContain('<li>回访云帆科技');
    expect(parsed.messageId).toContain(`digest.${lawyer.user.id}.2026-11-25@retainer.test`);
    expect((await deliveries(t))[0]).toMatchObject({ status: 'sent', attempts: 1, last_error: null });

    // delivered once: further runs and the next day's job for the same day send nothing more
    expect(await deliverDue(deps())).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    // the next firm day is a new digest
    t.clock.set('2026-11-26T00:00:00.000Z');
    expect(await enqueueDailyDigests(deps())).toBe(1);
  });

  it("puts the user's touchpoints due today or overdue first, and leaves out later ones", async () => {
    const { lawyer } = await firmWithDigest();
    const res = await call(t, 'POST', '/api/v1/clients', lawyer, { kind: 'organisation', name: '宁波海曙贸易有限公司' });
    expect(res.statusCode, res.body).toBe(201);
    const clientId = (res.json() as { id: string }).id;
    const rule = await t.db.selectFrom('programme_rules').select('id').where('grade', '=', 'A').where('kind', '=', 'care').executeTakeFirstOrThrow();
    const at = t.clock.now().toISOString();
    const touchpoint = (id: string, dueOn: string, periodKey: string, occasion: string | null) => ({
      id, client_id: clientId, rule_id: rule.id, kind: 'care' as const, period_key: periodKey, occasion, occasion_on: null, window_start: '2026-11-01', window_end: '2026-12-31',
      due_on: dueOn, role: 'client_manager' as const, channel: 'gift' as const, guidance: '', assignee_id: lawyer.user.id, status: 'open' as const, done_at: null, done_on: null,
      interaction_id: null, skip_reason: null, skipped_by: null, overdue_flagged_at: null, escalated_at: null, created_at: at, updated_at: at,
    });
    await t.db.insertInto('touchpoints').values([
      touchpoint('tp-1', '2026-11-25', '2026:care:birthday', 'founding_day'),
      touchpoint('tp-2', '2026-11-22', '2026:care:mid_autumn', 'mid_autumn'),
      touchpoint('tp-3', '2026-11-28', '2026:care:new_year', 'new_year'),
    ]).execute();
    expect(await enqueueDailyDigests(deps())).toBe(1);
    await deliverDue(deps());
    const parsed = parseMail(smtp.received[0]!.raw);
    expect(parsed.text).toContain('今日到期及逾期的维护任务（2 项）');
    expect(parsed.text).toContain('[逾期] 关怀 · 中秋节（宁波海曙贸易有限公司） · 截止 2026-11-22');
    expect(parsed.text).toContain('关怀 · 成立纪念日（宁波海曙贸易有限公司） · 截止 2026-11-25');
    expect(parsed.text).not.toContain('元旦');
    expect(parsed.text.indexOf('维护任务')).toBeLessThan(parsed.text.indexOf('回访云帆科技'));
  });

  it('writes in English for an en-US user, and leaves out users who turned the digest off', async () => {
    const { lawyer } = await firmWithDigest();
    const other = await t.as('lawyer');
    await taskFor(t, other, other.user.id, { title: 'Call the client', dueOn: '2026-11-25' });
    expect((await call(t, 'PUT', '/api/v1/me/digest', lawyer, { enabled: false })).statusCode).toBe(200);
    await t.db.updateTable('users').set({ locale: 'en-US' }).where('id', '=', other.user.id).execute();
    expect(await enqueueDailyDigests(deps())).toBe(1);
    await deliverDue(deps());
    expect(smtp.received.map((m) => m.to)).toEqual([[other.user.email]]);
    const parsed = parseMail(smtp.received[0]!.raw);
    expect(parsed.subject).toBe('Retainer daily digest · 2026-11-25');
    expect(parsed.text).toContain('Tasks due today or overdue (1)');
  });

  it('queues nothing while email is not set up', async () => {
    const lawyer = await t.as('lawyer');
    await taskFor(t, lawyer, lawyer.user.id, { title: '回访', dueOn: '2026-11-25' });
    expect(await enqueueDailyDigests(deps())).toBe(0);
    expect(await deliveries(t)).toEqual([]);
  });

  it('retries a refusing server with backoff and sends once when it recovers', async () => {
    await firmWithDigest();
    await enqueueDailyDigests(deps());
    smtp.state.refuse = 451;
    expect(await deliverDue(deps())).toEqual({ sent: 0, failed: 1, dead: 0 });
    let row = (await deliveries(t))[0]!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: new Date(t.clock.now().getTime() + minutes(1)).toISOString() });
    expect(row.last_error).toMatch(/451|reject/i);

    // not due yet: nothing is tried
    await deliverDue(deps());
    expect(smtp.state.attempts).toBe(1);

    t.clock.advance(minutes(1));
    expect(await deliverDue(deps())).toEqual({ sent: 0, failed: 1, dead: 0 });
    row = (await deliveries(t))[0]!;
    expect(row).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: new Date(t.clock.now().getTime() + minutes(5)).toISOString() });

    smtp.state.refuse = 554; // a permanent refusal is retried too: the admin may fix the address or the server
    t.clock.advance(minutes(5));
    await deliverDue(deps());
    expect((await deliveries(t))[0]).toMatchObject({ status: 'failed', attempts: 3 });

    smtp.state.refuse = 0;
    t.clock.advance(minutes(15));
    expect(await deliverDue(deps())).toEqual({ sent: 1, failed: 0, dead: 0 });
    t.clock.advance(minutes(120));
    await deliverDue(deps());
    await enqueueDailyDigests(deps());
    await deliverDue(deps());
    expect(smtp.received).toHaveLength(1);
    expect(await deliveries(t)).toMatchObject([{ status: 'sent', attempts: 4, last_error: null }]);
  });

  it('gives up after the last retry and marks the delivery dead', async () => {
    await firmWithDigest();
    await enqueueDailyDigests(deps());
    smtp.state.refuse = 450;
    for (const wait of [0, 1, 5, 15, 60, 180, 360]) {
      t.clock.advance(minutes(wait));
      await deliverDue(deps());
    }
    expect(await deliveries(t)).toMatchObject([{ status: 'dead', attempts: 7, next_attempt_at: null }]);
    smtp.state.refuse = 0;
    t.clock.advance(minutes(1000));
    await deliverDue(deps());
    expect(smtp.received).toHaveLength(0);
  });

  it('times out against a server that hangs, keeps the digest for a retry and delivers it later', async () => {
    const { admin, lawyer } = await firmWithDigest();
    const hang = await hangingServer();
    try {
      await configureEmail(t, admin, hang.port);
      await enqueueDailyDigests(deps());
      const started = Date.now();
      expect(await deliverDue(deps())).toEqual({ sent: 0, failed: 1, dead: 0 });
      expect(Date.now() - started).toBeLessThan(5_000);
      const row = (await deliveries(t))[0]!;
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.last_error).toMatch(/ETIMEDOUT/);
    } finally {
      await hang.close();
    }
    await configureEmail(t, admin, smtp.port);
    t.clock.advance(minutes(1));
    expect(await deliverDue(deps())).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[lawyer.user.email]]);
  });

  it('two workers never send one delivery twice, and a crashed send is taken over after its lease', async () => {
    await firmWithDigest();
    await enqueueDailyDigests(deps());
    const results = await Promise.all([deliverDue(deps()), deliverDue(deps()), deliverDue(deps())]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(smtp.received).toHaveLength(1);

    // a process that died mid-send leaves 'sending' with its lease
    const lawyer2 = await t.as('lawyer');
    await taskFor(t, lawyer2, lawyer2.user.id, { title: '另一件事', dueOn: '2026-11-25' });
    t.clock.set('2026-11-26T01:00:00.000Z');
    await enqueueDailyDigests(deps());
    const leaseEnd = new Date(t.clock.now().getTime() + LEASE_MS).toISOString();
    await t.db.updateTable('deliveries').set({ status: 'sending', attempts: 1, next_attempt_at: leaseEnd }).where('status', '=', 'queued').execute();
    await deliverDue(deps());
    expect(smtp.received).toHaveLength(1);
    t.clock.advance(LEASE_MS);
    expect((await deliverDue(deps())).sent).toBe(2);
    expect(smtp.received).toHaveLength(3);
  });

  it('sends a test email at once and logs it', async () => {
    const admin = await t.as('admin');
    await configureEmail(t, admin, smtp.port);
    const res = await call(t, 'POST', '/api/v1/settings/email/test', admin, { to: 'ops@retainer.test' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, to: 'ops@retainer.test', error: null });
    expect(smtp.received.map((m) => m.to)).toEqual([['ops@retainer.test']]);
    expect(parseMail(smtp.received[0]!.raw).subject).toBe('律维测试邮件');

    smtp.state.refuse = 550;
    const failed = await call(t, 'POST', '/api/v1/settings/email/test', admin, {});
    expect(failed.json()).toMatchObject({ ok: false, to: admin.user.email });
    expect((failed.json() as { error: string }).error).toBeTruthy();
    const log = await deliveries(t);
    expect(log.map((d) => d.status).sort()).toEqual(['dead', 'sent']);
    // tests are never retried
    t.clock.advance(minutes(60));
    smtp.state.refuse = 0;
    await deliverDue(deps());
    expect(smtp.received).toHaveLength(1);
  });
});
