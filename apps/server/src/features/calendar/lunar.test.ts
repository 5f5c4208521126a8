// The expected dates below are literal facts from sources independent of lunar-javascript; a failure here
// means the library (or our wrapper) disagrees with them. Sources:
// [SC2024] 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25): 春节 2月10日至17日放假,
//          除夕 2月9日; 端午节 6月10日; 中秋节 9月15日至17日 (节日 9月17日).
// [SC2025] 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12): 春节 "1月28日(农历除夕)
//          至2月4日(农历正月初七)"; 端午节 5月31日至6月2日; 国庆节、中秋节 10月1日至8日.
// [SC2026] 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 春节 "2月15日(农历腊月二十八)至23日(农历正月初七)";
//          端午节 6月19日至21日; 中秋节 9月25日至27日.
// [XH]     新华社 周润健, 2023-01-20: 腊月逢小月、没有年三十的年份: 2013、2016、2022 以及 2025–2029 连续5年; 2023 年除夕是腊月三十.
//          Earlier 21st-century years without 年三十 (same reports): 2000, 2001, 2003, 2006, 2012.
// [HKO]    Published almanac (e.g. Hong Kong Observatory 公曆與農曆日期對照表): 2027 春节 2月6日; 2025 中秋 10月6日, 端午 5月31日;
//          2023 闰二月初一 = 3月22日; 2025 闰六月初一 = 7月25日; 2024 and 2026 have no leap month.
// [NM]     New moons (NASA/USNO phase tables), each the first day of a lunar month in Beijing time: 2023-02-20, 2023-04-20
//          (the hybrid solar eclipse), 2024-03-10, 2025-02-28, 2025-03-29 (partial solar eclipse).
import type { CalendarDate } from '@retainer/shared';
import { describe, expect, it } from 'vitest';
import {
  festivalDates,
  lunarLabel,
  lunarToSolar,
  nextOccurrence,
  occurrenceInYear,
  occurrencesInYear,
  validateCalendarDate,
} from './lunar.js';

const lunar = (month: number, day: number, leapMonth = false, year: number | null = null): CalendarDate => ({ calendar: 'lunar', year, month, day, leapMonth });
const solar = (month: number, day: number, year: number | null = null): CalendarDate => ({ calendar: 'solar', year, month, day, leapMonth: false });

describe('festivals (P-5)', () => {
  it.each([
    [2024, '2024-02-10', '2024-06-10', '2024-09-17'], // [SC2024]
    [2025, '2025-01-29', '2025-05-31', '2025-10-06'], // [SC2025]: 春节 = the day after 除夕 1月28日; 中秋 [HKO]
    [2026, '2026-02-17', '2026-06-19', '2026-09-25'], // [SC2026]: 腊月二十八 = 2月15日, 腊月 small [XH] → 正月初一 2月17日
  ])('%i', (year, spring, dragonBoat, midAutumn) => {
    expect(festivalDates(year)).toEqual([
      { key: 'new_year', date: `${year}-01-01` },
      { key: 'spring_festival', date: spring },
      { key: 'dragon_boat', date: dragonBoat },
      { key: 'mid_autumn', date: midAutumn },
    ]);
  });

  it('Spring Festival 2027 [HKO]', () => {
    expect(festivalDates(2027).find((f) => f.key === 'spring_festival')?.date).toBe('2027-02-06');
  });
});

