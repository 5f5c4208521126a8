// S-2..S-4 arithmetic; Beijing time (+08:00) throughout, calendar = the shipped 2025/2026 holiday table.
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from '../calendar/holidays.data.js';
import { buildCalendarTable, workingDayCalendar } from '../calendar/working-days.js';
import {
  addSlaTime,
  allowedMs,
  commitmentState,
  commitmentWarnAt,
  nextDueAt,
  slaTimeBetween,
  targetState,
  targetTimes,
  worstState,
  type SlaClockOptions,
} from './requests.sla.js';

const calendar = workingDayCalendar(buildCalendarTable(SHIPPED_CALENDAR, SHIPPED_CALENDAR.flatMap((y) => y.days)), 'Asia/Shanghai');
const base = { workdayStart: '09:00', workdayEnd: '18:00', timeZone: 'Asia/Shanghai', calendar };
const clock: SlaClockOptions = { ...base, mode: 'clock' };
const hours: SlaClockOptions = { ...base, mode: 'working_hours' };
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => bj(local).toISOString();

describe('clock mode', () => {
  it('A: reply due 15 min after received, warning at 12 min; opinion 24 h, warning at 19.2 h', () => {
    const at = bj('2026-11-25T10:00:00');
    expect(targetTimes(at, 15, 80, clock)).toEqual({ dueAt: bj('2026-11-25T10:15:00'), warnAt: bj('2026-11-25T10:12:00') });
    expect(targetTimes(at, 24 * 60, 80, clock)).toEqual({ dueAt: bj('2026-11-26T10:00:00'), warnAt: bj('2026-11-26T05:12:00') });
  });

  it('runs through nights, weekends and holidays', () => {
    const at = bj('2025-09-30T17:00:00');
    expect(targetTimes(at, 72 * 60, 80, clock).dueAt).toEqual(bj('2025-10-03T17:00:00'));
  });
});

describe('working-hours mode', () => {
  it('a 24 h target is one working day: A opinion received Fri 16:00 is due Mon 16:00', () => {
    expect(allowedMs(24 * 60, hours)).toBe(9 * 3_600_000);
    expect(targetTimes(bj('2026-11-27T16:00:00'), 24 * 60, 80, hours).dueAt).toEqual(bj('2026-11-30T16:00:00'));
  });

  it('carries a reply over the weekend: Fri 17:50 + 15 min → Mon 09:05', () => {
    expect(targetTimes(bj('2026-11-27T17:50:00'), 15, 80, hours).dueAt).toEqual(bj('2026-11-30T09:05:00'));
  });

  it('starts a request received outside hours at the next opening', () => {
    expect(targetTimes(bj('2026-11-28T10:00:00'), 15, 80, hours)).toEqual({ dueAt: bj('2026-11-30T09:15:00'), warnAt: bj('2026-11-30T09:12:00') });
    expect(targetTimes(bj('2026-11-25T07:30:00'), 60, 80, hours).dueAt).toEqual(bj('2026-11-25T10:00:00'));
    expect(targetTimes(bj('2026-11-25T21:00:00'), 60, 80, hours).dueAt).toEqual(bj('2026-11-26T10:00:00'));
  });

  it('ends at closing time rather than the next morning when the time fits exactly', () => {
    expect(addSlaTime(bj('2026-11-25T17:00:00'), 3_600_000, hours)).toEqual(bj('2026-11-25T18:00:00'));
  });

  it('skips the National Day holiday (2025-10-01…08)', () => {
    // C reply 4 h from Tue 09-30 17:00: 1 h that day, 3 h on Thu 10-09
    expect(targetTimes(bj('2025-09-30T17:00:00'), 4 * 60, 80, hours).dueAt).toEqual(bj('2025-10-09T12:00:00'));
  });

  it('counts make-up workdays (Sat 2025-10-11)', () => {
    expect(targetTimes(bj('2025-10-10T17:30:00'), 60, 80, hours).dueAt).toEqual(bj('2025-10-11T09:30:00'));
    // and an ordinary Saturday does not count
    expect(targetTimes(bj('2025-10-17T17:30:00'), 60, 80, hours).dueAt).toEqual(bj('2025-10-20T09:30:00'));
  });

  it('places the warning point in working time too', () => {
    // B opinion 48 h = 18 working hours from Fri 17:00: 1 h Fri, 9 h Mon, 4.4 h Tue → warning Tue 13:24
    const t = targetTimes(bj('2026-11-27T17:00:00'), 48 * 60, 80, hours);
    expect(t.dueAt).toEqual(bj('2026-12-01T17:00:00'));
    expect(t.warnAt).toEqual(bj('2026-12-01T13:24:00'));
  });

  it('measures working time between two instants', () => {
    expect(slaTimeBetween(bj('2026-11-27T17:00:00'), bj('2026-11-30T10:00:00'), hours)).toBe(2 * 3_600_000);
    expect(slaTimeBetween(bj('2026-11-30T10:00:00'), bj('2026-11-27T17:00:00'), hours)).toBe(0);
    expect(slaTimeBetween(bj('2026-11-27T17:00:00'), bj('2026-11-30T10:00:00'), clock)).toBe(65 * 3_600_000);
  });
});

