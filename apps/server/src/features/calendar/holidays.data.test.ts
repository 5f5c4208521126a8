// The shipped holiday table against the notices' own words and against a second, independent source.
// Sources:
// [SC2025] 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
// [SC2026] 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
// [LJ]     lunar-javascript 1.7.7 HolidayUtil: its own table of the notices (法定假日 and 调休), 2001 on.
// [LJ] agrees with holidays.data.ts day for day on 2025 and 2026 (same days off, same make-up workdays); only the
// names differ (it says 元旦节, and 国庆中秋 for 2025's joint holiday). It has no 2027 entries, which is why 2027 is
// shipped as provisional. The test below fails the day either source changes.
import * as lunarLib from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR, type ShippedDay } from './holidays.data.js';
import { lunarToSolar } from './lunar.js';

type LjHoliday = { getDay(): string; getName(): string; isWork(): boolean };
type LjSolar = { getLunar(): { getJieQiTable(): Record<string, { toYmd(): string }> } };
// lunar-javascript.d.ts only types what lunar.ts uses; this test reads two more parts of the library.
const lib = lunarLib as unknown as {
  HolidayUtil: { getHolidays(year: number): LjHoliday[] };
  Solar: { fromYmd(y: number, m: number, d: number): LjSolar };
};

const shipped = (year: number) => SHIPPED_CALENDAR.find((y) => y.year === year)!;
const weekday = (day: string) => ['日', '一', '二', '三', '四', '五', '六'][new Date(`${day}T00:00:00Z`).getUTCDay()]!;
const offDays = (days: ShippedDay[], name: string) => days.filter((d) => d.kind === 'holiday' && d.name === name).map((d) => d.date);
const workdays = (days: ShippedDay[]) => days.filter((d) => d.kind === 'workday').map((d) => `${d.date} 周${weekday(d.date)}`);

