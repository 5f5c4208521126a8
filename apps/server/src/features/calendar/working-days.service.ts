import {
  WORKING_DAYS_MAX_RANGE,
  type CalendarDay,
  type CalendarYear,
  type CalendarYearSummary,
  type CalendarYearUpdate,
  type Locale,
  type WorkingDays,
} from '@retainer/shared';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { NotFound, ValidationFailed } from '../../plugins/errors.js';
import { forgetWorkingDays, workingDays } from './working-days.js';
import { yearTableIssues } from './working-days.rules.js';

type Deps = { db: Db; clock: Clock; config: { firmTimeZone: string } };

async function summaries(db: Db, year?: number): Promise<CalendarYearSummary[]> {
  let yearsQuery = db
    .selectFrom('calendar_years as y')
    .leftJoin('users as u', 'u.id', 'y.updated_by')
    .select(['y.year', 'y.status', 'y.source', 'y.updated_at', 'y.updated_by', 'u.name as updated_by_name'])
    .orderBy('y.year');
  let countsQuery = db
    .selectFrom('calendar_days')
    .select((eb) => ['year', 'kind', eb.fn.countAll<number>().as('n')])
    .groupBy(['year', 'kind']);
  if (year !== undefined) {
    yearsQuery = yearsQuery.where('y.year', '=', year);
    countsQuery = countsQuery.where('year', '=', year);
  }
  const [years, counts] = await Promise.all([yearsQuery.execute(), countsQuery.execute()]);
  const count = (y: number, kind: string) => Number(counts.find((c) => Number(c.year) === y && c.kind === kind)?.n ?? 0);
  return years.map((r) => ({
    year: Number(r.year),
    status: r.status,
    source: r.source,
    holidays: count(Number(r.year), 'holiday'),
    workdays: count(Number(r.year), 'workday'),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by ? { id: r.updated_by, name: r.updated_by_name ?? '' } : null,
  }));
}

export async function listCalendarYears(db: Db): Promise<CalendarYearSummary[]> {
  return summaries(db);
}

async function yearDays(db: Db, year: number): Promise<CalendarDay[]> {
  return db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
}

/** One year's holidays and make-up workdays; 404 when the table has no such year. */
export async function getCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const [summary] = await summaries(db, year);
  if (!summary) throw new NotFound();
  return { ...summary, days: await yearDays(db, year) };
}

/** Replaces a whole year (admins), refused whole with every reason; audited in the same transaction. */
export async function replaceCalendarYear(deps: Deps, ctx: Ctx, year: number, body: CalendarYearUpdate, locale: Locale): Promise<CalendarYear> {
  const issues = yearTableIssues(year, body, locale);
  if (issues.length > 0) throw new ValidationFailed(issues);
  const days = body.days
    .map((d) => ({ date: d.date.trim(), year, kind: d.kind, name: d.name.trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const row = { status: body.status, source: body.source.trim(), updated_at: deps.clock.now().toISOString(), updated_by: ctx.actor?.id ?? null };

  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_years').select(['status', 'source']).where('year', '=', year).executeTakeFirst();
    const beforeDays = before ? await yearDays(trx, year) : [];
    await trx
      .insertInto('calendar_years')
      .values({ year, ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute();
    await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
    if (days.length > 0) await trx.insertInto('calendar_days').values(days).execute();
    await recordAudit(trx, ctx, deps.clock, {
      action: before ? 'update' : 'create',
      entity: 'calendar_year',
      entityId: String(year),
      before: before ? { ...before, days: beforeDays } : null,
      after: { status: row.status, source: row.source, days: days.map(({ date, kind, name }) => ({ date, kind, name })) },
    });
  });
  forgetWorkingDays(deps.db);
  return getCalendarYear(deps.db, year);
}

const LIMIT_MESSAGE: Record<Locale, (n: number) => string> = {
  'zh-CN': (n) => `一次最多查询 ${n} 天`,
  'en-US': (n) => `At most ${n} days at a time`,
};
const ORDER_MESSAGE: Record<Locale, string> = { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'Must not be before from' };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Each day from..to (both included, at most WORKING_DAYS_MAX_RANGE) with whether it is a working day and why. */
export async function workingDaysRange(deps: Deps, from: string, to: string, locale: Locale): Promise<WorkingDays> {
  const [first, last] = [dayNumber(from), dayNumber(to)];
  if (last < first) throw new ValidationFailed([{ field: 'to', message: ORDER_MESSAGE[locale] }]);
  if (last - first + 1 > WORKING_DAYS_MAX_RANGE) {
    throw new ValidationFailed([{ field: 'to', message: LIMIT_MESSAGE[locale](WORKING_DAYS_MAX_RANGE) }]);
  }
  const calendar = await workingDays(deps);
  const items = [];
  const uncovered = new Set<number>();
  for (let n = first; n <= last; n++) {
    const { date, weekday, working, kind, name, fallback } = calendar.day(dayString(n));
    items.push({ date, weekday, working, kind, name, fallback });
    if (fallback) uncovered.add(Number(date.slice(0, 4)));
  }
  return { items, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
}