describe('state', () => {
  const facts = { dueAt: iso('2026-11-25T10:15:00'), warnAt: iso('2026-11-25T10:12:00'), doneAt: null, late: false, closedAt: null };

  it('is in warning from exactly 80% and breached only after the due time', () => {
    expect(targetState(facts, new Date(bj('2026-11-25T10:12:00').getTime() - 1))).toBe('pending');
    expect(targetState(facts, bj('2026-11-25T10:12:00'))).toBe('warning');
    expect(targetState(facts, bj('2026-11-25T10:15:00'))).toBe('warning');
    expect(targetState(facts, new Date(bj('2026-11-25T10:15:00').getTime() + 1))).toBe('breached');
  });

  it('is met when done by the due time, met late after', () => {
    expect(targetState({ ...facts, doneAt: iso('2026-11-25T10:15:00') }, bj('2026-11-26T00:00:00'))).toBe('met');
    expect(targetState({ ...facts, doneAt: iso('2026-11-25T10:16:00') }, bj('2026-11-26T00:00:00'))).toBe('met_late');
  });

  it('a commitment told after the breach: the breach stands, the commitment is tracked', () => {
    const committed = { ...facts, dueAt: iso('2026-11-26T17:00:00'), warnAt: iso('2026-11-26T13:00:00'), late: true };
    expect(targetState(committed, bj('2026-11-25T12:00:00'))).toBe('breached');
    expect(targetState({ ...committed, doneAt: iso('2026-11-26T16:00:00') }, bj('2026-11-27T00:00:00'))).toBe('met_late');
    expect(commitmentState({ committedAt: committed.dueAt, latest: true }, iso('2026-11-26T16:00:00'), bj('2026-11-27T00:00:00'))).toBe('met');
  });

  it('a commitment told in time replaces the due time', () => {
    const committed = { ...facts, dueAt: iso('2026-11-26T17:00:00'), warnAt: iso('2026-11-26T11:24:00') };
    expect(targetState(committed, bj('2026-11-25T12:00:00'))).toBe('pending');
    expect(targetState(committed, bj('2026-11-26T12:00:00'))).toBe('warning');
    expect(targetState({ ...committed, doneAt: iso('2026-11-26T17:00:00') }, bj('2026-11-27T00:00:00'))).toBe('met');
  });

  it('tracks commitments: pending, met, missed, replaced', () => {
    const c = { committedAt: iso('2026-11-26T17:00:00'), latest: true };
    expect(commitmentState(c, null, bj('2026-11-26T16:59:00'))).toBe('pending');
    expect(commitmentState(c, null, bj('2026-11-26T17:01:00'))).toBe('missed');
    expect(commitmentState(c, iso('2026-11-26T17:30:00'), bj('2026-11-27T00:00:00'))).toBe('missed');
    expect(commitmentState({ ...c, latest: false }, null, bj('2026-11-27T00:00:00'))).toBe('replaced');
  });

  it('warns a commitment at 80% of the span from told-at to the committed time', () => {
    expect(commitmentWarnAt(bj('2026-11-25T10:00:00'), bj('2026-11-26T17:00:00'), 80, clock)).toEqual(bj('2026-11-26T10:48:00'));
    // working hours: 10:00–18:00 (8 h) + 09:00–17:00 (8 h) = 16 h → 12.8 h → next day 13:48
    expect(commitmentWarnAt(bj('2026-11-25T10:00:00'), bj('2026-11-26T17:00:00'), 80, hours)).toEqual(bj('2026-11-26T13:48:00'));
  });

  it('closed before an unmet target fell due: cancelled; after: breached', () => {
    expect(targetState({ ...facts, closedAt: iso('2026-11-25T10:14:00') }, bj('2026-11-26T00:00:00'))).toBe('cancelled');
    expect(targetState({ ...facts, closedAt: iso('2026-11-25T10:20:00') }, bj('2026-11-26T00:00:00'))).toBe('breached');
  });

  it('headlines the worst state and the soonest open due time', () => {
    expect(worstState('met', 'warning')).toBe('warning');
    expect(worstState('pending', 'breached')).toBe('breached');
    expect(worstState('met', 'met_late')).toBe('met_late');
    const row = { status: 'open', reply_due_at: 'a', reply_done_at: null, opinion_due_at: 'b', opinion_done_at: null };
    expect(nextDueAt(row)).toBe('a');
    expect(nextDueAt({ ...row, reply_done_at: 'x' })).toBe('b');
    expect(nextDueAt({ ...row, status: 'closed' })).toBeNull();
  });
});
