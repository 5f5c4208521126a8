import {
  ADVERSE_EVENT_NOTICE_MS,
  SURVEY_DAYS_AFTER_CLOSING,
  TIMELINE_WORKING_DAYS,
  type StandardStatus,
} from '@retainer/shared';
import { firmDay, startOfFirmDay } from '../../plugins/clock.js';
import type { WorkingDayCalendar } from '../calendar/working-days.js';
import { addDays } from '../../plugins/days.js';
import type { ServiceObligationsTable } from './standards.table.js';

// M-4 due-time rules, pure: every "working day" question goes to the working-days module (M-6).

/** The last millisecond of a firm-local day, as a UTC instant. */
export function endOfFirmDay(day: string, timeZone: string): Date {
  return new Date(startOfFirmDay(addDays(day, 1), timeZone).getTime() - 1);
}

/** Project timeline: by the end of the 3rd working day after the engagement (its own day never counts). */
export function timelineDue(cal: WorkingDayCalendar, engagedAt: Date): Date {
  return cal.dueAfterWorkingDays(engagedAt, TIMELINE_WORKING_DAYS).dueAt;
}

/** Adverse event: the client is told within one hour of the event. */
export function adverseEventDue(occurredAt: Date): Date {
  return new Date(occurredAt.getTime() + ADVERSE_EVENT_NOTICE_MS);
}

/** Satisfaction survey: by the end of the 7th calendar day after the closing day. */
export function surveyDue(closedOn: string, timeZone: string): { dueOn: string; dueAt: Date } {
  const dueOn = addDays(closedOn, SURVEY_DAYS_AFTER_CLOSING);
  return { dueOn, dueAt: endOfFirmDay(dueOn, timeZone) };
}

/** Monday of the (Monday–Sunday) week of a day. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * Weekly briefs owed as of `now`: this week's and next week's, each due at the end of its brief day
 * (Friday, or the previous working day of that week; none in a week without a working day). A week
 * whose brief day is already past is never created late: briefs are generated ahead, not backfilled.
 */
export function briefsDue(cal: WorkingDayCalendar, now: Date): { weekOf: string; dueAt: Date }[] {
  const today = firmDay(now, cal.timeZone);
  const out: { weekOf: string; dueAt: Date }[] = [];
  for (const weekOf of [mondayOf(today), addDays(mondayOf(today), 7)]) {
    const brief = cal.briefDay(weekOf).date;
    if (brief && brief >= today) out.push({ weekOf, dueAt: endOfFirmDay(brief, cal.timeZone) });
  }
  return out;
}

/** A late completion is a breach (flagged now if not already); one on time clears a provisional flag. */
export function breachOnCompletion(row: Pick<ServiceObligationsTable, 'due_at' | 'breached_at'>, doneAt: string, now: string): string | null {
  return doneAt > row.due_at ? (row.breached_at ?? now) : null;
}

/** What the API shows: cancelled, else breached (flagged, or overdue and not done), else done or open. */
export function statusOf(row: Pick<ServiceObligationsTable, 'status' | 'due_at' | 'breached_at'>, now: string): StandardStatus {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.breached_at || (row.status === 'open' && row.due_at < now)) return 'breached';
  return row.status;
}
