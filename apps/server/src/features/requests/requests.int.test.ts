import type { BreachReport, ServiceRequest, ServiceRequestDetail, ServiceRequestList } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { clientFirm, get, send } from '../clients/clients-fixture.js';
import { timelineKinds } from '../interactions/interactions-fixture.js';
import { signInAgain } from '../matters/matters-fixture.js';
import { flagRequestSla } from './requests.jobs.js';
import { requestsNearBreach } from './requests.service.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof clientFirm>>;
// Wed 2026-11-25 10:00 in Shanghai
const NOW = '2026-11-25T02:00:00.000Z';
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
beforeEach(async () => {
  t = await createTestApp({ now: NOW });
  f = await clientFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const grade = (id: string, g: 'A' | 'B' | 'C') => t.db.updateTable('clients').set({ grade: g }).where('id', '=', id).execute();
async function create(body: Record<string, unknown> = {}, who: Who = f.lawyerA) {
  const res = await send(t, 'POST', '/api/v1/requests', who, { clientId: f.client.id, channel: 'wechat', receivedAt: NOW, subject: '合同审查咨询', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ServiceRequestDetail;
}
async function list(query: string, who: Who = f.lawyerA) {
  const res = await get(t, `/api/v1/requests?${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ServiceRequestList;
}
const jobDeps = () => ({ db: t.db, clock: t.clock, config: t.config });
const notices = async (userId: string) =>
  (await t.db.selectFrom('notifications').select(['kind', 'data']).where('user_id', '=', userId).orderBy('created_at').execute()).filter((n) => n.kind.startsWith('request_'));

describe('requests CRUD and validation (S-1)', () => {
  it('creates a request with due times by grade at received time, lists and reads it, with a timeline event', async () => {
    await grade(f.client.id, 'A');
    const r = await create({ priority: 'high', details: '对方发来补充协议' });
    expect(r).toMatchObject({ grade: 'A', status: 'open', priority: 'high', assigneeId: f.lawyerA.user.id, slaMode: 'clock', slaState: 'pending' });
    expect(r.reply).toMatchObject({ dueAt: bj('2026-11-25T10:15:00'), warnAt: bj('2026-11-25T10:12:00'), state: 'pending', committed: false });
    expect(r.opinion.dueAt).toBe(bj('2026-11-26T10:00:00'));
    expect(r.nextDueAt).toBe(r.reply.dueAt);
    // a later grade change leaves the request's targets alone
    await grade(f.client.id, 'C');
    expect(((await get(t, `/api/v1/requests/${r.id}`, f.lawyerA)).json() as ServiceRequestDetail).grade).toBe('A');
    const page = await list('status=open');
    expect(page.total).toBe(1);
    expect(page.items[0]!.id).toBe(r.id);
    expect(await timelineKinds(t, f.client.id)).toContain('request_received');
  });

  it('takes B and C targets, and C when the grade table says C', async () => {
    await grade(f.client.id, 'B');
    expect((await create()).reply.dueAt).toBe(bj('2026-11-25T11:00:00'));
    await grade(f.client.id, 'C');
    const c = await create();
    expect([c.reply.dueAt, c.opinion.dueAt]).toEqual([bj('2026-11-25T14:00:00'), bj('2026-11-28T10:00:00')]);
  });

  it('refuses a future received-at, a foreign contact, an unknown assignee and unknown fields', async () => {
    const future = await send(t, 'POST', '/api/v1/requests', f.lawyerA, { clientId: f.client.id, channel: 'phone', receivedAt: '2026-11-25T02:01:00.000Z', subject: 'x' });
    expect(expectError(future, 400, 'validation_failed').details).toEqual([{ field: 'receivedAt', message: 'cannot be in the future' }]);
    expectError(await send(t, 'POST', '/api/v1/requests', f.lawyerA, { clientId: f.client.id, channel: 'fax', receivedAt: NOW, subject: 'x' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', '/api/v1/requests', f.lawyerA, { clientId: f.client.id, channel: 'phone', receivedAt: NOW, subject: 'x', contactId: 'nope' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', '/api/v1/requests', f.lawyerA, { clientId: f.client.id, channel: 'phone', receivedAt: NOW, subject: 'x', assigneeId: 'nope' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', '/api/v1/requests', f.lawyerA, { clientId: f.client.id, channel: 'phone', receivedAt: NOW, subject: 'x', status: 'closed' }), 400, 'validation_failed');
    expect(await t.db.selectFrom('requests').select('id').execute()).toEqual([]);
  });

  it('updates only the listed fields', async () => {
    const r = await create();
    const res = await send(t, 'PATCH', `/api/v1/requests/${r.id}`, f.lawyerA, { subject: '股权转让协议审查', priority: 'urgent', assigneeId: f.lawyerA2.user.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: '股权转让协议审查', priority: 'urgent', assigneeId: f.lawyerA2.user.id });
    expectError(await send(t, 'PATCH', `/api/v1/requests/${r.id}`, f.lawyerA, { receivedAt: '2026-11-24T00:00:00.000Z' }), 400, 'validation_failed');
  });

  it('hides requests of invisible clients: 404 on read, write and action, absent from lists', async () => {
    const r = await create();
    for (const path of [`/api/v1/requests/${r.id}`, '/api/v1/requests/unknown']) expectError(await get(t, path, f.lawyerB), 404, 'not_found');
    expectError(await send(t, 'PATCH', `/api/v1/requests/${r.id}`, f.lawyerB, { subject: 'x' }), 404, 'not_found');
    expectError(await send(t, 'POST', `/api/v1/requests/${r.id}/reply`, f.assistantB, {}), 404, 'not_found');
    expectError(await send(t, 'POST', '/api/v1/requests', f.lawyerB, { clientId: f.client.id, channel: 'phone', receivedAt: NOW, subject: 'x' }), 404, 'not_found');
    expect((await list('', f.lawyerB)).total).toBe(0);
    expect((await list('', f.partner)).total).toBe(1);
  });
});

describe('SLA actions (S-2, S-3)', () => {
  it('records the first reply and opinion once each, on time or late, with timeline events', async () => {
    await grade(f.client.id, 'A');
    const r = await create();
    t.clock.advance(20 * 60_000);
    const replied = (await send(t, 'POST', `/api/v1/requests/${r.id}/reply`, f.lawyerA, { note: '已电话回复' })).json() as ServiceRequestDetail;
    expect(replied.reply).toMatchObject({ state: 'met_late', doneAt: '2026-11-25T02:20:00.000Z' });
    expect(replied.nextDueAt).toBe(r.opinion.dueAt);
    expectError(await send(t, 'POST', `/api/v1/requests/${r.id}/reply`, f.lawyerA, {}), 409, 'conflict');
    const future = await send(t, 'POST', `/api/v1/requests/${r.id}/opinion`, f.lawyerA, { at: '2026-11-26T00:00:00.000Z' });
    expectError(future, 400, 'validation_failed');
    const opinion = (await send(t, 'POST', `/api/v1/requests/${r.id}/opinion`, f.lawyerA, {})).json() as ServiceRequestDetail;
    expect(opinion.opinion.state).toBe('met');
    expect(opinion.nextDueAt).toBeNull();
    const closed = await send(t, 'POST', `/api/v1/requests/${r.id}/close`, f.lawyerA, { note: '已解决' });
    expect(closed.json()).toMatchObject({ status: 'closed', closeNote: '已解决' });
    expectError(await send(t, 'POST', `/api/v1/requests/${r.id}/close`, f.lawyerA, {}), 409, 'conflict');
    expect((await send(t, 'POST', `/api/v1/requests/${r.id}/reopen`, f.lawyerA, {})).json()).toMatchObject({ status: 'open' });
    expect(await timelineKinds(t, f.client.id)).toEqual(expect.arrayContaining(['request_received', 'request_replied', 'request_opinion_given', 'request_closed']));
  });

  it('a commitment told in time replaces the due time and is tracked met or missed', async () => {
    await grade(f.client.id, 'A');
    const r = await create();
    const tomorrow5pm = bj('2026-11-26T17:00:00');
    const res = await send(t, 'POST', `/api/v1/requests/${r.id}/commitments`, f.lawyerA, { target: 'opinion', committedAt: tomorrow5pm, note: '明天17点前给你回复' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as ServiceRequestDetail;
    expect(c.opinion).toMatchObject({ baseDueAt: bj('2026-11-26T10:00:00'), dueAt: tomorrow5pm, committed: true, breachedBeforeCommitment: false, state: 'pending' });
    expect(c.commitments).toMatchObject([{ target: 'opinion', committedAt: tomorrow5pm, toldAt: NOW, state: 'pending', note: '明天17点前给你回复' }]);
    expect(await timelineKinds(t, f.client.id)).toContain('request_committed');
    // past the base due time, before the commitment: pending still
    t.clock.set(bj('2026-11-26T10:30:00'));
    await signInAgain(t, f.lawyerA);
    expect(((await get(t, `/api/v1/requests/${r.id}`, f.lawyerA)).json() as ServiceRequestDetail).opinion.state).toBe('pending');
    // its own warning point: 80% of told-at → committed time (31 h) = 10:48 the next day
    t.clock.set(bj('2026-11-26T10:48:00'));
    expect(((await get(t, `/api/v1/requests/${r.id}`, f.lawyerA)).json() as ServiceRequestDetail).opinion.state).toBe('warning');
    t.clock.set(bj('2026-11-26T17:30:00'));
    const missed = (await get(t, `/api/v1/requests/${r.id}`, f.lawyerA)).json() as ServiceRequestDetail;
    expect(missed.opinion.state).toBe('breached');
    expect(missed.commitments[0]!.state).toBe('missed');
    expectError(await send(t, 'POST', `/api/v1/requests/${r.id}/commitments`, f.lawyerA, { target: 'reply', committedAt: bj('2026-11-26T17:00:00') }), 400, 'validation_failed');
  });

  it('a commitment after the breach keeps the breach and tracks the commitment', async () => {
    await grade(f.client.id, 'A');
    const r = await create();
    t.clock.set(bj('2026-11-25T11:00:00'));
    const c = (await send(t, 'POST', `/api/v1/requests/${r.id}/commitments`, f.lawyerA, { target: 'reply', committedAt: bj('2026-11-25T14:00:00') })).json() as ServiceRequestDetail;
    expect(c.reply).toMatchObject({ breachedBeforeCommitment: true, state: 'breached', dueAt: bj('2026-11-25T14:00:00') });
    t.clock.set(bj('2026-11-25T13:00:00'));
    const done = (await send(t, 'POST', `/api/v1/requests/${r.id}/reply`, f.lawyerA, {})).json() as ServiceRequestDetail;
    expect(done.reply.state).toBe('met_late');
    expect(done.commitments[0]!.state).toBe('met');
  });

  it('working-hours mode (a setting): a Friday evening request is due on Monday', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/requests/sla-settings', headers: f.lawyerA.headers, payload: {} });
    expectError(bad, 403, 'forbidden');
    const current = (await get(t, '/api/v1/requests/sla-settings', f.admin)).json() as Record<string, unknown>;
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/requests/sla-settings', headers: f.admin.headers, payload: { ...current, mode: 'working_hours' } });
    expect(res.statusCode, res.body).toBe(200);
    await grade(f.client.id, 'A');
    t.clock.set(bj('2026-11-27T17:50:00'));
    await signInAgain(t, f.lawyerA);
    const r = await create({ receivedAt: bj('2026-11-27T17:50:00') });
    expect(r.slaMode).toBe('working_hours');
    expect(r.reply.dueAt).toBe(bj('2026-11-30T09:05:00'));
    expect(r.opinion.dueAt).toBe(bj('2026-11-30T17:50:00'));
  });
});

describe('filters, sort and paging', () => {
  it('filters by SLA state, assignee, channel, priority and received date; sorts by next due; pages', async () => {
    await grade(f.client.id, 'A');
    const a = await create({ subject: '一', receivedAt: '2026-11-25T01:40:00.000Z' }); // reply due 09:55 → breached
    const b = await create({ subject: '二', receivedAt: '2026-11-25T01:47:00.000Z', channel: 'email' }); // due 10:02, warn 09:59:36 → warning
    const c = await create({ subject: '三', priority: 'urgent', assigneeId: f.lawyerA2.user.id }); // due 10:15 → pending
    const ids = (p: ServiceRequestList) => p.items.map((i) => i.id);
    expect(ids(await list('sla=breached'))).toEqual([a.id]);
    expect(ids(await list('sla=warning'))).toEqual([b.id]);
    expect(ids(await list('sla=near_breach&sort=nextDueAt'))).toEqual([a.id, b.id]);
    expect(ids(await list('sla=on_track'))).toEqual([c.id]);
    expect(ids(await list('assignee=mine&sort=receivedAt'))).toEqual([a.id, b.id]);
    expect(ids(await list(`assignee=${f.lawyerA2.user.id}`))).toEqual([c.id]);
    expect(ids(await list('channel=email'))).toEqual([b.id]);
    expect(ids(await list('priority=urgent'))).toEqual([c.id]);
    expect((await list('receivedFrom=2026-11-26')).total).toBe(0);
    expect((await list('receivedFrom=2026-11-25&receivedTo=2026-11-25')).total).toBe(3);
    const first = await list('limit=2&sort=-receivedAt');
    expect(first).toMatchObject({ total: 3 });
    expect(ids(first)).toEqual([c.id, b.id]);
    const second = await list(`limit=2&sort=-receivedAt&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    // My day hook: mine, warning or breached, soonest due first
    const near = await requestsNearBreach(t.db, { id: f.lawyerA.user.id, name: '', role: 'lawyer', teamId: f.teamA.id, locale: 'zh-CN' }, t.clock.now());
    expect(near.map((r: ServiceRequest) => [r.id, r.slaState])).toEqual([[a.id, 'breached'], [b.id, 'warning']]);
    const viaApi = (await get(t, '/api/v1/requests/near-breach', f.lawyerA)).json() as { items: ServiceRequest[] };
    expect(viaApi.items.map((r) => r.id)).toEqual([a.id, b.id]);
    // …and on My day (P-8 with S-4); the other lawyer's day holds only what is theirs and near
    const day = (await get(t, '/api/v1/my-day', f.lawyerA)).json() as { requests: ServiceRequest[] };
    expect(day.requests.map((r) => [r.id, r.slaState])).toEqual([[a.id, 'breached'], [b.id, 'warning']]);
    expect(((await get(t, '/api/v1/my-day', f.lawyerA2)).json() as { requests: ServiceRequest[] }).requests).toEqual([]);
  });
});

describe('warnings and breaches (S-4)', () => {
  it('warns the assignee once at 80%, flags the breach once (owner told too), and again once for a commitment', async () => {
    await grade(f.client.id, 'A');
    const r = await create({ assigneeId: f.lawyerA2.user.id });
    t.clock.set(bj('2026-11-25T10:11:59'));
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 0 });
    t.clock.set(bj('2026-11-25T10:12:00'));
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 1, breached: 0 });
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 0 });
    t.clock.set(bj('2026-11-25T10:16:00'));
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 1 });
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 0 });
    expect((await notices(f.lawyerA2.user.id)).map((n) => n.kind)).toEqual(['request_sla_warning', 'request_sla_breached']);
    expect((await notices(f.lawyerA.user.id)).map((n) => n.kind)).toEqual(['request_sla_breached']);
    // a commitment (after the breach) earns its own notices, each once
    await send(t, 'POST', `/api/v1/requests/${r.id}/commitments`, f.lawyerA2, { target: 'reply', committedAt: bj('2026-11-25T11:16:00') });
    t.clock.set(bj('2026-11-25T11:17:00'));
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 1 });
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 0 });
    // a request answered in time is never flagged
    const ok = await create({ receivedAt: bj('2026-11-25T11:17:00') });
    await send(t, 'POST', `/api/v1/requests/${ok.id}/reply`, f.lawyerA, {});
    t.clock.set(bj('2026-11-25T11:40:00'));
    expect(await flagRequestSla(jobDeps())).toEqual({ warned: 0, breached: 0 });
  });
});

