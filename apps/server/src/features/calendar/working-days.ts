// M-6: the one place that decides working days, from the holiday table (calendar_days / calendar_years),
// in the firm's time zone. Service standards (M-4) and anything else counting working days ask this module.
//
// Rules (for docs/decisions.md):
// - In a year the table covers, a day is a working day when it is a make-up workday (调休上班), or a
//   Monday–Friday that is not a holiday. A holiday on a weekend is simply a day off.
// - A year the table does not cover falls back to Monday–Friday; every answer that used such a day says
//   so (`fallback: true`) so callers can show "estimated".
// - Days are firm-local calendar days 'YYYY-MM-DD'; an instant is first turned into its firm-local day.
// - addWorkingDays(day, n), n ≥ 1: the n-th working day after `day`; `day` itself never counts, working or
//   not. n = 0: `day` itself when it is a working day, else the next working day.
// - dueAfterWorkingDays(at, n) — "within n working days of <at>": due by the end (the last millisecond,
//   firm time) of addWorkingDays(firm-local day of at, n); the day of `at` itself never counts, whatever the
//   hour. Engaged Tue 2025-09-30 at 15:00 → Oct 1–8 are off, so Thu 10-09, Fri 10-10 and the make-up
//   Sat 10-11 are the three days: due by 2025-10-11 23:59:59.999 Beijing time.
// - workingDaysBetween(a, b): the working days d with a < d ≤ b (negative when b < a), so that
//   workingDaysBetween(a, addWorkingDays(a, n)) = n for n ≥ 1.
// - briefDay(week): weeks run Monday–Sunday. That week's Friday when it is a working day, else the latest
//   working day from Thursday back to Monday of the same week; null when Monday–Friday are all days off
//   (e.g. 2026-02-16…20, Spring Festival): no weekly brief is due that week. A weekend make-up workday is
//   never a brief day, and the brief never moves into another week.
import type { CalendarDayKind, CalendarYearStatus } from '@retainer/shared';
import { firmDay, startOfFirmDay } from '../../plugins/clock.js';
import type { Db } from '../../plugins/db.js';

export type CalendarEntry = { kind: CalendarDayKind; name: string };
export type CalendarTable = {
  years: ReadonlyMap<number, CalendarYearStatus>;
  days: ReadonlyMap<string, CalendarEntry>;
};

export type DayAnswer = {
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  working: boolean;
  kind: CalendarDayKind | null;
  name: string | null;
  fallback: boolean;
};

export interface WorkingDayCalendar {
  readonly timeZone: string;
  /** Whether the table covers that year (else Monday–Friday is assumed). */
  covers(year: number): boolean;
  /** The firm-local day of an instant. */
  dayOf(at: Date): string;
  day(date: string): DayAnswer;
  isWorkingDay(date: string | Date): boolean;
  addWorkingDays(date: string, n: number): { date: string; fallback: boolean };
  dueAfterWorkingDays(at: Date, n: number): { date: string; dueAt: Date; fallback: boolean };
  briefDay(weekOf: string | Date): { date: string | null; fallback: boolean };
  workingDaysBetween(a: string, b: string): { days: number; fallback: boolean };
}

const DAY_MS = 86_400_000;
const DAY_REGEX = /^(\d{4})-(\d{2})-(\d{2})$/;
/** addWorkingDays refuses more than ~10 years of working days: a caller bug, not a deadline. */
const MAX_STEPS = 2_600;

/** Days since 1970-01-01 of a 'YYYY-MM-DD'; RangeError on anything else (validate at the boundary). */
function dayNumber(day: string): number {
  const m = DAY_REGEX.exec(day);
  const n = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  if (!Number.isInteger(n) || dayString(n) !== day) throw new RangeError(`not a date: ${day}`);
  return n;
}

const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday (4). */
const isoWeekday = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

export function buildCalendarTable(
  years: readonly { year: number; status: CalendarYearStatus }[],
  days: readonly { date: string; kind: CalendarDayKind; name: string }[],
): CalendarTable {
  return {
    years: new Map(years.map((y) => [y.year, y.status])),
    days: new Map(days.map((d) => [d.date, { kind: d.kind, name: d.name }])),
  };
}

