import { z } from 'zod';

// M-6: the working-day calendar — statutory holidays and make-up workdays (调休上班) per year.

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
/** holiday: a day off (放假); workday: a weekend day worked instead (调休上班). */
export const calendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const CALENDAR_YEAR_STATUSES = ['official', 'provisional'] as const;
/** official: copied from the State Council notice; provisional: estimated until the notice is published. */
export const calendarYearStatusSchema = z.enum(CALENDAR_YEAR_STATUSES);
export type CalendarYearStatus = z.infer<typeof calendarYearStatusSchema>;

export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;
/** The longest range GET /calendar/working-days answers in one call. */
export const WORKING_DAYS_MAX_RANGE = 400;

const DAY_REGEX = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real Gregorian date written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = DAY_REGEX.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 'date_invalid' is a FIELD_MESSAGES code: the 400 says 日期不存在 / No such date. */
export const isoDaySchema = z.string().max(10).refine(isIsoDay, { message: 'date_invalid' });

export const calendarDaySchema = z.object({
  date: z.string(),
  kind: calendarDayKindSchema,
  name: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  status: calendarYearStatusSchema,
  /** the notice title (or how a provisional year was estimated) */
  source: z.string(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  updatedAt: z.string(),
  /** null: shipped with the release */
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

export const calendarYearsSchema = z.object({ items: z.array(calendarYearSummarySchema) });
export type CalendarYears = z.infer<typeof calendarYearsSchema>;

export const calendarYearSchema = calendarYearSummarySchema.extend({ days: z.array(calendarDaySchema) });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarYearParamsSchema = z.strictObject({
  year: z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR),
});

/**
 * PUT replaces a whole year. Only types and sizes are checked here; the rules (real dates inside the year,
 * no date twice, make-up workdays on weekends, names given) are checked together by the server so that
 * one 400 lists every reason, each at `days.<index>.<field>`.
 */
export const calendarYearUpdateSchema = z.strictObject({
  status: calendarYearStatusSchema,
  source: z.string().max(200),
  days: z
    .array(
      z.strictObject({
        date: z.string().max(32),
        kind: calendarDayKindSchema,
        name: z.string().max(40),
      }),
    )
    .max(366),
});
export type CalendarYearUpdate = z.infer<typeof calendarYearUpdateSchema>;

export const workingDaysQuerySchema = z.strictObject({
  from: isoDaySchema,
  to: isoDaySchema,
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuerySchema>;

export const workingDaySchema = z.object({
  date: z.string(),
  /** 1 = Monday … 7 = Sunday */
  weekday: z.number().int(),
  working: z.boolean(),
  /** the table's entry for that date, if any */
  kind: calendarDayKindSchema.nullable(),
  name: z.string().nullable(),
  /** true when the year is not in the table and Monday–Friday was assumed */
  fallback: z.boolean(),
});
export type WorkingDay = z.infer<typeof workingDaySchema>;

export const workingDaysSchema = z.object({
  items: z.array(workingDaySchema),
  /** years in the range the table does not cover (answered as Monday–Friday) */
  uncoveredYears: z.array(z.number().int()),
});
export type WorkingDays = z.infer<typeof workingDaysSchema>;