describe('lunar year structure', () => {
  it('2023 has 闰二月 starting 2023-03-22 [HKO]; 2024 has no leap month', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2024, 2, 1, true)).toBeNull();
  });

  it('2025 has 闰六月 starting 2025-07-25 [HKO]; not 闰二月', () => {
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 2, 1, true)).toBeNull();
  });

  it('month lengths from new moons [NM]', () => {
    expect(lunarToSolar(2023, 2, 1, false)).toBe('2023-02-20');
    expect(lunarToSolar(2023, 3, 1, false)).toBe('2023-04-20');
    // 2023 闰二月: 03-22 … 04-19 = 29 days
    expect(lunarToSolar(2023, 2, 29, true)).toBe('2023-04-19');
    expect(lunarToSolar(2023, 2, 30, true)).toBeNull();
    // 2024 正月: 02-10 … 03-09 = 29 days
    expect(lunarToSolar(2024, 2, 1, false)).toBe('2024-03-10');
    expect(lunarToSolar(2024, 1, 30, false)).toBeNull();
    // 2025 正月: 01-29 … 02-27 = 30 days; 二月: 02-28 … 03-28 = 29 days
    expect(lunarToSolar(2025, 1, 30, false)).toBe('2025-02-27');
    expect(lunarToSolar(2025, 2, 1, false)).toBe('2025-02-28');
    expect(lunarToSolar(2025, 3, 1, false)).toBe('2025-03-29');
    expect(lunarToSolar(2025, 2, 30, false)).toBeNull();
  });

  it('除夕 is 腊月廿九 exactly in the years [XH] lists, 2000–2029', () => {
    const noNewYearsEve30 = [2000, 2001, 2003, 2006, 2012, 2013, 2016, 2022, 2025, 2026, 2027, 2028, 2029];
    const found: number[] = [];
    // 腊月 of lunar year y-1 ends on the eve of the Spring Festival of Gregorian y.
    for (let y = 2000; y <= 2029; y++) if (lunarToSolar(y - 1, 12, 30, false) === null) found.push(y);
    expect(found).toEqual(noNewYearsEve30);
  });

  it('rejects what cannot be converted', () => {
    expect(lunarToSolar(2025, 13, 1, false)).toBeNull();
    expect(lunarToSolar(2025, 1, 0, false)).toBeNull();
    expect(lunarToSolar(1000, 1, 1, false)).toBeNull();
  });
});

describe('validateCalendarDate', () => {
  it.each<[string, CalendarDate]>([
    ['solar 2023-02-30', solar(2, 30, 2023)],
    ['solar 2023-02-29 (common year)', solar(2, 29, 2023)],
    ['solar 1900-02-29 (century, not a leap year)', solar(2, 29, 1900)],
    ['solar Feb 30 without a year', solar(2, 30)],
    ['solar Apr 31', solar(4, 31)],
    ['solar with a leap-month flag', { ...solar(3, 5), leapMonth: true }],
    ['lunar 2024 闰二月 (2024 has no leap month) [HKO]', lunar(2, 1, true, 2024)],
    ['lunar 2025 闰二月 (2025 leaps the 6th) [HKO]', lunar(2, 1, true, 2025)],
    ['lunar 2023 闰二月三十 (29-day month) [NM]', lunar(2, 30, true, 2023)],
    ['lunar 2024 正月三十 (29-day month) [NM]', lunar(1, 30, false, 2024)],
    ['lunar 2025 二月三十 (29-day month) [NM]', lunar(2, 30, false, 2025)],
    ['lunar 2024 腊月三十 (no 年三十 in 2025) [XH]', lunar(12, 30, false, 2024)],
    ['lunar day 31', lunar(1, 31)],
    ['lunar month 13', lunar(13, 1)],
    ['month 0', solar(0, 1)],
    ['fractional day', solar(1, 1.5)],
    ['year out of range', solar(1, 1, 1899)],
  ])('rejects %s', (_name, d) => {
    expect(validateCalendarDate(d)).toEqual(expect.any(String));
  });

  it.each<[string, CalendarDate]>([
    ['solar 2024-02-29', solar(2, 29, 2024)],
    ['solar 2000-02-29', solar(2, 29, 2000)],
    ['solar Feb 29 without a year', solar(2, 29)],
    ['lunar 2023 闰二月廿九', lunar(2, 29, true, 2023)],
    ['lunar 2025 闰六月初一', lunar(6, 1, true, 2025)],
    ['lunar 2025 正月三十 (2025 正月 has 30 days) [NM]', lunar(1, 30, false, 2025)],
    ['lunar 2023 腊月三十 (2024 除夕 is 腊月三十) [XH]', lunar(12, 30, false, 2023)],
    ['lunar 闰二月三十 without a year', lunar(2, 30, true)],
    ['lunar 三十 of any month without a year', lunar(1, 30)],
  ])('accepts %s', (_name, d) => {
    expect(validateCalendarDate(d)).toBeNull();
  });

  it('says why, in words', () => {
    expect(validateCalendarDate(solar(2, 30, 2023))).toBe('February 2023 has only 28 days');
    expect(validateCalendarDate(lunar(2, 1, true, 2024))).toBe('lunar year 2024 has no leap month');
    expect(validateCalendarDate(lunar(2, 1, true, 2025))).toBe('lunar year 2025 has leap month 6, not 2');
    expect(validateCalendarDate(lunar(1, 30, false, 2024))).toBe('lunar month 1 of 2024 has only 29 days');
    expect(validateCalendarDate({ ...solar(3, 5), leapMonth: true })).toBe('a solar date has no leap month');
  });
});

