import { describe, expect, it } from 'vitest';
import { cadenceMonth, cadencePhase } from './cadence.service.js';

const TZ = 'Asia/Shanghai';

describe('cadence month (I-2, Z-3)', () => {
  it('spans the firm-local calendar month as UTC instants', () => {
    expect(cadenceMonth('2026-11', TZ)).toEqual({
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
      flagFrom: '2026-11-25',
    });
    expect(cadenceMonth('2028-02', TZ)).toMatchObject({ lastDay: '2028-02-29', flagFrom: '2028-02-24' });
    expect(cadenceMonth('2026-12', TZ)).toMatchObject({ end: '2026-12-31T16:00:00.000Z' });
  });

  it('flags from 5 days before the last day, in the firm time zone', () => {
    expect(cadencePhase('2026-11', new Date('2026-11-24T15:59:59.000Z'), TZ)).toBe('open');
    expect(cadencePhase('2026-11', new Date('2026-11-24T16:00:00.000Z'), TZ)).toBe('flagging');
    // 2026-11-30 16:30 UTC is already December 1st in Shanghai
    expect(cadencePhase('2026-11', new Date('2026-11-30T16:30:00.000Z'), TZ)).toBe('past');
    expect(cadencePhase('2026-12', new Date('2026-11-30T15:30:00.000Z'), TZ)).toBe('future');
  });
});
