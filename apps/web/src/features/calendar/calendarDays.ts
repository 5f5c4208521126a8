import type { CalendarDay, Locale } from '@retainer/shared';

/** Days are plain calendar dates: format them in UTC so no time zone can shift them. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);

export function nextDay(day: string): string {
  const d = at(day);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday */
export function isoWeekday(day: string): number {
  return ((at(day).getUTCDay() + 6) % 7) + 1;
}

export const isWeekend = (day: string) => isoWeekday(day) >= 6;

/** 1月28日 / Jan 28 */
export function shortDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(at(day));
}

/** 周二 / Tue */
export function weekdayName(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(at(day));
}

/** 1月 / January */
export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, month - 1, 1)));
}

/** 一 … 日 / M … S, Monday first */
export function weekdayLetters(locale: Locale): string[] {
  // 2025-03-03 was a Monday
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 2, 3 + i))),
  );
}

export type HolidayPeriod = {
  name: string;
  /** consecutive days off, e.g. [['2025-01-28', '2025-02-04']] */
  runs: [string, string][];
  daysOff: number;
  workdays: string[];
  first: string;
};

/** The notice's view of a year: one line per holiday name, its runs of days off and its make-up workdays. */
export function holidayPeriods(days: readonly CalendarDay[]): HolidayPeriod[] {
  const byName = new Map<string, HolidayPeriod>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    let p = byName.get(d.name);
    if (!p) {
      p = { name: d.name, runs: [], daysOff: 0, workdays: [], first: d.date };
      byName.set(d.name, p);
    }
    if (d.kind === 'workday') {
      p.workdays.push(d.date);
      continue;
    }
    p.daysOff++;
    const last = p.runs[p.runs.length - 1];
    if (last && nextDay(last[1]) === d.date) last[1] = d.date;
    else p.runs.push([d.date, d.date]);
  }
  // ordered by the first day off (a make-up workday often comes before its holiday)
  const firstOff = (p: HolidayPeriod) => p.runs[0]?.[0] ?? p.first;
  return [...byName.values()].sort((a, b) => firstOff(a).localeCompare(firstOff(b)));
}
