import type { CalendarDate } from '@retainer/shared';
import { ValidationFailed } from '../../plugins/errors.js';
import { nextOccurrence, validateCalendarDate } from '../calendar/lunar.js';

/** Which input field a calendar module reason is about (its reasons are short English sentences). */
function fieldOf(reason: string): 'calendar' | 'year' | 'month' | 'day' | 'leapMonth' {
  if (/has (only|at most) \d+ days|^day /.test(reason)) return 'day';
  if (/leap month/.test(reason)) return 'leapMonth';
  if (/^year /.test(reason)) return 'year';
  if (/^month /.test(reason)) return 'month';
  return 'calendar';
}

/** C-5: a date that cannot exist (lunar 2023 leap 3rd month, solar 2023-02-30) is a 400 naming the field. */
export function assertCalendarDate(d: CalendarDate, prefix = ''): void {
  const reason = validateCalendarDate(d);
  if (reason !== null) throw new ValidationFailed([{ field: `${prefix}${fieldOf(reason)}`, message: reason }]);
}

/** The next occurrence on or after the firm-local day, or null for a stored date the calendar rejects. */
export function nextOccurrenceOrNull(d: CalendarDate, today: string): string | null {
  if (validateCalendarDate(d) !== null) return null;
  return nextOccurrence(d, today);
}