describe('breach report (S-4)', () => {
  it('counts due, met on time, breached and the rate per person, team and grade, within visibility', async () => {
    await grade(f.client.id, 'A');
    const early = '2026-11-24T01:00:00.000Z'; // Tue 09:00
    const onTime = await create({ receivedAt: early });
    const late = await create({ receivedAt: early, assigneeId: f.lawyerA2.user.id });
    await create({ receivedAt: early }); // never answered: both targets breached by now
    await t.db.updateTable('requests').set({ reply_done_at: '2026-11-24T01:05:00.000Z', opinion_done_at: '2026-11-24T20:00:00.000Z' }).where('id', '=', onTime.id).execute();
    await t.db.updateTable('requests').set({ reply_done_at: '2026-11-24T02:00:00.000Z' }).where('id', '=', late.id).execute();
    const report = async (by: string, who: Who = f.partner) => {
      const res = await get(t, `/api/v1/requests/breaches?from=2026-11-24&to=2026-11-25&by=${by}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as BreachReport;
    };
    const byPerson = await report('person');
    // 6 targets: onTime 2 met; late: reply late, opinion unmet past due; third: both unmet past due
    expect(byPerson.total).toMatchObject({ due: 6, metOnTime: 2, breached: 4, open: 0, breachRate: 0.667 });
    expect(byPerson.rows.find((r) => r.key === f.lawyerA2.user.id)).toMatchObject({ due: 2, metOnTime: 0, breached: 2, breachRate: 1 });
    expect(byPerson.rows.find((r) => r.key === f.lawyerA.user.id)).toMatchObject({ due: 4, metOnTime: 2, breached: 2, breachRate: 0.5 });
    expect((await report('team')).rows).toMatchObject([{ key: f.teamA.id, label: '诉讼部', due: 6 }]);
    expect((await report('grade')).rows).toMatchObject([{ key: 'A', due: 6 }]);
    expect((await report('person', f.lawyerB)).total.due).toBe(0);
    expectError(await get(t, '/api/v1/requests/breaches?from=2026-11-24&to=2026-11-25', f.secretary), 403, 'forbidden');
  });
});