describe('the shipped table', () => {
  it('ships 2025 and 2026 as official (with the notice title) and 2027 as provisional', () => {
    expect(SHIPPED_CALENDAR.map((y) => [y.year, y.status])).toEqual([
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
    ]);
    expect(shipped(2025).source).toBe('国务院办公厅关于2025年部分节假日安排的通知');
    expect(shipped(2026).source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
    expect(shipped(2027).source).toMatch(/^暂定.*须核对/);
  });

  it('lists each date once, inside its year, with make-up workdays only on weekends and a name on every day', () => {
    for (const y of SHIPPED_CALENDAR) {
      const dates = y.days.map((d) => d.date);
      expect(new Set(dates).size, `${y.year}`).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${y.year}-`))).toBe(true);
      for (const d of y.days.filter((x) => x.kind === 'workday')) expect(['六', '日'], d.date).toContain(weekday(d.date));
      expect(y.days.every((d) => d.name.length > 0 && d.name.length <= 40)).toBe(true);
    }
  });
});

describe('2025 against the notice [SC2025]', () => {
  const days = shipped(2025).days;
  it('has the notice day counts and make-up workdays', () => {
    expect(offDays(days, '元旦')).toEqual(['2025-01-01']); // 放假1天，不调休
    expect(offDays(days, '春节')).toHaveLength(8); // 1月28日至2月4日 共8天
    expect(offDays(days, '春节')[0]).toBe('2025-01-28');
    expect(offDays(days, '清明节')).toEqual(['2025-04-04', '2025-04-05', '2025-04-06']);
    expect(offDays(days, '劳动节')).toHaveLength(5); // 5月1日至5日 共5天
    expect(offDays(days, '端午节')).toEqual(['2025-05-31', '2025-06-01', '2025-06-02']);
    expect(offDays(days, '国庆节、中秋节')).toHaveLength(8); // 10月1日至8日 共8天
    // 1月26日（周日）、2月8日（周六）· 4月27日（周日）· 9月28日（周日）、10月11日（周六）上班
    expect(workdays(days)).toEqual(['2025-01-26 周日', '2025-02-08 周六', '2025-04-27 周日', '2025-09-28 周日', '2025-10-11 周六']);
  });
  it('has the weekdays the notice names', () => {
    expect(weekday('2025-01-28')).toBe('二'); // 农历除夕、周二
    expect(weekday('2025-02-04')).toBe('二'); // 农历正月初七、周二
    expect(weekday('2025-10-08')).toBe('三');
    expect(lunarToSolar(2025, 1, 1, false)).toBe('2025-01-29'); // so 1月28日 is 除夕
  });
});

describe('2026 against the notice [SC2026]', () => {
  const days = shipped(2026).days;
  it('has the notice day counts and make-up workdays', () => {
    expect(offDays(days, '元旦')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']); // 1月1日（周四）至3日（周六）共3天
    expect(offDays(days, '春节')).toHaveLength(9); // 2月15日至23日 共9天
    expect(offDays(days, '春节')[0]).toBe('2026-02-15');
    expect(offDays(days, '清明节')).toEqual(['2026-04-04', '2026-04-05', '2026-04-06']);
    expect(offDays(days, '劳动节')).toHaveLength(5);
    expect(offDays(days, '端午节')).toEqual(['2026-06-19', '2026-06-20', '2026-06-21']);
    expect(offDays(days, '中秋节')).toEqual(['2026-09-25', '2026-09-26', '2026-09-27']);
    expect(offDays(days, '国庆节')).toHaveLength(7); // 10月1日至7日 共7天
    expect(workdays(days)).toEqual([
      '2026-01-04 周日',
      '2026-02-14 周六',
      '2026-02-28 周六',
      '2026-05-09 周六',
      '2026-09-20 周日',
      '2026-10-10 周六',
    ]);
  });
  it('has the lunar dates the notice names', () => {
    expect(lunarToSolar(2025, 12, 28, false)).toBe('2026-02-15'); // 农历腊月二十八
    expect(lunarToSolar(2026, 1, 7, false)).toBe('2026-02-23'); // 农历正月初七
    expect(lunarToSolar(2026, 5, 5, false)).toBe('2026-06-19');
    expect(lunarToSolar(2026, 8, 15, false)).toBe('2026-09-25');
  });
});

describe('second source: lunar-javascript HolidayUtil [LJ]', () => {
  const asPairs = (pairs: [string, boolean][]) => pairs.map(([d, work]) => `${d} ${work ? 'workday' : 'holiday'}`).sort();
  it.each([2025, 2026])('agrees day for day on %i', (year) => {
    const theirs = lib.HolidayUtil.getHolidays(year).map((h): [string, boolean] => [h.getDay(), h.isWork()]);
    const ours = shipped(year).days.map((d): [string, boolean] => [d.date, d.kind === 'workday']);
    expect(asPairs(ours)).toEqual(asPairs(theirs));
  });
  it('has nothing for 2027 (no notice known to it either)', () => {
    expect(lib.HolidayUtil.getHolidays(2027)).toEqual([]);
  });
});

describe('2027 (provisional) from the statutory holidays', () => {
  const days = shipped(2027).days;
  const holiday = (d: string) => days.some((x) => x.date === d && x.kind === 'holiday');

  it('has every statutory day, with dates from the lunar calendar and the solar terms', () => {
    const lastOfLunar2026 = lunarToSolar(2026, 12, 30, false) ?? lunarToSolar(2026, 12, 29, false)!;
    const qingming = lib.Solar.fromYmd(2027, 6, 1).getLunar().getJieQiTable()['清明']!.toYmd();
    const statutory = [
      '2027-01-01', // 元旦
      lastOfLunar2026, // 除夕
      lunarToSolar(2027, 1, 1, false)!,
      lunarToSolar(2027, 1, 2, false)!,
      lunarToSolar(2027, 1, 3, false)!,
      qingming,
      '2027-05-01',
      '2027-05-02',
      lunarToSolar(2027, 5, 5, false)!, // 端午
      lunarToSolar(2027, 8, 15, false)!, // 中秋
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ];
    expect(statutory).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    for (const d of statutory) expect(holiday(d), d).toBe(true);
  });

  it('adds one weekday off for each statutory day on a weekend (art. 6), and no make-up workdays', () => {
    const substitutes = days.filter((d) => d.name.endsWith('（补假）'));
    const onWeekend = days.filter((d) => !d.name.endsWith('（补假）') && ['六', '日'].includes(weekday(d.date)));
    expect(substitutes.length).toBe(onWeekend.length);
    expect(substitutes.map((d) => `${d.date} 周${weekday(d.date)}`)).toEqual([
      '2027-02-09 周二',
      '2027-02-10 周三',
      '2027-05-03 周一',
      '2027-05-04 周二',
      '2027-10-04 周一',
      '2027-10-05 周二',
    ]);
    expect(days.filter((d) => d.kind === 'workday')).toEqual([]);
    expect(days).toHaveLength(19);
  });
});
