import { describe, expect, it } from 'vitest';
import { firmDay, fixedClock, startOfFirmDay } from './clock.js';

const SH = 'Asia/Shanghai';

describe('firm time zone (Asia/Shanghai, UTC+8)', () => {
  it('starts a firm day at 16:00 UTC the day before', () => {
    expect(startOfFirmDay('2026-11-25', SH).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(startOfFirmDay('2026-01-01', SH).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfFirmDay('2028-02-29', SH).toISOString()).toBe('2028-02-28T16:00:00.000Z');
  });

  it('places an instant on its local calendar day', () => {
    expect(firmDay(new Date('2026-11-24T17:30:00Z'), SH)).toBe('2026-11-25');
    expect(firmDay(new Date('2026-11-24T15:59:59.999Z'), SH)).toBe('2026-11-24');
    expect(firmDay(new Date('2026-11-24T16:00:00.000Z'), SH)).toBe('2026-11-25');
    expect(firmDay(new Date('2026-12-31T16:00:00Z'), SH)).toBe('2027-01-01');
  });

  it('agrees with itself: the start of a day is on that day, a millisecond earlier is not', () => {
    for (const day of ['2026-03-01', '2026-06-30', '2026-11-25', '2026-12-31']) {
      const start = startOfFirmDay(day, SH);
      expect(firmDay(start, SH)).toBe(day);
      expect(firmDay(new Date(start.getTime() - 1), SH)).not.toBe(day);
    }
  });

  it('follows daylight saving in zones that have it', () => {
    const ny = 'America/New_York';
    expect(startOfFirmDay('2026-03-08', ny).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfFirmDay('2026-03-09', ny).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfFirmDay('2026-11-01', ny).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfFirmDay('2026-11-02', ny).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });
});

describe('fixedClock', () => {
  it('stands still until set or advanced', () => {
    const clock = fixedClock('2026-11-25T02:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z');
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-11-25T02:15:00.000Z');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
