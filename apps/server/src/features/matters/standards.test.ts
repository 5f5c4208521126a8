// M-4 due-time rules on the shipped holiday table (2026 notice).
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from '../calendar/holidays.data.js';
import { buildCalendarTable, workingDayCalendar } from '../calendar/working-days.js';
import { adverseEventDue, breachOnCompletion, briefsDue, endOfFirmDay, mondayOf, statusOf, surveyDue, timelineDue } from './standards.rules.js';

const cal = workingDayCalendar(buildCalendarTable(SHIPPED_CALENDAR, SHIPPED_CALENDAR.flatMap((y) => y.days)), 'Asia/Shanghai');
const iso = (d: Date) => d.toISOString();

describe('project timeline', () => {
  it('is due at the end of the 3rd working day after engagement, the engagement day never counting', () => {
    // Mon 2026-11-23 15:00 Beijing → Tue, Wed, Thu
    expect(iso(timelineDue(cal, new Date('2026-11-23T07:00:00Z')))).toBe('2026-11-26T15:59:59.999Z');
    // engaged late on a Friday: Mon, Tue, Wed of the next week
    expect(iso(timelineDue(cal, new Date('2026-11-20T15:30:00Z')))).toBe('2026-11-25T15:59:59.999Z');
  });

  it('skips the National Day break: engaged Wed 2026-09-30 → Thu 10-08, Fri 10-09, make-up Sat 10-10', () => {
    expect(iso(timelineDue(cal, new Date('2026-09-30T02:00:00Z')))).toBe('2026-10-10T15:59:59.999Z');
  });

  it('skips the Mid-Autumn Friday: engaged Thu 2026-09-24 → Mon 09-28, Tue 09-29, Wed 09-30', () => {
    expect(iso(timelineDue(cal, new Date('2026-09-24T02:00:00Z')))).toBe('2026-09-30T15:59:59.999Z');
  });
});

describe('weekly briefs', () => {
  it('owes this and next Friday, end of day firm time', () => {
    expect(briefsDue(cal, new Date('2026-11-23T02:00:00Z')).map((b) => [b.weekOf, iso(b.dueAt)])).toEqual([
      ['2026-11-23', '2026-11-27T15:59:59.999Z'],
      ['2026-11-30', '2026-12-04T15:59:59.999Z'],
    ]);
  });

  it('moves to Thursday when Friday is a holiday (Mid-Autumn 2026-09-25), and to Wednesday before National Day', () => {
    expect(briefsDue(cal, new Date('2026-09-21T02:00:00Z')).map((b) => [b.weekOf, iso(b.dueAt)])).toEqual([
      ['2026-09-21', '2026-09-24T15:59:59.999Z'],
      ['2026-09-28', '2026-09-30T15:59:59.999Z'],
    ]);
  });

  it('owes none in a week without a working day (Spring Festival 2026-02-16…20)', () => {
    expect(briefsDue(cal, new Date('2026-02-10T02:00:00Z')).map((b) => b.weekOf)).toEqual(['2026-02-09']);
  });

  it('never creates a week whose brief day has passed (a Saturday owes only next week)', () => {
    expect(briefsDue(cal, new Date('2026-11-28T02:00:00Z')).map((b) => b.weekOf)).toEqual(['2026-11-30']);
    // on the brief day itself the week is still owed
    expect(briefsDue(cal, new Date('2026-11-27T12:00:00Z')).map((b) => b.weekOf)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('weeks start on Monday', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});

describe('adverse events, surveys and status', () => {
  it('tells the client within one hour; surveys within 7 calendar days of closing', () => {
    expect(iso(adverseEventDue(new Date('2026-11-24T01:30:00Z')))).toBe('2026-11-24T02:30:00.000Z');
    expect(surveyDue('2026-11-25', 'Asia/Shanghai')).toEqual({ dueOn: '2026-12-02', dueAt: new Date('2026-12-02T15:59:59.999Z') });
    expect(iso(endOfFirmDay('2026-11-25', 'Asia/Shanghai'))).toBe('2026-11-25T15:59:59.999Z');
  });

  it('derives breached from the flag or from being overdue and not done', () => {
    const due = '2026-11-24T02:30:00.000Z';
    expect(statusOf({ status: 'open', due_at: due, breached_at: null }, '2026-11-24T02:00:00.000Z')).toBe('open');
    expect(statusOf({ status: 'open', due_at: due, breached_at: null }, '2026-11-24T03:00:00.000Z')).toBe('breached');
    expect(statusOf({ status: 'done', due_at: due, breached_at: null }, '2026-11-24T03:00:00.000Z')).toBe('done');
    expect(statusOf({ status: 'done', due_at: due, breached_at: '2026-11-24T03:00:00.000Z' }, '2026-11-25T00:00:00.000Z')).toBe('breached');
    expect(statusOf({ status: 'cancelled', due_at: due, breached_at: null }, '2026-11-25T00:00:00.000Z')).toBe('cancelled');
  });

  it('keeps the first breach time on a late completion and clears a provisional flag when done on time', () => {
    const row = { due_at: '2026-11-24T02:30:00.000Z', breached_at: '2026-11-24T02:45:00.000Z' };
    expect(breachOnCompletion(row, '2026-11-24T05:00:00.000Z', '2026-11-24T06:00:00.000Z')).toBe('2026-11-24T02:45:00.000Z');
    expect(breachOnCompletion({ ...row, breached_at: null }, '2026-11-24T05:00:00.000Z', '2026-11-24T06:00:00.000Z')).toBe('2026-11-24T06:00:00.000Z');
    expect(breachOnCompletion(row, '2026-11-24T02:00:00.000Z', '2026-11-24T06:00:00.000Z')).toBeNull();
  });
});
