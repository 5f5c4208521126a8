// C-5 / P-5: the one place that knows the Chinese calendar. Nothing else imports lunar-javascript.
//
// Rules (copied to docs/decisions.md):
// - A lunar date's `year` is the lunar year (农历年), which can end in January/February of the next Gregorian year.
// - A date recurs every (lunar or solar) year from its own year on; with a year, there is no occurrence before it.
// - Lunar day 30 in a year whose month has 29 days falls on day 29 (the usual practice for 三十 birthdays).
// - A leap-month date (闰月) falls in that leap month in years that have it, else in the ordinary month of the same number.
// - An ordinary-month date always falls in the ordinary month, even in a year that also has that leap month.
// - Solar Feb 29 falls on Feb 28 in common years.
// - A Gregorian year can hold two occurrences of a late-lunar-year date (lunar 11th/12th month: one from the
//   previous lunar year in January, one in December) or none. occurrencesInYear gives all of them;
//   occurrenceInYear gives the earlier one or null; nextOccurrence never misses one.
import type { CalendarDate } from '@retainer/shared';
import { LunarYear, Solar } from 'lunar-javascript';
import { addDays } from '../../plugins/days.js';

export type FestivalKey = 'spring_festival' | 'dragon_boat' | 'mid_autumn' | 'new_year';
export type Festival = { key: FestivalKey; date: string };
export type CalendarLocale = 'zh-CN' | 'en-US';

/** The years calendarDateSchema accepts. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** The years we convert (occurrences of a 2100 date run past 2100); the library's algorithm covers far more. */
const CONVERT_MIN = 1800;
const CONVERT_MAX = 2300;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LUNAR_MONTHS_ZH = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
const DIGITS_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DAY_REGEX = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;
const isWhole = (n: unknown, min: number, max: number): n is number => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;

const isGregorianLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function solarMonthDays(year: number | null, month: number): number {
  if (month === 2) return year === null || isGregorianLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type LunarMonthRow = { days: number; firstDay: string };
type LunarYearTable = { leapMonth: number; months: Map<number, LunarMonthRow> };
// The library keeps only the last lunar year and recomputes ~0.5 ms on every switch; the care engine
// alternates years for every client, so keep our own table (≤ 500 small entries over the supported range).
const yearTables = new Map<number, LunarYearTable>();

function lunarYearTable(lunarYear: number): LunarYearTable {
  let table = yearTables.get(lunarYear);
  if (!table) {
    const year = LunarYear.fromYear(lunarYear);
    const months = new Map<number, LunarMonthRow>();
    for (const m of year.getMonthsInYear()) {
      // Keyed like the library: -n is the leap month n.
      months.set(m.getMonth(), { days: m.getDayCount(), firstDay: Solar.fromJulianDay(m.getFirstJulianDay()).toYmd() });
    }
    table = { leapMonth: year.getLeapMonth(), months };
    yearTables.set(lunarYear, table);
  }
  return table;
}

/** That lunar month of that lunar year, or null when the (leap) month does not exist. */
function lunarMonthRow(lunarYear: number, month: number, leapMonth: boolean): LunarMonthRow | null {
  if (!isWhole(lunarYear, CONVERT_MIN, CONVERT_MAX) || !isWhole(month, 1, 12)) return null;
  return lunarYearTable(lunarYear).months.get(leapMonth ? -month : month) ?? null;
}

/** Why this date cannot exist (short English), or null when it can. */
export function validateCalendarDate(d: CalendarDate): string | null {
  if (d.calendar !== 'solar' && d.calendar !== 'lunar') return 'calendar must be solar or lunar';
  const year = d.year ?? null;
  if (year !== null && !isWhole(year, MIN_YEAR, MAX_YEAR)) return `year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (!isWhole(d.month, 1, 12)) return 'month must be 1 to 12';
  if (!isWhole(d.day, 1, 31)) return 'day must be 1 to 31';

  if (d.calendar === 'solar') {
    if (d.leapMonth) return 'a solar date has no leap month';
    const max = solarMonthDays(year, d.month);
    if (d.day <= max) return null;
    const name = MONTHS_LONG_EN[d.month - 1]!;
    return year === null ? `${name} has at most ${max} days` : `${name} ${year} has only ${max} days`;
  }

  if (d.day > 30) return 'a lunar month has at most 30 days';
  // Without a year a leap-month date is fine: it recurs in years that have that leap month.
  if (year === null) return null;
  if (d.leapMonth) {
    const leap = lunarYearTable(year).leapMonth;
    if (leap !== d.month) {
      return leap === 0 ? `lunar year ${year} has no leap month` : `lunar year ${year} has leap month ${leap}, not ${d.month}`;
    }
  }
  const max = lunarMonthRow(year, d.month, d.leapMonth)!.days;
  if (d.day > max) return `lunar ${d.leapMonth ? 'leap month' : 'month'} ${d.month} of ${year} has only ${max} days`;
  return null;
}

/** The Gregorian 'YYYY-MM-DD' of a lunar date in that lunar year, or null when it does not exist that year. */
export function lunarToSolar(lunarYear: number, month: number, day: number, leapMonth: boolean): string | null {
  const row = lunarMonthRow(lunarYear, month, leapMonth);
  if (row === null || !isWhole(day, 1, row.days)) return null;
  return addDays(row.firstDay, day - 1);
}

function assertValid(d: CalendarDate): void {
  const reason = validateCalendarDate(d);
  if (reason !== null) throw new RangeError(`invalid calendar date: ${reason}`);
}

/** Where a (valid) lunar date falls in one lunar year, with the leap-month and day-30 fallbacks. */
// A planning run converts the same few hundred month-days for every client: remembered, bounded.
const occurrenceCache = new Map<string, string>();

function lunarOccurrence(d: CalendarDate, lunarYear: number): string {
  const key = `${lunarYear}:${d.month}:${d.day}:${d.leapMonth ? 1 : 0}`;
  let day = occurrenceCache.get(key);
  if (day === undefined) {
    const leap = d.leapMonth && lunarYearTable(lunarYear).leapMonth === d.month;
    const row = lunarMonthRow(lunarYear, d.month, leap)!;
    day = addDays(row.firstDay, Math.min(d.day, row.days) - 1);
    if (occurrenceCache.size >= 20_000) occurrenceCache.clear();
    occurrenceCache.set(key, day);
  }
  return day;
}

/**
 * All dates (ascending, 0–2 of them) on which a recurring date falls in that Gregorian year.
 * Two or none only happen for lunar dates late in the lunar year (see the rules at the top).
 * Throws RangeError on a date validateCalendarDate rejects: validate at the boundary.
 */
export function occurrencesInYear(d: CalendarDate, gregorianYear: number): string[] {
  assertValid(d);
  if (!isWhole(gregorianYear, CONVERT_MIN + 1, CONVERT_MAX - 1)) throw new RangeError(`year ${gregorianYear} is outside ${CONVERT_MIN + 1}–${CONVERT_MAX - 1}`);
  const from = d.year ?? -Infinity;
  if (d.calendar === 'solar') {
    if (gregorianYear < from) return [];
    const day = d.month === 2 && d.day === 29 && !isGregorianLeapYear(gregorianYear) ? 28 : d.day;
    return [ymd(gregorianYear, d.month, day)];
  }
  const prefix = `${gregorianYear}-`;
  // The lunar year y-1 can reach into January/February of y; lunar year y can reach into y+1.
  return [gregorianYear - 1, gregorianYear]
    .filter((ly) => ly >= from)
    .map((ly) => lunarOccurrence(d, ly))
    .filter((day) => day.startsWith(prefix));
}

/** The (earlier) date on which a recurring date falls in that Gregorian year, or null when it falls in none. */
export function occurrenceInYear(d: CalendarDate, gregorianYear: number): string | null {
  return occurrencesInYear(d, gregorianYear)[0] ?? null;
}

/** The first occurrence on or after fromDay ('YYYY-MM-DD', the firm-local today). */
export function nextOccurrence(d: CalendarDate, fromDay: string): string {
  const match = DAY_REGEX.exec(fromDay);
  if (!match) throw new RangeError(`fromDay must be YYYY-MM-DD, got ${fromDay}`);
  const fromYear = Number(match[1]);
  // +3 covers a lunar year starting later than fromDay and a Gregorian year with no occurrence.
  const last = Math.max(fromYear, d.year ?? fromYear) + 3;
  for (let y = fromYear; y <= last; y++) {
    const hit = occurrencesInYear(d, y).find((day) => day >= fromDay);
    if (hit) return hit;
  }
  throw new RangeError(`no occurrence found after ${fromDay}`);
}

/** P-5 festivals in one Gregorian year, in date order. Each lunar festival falls once in every Gregorian year. */
const festivalCache = new Map<number, readonly Festival[]>();

export function festivalDates(gregorianYear: number): readonly Festival[] {
  let festivals = festivalCache.get(gregorianYear);
  if (!festivals) {
    festivals = Object.freeze(computeFestivals(gregorianYear));
    festivalCache.set(gregorianYear, festivals);
  }
  return festivals;
}

function computeFestivals(gregorianYear: number): Festival[] {
  const lunar = (month: number, day: number) => {
    const date = lunarToSolar(gregorianYear, month, day, false);
    if (date === null) throw new RangeError(`year ${gregorianYear} is outside the supported range`);
    return date;
  };
  return [
    { key: 'new_year', date: ymd(gregorianYear, 1, 1) },
    { key: 'spring_festival', date: lunar(1, 1) },
    { key: 'dragon_boat', date: lunar(5, 5) },
    { key: 'mid_autumn', date: lunar(8, 15) },
  ];
}

/** 初一…初十, 十一…十九, 二十, 廿一…廿九, 三十 */
function lunarDayZh(day: number): string {
  if (day <= 10) return `初${DIGITS_ZH[day]}`;
  if (day < 20) return `十${DIGITS_ZH[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS_ZH[day - 20]}`;
  return day === 30 ? '三十' : String(day);
}

/** e.g. '农历闰二月三十' / 'Lunar leap month 2, day 30', '公历 3月5日' / 'Solar Mar 5'; the year is shown when known. */
export function lunarLabel(d: CalendarDate, locale: CalendarLocale): string {
  const year = d.year ?? null;
  if (locale === 'zh-CN') {
    const y = year === null ? '' : `${year}年`;
    if (d.calendar === 'solar') return `公历 ${y}${d.month}月${d.day}日`;
    const month = LUNAR_MONTHS_ZH[d.month - 1] ?? `${d.month}月`;
    return `农历${y}${d.leapMonth ? '闰' : ''}${month}${lunarDayZh(d.day)}`;
  }
  if (d.calendar === 'solar') {
    return `Solar ${MONTHS_EN[d.month - 1] ?? d.month} ${d.day}${year === null ? '' : `, ${year}`}`;
  }
  return `Lunar ${year === null ? '' : `${year} `}${d.leapMonth ? 'leap month' : 'month'} ${d.month}, day ${d.day}`;
}
