import { nextOccurrenceQuerySchema, nextOccurrenceSchema, type CalendarDate, type FieldError, type Locale } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { firmDay } from '../../plugins/clock.js';
import { ValidationFailed } from '../../plugins/errors.js';
import { requestLocale } from '../../plugins/http-errors.js';
import { assertCalendarDate } from '../important-dates/calendar-fields.js';
import { lunarLabel, nextOccurrence } from './lunar.js';

const tags = ['calendar'];
const LUNAR_MONTHS_ZH = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
const SOLAR_MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const lunarMonthZh = (n: string) => LUNAR_MONTHS_ZH[Number(n) - 1] ?? `${n}月`;

// lunar.ts explains in short English; the form shows the reason as is, so zh-CN callers get it in Chinese.
const REASONS_ZH: [RegExp, (...m: string[]) => string][] = [
  [/^lunar year (\d+) has no leap month$/, (y) => `农历${y}年没有闰月`],
  [/^lunar year (\d+) has leap month (\d+), not (\d+)$/, (y, leap, m) => `农历${y}年的闰月是闰${lunarMonthZh(leap!)}，没有闰${lunarMonthZh(m!)}`],
  [/^lunar (leap month|month) (\d+) of (\d+) has only (\d+) days$/, (kind, m, y, n) => `农历${y}年${kind === 'leap month' ? '闰' : ''}${lunarMonthZh(m!)}只有${n}天`],
  [/^a lunar month has at most 30 days$/, () => '农历每月最多 30 天'],
  [/^a solar date has no leap month$/, () => '公历日期没有闰月'],
  [/^(\w+) has at most (\d+) days$/, (name, n) => `${SOLAR_MONTHS_EN.indexOf(name!) + 1}月最多${n}天`],
  [/^(\w+) (\d+) has only (\d+) days$/, (name, y, n) => `${y}年${SOLAR_MONTHS_EN.indexOf(name!) + 1}月只有${n}天`],
];

function localizeReason(message: string, locale: Locale): string {
  if (locale === 'en-US') return message.charAt(0).toUpperCase() + message.slice(1);
  for (const [re, zh] of REASONS_ZH) {
    const m = re.exec(message);
    if (m) return zh(...m.slice(1));
  }
  return '日期不存在';
}

/** The same 400 as saving the date would give (field named by assertCalendarDate), in the caller's language. */
function assertExists(d: CalendarDate, locale: Locale): void {
  try {
    assertCalendarDate(d);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    const details = (err.details as FieldError[]).map((e) => ({ field: e.field, message: localizeReason(e.message, locale) }));
    throw new ValidationFailed(details);
  }
}

export function calendarRoutes(app: App, deps: Deps) {
  // C-5: the Gregorian date a solar/lunar date falls on next, shown in the form before saving.
  app.get(
    '/calendar/next-occurrence',
    { config: { access: 'clients:read' }, schema: { tags, querystring: nextOccurrenceQuerySchema, response: { 200: nextOccurrenceSchema } } },
    async (req) => {
      const q = req.query;
      const date: CalendarDate = { calendar: q.calendar, year: q.year ?? null, month: q.month, day: q.day, leapMonth: q.leapMonth === 'true' };
      const locale = requestLocale(req);
      assertExists(date, locale);
      const today = firmDay(deps.clock.now(), deps.config.firmTimeZone);
      return { nextOccurrence: nextOccurrence(date, today), label: lunarLabel(date, locale) };
    },
  );
}
