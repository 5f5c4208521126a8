// S-2..S-4: the pure SLA arithmetic of a request's two targets (first reply, first opinion).
//
// Rules (also in docs/decisions.md):
// - Clock mode: a target of m minutes is due m minutes after received-at.
// - Working-hours mode: time runs only inside the firm's daily window (e.g. 09:00–18:00 firm time) on
//   working days of the holiday calendar (make-up workdays count, holidays don't). A whole day of
//   target (24 h) is one working day's window, the rest counts as working minutes: A's 24 h opinion
//   received Fri 16:00 is due Mon 16:00. A request received outside the window starts at the next opening.
// - Warning at `warnPercent` (80%) of the allowed time, counted the same way; at exactly that instant
//   the target is in warning. Breached strictly after the due time; met when done at or before it.
// - A commitment replaces the due time; its own warning point is 80% of the span from told-at to the
//   committed time. Told after the base due time had passed, the breach stands (met late at best),
//   and the commitment is still tracked (met / missed).
import type { CommitmentState, SlaMode, SlaState } from '@retainer/shared';
import { firmDay, startOfFirmDay } from '../../plugins/clock.js';
import { nextDay } from '../../plugins/days.js';

export type SlaCalendar = { isWorkingDay(date: string): boolean };
export type SlaClockOptions = { mode: SlaMode; workdayStart: string; workdayEnd: string; timeZone: string; calendar: SlaCalendar };

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** A due time more than ~10 years of days away is a configuration error, not a deadline. */
const MAX_DAYS = 3_700;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The working window [open, close) of a firm-local day, or null on a day off. */
function windowOf(day: string, o: SlaClockOptions): [number, number] | null {
  if (!o.calendar.isWorkingDay(day)) return null;
  const midnight = startOfFirmDay(day, o.timeZone).getTime();
  return [midnight + toMinutes(o.workdayStart) * MINUTE, midnight + toMinutes(o.workdayEnd) * MINUTE];
}

function windowMs(o: SlaClockOptions): number {
  return Math.max(0, toMinutes(o.workdayEnd) - toMinutes(o.workdayStart)) * MINUTE;
}

/** The allowed time of a target of `minutes`, in ms of clock or working time. */
export function allowedMs(minutes: number, o: SlaClockOptions): number {
  if (o.mode === 'clock') return minutes * MINUTE;
  return Math.floor(minutes / DAY_MINUTES) * windowMs(o) + (minutes % DAY_MINUTES) * MINUTE;
}

/** `start` plus `ms` of SLA time (working time in working-hours mode). */
export function addSlaTime(start: Date, ms: number, o: SlaClockOptions): Date {
  if (o.mode === 'clock') return new Date(start.getTime() + ms);
  if (windowMs(o) <= 0) throw new RangeError('the working-hours window is empty');
  let at = start.getTime();
  let left = ms;
  let day = firmDay(start, o.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = windowOf(day, o);
    if (!w) continue;
    if (at < w[0]) at = w[0];
    if (at >= w[1]) continue;
    if (left <= w[1] - at) return new Date(at + left);
    left -= w[1] - at;
  }
  throw new RangeError('no working time within ten years');
}

/** SLA time between two instants (0 when b ≤ a). */
export function slaTimeBetween(a: Date, b: Date, o: SlaClockOptions): number {
  if (b <= a) return 0;
  if (o.mode === 'clock') return b.getTime() - a.getTime();
  let total = 0;
  const end = b.getTime();
  let day = firmDay(a, o.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = windowOf(day, o);
    if (startOfFirmDay(day, o.timeZone).getTime() >= end) break;
    if (!w) continue;
    const from = Math.max(w[0], a.getTime());
    const to = Math.min(w[1], end);
    if (to > from) total += to - from;
  }
  return total;
}

export type TargetTimes = { dueAt: Date; warnAt: Date };

/** S-2: the due time and the warning point of a target of `minutes` starting at `start`. */
export function targetTimes(start: Date, minutes: number, warnPercent: number, o: SlaClockOptions): TargetTimes {
  const ms = allowedMs(minutes, o);
  return { dueAt: addSlaTime(start, ms, o), warnAt: addSlaTime(start, Math.round((ms * warnPercent) / 100), o) };
}

/** S-3: a commitment's warning point, `warnPercent` of the way from told-at to the committed time. */
export function commitmentWarnAt(toldAt: Date, committedAt: Date, warnPercent: number, o: SlaClockOptions): Date {
  const span = slaTimeBetween(toldAt, committedAt, o);
  if (span === 0) return committedAt;
  const warn = addSlaTime(toldAt, Math.round((span * warnPercent) / 100), o);
  return warn > committedAt ? committedAt : warn;
}

export type TargetFacts = {
  dueAt: string;
  warnAt: string;
  doneAt: string | null;
  /** the base due time passed before a commitment was told */
  late: boolean;
  /** set when the request is closed */
  closedAt: string | null;
};

/** S-2/S-4: one target's state at `now`. */
export function targetState(t: TargetFacts, now: Date): SlaState {
  const due = Date.parse(t.dueAt);
  if (t.doneAt) return t.late || Date.parse(t.doneAt) > due ? 'met_late' : 'met';
  if (t.closedAt) return t.late || due < Date.parse(t.closedAt) ? 'breached' : 'cancelled';
  if (t.late || now.getTime() > due) return 'breached';
  if (now.getTime() >= Date.parse(t.warnAt)) return 'warning';
  return 'pending';
}

const SEVERITY: Record<SlaState, number> = { breached: 5, warning: 4, pending: 3, met_late: 2, met: 1, cancelled: 0 };

/** The request's headline state: the worse of its targets. */
export function worstState(...states: SlaState[]): SlaState {
  return states.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
}

/** S-3: a commitment is met when its target was done by the committed time; only the latest is in force. */
export function commitmentState(c: { committedAt: string; latest: boolean }, doneAt: string | null, now: Date): CommitmentState {
  if (!c.latest) return 'replaced';
  if (doneAt) return Date.parse(doneAt) <= Date.parse(c.committedAt) ? 'met' : 'missed';
  return now.getTime() > Date.parse(c.committedAt) ? 'missed' : 'pending';
}

/** The soonest due time of an unmet target of an open request (null when none). */
export function nextDueAt(r: { status: string; reply_due_at: string; reply_done_at: string | null; opinion_due_at: string; opinion_done_at: string | null }): string | null {
  if (r.status !== 'open') return null;
  const open = [r.reply_done_at ? null : r.reply_due_at, r.opinion_done_at ? null : r.opinion_due_at].filter((d): d is string => !!d).sort();
  return open[0] ?? null;
}
