import type { CalendarFeed, Client, KeyDate, Touchpoint } from '@retainer/shared';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { clientFirm, get, send } from '../clients/clients-fixture.js';
import { matterFirm } from '../matters/matters-fixture.js';

type Who = { user: { id: string }; headers: Record<string, string> };
type Event = { uid: string; summary: string; description: string; start: string; isDate: boolean; end: string };

let t: TestApp;
let f: Awaited<ReturnType<typeof clientFirm>> & Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  // 2027-01-04 10:00 in Shanghai
  t = await createTestApp({ now: '2027-01-04T02:00:00.000Z' });
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

async function feedUrl(who: Who): Promise<string> {
  const res = await get(t, '/api/v1/me/calendar-feed', who);
  expect(res.statusCode, res.body).toBe(200);
  const feed = res.json() as CalendarFeed;
  expect(feed.url).toMatch(/^\/api\/v1\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/);
  return feed.url!;
}

/** The feed fetched with no session at all, as a calendar app does, and parsed by ical.js. */
async function fetchFeed(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const cal = new ICAL.Component(ICAL.parse(res.body));
  expect(cal.name).toBe('vcalendar');
  const events: Event[] = cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, description: e.description ?? '', start: e.startDate.toString(), isDate: e.startDate.isDate, end: e.endDate.toString() };
  });
  return { cal, events, body: res.body };
}

async function myTouchpoints(who: Who): Promise<Touchpoint[]> {
  const res = await get(t, `/api/v1/touchpoints?assignee=me&limit=200&from=2026-11-05&to=2028-02-08`, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Touchpoint[] }).items.filter((x) => x.status === 'open' || x.status === 'done');
}

async function setUp() {
  await t.db.updateTable('clients').set({ grade: 'A', status: 'active', tier: 'basic' }).where('id', '=', f.client.id).execute();
  // lunar 八月三十 1968: 2027's eighth month has 29 days, so it falls on 八月廿九 = 2027-09-29 (lunar.ts rule)
  const person = await f.create(f.lawyerA, { kind: 'individual', name: '王建国', birthday: { calendar: 'lunar', month: 8, day: 30, leapMonth: false, year: 1968 } });
  const other: Client = await f.create(f.lawyerB, { kind: 'organisation', name: '深圳星河贸易有限公司' });
  await t.db.updateTable('clients').set({ grade: 'A', status: 'active', tier: 'basic' }).where('id', '=', other.id).execute();
  const dated = await send(t, 'POST', `/api/v1/clients/${f.client.id}/important-dates`, f.lawyerA, { kind: 'custom', label: '公司年会', calendar: 'solar', month: 3, day: 15 });
  expect(dated.statusCode, dated.body).toBe(201);
  const matter = await f.open(f.lawyerA);
  const kd = await send(t, 'POST', `/api/v1/matters/${matter.id}/key-dates`, f.lawyerA, {
    kind: 'hearing',
    title: '一审开庭, 证据交换; 质证，第二轮',
    date: '2027-02-10',
    time: '09:30',
    note: '请带原件;\n地点：杭州市中级人民法院, 第三法庭',
  });
  expect(kd.statusCode, kd.body).toBe(201);
  const gen = await send(t, 'POST', '/api/v1/touchpoints/generate', f.admin, { year: 2027 });
  expect(gen.statusCode, gen.body).toBe(200);
  return { person, other, matter, keyDate: kd.json() as KeyDate };
}

