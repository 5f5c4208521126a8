import type { ClientStatus, Grade, Programme, Tier, Touchpoint, TouchpointGenerateResult } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { clientFirm, get, send } from '../clients/clients-fixture.js';
import { insertMatter } from '../interactions/interactions-fixture.js';
import { signInAgain } from '../matters/matters-fixture.js';
import { flagOverdueTouchpoints } from './care.jobs.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof clientFirm>>;
beforeEach(async () => {
  // 2027-01-04 10:00 in Shanghai, a Monday
  t = await createTestApp({ now: '2027-01-04T02:00:00.000Z' });
  f = await clientFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
type Page = { items: Touchpoint[]; total: number; nextCursor: string | null };

/** Classification is another feature's: the client's grade, tier and status are set directly. */
async function classify(id: string, grade: Grade, status: ClientStatus = 'active', tier: Tier | null = 'basic') {
  await t.db.updateTable('clients').set({ grade, status, tier }).where('id', '=', id).execute();
}
async function generate(year = 2027, who: Who = f.admin) {
  const res = await send(t, 'POST', '/api/v1/touchpoints/generate', who, { year });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TouchpointGenerateResult;
}
async function touchpoints(query: string, who: Who = f.partner) {
  const res = await get(t, `/api/v1/touchpoints?limit=200&${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

describe('programmes (P-1..P-3)', () => {
  it('ships the 41234 defaults for A, B and C, with the deep visit for strategic and core tiers', async () => {
    const res = await get(t, '/api/v1/programmes', f.lawyerA);
    expect(res.statusCode, res.body).toBe(200);
    const [a, b, c] = (res.json() as { items: Programme[] }).items;
    const perYear = (p: Programme) => Object.fromEntries(p.rules.map((r) => [r.kind, r.perYear]));
    expect(perYear(a!)).toEqual({ contact: 12, visit: 6, annual_report: 1, festival_invitation: 1, return_visit: 2, care: 3, newsletter: 4, deep_visit: 4 });
    expect(perYear(b!)).toEqual({ contact: 6, visit: 4, annual_report: 1, festival_invitation: 1, return_visit: 2, care: 3, newsletter: 4, deep_visit: 4 });
    expect(perYear(c!)).toEqual({ contact: 4, return_visit: 1, care: 2, newsletter: 4, deep_visit: 4 });
    expect(a!.rules.find((r) => r.kind === 'deep_visit')).toMatchObject({ tiers: ['strategic', 'core'], role: 'client_manager' });
    expect(a!.rules.find((r) => r.kind === 'return_visit')).toMatchObject({ role: 'secretary' });
  });

  it('refuses a zero, negative or year-splitting cadence with the field, and lets only admins edit', async () => {
    const { rules } = (await get(t, '/api/v1/programmes/C', f.admin)).json() as Programme;
    const body = (perYear: number, kind = 'contact') => ({
      rules: rules.map((r) => ({ id: r.id, tiers: r.tiers, kind: r.kind, perYear: r.kind === kind ? perYear : r.perYear, role: r.role, channel: r.channel, guidance: r.guidance, leadDays: r.leadDays, statuses: r.statuses })),
    });
    for (const bad of [0, -1, 5]) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/v1/programmes/C', headers: f.admin.headers, payload: body(bad) });
      expectError(res, 400, 'validation_failed');
      expect(JSON.stringify(res.json())).toContain('rules.0.perYear');
    }
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/programmes/C', headers: f.admin.headers, payload: body(0, 'care') }), 400, 'validation_failed');
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/programmes/C', headers: f.partner.headers, payload: body(6) }), 403, 'forbidden');

    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/programmes/C', headers: f.admin.headers, payload: body(6) });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = ok.json() as Programme;
    expect(after.rules.find((r) => r.kind === 'contact')).toMatchObject({ perYear: 6, id: rules.find((r) => r.kind === 'contact')!.id });
  });
});

describe('generation (P-4, P-5)', () => {
  it("plans a grade A client's year once, each touchpoint with the role's holder", async () => {
    await classify(f.client.id, 'A');
    const first = await generate();
    // A, basic tier: 12 + 6 + 1 + 1 + 2 + 3 + 4
    expect(first.created).toBe(29);
    const again = await generate();
    expect(again).toMatchObject({ created: 0, moved: 0, cancelled: 0, reopened: 0 });

    const all = await touchpoints(`clientId=${f.client.id}`);
    expect(all.total).toBe(29);
    const byKind = (k: string) => all.items.filter((x) => x.kind === k);
    expect(byKind('contact').map((x) => x.periodKey)).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`));
    expect(byKind('contact').every((x) => x.assigneeId === f.lawyerA.user.id && x.dueOn >= x.windowStart && x.dueOn <= x.windowEnd)).toBe(true);
    expect(byKind('festival_invitation')[0]!.assigneeId).toBe(f.manager.user.id);
    expect(byKind('newsletter').every((x) => x.assigneeId === f.assistantA.user.id)).toBe(true);
    expect(byKind('return_visit').every((x) => x.assigneeId === f.secretary.user.id)).toBe(true);
    expect(byKind('annual_report')[0]).toMatchObject({ dueOn: '2027-12-31', windowStart: '2027-01-01' });
  });

  it('puts care touches before the Spring Festival, Mid-Autumn and a converted lunar birthday', async () => {
    const person = await f.create(f.lawyerA, {
      kind: 'individual',
      name: '王建国',
      // lunar 八月三十: 2027's eighth month has 29 days, so it falls on 八月廿九 (lunar.ts rule)
      birthday: { calendar: 'lunar', month: 8, day: 30, leapMonth: false, year: 1968 },
    });
    await classify(person.id, 'A');
    await generate();
    const care = (await touchpoints(`clientId=${person.id}&kind=care`)).items;
    // Spring Festival 2027: 6 Feb; Mid-Autumn: 15 Sep; lunar 8-29: 29 Sep. ICU's Chinese calendar (Intl, a
    // second source) agrees on the 8th month's 29 days and Mid-Autumn, but puts New Year's Day on 7 Feb:
    // that new moon falls close to midnight Beijing time, and the published calendars say 6 Feb.
    expect(care.map((x) => [x.occasion, x.occasionOn, x.dueOn])).toEqual([
      ['spring_festival', '2027-02-06', '2027-02-03'],
      ['mid_autumn', '2027-09-15', '2027-09-12'],
      ['birthday', '2027-09-29', '2027-09-26'],
    ]);
  });

  it('re-plans future touchpoints on a grade change and moves open ones on a transfer; the past stays', async () => {
    await classify(f.client.id, 'A');
    await generate();
    t.clock.set('2027-03-10T02:00:00.000Z');
    for (const who of [f.partner, f.lawyerA]) await signInAgain(t, who);
    // January's contact was done; February's was missed
    const jan = (await touchpoints(`clientId=${f.client.id}&kind=contact`)).items[0]!;
    await t.db.updateTable('touchpoints').set({ status: 'done', done_at: `${jan.dueOn}T02:00:00.000Z`, done_on: jan.dueOn }).where('id', '=', jan.id).execute();

    const res = await send(t, 'POST', `/api/v1/clients/${f.client.id}/grade`, f.partner, { grade: 'C', reason: '业务量下降' });
    expect(res.statusCode, res.body).toBe(200);
    const open = (await touchpoints(`clientId=${f.client.id}&status=open`)).items;
    // no bi-monthly visits or festival invitation for C from today on; quarterly contacts instead of monthly
    expect(open.filter((x) => x.dueOn >= '2027-03-10' && (x.kind === 'visit' || x.kind === 'festival_invitation'))).toEqual([]);
    // the first quarter is not over: its contact is still owed, due from today
    expect(open.filter((x) => x.kind === 'contact' && x.dueOn >= '2027-03-10').map((x) => x.periodKey)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(open.find((x) => x.kind === 'contact' && x.periodKey === '2027-Q1')!.dueOn >= '2027-03-10').toBe(true);
    const history = (await touchpoints(`clientId=${f.client.id}&kind=contact`)).items;
    expect(history.find((x) => x.id === jan.id)).toMatchObject({ status: 'done', onTime: true });
    const overdueFeb = history.find((x) => x.periodKey === '2027-02')!;
    expect(overdueFeb).toMatchObject({ status: 'open', overdue: true });

    const moved = await send(t, 'POST', `/api/v1/clients/${f.client.id}/transfer`, f.partner, { ownerId: f.lawyerA2.user.id, reason: '团队调整' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await touchpoints(`clientId=${f.client.id}&kind=contact&status=open`)).items;
    expect(after.length).toBeGreaterThan(0);
    // the overdue one moves with the client too
    expect(after.every((x) => x.assigneeId === f.lawyerA2.user.id)).toBe(true);
  });

  it('plans nothing for a lost client and cancels what it had not yet done', async () => {
    await classify(f.client.id, 'B');
    await generate();
    expect((await touchpoints(`clientId=${f.client.id}&status=open`)).total).toBeGreaterThan(0);
    await send(t, 'POST', `/api/v1/clients/${f.client.id}/status`, f.partner, { status: 'lost', reason: '客户已转投其他律所' });
    expect((await touchpoints(`clientId=${f.client.id}&status=open`)).total).toBe(0);
    expect((await touchpoints(`clientId=${f.client.id}&status=cancelled`)).total).toBeGreaterThan(0);
  });

  it('a first plan made in mid-year makes what is still possible due from today, not overdue', async () => {
    await classify(f.client.id, 'A');
    t.clock.set('2027-05-20T02:00:00.000Z');
    for (const who of [f.partner, f.admin]) await signInAgain(t, who);
    await generate();
    const all = (await touchpoints(`clientId=${f.client.id}`)).items;
    // no months gone by; this month's contact, this half-year's return visit and the year's report remain
    expect(all.some((x) => x.periodKey === '2027-04')).toBe(false);
    expect(all.find((x) => x.periodKey === '2027-05' && x.kind === 'contact')!.dueOn >= '2027-05-20').toBe(true);
    expect(all.find((x) => x.kind === 'festival_invitation')).toMatchObject({ periodKey: '2027', overdue: false });
    expect(all.every((x) => x.dueOn >= '2027-05-20' && !x.overdue)).toBe(true);
    // the next day's run leaves those dates alone
    t.clock.set('2027-05-21T02:00:00.000Z');
    for (const who of [f.partner, f.admin]) await signInAgain(t, who);
    expect(await generate()).toMatchObject({ created: 0, moved: 0, cancelled: 0 });
    const again = (await touchpoints(`clientId=${f.client.id}`)).items;
    expect(again.map((x) => [x.id, x.dueOn])).toEqual(all.map((x) => [x.id, x.dueOn]));
  });

  it('two generators at once create each touchpoint once', async () => {
    await classify(f.client.id, 'A');
    const [a, b] = await Promise.all([generate(), generate()]);
    expect(a.created + b.created).toBe(29);
    expect((await touchpoints(`clientId=${f.client.id}`)).total).toBe(29);
  });

  it('lets only admins and partners generate', async () => {
    expectError(await send(t, 'POST', '/api/v1/touchpoints/generate', f.lawyerA, { year: 2027 }), 403, 'forbidden');
    expectError(await send(t, 'POST', '/api/v1/touchpoints/generate', f.admin, { year: 1999 }), 400, 'validation_failed');
    expect((await generate(2027, f.partner)).year).toBe(2027);
  });
});

