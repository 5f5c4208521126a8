import type { NextOccurrence } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

type Who = Awaited<ReturnType<TestApp['as']>>;

let t: TestApp;
let lawyer: Who;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  lawyer = await t.as('lawyer');
});
afterEach(async () => {
  await t.close();
});

function preview(query: string, who: { headers: Record<string, string> } = lawyer, lang = 'zh-CN') {
  return t.app.inject({ method: 'GET', url: `/api/v1/calendar/next-occurrence?${query}`, headers: { ...who.headers, 'accept-language': lang } });
}

async function ok(query: string, lang = 'zh-CN') {
  const res = await preview(query, lawyer, lang);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NextOccurrence;
}

describe('GET /calendar/next-occurrence (C-5 preview)', () => {
  it('converts lunar 8/15 (Mid-Autumn) to the next Gregorian date from the firm-local today', async () => {
    expect(await ok('calendar=lunar&month=8&day=15&leapMonth=false')).toEqual({ nextOccurrence: '2027-09-15', label: '农历八月十五' });
    t.clock.set('2026-09-01T02:00:00.000Z');
    expect((await ok('calendar=lunar&month=8&day=15')).nextOccurrence).toBe('2026-09-25');
    expect((await ok('calendar=lunar&month=8&day=15', 'en-US')).label).toBe('Lunar month 8, day 15');
  });

  it('counts "today" in the firm time zone, not UTC', async () => {
    // 2026-09-25 16:30 UTC is already 2026-09-26 in Shanghai: this year's Mid-Autumn has passed.
    t.clock.set('2026-09-25T16:30:00.000Z');
    expect((await ok('calendar=lunar&month=8&day=15')).nextOccurrence).toBe('2027-09-15');
    // 2026-09-24 16:30 UTC is 2026-09-25 in Shanghai: today itself counts.
    t.clock.set('2026-09-24T16:30:00.000Z');
    expect((await ok('calendar=lunar&month=8&day=15')).nextOccurrence).toBe('2026-09-25');
  });

  it('answers solar dates too, Feb 29 falling on Feb 28 in common years', async () => {
    expect(await ok('calendar=solar&month=12&day=1')).toEqual({ nextOccurrence: '2026-12-01', label: '公历 12月1日' });
    expect(await ok('calendar=solar&month=2&day=29', 'en-US')).toEqual({ nextOccurrence: '2027-02-28', label: 'Solar Feb 29' });
  });

  it('follows a leap month where the year has it and the ordinary month otherwise', async () => {
    t.clock.set('2025-07-01T02:00:00.000Z');
    // 2025 has a leap sixth month: 闰六月初十 is 2025-08-03 (ordinary 六月初十 was 2025-07-04).
    expect(await ok('calendar=lunar&month=6&day=10&leapMonth=true')).toEqual({ nextOccurrence: '2025-08-03', label: '农历闰六月初十' });
    expect((await ok('calendar=lunar&month=6&day=10&leapMonth=false')).nextOccurrence).toBe('2025-07-04');
  });

  it('lets lunar day 30 fall on day 29 in a short month when no year is given', async () => {
    // Lunar 2026's twelfth month has 29 days: 腊月三十 falls on 腊月廿九, 2027-02-05.
    expect(await ok('calendar=lunar&month=12&day=30')).toEqual({ nextOccurrence: '2027-02-05', label: '农历腊月三十' });
  });

  it('is a 400 naming leapMonth when that year has no such leap month', async () => {
    const err = expectError(await preview('calendar=lunar&year=2023&month=3&day=1&leapMonth=true'), 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'leapMonth', message: '农历2023年的闰月是闰二月，没有闰三月' }]);
    const none = expectError(await preview('calendar=lunar&year=2024&month=3&day=1&leapMonth=true', lawyer, 'en-US'), 400, 'validation_failed');
    expect(none.details).toEqual([{ field: 'leapMonth', message: 'Lunar year 2024 has no leap month' }]);
    expect(await ok('calendar=lunar&year=2023&month=2&day=1&leapMonth=true')).toMatchObject({ label: '农历2023年闰二月初一' });
  });

  it('is a 400 naming day for a day the month does not have', async () => {
    const short = expectError(await preview('calendar=lunar&year=2026&month=12&day=30'), 400, 'validation_failed');
    expect(short.details).toEqual([{ field: 'day', message: '农历2026年腊月只有29天' }]);
    const feb = expectError(await preview('calendar=solar&month=2&day=30'), 400, 'validation_failed');
    expect(feb.details).toEqual([{ field: 'day', message: '2月最多29天' }]);
    const feb23 = expectError(await preview('calendar=solar&year=2023&month=2&day=29', lawyer, 'en-US'), 400, 'validation_failed');
    expect(feb23.details).toEqual([{ field: 'day', message: 'February 2023 has only 28 days' }]);
  });

  it('rejects malformed queries field by field', async () => {
    const res = expectError(await preview('calendar=islamic&month=13&day=0&leapMonth=maybe'), 400, 'validation_failed');
    const fields = (res.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['calendar', 'day', 'leapMonth', 'month']);
    expectError(await preview('calendar=solar&month=1&day=1&extra=1'), 400, 'validation_failed');
  });

  it('is open to every role that reads clients, not to anonymous callers', async () => {
    const secretary = await t.as('secretary');
    expect((await preview('calendar=solar&month=1&day=1', secretary)).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/calendar/next-occurrence?calendar=solar&month=1&day=1' }), 401, 'unauthenticated');
  });
});