export function workingDayCalendar(table: CalendarTable, timeZone: string): WorkingDayCalendar {
  const covers = (year: number) => table.years.has(year);

  function answer(n: number): DayAnswer {
    const date = dayString(n);
    const weekday = isoWeekday(n);
    const fallback = !covers(Number(date.slice(0, 4)));
    const entry = fallback ? undefined : table.days.get(date);
    const working = entry ? entry.kind === 'workday' : weekday <= 5;
    return { date, weekday, working, kind: entry?.kind ?? null, name: entry?.name ?? null, fallback };
  }

  const toNumber = (d: string | Date) => dayNumber(typeof d === 'string' ? d : firmDay(d, timeZone));

  function addWorkingDays(date: string, n: number) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_STEPS) throw new RangeError(`n must be a whole number from 0 to ${MAX_STEPS}`);
    let at = dayNumber(date);
    let fallback = false;
    let a = answer(at);
    if (n === 0) {
      while (!a.working) {
        fallback ||= a.fallback;
        a = answer(++at);
      }
      return { date: a.date, fallback: fallback || a.fallback };
    }
    for (let left = n; left > 0; ) {
      a = answer(++at);
      fallback ||= a.fallback;
      if (a.working) left--;
    }
    return { date: a.date, fallback };
  }

  function workingDaysBetween(from: string, to: string) {
    const a = dayNumber(from);
    const b = dayNumber(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let days = 0;
    let fallback = false;
    for (let n = lo + 1; n <= hi; n++) {
      const d = answer(n);
      fallback ||= d.fallback;
      if (d.working) days++;
    }
    return { days: sign * days, fallback };
  }

  function briefDay(weekOf: string | Date) {
    const n = toNumber(weekOf);
    const monday = n - (isoWeekday(n) - 1);
    let fallback = false;
    for (let d = monday + 4; d >= monday; d--) {
      const a = answer(d);
      fallback ||= a.fallback;
      if (a.working) return { date: a.date, fallback };
    }
    return { date: null, fallback };
  }

  return {
    timeZone,
    covers,
    dayOf: (at) => firmDay(at, timeZone),
    day: (date) => answer(dayNumber(date)),
    isWorkingDay: (date) => answer(toNumber(date)).working,
    addWorkingDays,
    dueAfterWorkingDays(at, n) {
      const due = addWorkingDays(firmDay(at, timeZone), n);
      const end = startOfFirmDay(dayString(dayNumber(due.date) + 1), timeZone).getTime() - 1;
      return { ...due, dueAt: new Date(end) };
    },
    briefDay,
    workingDaysBetween,
  };
}

// The table is read once per database and kept; saving a year forgets it (forgetWorkingDays). Another
// server process on the same PostgreSQL database is noticed within RECHECK_MS by a cheap stamp query.
const RECHECK_MS = 60_000;
type Cached = { stamp: string; table: Promise<CalendarTable>; checkedAt: number };
const cache = new WeakMap<Db, Cached>();

async function tableStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('calendar_years')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}|${row?.last ?? ''}`;
}

export async function readCalendarTable(db: Db): Promise<CalendarTable> {
  const [years, days] = await Promise.all([
    db.selectFrom('calendar_years').select(['year', 'status']).execute(),
    db.selectFrom('calendar_days').select(['date', 'kind', 'name']).execute(),
  ]);
  return buildCalendarTable(years, days);
}

async function cachedTable(db: Db): Promise<CalendarTable> {
  let entry = cache.get(db);
  if (entry && performance.now() - entry.checkedAt > RECHECK_MS) {
    entry.checkedAt = performance.now();
    if ((await tableStamp(db)) !== entry.stamp) {
      if (cache.get(db) === entry) cache.delete(db);
      entry = undefined;
    }
  }
  if (!entry) {
    // the stamp first: a save landing between the two reads is picked up at the next check
    const stamp = await tableStamp(db);
    entry = cache.get(db) ?? { stamp, table: readCalendarTable(db), checkedAt: performance.now() };
    cache.set(db, entry);
    const mine = entry;
    mine.table.catch(() => {
      if (cache.get(db) === mine) cache.delete(db);
    });
  }
  return entry.table;
}

/** The working-day calendar of this database, in the firm's time zone. Pass the app's db (not a transaction). */
export async function workingDays(deps: { db: Db; config: { firmTimeZone: string } }): Promise<WorkingDayCalendar> {
  return workingDayCalendar(await cachedTable(deps.db), deps.config.firmTimeZone);
}

/** Called after an admin saves a year (after the commit), so the next answer reads the new table. */
export function forgetWorkingDays(db: Db): void {
  cache.delete(db);
}