describe('occurrenceInYear', () => {
  it('a 三十 birthday falls on 廿九 when the month is small: 腊月三十 on each 除夕 [SC2024][SC2025][SC2026][XH]', () => {
    const eve = lunar(12, 30);
    expect(occurrenceInYear(eve, 2024)).toBe('2024-02-09'); // 腊月三十
    expect(occurrenceInYear(eve, 2025)).toBe('2025-01-28'); // 腊月廿九
    expect(occurrenceInYear(eve, 2026)).toBe('2026-02-16'); // 腊月廿九 (二十八 = 02-15)
  });

  it('正月三十 falls on 廿九 in 2024 and on 三十 in 2025 [NM]', () => {
    expect(occurrenceInYear(lunar(1, 30), 2024)).toBe('2024-03-09');
    expect(occurrenceInYear(lunar(1, 30), 2025)).toBe('2025-02-27');
  });

  it('a leap-month date uses the leap month when the year has it, else the ordinary month [HKO][NM]', () => {
    const leap = lunar(2, 15, true);
    expect(occurrenceInYear(leap, 2023)).toBe('2023-04-05'); // 闰二月十五 = 03-22 + 14
    expect(occurrenceInYear(leap, 2024)).toBe('2024-03-24'); // 二月十五 = 03-10 + 14
    expect(occurrenceInYear(lunar(2, 30, true), 2023)).toBe('2023-04-19'); // 闰二月 has 29 days
    // An ordinary 二月 date stays in the ordinary month in 2023.
    expect(occurrenceInYear(lunar(2, 15), 2023)).toBe('2023-03-06');
  });

  it('a dated leap-month origin recurs in the ordinary month later [HKO]', () => {
    const born = lunar(6, 1, true, 2025);
    expect(occurrenceInYear(born, 2025)).toBe('2025-07-25');
    expect(occurrenceInYear(born, 2026)).toBe(lunarToSolar(2026, 6, 1, false));
  });

  it('a late-lunar-year date can fall twice or not at all in a Gregorian year [SC2024][SC2025][SC2026][XH]', () => {
    // 腊月初一: lunar 2023 → 2024-01-11 (2024 除夕 02-09 is 腊月三十); lunar 2024 → 2024-12-31 (2025 除夕 01-28 is 廿九);
    // lunar 2025 → 2026-01-19 (腊月二十八 = 2026-02-15).
    const d = lunar(12, 1);
    expect(occurrencesInYear(d, 2024)).toEqual(['2024-01-11', '2024-12-31']);
    expect(occurrenceInYear(d, 2024)).toBe('2024-01-11');
    expect(occurrencesInYear(d, 2025)).toEqual([]);
    expect(occurrenceInYear(d, 2025)).toBeNull();
    expect(occurrencesInYear(d, 2026)).toEqual(['2026-01-19']);
  });

  it('a dated lunar date has no occurrence before its own lunar year', () => {
    const founded = lunar(12, 20, false, 2025); // lunar 2025 腊月二十 = 2026-02-07 [SC2026]
    expect(occurrencesInYear(founded, 2025)).toEqual([]);
    expect(occurrencesInYear(founded, 2026)).toEqual(['2026-02-07']);
  });

  it('solar Feb 29 falls on Feb 28 in common years', () => {
    expect(occurrenceInYear(solar(2, 29), 2025)).toBe('2025-02-28');
    expect(occurrenceInYear(solar(2, 29), 2028)).toBe('2028-02-29');
    expect(occurrenceInYear(solar(2, 29, 2024), 2100)).toBe('2100-02-28');
    expect(occurrenceInYear(solar(3, 5, 2030), 2029)).toBeNull();
  });

  it('throws on a date that cannot exist', () => {
    expect(() => occurrenceInYear(solar(2, 30), 2025)).toThrow(RangeError);
  });
});