describe('completion and skipping (P-6)', () => {
  it('an interaction of a matching kind completes the open touchpoint whose window holds its day', async () => {
    await classify(f.client.id, 'A');
    await generate();
    const res = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, { clientId: f.client.id, kind: 'visit', occurredAt: '2027-01-04T01:00:00.000Z', summary: '上门拜访，了解新项目' });
    expect(res.statusCode, res.body).toBe(201);
    const done = (await touchpoints(`clientId=${f.client.id}&status=done`)).items;
    // a visit counts for January's contact and the first bi-monthly visit
    expect(done.map((x) => x.periodKey).sort()).toEqual(['2027-01', '2027-B1']);
    expect(done.every((x) => x.interactionId === (res.json() as { id: string }).id)).toBe(true);

    // removing the interaction opens them again
    const del = await send(t, 'DELETE', `/api/v1/interactions/${(res.json() as { id: string }).id}`, f.lawyerA);
    expect(del.statusCode, del.body).toBe(204);
    expect((await touchpoints(`clientId=${f.client.id}&status=done`)).total).toBe(0);
  });

  it('logging from a touchpoint completes that one; a second log from it is a conflict', async () => {
    await classify(f.client.id, 'A');
    await generate();
    const report = (await touchpoints(`clientId=${f.client.id}&kind=annual_report`)).items[0]!;
    const body = { clientId: f.client.id, kind: 'report', occurredAt: '2027-01-04T01:30:00.000Z', summary: '提交2026年度法律服务报告', touchpointId: report.id };
    expect((await send(t, 'POST', '/api/v1/interactions', f.lawyerA, body)).statusCode).toBe(201);
    const read = (await get(t, `/api/v1/touchpoints/${report.id}`, f.lawyerA)).json() as Touchpoint;
    expect(read).toMatchObject({ status: 'done', onTime: true });
    expectError(await send(t, 'POST', '/api/v1/interactions', f.lawyerA, body), 409, 'conflict');
  });

  it('skips with a reason by the assignee; others who cannot see the client get 404', async () => {
    await classify(f.client.id, 'A');
    await generate();
    const first = (await touchpoints(`clientId=${f.client.id}&kind=contact`, f.lawyerA)).items[0]!;
    expectError(await send(t, 'POST', `/api/v1/touchpoints/${first.id}/skip`, f.lawyerA, { reason: '' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', `/api/v1/touchpoints/${first.id}/skip`, f.lawyerB, { reason: '客户出差' }), 404, 'not_found');
    expectError(await get(t, `/api/v1/touchpoints/${first.id}`, f.lawyerB), 404, 'not_found');
    expect((await touchpoints('kind=contact', f.lawyerB)).total).toBe(0);

    const res = await send(t, 'POST', `/api/v1/touchpoints/${first.id}/skip`, f.lawyerA, { reason: '客户出国，一月无法联系' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'skipped', skipReason: '客户出国，一月无法联系' });
    expectError(await send(t, 'POST', `/api/v1/touchpoints/${first.id}/skip`, f.lawyerA, { reason: '再次' }), 409, 'conflict');
  });

  it("lists the caller's own touchpoints by due date with a cursor", async () => {
    await classify(f.client.id, 'A');
    await generate();
    const firstPage = (await get(t, '/api/v1/touchpoints?assignee=me&limit=5', f.lawyerA)).json() as Page;
    expect(firstPage.items).toHaveLength(5);
    expect(firstPage.nextCursor).not.toBeNull();
    const second = (await get(t, `/api/v1/touchpoints?assignee=me&limit=5&cursor=${encodeURIComponent(firstPage.nextCursor!)}`, f.lawyerA)).json() as Page;
    const days = [...firstPage.items, ...second.items].map((x) => x.dueOn);
    expect(days).toEqual([...days].sort());
    expect(new Set([...firstPage.items, ...second.items].map((x) => x.id)).size).toBe(10);
    expect(firstPage.items.every((x) => x.assigneeId === f.lawyerA.user.id)).toBe(true);
  });
});

describe('compliance (P-7) and My day (P-8)', () => {
  it('counts done on time against due per person, team, client and firm, up to today', async () => {
    await classify(f.client.id, 'A');
    await generate();
    t.clock.set('2027-04-01T02:00:00.000Z');
    for (const who of [f.partner, f.lawyerA, f.lawyerB]) await signInAgain(t, who);
    const contacts = (await touchpoints(`clientId=${f.client.id}&kind=contact`)).items;
    const [jan, feb] = contacts;
    // January on its due day, February two days late, March missed
    await t.db.updateTable('touchpoints').set({ status: 'done', done_at: `${jan!.dueOn}T02:00:00.000Z`, done_on: jan!.dueOn }).where('id', '=', jan!.id).execute();
    const lateDay = `2027-02-${String(Number(feb!.dueOn.slice(8)) + 2).padStart(2, '0')}`;
    await t.db.updateTable('touchpoints').set({ status: 'done', done_at: `${lateDay}T02:00:00.000Z`, done_on: lateDay }).where('id', '=', feb!.id).execute();

    const res = await get(t, '/api/v1/touchpoints/compliance?from=2027-01-01&to=2027-12-31&groupBy=assignee&kind=contact', f.partner);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { to: string; total: { due: number; onTime: number; late: number; missed: number; rate: number }; rows: { id: string; due: number }[] };
    expect(body.to).toBe('2027-04-01');
    expect(body.total).toMatchObject({ due: 3, onTime: 1, late: 1, missed: 1 });
    expect(body.total.rate).toBeCloseTo(1 / 3);
    expect(body.rows).toEqual([expect.objectContaining({ id: f.lawyerA.user.id, due: 3 })]);
    for (const groupBy of ['team', 'client', 'firm']) {
      const r = await get(t, `/api/v1/touchpoints/compliance?from=2027-01-01&to=2027-03-31&groupBy=${groupBy}&kind=contact`, f.partner);
      expect(r.statusCode, r.body).toBe(200);
      expect((r.json() as { total: { due: number } }).total.due).toBe(3);
    }
    // a lawyer of another team sees none of it
    const other = (await get(t, '/api/v1/touchpoints/compliance?from=2027-01-01&to=2027-12-31', f.lawyerB)).json() as { total: { due: number } };
    expect(other.total.due).toBe(0);
    expectError(await get(t, '/api/v1/touchpoints/compliance?from=2027-01-01', f.partner), 400, 'validation_failed');
  });

  it("gathers the caller's overdue and upcoming touchpoints and their clients' care dates", async () => {
    await classify(f.client.id, 'A');
    await generate();
    t.clock.set('2027-02-01T02:00:00.000Z');
    for (const who of [f.lawyerA, f.manager, f.lawyerB]) await signInAgain(t, who);
    const res = await get(t, '/api/v1/my-day', f.lawyerA);
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json() as { today: string; overdue: Touchpoint[]; upcoming: Touchpoint[]; overdueTotal: number };
    expect(day.today).toBe('2027-02-01');
    // January's contact and anything else due in January is overdue now
    expect(day.overdue.map((x) => x.periodKey)).toContain('2027-01');
    expect(day.overdue.every((x) => x.assigneeId === f.lawyerA.user.id && x.dueOn < '2027-02-01' && x.overdue)).toBe(true);
    expect(day.upcoming.every((x) => x.dueOn >= '2027-02-01')).toBe(true);

    // the Spring Festival (6 Feb) is a care date for the client manager within 14 days
    const managerDay = (await get(t, '/api/v1/my-day', f.manager)).json() as { careDates: Touchpoint[] };
    expect(managerDay.careDates.map((x) => [x.occasion, x.occasionOn])).toContainEqual(['spring_festival', '2027-02-06']);
    // the care touch is due 3 Feb: within its 3-day lead time, it is upcoming for the manager
    const managerUpcoming = ((await get(t, '/api/v1/my-day', f.manager)).json() as { upcoming: Touchpoint[] }).upcoming;
    expect(managerUpcoming.some((x) => x.kind === 'care' && x.dueOn === '2027-02-03')).toBe(true);
    // I-2 this month: lawyer A leads an open matter there and has logged one interaction of three
    await insertMatter(t, { clientId: f.client.id, leadLawyerId: f.lawyerA.user.id, openedOn: '2027-01-10' });
    const logged = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, { clientId: f.client.id, kind: 'call', occurredAt: '2027-02-01T01:00:00.000Z', summary: '电话沟通合同续签' });
    expect(logged.statusCode, logged.body).toBe(201);
    const cadence = ((await get(t, '/api/v1/my-day', f.lawyerA)).json() as { cadence: unknown[] }).cadence;
    expect(cadence).toEqual([{ clientId: f.client.id, clientName: f.client.name, role: 'lead_lawyer', count: 1, target: 3 }]);
    // the manager of the client owes one a month and has none yet
    const managerCadence = ((await get(t, '/api/v1/my-day', f.manager)).json() as { cadence: unknown[] }).cadence;
    expect(managerCadence).toEqual([{ clientId: f.client.id, clientName: f.client.name, role: 'client_manager', count: 0, target: 1 }]);
    // another lawyer's day holds none of it
    const otherDay = (await get(t, '/api/v1/my-day', f.lawyerB)).json() as { overdue: Touchpoint[]; careDates: Touchpoint[]; cadence: unknown[] };
    expect(otherDay.overdue).toEqual([]);
    expect(otherDay.careDates).toEqual([]);
    expect(otherDay.cadence).toEqual([]);
  });
});

describe('overdue flags and escalation (P-6)', () => {
  it('tells the assignee once on the first overdue day and the owner after the delay', async () => {
    // the care touches are the client manager's; the owner (lawyer A) hears when they stay overdue
    await classify(f.client.id, 'A');
    await generate();
    const deps = { db: t.db, clock: t.clock, config: t.config };
    const notices = async (userId: string, kind: string) =>
      (await t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind).execute()).map((n) => JSON.parse(n.data) as { count: number });

    // only the Spring Festival care touch (due 3 Feb) falls due before the end of the year
    const spring = (await touchpoints(`clientId=${f.client.id}&kind=care`)).items.find((x) => x.occasion === 'spring_festival')!;
    await t.db.updateTable('touchpoints').set({ due_on: '2027-12-31' }).where('id', '<>', spring.id).execute();

    t.clock.set('2027-02-04T02:00:00.000Z');
    const first = await flagOverdueTouchpoints(deps);
    expect(first).toEqual({ flagged: 1, escalated: 0 });
    const managerNotices = await notices(f.manager.user.id, 'touchpoints_overdue');
    expect(managerNotices).toHaveLength(1);
    expect(managerNotices[0]!.count).toBe(1);
    expect((await flagOverdueTouchpoints(deps)).flagged).toBe(0);
    expect(await notices(f.manager.user.id, 'touchpoints_overdue')).toHaveLength(1);

    // 7 days (the default delay) after the due day, the client's owner is told
    t.clock.set('2027-02-10T02:00:00.000Z');
    const later = await flagOverdueTouchpoints(deps);
    expect(later).toEqual({ flagged: 0, escalated: 1 });
    expect(await notices(f.lawyerA.user.id, 'touchpoints_escalated')).toHaveLength(1);
    expect((await flagOverdueTouchpoints(deps)).escalated).toBe(0);
  });
});
