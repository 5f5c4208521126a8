import type { AuditEvent, CalendarYear, CalendarYears, ListResponse, WorkingDays } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { workingDays } from './working-days.js';

type Who = Awaited<ReturnType<TestApp['as']>>;

let t: TestApp;
let admin: Who;
beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  admin = await t.as('admin');
});
afterEach(async () => {
  await t.close();
});

const get = (url: string, who: Who = admin, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...who.headers, 'accept-language': lang } });
const put = (year: number | string, payload: object, who: Who = admin, lang = 'zh-CN') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${year}`, headers: { ...who.headers, 'accept-language': lang }, payload });

async function ok<T>(res: { statusCode: number; body: string; json(): unknown }): Promise<T> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

async function calendarRows() {
  const days = await t.db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
  const years = await t.db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  return { days, years };
}

async function calendarAudit(): Promise<AuditEvent[]> {
  const page = await ok<ListResponse<AuditEvent>>(await get('/audit-events?limit=200'));
  return page.items.filter((e) => e.entity === 'calendar_year');
}

/** The 2027 notice as an admin would type it in (invented for the test; shaped like the real ones). */
const official2027 = {
  status: 'official',
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-05', kind: 'holiday', name: '春节' },
    { date: '2027-02-06', kind: 'holiday', name: '春节' },
    { date: '2027-02-07', kind: 'holiday', name: '春节' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
    { date: '2027-02-09', kind: 'holiday', name: '春节' },
    { date: '2027-02-10', kind: 'holiday', name: '春节' },
    { date: '2027-02-11', kind: 'holiday', name: '春节' },
    { date: '2027-02-12', kind: 'holiday', name: '春节' },
    { date: '2027-02-20', kind: 'workday', name: '春节' },
  ],
};

describe('the shipped table (migration 0005)', () => {
  it('lists 2025 and 2026 as official and 2027 as provisional, with counts and sources', async () => {
    const { items } = await ok<CalendarYears>(await get('/calendar/years'));
    expect(items.map((y) => [y.year, y.status, y.holidays, y.workdays, y.updatedBy])).toEqual([
      [2025, 'official', 28, 5, null],
      [2026, 'official', 33, 6, null],
      [2027, 'provisional', 19, 0, null],
    ]);
    expect(items[1]!.source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it('answers one year with its days in date order, and 404 for a year not in the table', async () => {
    const year = await ok<CalendarYear>(await get('/calendar/years/2026'));
    expect(year.days.slice(0, 4)).toEqual([
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-01-02', kind: 'holiday', name: '元旦' },
      { date: '2026-01-03', kind: 'holiday', name: '元旦' },
      { date: '2026-01-04', kind: 'workday', name: '元旦' },
    ]);
    expect(year.days).toHaveLength(39);
    expectError(await get('/calendar/years/2030'), 404, 'not_found');
    const bad = expectError(await get('/calendar/years/twenty'), 400, 'validation_failed');
    expect(bad.details).toEqual([expect.objectContaining({ field: 'year' })]);
  });
});

describe('who may read and change the table', () => {
  it('lets only admins (settings:manage) read or replace years, and writes nothing when refused', async () => {
    const before = await calendarRows();
    for (const role of ['partner', 'lawyer', 'client_manager', 'assistant', 'secretary'] as const) {
      const who = await t.as(role);
      expectError(await put(2027, official2027, who), 403, 'forbidden');
      expectError(await get('/calendar/years', who), 403, 'forbidden');
      expectError(await get('/calendar/years/2026', who), 403, 'forbidden');
    }
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload: official2027 });
    expectError(anonymous, 401, 'unauthenticated');
    expect(await calendarRows()).toEqual(before);
    expect(await calendarAudit()).toEqual([]);
  });

  it('lets every signed-in user ask which days are working days', async () => {
    const secretary = await t.as('secretary');
    const res = await ok<WorkingDays>(await get('/calendar/working-days?from=2025-09-27&to=2025-10-12', secretary));
    expect(res.items.filter((d) => d.working).map((d) => d.date)).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11']);
    expect(res.items[1]).toEqual({ date: '2025-09-28', weekday: 7, working: true, kind: 'workday', name: '国庆节、中秋节', fallback: false });
    expect(res.items[4]).toEqual({ date: '2025-10-01', weekday: 3, working: false, kind: 'holiday', name: '国庆节、中秋节', fallback: false });
    expect(res.items[0]).toMatchObject({ date: '2025-09-27', working: false, kind: null, name: null });
    expect(res.uncoveredYears).toEqual([]);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/calendar/working-days?from=2025-01-01&to=2025-01-02' }), 401, 'unauthenticated');
  });
});

describe('PUT /calendar/years/{year}', () => {
  it('refuses the whole payload with every reason, in the caller language, and writes nothing', async () => {
    const before = await calendarRows();
    const payload = {
      status: 'official',
      source: '  ',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-30', kind: 'holiday', name: '春节' }, // no such date
        { date: '2026-12-31', kind: 'holiday', name: '元旦' }, // another year
        { date: '2027-01-01', kind: 'holiday', name: '元旦' }, // twice
        { date: '2027-02-03', kind: 'workday', name: '春节' }, // a Wednesday
        { date: '2027-02-06', kind: 'holiday', name: '' }, // a Saturday holiday is fine, the empty name is not
        { date: '2027/10/01', kind: 'holiday', name: '国庆节' },
      ],
    };
    const zh = expectError(await put(2027, payload), 400, 'validation_failed');
    expect(zh.details).toEqual([
      { field: 'source', message: '请填写依据（通知标题）' },
      { field: 'days.1.date', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
      { field: 'days.2.date', message: '日期不在 2027 年内' },
      { field: 'days.3.date', message: '与第 1 行日期重复' },
      { field: 'days.4.date', message: '调休上班日只能是周六或周日（这天是周三）' },
      { field: 'days.5.name', message: '请填写节日名称' },
      { field: 'days.6.date', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
    ]);
    const en = expectError(await put(2027, payload, admin, 'en-US'), 400, 'validation_failed');
    expect((en.details as { message: string }[]).map((d) => d.message)).toEqual([
      'Enter the source (the notice title)',
      'Enter a real date as YYYY-MM-DD',
      'Not in 2027',
      'Same date as row 1',
      'A make-up workday must be a Saturday or Sunday (this is a Wednesday)',
      'Enter the holiday name',
      'Enter a real date as YYYY-MM-DD',
    ]);
    expect(await calendarRows()).toEqual(before);
    expect(await calendarAudit()).toEqual([]);
  });

  it('refuses wrong types and unknown fields at the boundary', async () => {
    const res = expectError(
      await put(2027, { status: 'draft', source: 'x', days: [{ date: '2027-01-01', kind: 'rest', name: '元旦', extra: 1 }] }),
      400,
      'validation_failed',
    );
    const fields = (res.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['days.0.extra', 'days.0.kind', 'status']);
    expectError(await put(1999, official2027), 400, 'validation_failed');
  });

  it('replaces a year, audits it with before and after, and the module answers from the new table at once', async () => {
    const deps = { db: t.db, config: t.config };
    const cached = await workingDays(deps); // warm the cache with the provisional 2027
    expect(cached.isWorkingDay('2027-02-10')).toBe(false); // provisional 春节（补假）
    expect(cached.isWorkingDay('2027-02-20')).toBe(false); // a Saturday

    const saved = await ok<CalendarYear>(await put(2027, official2027));
    expect(saved).toMatchObject({
      year: 2027,
      status: 'official',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: 9,
      workdays: 1,
      updatedAt: t.clock.now().toISOString(),
      updatedBy: { id: admin.user.id, name: admin.user.name },
    });
    expect(saved.days).toHaveLength(10);

    const fresh = await workingDays(deps);
    expect(fresh.isWorkingDay('2027-02-20')).toBe(true); // the make-up Saturday
    expect(fresh.isWorkingDay('2027-02-12')).toBe(false);
    expect(fresh.isWorkingDay('2027-05-03')).toBe(true); // the provisional 补假 is gone
    const api = await ok<WorkingDays>(await get('/calendar/working-days?from=2027-02-20&to=2027-02-20'));
    expect(api.items[0]).toMatchObject({ working: true, kind: 'workday', name: '春节' });

    const [event, ...more] = await calendarAudit();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: 'update', entity: 'calendar_year', entityId: '2027', actorId: admin.user.id });
    expect(event!.before).toMatchObject({ status: 'provisional' });
    expect((event!.before as { days: unknown[] }).days).toHaveLength(19);
    expect(event!.after).toMatchObject({ status: 'official', days: expect.arrayContaining([{ date: '2027-02-20', kind: 'workday', name: '春节' }]) });
  });

  it('adds a year the table did not cover, which then stops falling back to Monday–Friday', async () => {
    const before = await ok<WorkingDays>(await get('/calendar/working-days?from=2028-01-01&to=2028-01-03'));
    expect(before.uncoveredYears).toEqual([2028]);
    expect(before.items.map((d) => [d.date, d.working, d.fallback])).toEqual([
      ['2028-01-01', false, true],
      ['2028-01-02', false, true],
      ['2028-01-03', true, true],
    ]);
    const days = [
      { date: '2028-01-01', kind: 'holiday', name: ' 元旦 ' },
      { date: '2028-01-03', kind: 'holiday', name: '元旦（补假）' },
    ];
    const saved = await ok<CalendarYear>(await put(2028, { status: 'provisional', source: '暂定', days }));
    expect(saved.days.map((d) => d.name)).toEqual(['元旦', '元旦（补假）']);
    const after = await ok<WorkingDays>(await get('/calendar/working-days?from=2028-01-01&to=2028-01-04'));
    expect(after.uncoveredYears).toEqual([]);
    expect(after.items.map((d) => d.working)).toEqual([false, false, false, true]);
    const [event] = await calendarAudit();
    expect(event).toMatchObject({ action: 'create', entityId: '2028', before: null });
    expect((await ok<CalendarYears>(await get('/calendar/years'))).items.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
  });

  it('accepts an empty year (every Monday–Friday worked) and a holiday on a weekend', async () => {
    expect((await ok<CalendarYear>(await put(2029, { status: 'official', source: '通知', days: [] }))).days).toEqual([]);
    const weekendHoliday = [{ date: '2029-09-22', kind: 'holiday', name: '中秋节' }]; // a Saturday
    expect((await ok<CalendarYear>(await put(2029, { status: 'official', source: '通知', days: weekendHoliday }))).holidays).toBe(1);
  });
});

describe('GET /calendar/working-days', () => {
  it('refuses more than 400 days, a reversed range and malformed dates', async () => {
    expect((await ok<WorkingDays>(await get('/calendar/working-days?from=2025-01-01&to=2026-02-04'))).items).toHaveLength(400);
    const long = expectError(await get('/calendar/working-days?from=2025-01-01&to=2026-02-05', admin, 'en-US'), 400, 'validation_failed');
    expect(long.details).toEqual([{ field: 'to', message: 'At most 400 days at a time' }]);
    const reversed = expectError(await get('/calendar/working-days?from=2025-02-01&to=2025-01-01'), 400, 'validation_failed');
    expect(reversed.details).toEqual([{ field: 'to', message: '结束日期不能早于开始日期' }]);
    const bad = expectError(await get('/calendar/working-days?from=2025-02-30&to=soon'), 400, 'validation_failed');
    expect(bad.details).toEqual([
      { field: 'from', message: '日期不存在' },
      { field: 'to', message: '日期不存在' },
    ]);
  });
});
