import { describe, expect, it } from 'vitest';
import { cronOf, everyOf, periodOf, validateEvery } from './scheduler-runs.js';

const SH = 'Asia/Shanghai';
const key = (every: Parameters<typeof periodOf>[0], iso: string, tz = SH) => periodOf(every, new Date(iso), tz).key;

describe('Z-2 scheduler periods', () => {
  it('keys a daily job by the firm-local day whose run time has passed (00:01 Shanghai by default)', () => {
    const daily = everyOf({ every: 'daily' });
    expect(daily).toEqual({ daily: '00:01' });
    // 2026-11-25 23:59 and 2026-11-26 00:00:30 Shanghai: still the 25th's period
    expect(key(daily, '2026-11-25T15:59:00Z')).toBe('2026-11-25');
    expect(key(daily, '2026-11-25T16:00:30Z')).toBe('2026-11-25');
    // 00:01 Shanghai on the 26th is 16:01 UTC on the 25th
    expect(key(daily, '2026-11-25T16:01:00Z')).toBe('2026-11-26');
    expect(key(daily, '2026-11-26T15:59:59Z')).toBe('2026-11-26');
    const p = periodOf(daily, new Date('2026-11-25T20:00:00Z'), SH);
    expect(p).toEqual({ key: '2026-11-26', start: new Date('2026-11-25T16:01:00Z'), next: new Date('2026-11-26T16:01:00Z') });
  });

  it('takes the run time and the time zone into account', () => {
    const nine = everyOf({ every: 'daily', at: '09:30' });
    expect(key(nine, '2026-11-26T01:29:00Z')).toBe('2026-11-25');
    expect(key(nine, '2026-11-26T01:30:00Z')).toBe('2026-11-26');
    // New York's spring-forward day is 23 hours long; the run time still falls on each local day
    const ny = everyOf({ every: 'daily' });
    expect(key(ny, '2026-03-08T05:00:30Z', 'America/New_York')).toBe('2026-03-07');
    expect(key(ny, '2026-03-08T05:01:00Z', 'America/New_York')).toBe('2026-03-08');
    expect(periodOf(ny, new Date('2026-03-08T12:00:00Z'), 'America/New_York').next).toEqual(new Date('2026-03-09T04:01:00Z'));
  });

  it('keys an every-n-minutes job by its UTC slot', () => {
    const q = { minutes: 15 };
    expect(key(q, '2026-11-25T02:14:59.999Z')).toBe('2026-11-25T02:00Z');
    expect(key(q, '2026-11-25T02:15:00.000Z')).toBe('2026-11-25T02:15Z');
    expect(periodOf(q, new Date('2026-11-25T02:20:00Z'), SH).next).toEqual(new Date('2026-11-25T02:30:00Z'));
    expect(key({ minutes: 60 }, '2026-11-25T23:59:00Z')).toBe('2026-11-25T23:00Z');
    expect(key({ minutes: 60 }, '2026-11-26T00:00:00Z')).toBe('2026-11-26T00:00Z');
  });

  it('writes the same schedules as cron lines for pg-boss, and refuses ones without a cron form', () => {
    expect(cronOf({ daily: '00:01' }, SH)).toEqual({ cron: '1 0 * * *', tz: SH });
    expect(cronOf({ daily: '09:30' }, SH)).toEqual({ cron: '30 9 * * *', tz: SH });
    expect(cronOf({ minutes: 15 }, SH)).toEqual({ cron: '*/15 * * * *', tz: 'UTC' });
    expect(cronOf({ minutes: 60 }, SH)).toEqual({ cron: '0 * * * *', tz: 'UTC' });
    expect(cronOf({ minutes: 360 }, SH)).toEqual({ cron: '0 */6 * * *', tz: 'UTC' });
    expect(() => validateEvery('x', { minutes: 7 })).toThrow(/no cron form/);
    expect(() => validateEvery('x', { minutes: 0 })).toThrow(/positive/);
    expect(() => validateEvery('x', { daily: '24:00' })).toThrow(/HH:MM/);
    expect(() => validateEvery('x', { daily: '0:01' })).toThrow(/HH:MM/);
  });
});
