import type { FirmStandard, Matter, Standard } from '@retainer/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { matterFirm, moveTo } from './matters-fixture.js';
import { runServiceStandards } from './standards.jobs.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
afterEach(async () => {
  await t.close();
});

/** A firm whose clock starts at `now`. */
async function firmAt(now: string) {
  t = await createTestApp({ now });
  f = await matterFirm(t);
}

type Who = typeof f.lawyerA;
const standards = async (m: Matter, who: Who = f.lawyerA) => {
  const res = await get(t, `/api/v1/matters/${m.id}/standards`, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Standard[] }).items;
};
const brief = (s: Standard[]) => s.filter((x) => x.kind === 'weekly_brief').map((x) => [x.weekOf, x.dueAt, x.status]);
const job = () => runServiceStandards({ db: t.db, clock: t.clock, config: t.config });
const HOUR = 3_600_000;

describe('M-4 project timeline and weekly briefs', () => {
  it('makes the timeline due after the National Day break: engaged Wed 2026-09-30 → end of the make-up Sat 10-10', async () => {
    await firmAt('2026-09-30T03:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }]);
    const [timeline, ...rest] = await standards(m);
    expect(rest).toEqual([]);
    expect(timeline).toMatchObject({ kind: 'project_timeline', dueAt: '2026-10-10T15:59:59.999Z', status: 'open', doneAt: null, breachedAt: null });

    // done on the Friday, recorded with its time; not in the future, not before the engagement
    const url = `/api/v1/matters/${m.id}/standards/${timeline!.id}/complete`;
    expectError(await send(t, 'POST', url, f.lawyerA, { doneAt: '2026-10-09T10:00:00+08:00' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', url, f.lawyerA, { doneAt: '2026-09-29T10:00:00+08:00' }), 400, 'validation_failed');
    t.clock.set('2026-10-09T08:00:00.000Z');
    await t.login(f.lawyerA.user.email).then((s) => Object.assign(f.lawyerA.headers, { cookie: s.cookie, 'x-csrf-token': s.csrf }));
    const done = await send(t, 'POST', url, f.lawyerA, { doneAt: '2026-10-09T15:00:00+08:00', note: '已发送工作计划' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneAt: '2026-10-09T07:00:00.000Z', note: '已发送工作计划', breachedAt: null });
    expectError(await send(t, 'POST', url, f.lawyerA, {}), 409, 'conflict');
    const audit = await t.db.selectFrom('audit_events').select('entity').where('entity_id', '=', timeline!.id).execute();
    expect(audit).toEqual([{ entity: 'service_obligation' }]);
  });

  it('moves the brief to Thursday when Friday is the Mid-Autumn holiday, and to Wednesday before National Day', async () => {
    await firmAt('2026-09-21T02:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }]);
    expect(brief(await standards(m))).toEqual([
      ['2026-09-21', '2026-09-24T15:59:59.999Z', 'open'],
      ['2026-09-28', '2026-09-30T15:59:59.999Z', 'open'],
    ]);
  });

  it('owes no brief before the matter is in progress nor after it closes; open future ones are cancelled', async () => {
    await firmAt('2026-11-23T02:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }]);
    await job();
    expect((await standards(m)).map((s) => s.kind)).toEqual(['project_timeline']);

    await moveTo(t, f.lawyerA, m.id, [{ to: 'in_progress' }]);
    await job();
    expect(brief(await standards(m))).toEqual([
      ['2026-11-23', '2026-11-27T15:59:59.999Z', 'open'],
      ['2026-11-30', '2026-12-04T15:59:59.999Z', 'open'],
    ]);

    t.clock.set('2026-11-24T03:00:00.000Z');
    await t.login(f.lawyerA.user.email).then((s) => Object.assign(f.lawyerA.headers, { cookie: s.cookie, 'x-csrf-token': s.csrf }));
    await moveTo(t, f.lawyerA, m.id, [{ to: 'closed', outcome: '和解结案' }]);
    t.clock.set('2026-12-08T02:00:00.000Z');
    await job();
    await t.login(f.lawyerA.user.email).then((s) => Object.assign(f.lawyerA.headers, { cookie: s.cookie, 'x-csrf-token': s.csrf }));
    const after = await standards(m);
    expect(brief(after).map(([week, , status]) => [week, status])).toEqual([
      ['2026-11-23', 'cancelled'],
      ['2026-11-30', 'cancelled'],
    ]);
    expect(after.find((s) => s.kind === 'project_timeline')?.status).toBe('cancelled');
    expect(await t.db.selectFrom('service_obligations').select('id').where('matter_id', '=', m.id).execute()).toHaveLength(4); // timeline, two briefs, the survey
  });

  it('closing opens a survey task for the client manager, due 7 days later, tracked as an obligation', async () => {
    await firmAt('2026-11-23T02:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }, { to: 'closed', at: '2026-11-23', outcome: '一审胜诉' }]);
    const survey = (await standards(m)).find((s) => s.kind === 'satisfaction_survey')!;
    expect(survey).toMatchObject({ dueAt: '2026-11-30T15:59:59.999Z', status: 'open' });
    const task = await t.db.selectFrom('tasks').selectAll().where('id', '=', survey.taskId!).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ title: `发送满意度调查：${m.title}`, due_on: '2026-11-30', assignee_id: f.manager.user.id, status: 'open', client_id: f.client.id });

    // the manager is told of the task; completing the obligation completes the task
    const res = await send(t, 'POST', `/api/v1/matters/${m.id}/standards/${survey.id}/complete`, f.lawyerA, {});
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status).toBe('done');
    const told = await t.db.selectFrom('notifications').select('kind').where('user_id', '=', f.manager.user.id).execute();
    expect(told).toEqual([{ kind: 'task_assigned' }]);
  });
});

describe('M-4 adverse events', () => {
  it('is on time when told within the hour, breached when told later or not at all, and refuses a future event', async () => {
    await firmAt('2026-11-24T06:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }]);
    const url = `/api/v1/matters/${m.id}/adverse-events`;
    const now = t.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();

    const future = await send(t, 'POST', url, f.lawyerA, { description: '对方提起反诉', occurredAt: at(HOUR) });
    expect(expectError(future, 400, 'validation_failed').details).toEqual([{ field: 'occurredAt', message: '不能晚于现在' }]);
    expectError(await send(t, 'POST', url, f.lawyerA, { description: 'x', occurredAt: at(-HOUR), notifiedAt: at(-2 * HOUR) }), 400, 'validation_failed');

    const onTime = await send(t, 'POST', url, f.lawyerA, { description: '法院驳回财产保全申请', occurredAt: at(-50 * 60_000), notifiedAt: at(-10 * 60_000) });
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json()).toMatchObject({ kind: 'adverse_event', status: 'done', dueAt: at(10 * 60_000), breachedAt: null, adverseEvent: { description: '法院驳回财产保全申请' } });

    const late = await send(t, 'POST', url, f.lawyerA, { description: '一审判决驳回诉讼请求', occurredAt: at(-3 * HOUR), notifiedAt: at(-HOUR) });
    expect(late.json()).toMatchObject({ status: 'breached', doneAt: at(-HOUR) });

    // not told yet: open, then breached once the hour passes; told on time but recorded later clears it
    const pending = (await send(t, 'POST', url, f.lawyerA, { description: '对方提起反诉', occurredAt: at(-20 * 60_000) })).json() as Standard;
    expect(pending).toMatchObject({ status: 'open', doneAt: null });
    t.clock.advance(HOUR);
    expect((await job()).breached).toBe(1);
    const eventUrl = `/api/v1/adverse-events/${pending.adverseEvent!.id}`;
    expectError(await send(t, 'PATCH', eventUrl, f.lawyerA, { notifiedAt: at(-HOUR) }), 400, 'validation_failed');
    const recorded = await send(t, 'PATCH', eventUrl, f.lawyerA, { notifiedAt: at(10 * 60_000) });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'done', breachedAt: null, adverseEvent: { notifiedAt: at(10 * 60_000) } });

    const kinds = await t.db.selectFrom('timeline_events').select('kind').where('client_id', '=', f.client.id).where('kind', 'in', ['adverse_event_recorded', 'standard_breached']).execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['adverse_event_recorded', 'adverse_event_recorded', 'adverse_event_recorded', 'standard_breached', 'standard_breached']);
  });
});

describe('M-4 breach job', () => {
  it('flags an overdue obligation once and tells the lead lawyer once, however often it runs', async () => {
    await firmAt('2026-11-23T02:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }]);
    expect(await job()).toEqual({ breached: 0, notified: 0 });
    t.clock.set('2026-11-27T01:00:00.000Z'); // the timeline was due by the end of Thu 11-26
    expect(await job()).toEqual({ breached: 1, notified: 1 });
    const first = await t.db.selectFrom('service_obligations').select(['breached_at', 'breach_notified_at']).where('matter_id', '=', m.id).executeTakeFirstOrThrow();
    t.clock.advance(15 * 60_000);
    expect(await job()).toEqual({ breached: 0, notified: 0 });
    expect(await t.db.selectFrom('service_obligations').select(['breached_at', 'breach_notified_at']).where('matter_id', '=', m.id).executeTakeFirstOrThrow()).toEqual(first);
    const notes = await t.db.selectFrom('notifications').select(['user_id', 'kind', 'link']).where('kind', '=', 'standard_breached').execute();
    expect(notes).toEqual([{ user_id: f.lawyerA.user.id, kind: 'standard_breached', link: `/matters/${m.id}` }]);
    const events = await t.db.selectFrom('timeline_events').select('kind').where('kind', '=', 'standard_breached').execute();
    expect(events).toHaveLength(1);
  });
});

describe('M-4 visibility', () => {
  it('answers 404 for a matter one cannot see, 403 to secretaries', async () => {
    await firmAt('2026-11-23T02:00:00.000Z');
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }]);
    const [timeline] = await standards(m);
    const event = (await send(t, 'POST', `/api/v1/matters/${m.id}/adverse-events`, f.lawyerA, { description: '对方提起反诉', occurredAt: '2026-11-23T01:30:00Z' })).json() as Standard;
    for (const who of [f.lawyerB, f.otherManager, f.assistantB]) {
      expectError(await get(t, `/api/v1/matters/${m.id}/standards`, who), 404, 'not_found');
      expectError(await send(t, 'POST', `/api/v1/matters/${m.id}/standards/${timeline!.id}/complete`, who, {}), 404, 'not_found');
      expectError(await send(t, 'POST', `/api/v1/matters/${m.id}/adverse-events`, who, { description: 'x', occurredAt: '2026-11-23T01:00:00Z' }), 404, 'not_found');
      expectError(await send(t, 'PATCH', `/api/v1/adverse-events/${event.adverseEvent!.id}`, who, { notifiedAt: '2026-11-23T01:45:00Z' }), 404, 'not_found');
    }
    expectError(await get(t, `/api/v1/matters/${m.id}/standards`, f.secretary), 403, 'forbidden');
    expectError(await get(t, '/api/v1/service-standards', f.secretary), 403, 'forbidden');
    expect(await t.db.selectFrom('adverse_events').select('id').execute()).toHaveLength(1);
  });

  it('lists firm-wide only the matters the caller may see, with status, assignee and date filters', async () => {
    await firmAt('2026-11-23T02:00:00.000Z');
    const mine = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, mine.id, [{ to: 'engaged', at: '2026-11-16T09:00:00+08:00' }]); // timeline due 11-19: breached
    const client = await f.create(f.lawyerB, { kind: 'organisation', name: '宁波星辰贸易有限公司' });
    const theirs = await f.open(f.lawyerB, { clientId: client.id, title: '星辰仲裁案' });
    await moveTo(t, f.lawyerB, theirs.id, [{ to: 'engaged' }, { to: 'in_progress' }]);
    const list = async (who: Who, query = '') => {
      const res = await get(t, `/api/v1/service-standards${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: FirmStandard[]; total: number };
    };
    const titles = (l: { items: FirmStandard[] }) => l.items.map((s) => `${s.matterTitle}/${s.kind}/${s.status}`);
    expect(titles(await list(f.lawyerA))).toEqual([`${mine.title}/project_timeline/breached`]);
    expect(titles(await list(f.lawyerB))).toEqual(['星辰仲裁案/project_timeline/open', '星辰仲裁案/weekly_brief/open', '星辰仲裁案/weekly_brief/open']);
    expect((await list(f.partner)).total).toBe(4);
    expect(titles(await list(f.partner, '?status=breached'))).toEqual([`${mine.title}/project_timeline/breached`]);
    expect((await list(f.partner, '?status=open')).total).toBe(3);
    expect((await list(f.partner, `?assigneeId=${f.lawyerB.user.id}&kind=weekly_brief`)).total).toBe(2);
    expect(titles(await list(f.admin, '?from=2026-11-27&to=2026-11-27'))).toEqual(['星辰仲裁案/weekly_brief/open']);
    const paged = await list(f.partner, '?limit=3');
    expect(paged.items).toHaveLength(3);
    expect((await list(f.partner, '?limit=3&cursor=' + encodeURIComponent((await get(t, '/api/v1/service-standards?limit=3', f.partner)).json().nextCursor))).items).toHaveLength(1);
  });
});
