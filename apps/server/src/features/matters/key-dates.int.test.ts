import type { KeyDate, KeyDateList, Task } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { remindKeyDates } from './key-dates.jobs.js';
import { matterFirm, signInAgain } from './matters-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp();
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const fieldsOf = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field);
const keyDates = async (who: Who, matterId: string) => {
  const res = await get(t, `/api/v1/matters/${matterId}/key-dates`, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as KeyDateList).items;
};
const addKeyDate = async (who: Who, matterId: string, body: Record<string, unknown>) => {
  const res = await send(t, 'POST', `/api/v1/matters/${matterId}/key-dates`, who, { kind: 'hearing', title: '一审开庭', date: '2026-12-10', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as KeyDate;
};
const reminders = () => t.db.selectFrom('notifications').select(['user_id', 'data', 'link']).where('kind', '=', 'key_date_due').orderBy('id').execute();
const jobDeps = () => ({ db: t.db, clock: t.clock, config: t.config });

describe('key dates (M-5)', () => {
  it('adds, lists in date order, edits and deletes, all audited', async () => {
    const m = await f.open(f.lawyerA);
    const hearing = await addKeyDate(f.lawyerA, m.id, { time: '09:30', note: '第三法庭' });
    expect(hearing).toMatchObject({ matterId: m.id, kind: 'hearing', date: '2026-12-10', time: '09:30', title: '一审开庭', note: '第三法庭', remindDaysBefore: 3, remindedAt: null, auto: false });
    const deadline = await addKeyDate(f.assistantA, m.id, { kind: 'filing_deadline', title: '举证期限届满', date: '2026-12-01', remindDaysBefore: 7 });
    expect((await keyDates(f.lawyerA, m.id)).map((k) => k.id)).toEqual([deadline.id, hearing.id]);

    const res = await send(t, 'PATCH', `/api/v1/key-dates/${hearing.id}`, f.lawyerA, { date: '2026-12-20', time: null, remindDaysBefore: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-12-20', time: null, remindDaysBefore: 0, note: '第三法庭' });
    expect((await keyDates(f.lawyerA, m.id)).map((k) => k.date)).toEqual(['2026-12-01', '2026-12-20']);

    const del = await send(t, 'DELETE', `/api/v1/key-dates/${deadline.id}`, f.lawyerA);
    expect(del.statusCode, del.body).toBe(204);
    expect((await keyDates(f.lawyerA, m.id)).map((k) => k.id)).toEqual([hearing.id]);
    expectError(await send(t, 'DELETE', `/api/v1/key-dates/${deadline.id}`, f.lawyerA), 404, 'not_found');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity', '=', 'matter_key_date').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete', 'update']);
  });

  it('refuses dates that do not exist, bad times and out-of-range lead times, naming the field', async () => {
    const m = await f.open(f.lawyerA);
    const post = (body: Record<string, unknown>) => send(t, 'POST', `/api/v1/matters/${m.id}/key-dates`, f.lawyerA, { kind: 'hearing', title: '开庭', date: '2026-12-10', ...body });
    const e = expectError(await post({ date: '2023-02-30' }), 400, 'validation_failed');
    expect(e.details).toEqual([{ field: 'date', message: '日期不存在' }]);
    expect(fieldsOf(expectError(await post({ date: '2026/12/10' }), 400, 'validation_failed'))).toEqual(['date']);
    expect(fieldsOf(expectError(await post({ time: '24:00' }), 400, 'validation_failed'))).toEqual(['time']);
    expect(fieldsOf(expectError(await post({ remindDaysBefore: 91 }), 400, 'validation_failed'))).toEqual(['remindDaysBefore']);
    expect(fieldsOf(expectError(await post({ remindDaysBefore: -1 }), 400, 'validation_failed'))).toEqual(['remindDaysBefore']);
    expect(fieldsOf(expectError(await post({ kind: 'birthday', title: ' ' }), 400, 'validation_failed')).sort()).toEqual(['kind', 'title']);
    const k = await addKeyDate(f.lawyerA, m.id, {});
    const patch = await send(t, 'PATCH', `/api/v1/key-dates/${k.id}`, f.lawyerA, { date: '2027-02-29' });
    expect(fieldsOf(expectError(patch, 400, 'validation_failed'))).toEqual(['date']);
    expect(fieldsOf(expectError(await send(t, 'PATCH', `/api/v1/key-dates/${k.id}`, f.lawyerA, { matterId: m.id }), 400, 'validation_failed'))).toEqual(['matterId']);
    expect((await keyDates(f.lawyerA, m.id)).map((x) => x.date)).toEqual(['2026-12-10']);
  });

  it('is 404 to those who cannot see the matter, 403 to secretaries', async () => {
    const m = await f.open(f.lawyerA);
    const k = await addKeyDate(f.lawyerA, m.id, {});
    for (const who of [f.lawyerB, f.assistantB, f.otherManager]) {
      expectError(await get(t, `/api/v1/matters/${m.id}/key-dates`, who), 404, 'not_found');
      expectError(await send(t, 'POST', `/api/v1/matters/${m.id}/key-dates`, who, { kind: 'other', title: 'x', date: '2026-12-01' }), 404, 'not_found');
      expectError(await send(t, 'PATCH', `/api/v1/key-dates/${k.id}`, who, { title: '越权' }), 404, 'not_found');
      expectError(await send(t, 'DELETE', `/api/v1/key-dates/${k.id}`, who), 404, 'not_found');
    }
    expectError(await get(t, `/api/v1/matters/${m.id}/key-dates`, f.secretary), 403, 'forbidden');
    expect((await keyDates(f.lawyerA, m.id)).map((x) => x.title)).toEqual(['一审开庭']);
  });
});

describe('key date reminders (M-5)', () => {
  it('tells the lead lawyer once on the reminder day, again only when the date moves', async () => {
    const m = await f.open(f.lawyerA);
    const hearing = await addKeyDate(f.lawyerA, m.id, { date: '2026-12-01', time: '09:30' }); // remind 11-28
    await addKeyDate(f.lawyerA, m.id, { kind: 'filing_deadline', title: '举证期限', date: '2026-11-26', remindDaysBefore: 0 });
    await addKeyDate(f.lawyerA, m.id, { kind: 'other', title: '已过去', date: '2026-11-20' });

    expect(await remindKeyDates(jobDeps())).toBe(0);
    // 2026-11-26 00:30 Shanghai (still the 25th in UTC): the deadline's own day
    t.clock.set('2026-11-25T16:30:00.000Z');
    expect(await remindKeyDates(jobDeps())).toBe(1);
    expect(await remindKeyDates(jobDeps())).toBe(0);
    t.clock.set('2026-11-28T01:00:00.000Z');
    expect(await remindKeyDates(jobDeps())).toBe(1);
    expect(await remindKeyDates(jobDeps())).toBe(0);
    t.clock.set('2026-11-29T01:00:00.000Z');
    expect(await remindKeyDates(jobDeps())).toBe(0);

    const sent = await reminders();
    expect(sent.map((n) => [n.user_id, n.link, (JSON.parse(n.data) as { title: string }).title])).toEqual([
      [f.lawyerA.user.id, `/matters/${m.id}`, '举证期限'],
      [f.lawyerA.user.id, `/matters/${m.id}`, '一审开庭'],
    ]);
    expect((JSON.parse(sent[1]!.data) as { message: string }).message).toBe('「云帆诉星河买卖合同纠纷」的开庭「一审开庭」还有 3 天（2026-12-01 09:30）');
    const listed = await (async () => {
      await signInAgain(t, f.lawyerA);
      return keyDates(f.lawyerA, m.id);
    })();
    expect(listed.find((k) => k.id === hearing.id)!.remindedAt).toBe('2026-11-28T01:00:00.000Z');

    // moved by a week: reminded again on the new reminder day
    expect((await send(t, 'PATCH', `/api/v1/key-dates/${hearing.id}`, f.lawyerA, { date: '2026-12-08' })).statusCode).toBe(200);
    expect(await remindKeyDates(jobDeps())).toBe(0);
    t.clock.set('2026-12-05T01:00:00.000Z');
    expect(await remindKeyDates(jobDeps())).toBe(1);
    expect(await reminders()).toHaveLength(3);
  });

  it('sends nothing for closed matters, and reminds the lead of the day', async () => {
    const m = await f.open(f.lawyerA);
    await addKeyDate(f.lawyerA, m.id, { date: '2026-11-27' });
    expect((await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.partner, { leadLawyerId: f.lawyerA2.user.id })).statusCode).toBe(200);
    const closed = await f.open(f.lawyerA, { title: '已结案件' });
    await addKeyDate(f.lawyerA, closed.id, { date: '2026-11-27' });
    await t.db.updateTable('matters').set({ status: 'closed', closed_on: '2026-11-20', outcome: '调解结案' }).where('id', '=', closed.id).execute();
    expect(await remindKeyDates(jobDeps())).toBe(1);
    expect((await reminders()).map((n) => n.user_id)).toEqual([f.lawyerA2.user.id]);
  });
});

describe('retainer renewal (M-5)', () => {
  const renewalTasks = () => t.db.selectFrom('tasks').selectAll().where('title', 'like', '常年法律顾问续约%').execute();
  const openRetainer = (who: Who, body: Record<string, unknown> = {}) =>
    f.open(who, { type: 'retainer', title: '2026 年度常年法律顾问', feeArrangement: 'annual_retainer', openedOn: '2026-03-01', ...body });

  it('creates a task for the lead 60 days before expiry and a renewal key date, with the matter', async () => {
    const m = await openRetainer(f.lawyerA, { retainerExpiresOn: '2027-02-28' });
    const tasks = await renewalTasks();
    expect(tasks.map((x) => [x.title, x.due_on, x.assignee_id, x.client_id, x.status])).toEqual([
      ['常年法律顾问续约：杭州云帆科技有限公司', '2026-12-30', f.lawyerA.user.id, f.client.id, 'open'],
    ]);
    const kds = await keyDates(f.lawyerA, m.id);
    expect(kds.map((k) => [k.kind, k.date, k.title, k.auto])).toEqual([['contract_renewal', '2027-02-28', '常年法律顾问到期', true]]);
    // it is on the lead lawyer's own task list
    const mine = (await get(t, '/api/v1/tasks?status=open', f.lawyerA)).json() as { items: Task[] };
    expect(mine.items.map((x) => x.id)).toEqual([tasks[0]!.id]);
    // a matter without an expiry, or not a retainer, gets none
    await openRetainer(f.lawyerA, { title: '无期限顾问' });
    await f.open(f.lawyerA, { title: '诉讼' });
    expect(await renewalTasks()).toHaveLength(1);
  });

  it('moves the task and key date when the expiry changes, never duplicating, and drops them with the expiry', async () => {
    const m = await openRetainer(f.lawyerA);
    expect(await renewalTasks()).toHaveLength(0);
    const patch = async (body: Record<string, unknown>) => {
      const res = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await patch({ retainerExpiresOn: '2027-02-28' });
    const [first] = await renewalTasks();
    expect(first!.due_on).toBe('2026-12-30');

    await patch({ retainerExpiresOn: '2027-03-31' });
    await patch({ title: '2026 年度常年法律顾问（续）' });
    let tasks = await renewalTasks();
    expect(tasks.map((x) => [x.id, x.due_on])).toEqual([[first!.id, '2027-01-30']]);
    expect((await keyDates(f.lawyerA, m.id)).map((k) => [k.kind, k.date])).toEqual([['contract_renewal', '2027-03-31']]);

    // an expiry closer than 60 days: due today rather than born overdue
    await patch({ retainerExpiresOn: '2026-12-15' });
    expect((await renewalTasks()).map((x) => [x.id, x.due_on])).toEqual([[first!.id, '2026-11-25']]);

    // a new lead takes the open task over
    await patch({ leadLawyerId: f.lawyerA2.user.id });
    expect((await renewalTasks()).map((x) => x.assignee_id)).toEqual([f.lawyerA2.user.id]);

    // once renewed (task done), the next expiry gets a fresh task and the old one stays done
    await t.db.updateTable('tasks').set({ status: 'done', done_at: t.clock.now().toISOString() }).where('id', '=', first!.id).execute();
    await patch({ retainerExpiresOn: '2027-12-15' });
    tasks = await renewalTasks();
    expect(tasks.map((x) => [x.status, x.due_on]).sort()).toEqual([
      ['done', '2026-11-25'],
      ['open', '2027-10-16'],
    ]);
    expect((await keyDates(f.lawyerA, m.id)).map((k) => k.date)).toEqual(['2027-12-15']);

    // no expiry any more: the open task and the system's key date go
    await patch({ retainerExpiresOn: null });
    expect((await renewalTasks()).map((x) => x.status)).toEqual(['done']);
    expect(await keyDates(f.lawyerA, m.id)).toEqual([]);
    await patch({ retainerExpiresOn: '2028-01-31' });
    expect((await renewalTasks()).map((x) => [x.status, x.due_on]).sort()).toEqual([
      ['done', '2026-11-25'],
      ['open', '2027-12-02'],
    ]);
    expect(await t.db.selectFrom('matter_renewals').selectAll().execute()).toHaveLength(1);
  });
});