describe('calendar feed (P-9)', () => {
  it("holds the user's touchpoints, key dates and care dates as all-day events a real parser reads", async () => {
    const { other, keyDate } = await setUp();
    const { cal, events, body } = await fetchFeed(await feedUrl(f.lawyerA));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toMatch(/^律维 · 测试用户\d+$/);
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(String(cal.getFirstPropertyValue('prodid'))).toContain('Retainer');
    expect(body).toMatch(/\r\nDTSTAMP:20270104T020000Z\r\n/);
    // calendar properties come before the first component (RFC 5545 3.4)
    expect(body.indexOf('X-WR-TIMEZONE:')).toBeLessThan(body.indexOf('BEGIN:VEVENT'));
    // RFC 5545 3.1: no content line longer than 75 octets
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const mine = await myTouchpoints(f.lawyerA);
    expect(mine.length).toBeGreaterThan(10);
    // touchpoints + one key date + 王建国's birthday + the client's 公司年会
    expect(events).toHaveLength(mine.length + 3);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.every((e) => e.isDate)).toBe(true);

    const contact = mine.find((x) => x.kind === 'contact')!;
    const ev = events.find((e) => e.uid === `touchpoint-${contact.id}@retainer`)!;
    expect(ev).toMatchObject({ summary: '联系 · 杭州云帆科技有限公司', start: contact.dueOn });
    expect(ev.description).toBe(contact.guidance);

    const birthday = events.find((e) => e.summary === '生日 · 王建国')!;
    expect(birthday).toMatchObject({ start: '2027-09-29', end: '2027-09-30' });
    expect(birthday.description).toContain('农历1968年八月三十');
    expect(events.find((e) => e.summary === '公司年会 · 杭州云帆科技有限公司')).toMatchObject({ start: '2027-03-15' });

    // commas, semicolons and a newline in Chinese text come back exactly
    const hearing = events.find((e) => e.uid === `key-date-${keyDate.id}@retainer`)!;
    expect(hearing).toMatchObject({ summary: '09:30 开庭 · 一审开庭, 证据交换; 质证，第二轮', start: '2027-02-10', end: '2027-02-11' });
    expect(hearing.description).toBe('事项: 云帆诉星河买卖合同纠纷\n客户: 杭州云帆科技有限公司\n请带原件;\n地点：杭州市中级人民法院, 第三法庭');
    expect(body).toContain('证据交换\\; 质证');

    // another lawyer's client and touchpoints are absent
    expect(events.some((e) => e.summary.includes(other.name) || e.description.includes(other.name))).toBe(false);
    const theirs = await fetchFeed(await feedUrl(f.lawyerB));
    expect(theirs.events.some((e) => e.summary === `联系 · ${other.name}`)).toBe(true);
    expect(theirs.events.some((e) => e.summary.includes('杭州云帆') || e.summary.includes('王建国'))).toBe(false);
  });

  it("describes care touches with their occasion, marks done ones, and leaves out matters for secretaries", async () => {
    await setUp();
    const managerFeed = await fetchFeed(await feedUrl(f.manager));
    const care = (await myTouchpoints(f.manager)).find((x) => x.kind === 'care' && x.occasion === 'spring_festival');
    expect(care).toBeDefined();
    const ev = managerFeed.events.find((e) => e.uid === `touchpoint-${care!.id}@retainer`)!;
    expect(ev).toMatchObject({ summary: '关怀 · 杭州云帆科技有限公司', start: care!.dueOn });
    expect(ev.description.split('\n')[0]).toBe(`关怀时机: 春节 ${care!.occasionOn}`);
    // the manager manages 杭州云帆: its care date is there, not 王建国's (lawyer A's alone)
    expect(managerFeed.events.some((e) => e.summary === '公司年会 · 杭州云帆科技有限公司')).toBe(true);
    expect(managerFeed.events.some((e) => e.summary === '生日 · 王建国')).toBe(false);
    expect(managerFeed.events.some((e) => e.uid.startsWith('key-date-'))).toBe(false);

    const mine = await myTouchpoints(f.lawyerA);
    await t.db.updateTable('touchpoints').set({ status: 'done', done_at: '2027-01-03T02:00:00.000Z', done_on: '2027-01-03' }).where('id', '=', mine[0]!.id).execute();
    await t.db.updateTable('touchpoints').set({ status: 'skipped', skip_reason: '客户出国' }).where('id', '=', mine[1]!.id).execute();
    const lawyerFeed = await fetchFeed(await readAgain(f.lawyerA));
    expect(lawyerFeed.events.find((e) => e.uid === `touchpoint-${mine[0]!.id}@retainer`)!.summary).toMatch(/^✓ 已完成 · /);
    expect(lawyerFeed.events.some((e) => e.uid === `touchpoint-${mine[1]!.id}@retainer`)).toBe(false);

    const secretary = await fetchFeed(await feedUrl(f.secretary));
    expect(secretary.events.some((e) => e.summary.startsWith('质量回访 · 杭州云帆科技有限公司'))).toBe(true);
    expect(secretary.events.some((e) => e.uid.startsWith('key-date-'))).toBe(false);
  });

  it("speaks the user's language", async () => {
    await setUp();
    await t.db.updateTable('users').set({ locale: 'en-US' }).where('id', '=', f.lawyerA.user.id).execute();
    const { cal, events } = await fetchFeed(await feedUrl(f.lawyerA));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toMatch(/^Retainer · /);
    expect(events.some((e) => e.summary === 'Contact · 杭州云帆科技有限公司')).toBe(true);
    expect(events.some((e) => e.summary === 'Birthday · 王建国')).toBe(true);
  });

  it('shows the URL once, and a rotation makes the old one 404 and the new one work', async () => {
    const first = await feedUrl(f.lawyerA);
    const again = (await get(t, '/api/v1/me/calendar-feed', f.lawyerA)).json() as CalendarFeed;
    expect(again).toMatchObject({ url: null, rotatedAt: null });
    const stored = await t.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', f.lawyerA.user.id).executeTakeFirstOrThrow();
    const token = first.slice(first.lastIndexOf('/') + 1, -'.ics'.length);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    await fetchFeed(first);

    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed/rotate' }), 401, 'unauthenticated');
    const rotated = await send(t, 'POST', '/api/v1/me/calendar-feed/rotate', f.lawyerA);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const next = (rotated.json() as CalendarFeed).url!;
    expect(next).not.toBe(first);
    expectError(await t.app.inject({ method: 'GET', url: first }), 404, 'not_found');
    await fetchFeed(next);
  });

  it('answers 404 to an unknown token and to a deactivated user, and needs a session only for the URL', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed' }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/calendar-feed/${'A'.repeat(43)}.ics` }), 404, 'not_found');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feed/x.ics' }), 404, 'not_found');

    const url = await feedUrl(f.lawyerA2);
    await fetchFeed(url);
    const off = await send(t, 'POST', `/api/v1/users/${f.lawyerA2.user.id}/deactivate`, f.admin);
    expect(off.statusCode, off.body).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url }), 404, 'not_found');
  });
});

/** A later read has no URL (only the hash is kept): rotate to get one. */
async function readAgain(who: Who): Promise<string> {
  const res = await send(t, 'POST', '/api/v1/me/calendar-feed/rotate', who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CalendarFeed).url!;
}