describe('nextOccurrence', () => {
  it('a lunar 腊月二十 birthday asked on 2026-12-31 falls in January 2027 [HKO][XH]', () => {
    // 2027 春节 02-06, lunar 2026 腊月 is small (no 年三十 in 2027) → 腊月初一 = 2027-01-08, 二十 = 2027-01-27.
    const next = nextOccurrence(lunar(12, 20), '2026-12-31');
    expect(next).toBe('2027-01-27');
    expect(next > '2026-12-31').toBe(true);
  });

  it('does not miss the second occurrence in a year, nor skip a year without one', () => {
    expect(nextOccurrence(lunar(12, 1), '2024-06-01')).toBe('2024-12-31');
    expect(nextOccurrence(lunar(12, 1), '2025-01-01')).toBe('2026-01-19');
  });

  it('includes fromDay itself', () => {
    expect(nextOccurrence(lunar(1, 1), '2026-02-17')).toBe('2026-02-17');
    expect(nextOccurrence(solar(1, 1), '2026-01-01')).toBe('2026-01-01');
  });

  it('moves to next year once passed', () => {
    expect(nextOccurrence(solar(1, 1), '2026-12-31')).toBe('2027-01-01');
    expect(nextOccurrence(lunar(1, 1), '2024-02-11')).toBe('2025-01-29');
    expect(nextOccurrence(solar(2, 29), '2025-03-01')).toBe('2026-02-28');
  });

  it('starts at a future origin', () => {
    expect(nextOccurrence(solar(6, 1, 2030), '2026-01-01')).toBe('2030-06-01');
  });

  it('rejects a malformed day', () => {
    expect(() => nextOccurrence(solar(1, 1), '2026/01/01')).toThrow(RangeError);
  });
});

describe('lunarLabel', () => {
  it.each<[CalendarDate, string, string]>([
    [lunar(2, 30, true), '农历闰二月三十', 'Lunar leap month 2, day 30'],
    [lunar(1, 1), '农历正月初一', 'Lunar month 1, day 1'],
    [lunar(12, 20), '农历腊月二十', 'Lunar month 12, day 20'],
    [lunar(11, 10), '农历冬月初十', 'Lunar month 11, day 10'],
    [lunar(8, 15), '农历八月十五', 'Lunar month 8, day 15'],
    [lunar(6, 29, true, 2025), '农历2025年闰六月廿九', 'Lunar 2025 leap month 6, day 29'],
    [solar(3, 5), '公历 3月5日', 'Solar Mar 5'],
    [solar(12, 25, 1990), '公历 1990年12月25日', 'Solar Dec 25, 1990'],
  ])('%o', (d, zh, en) => {
    expect(lunarLabel(d, 'zh-CN')).toBe(zh);
    expect(lunarLabel(d, 'en-US')).toBe(en);
  });
});
