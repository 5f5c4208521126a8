// M-6 rules on the shipped table (holidays.data.ts); the cases are days the 2025 and 2026 notices name.
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from './holidays.data.js';
import { buildCalendarTable, workingDayCalendar } from './working-days.js';

const table = buildCalendarTable(
  SHIPPED_CALENDAR,
  SHIPPED_CALENDAR.flatMap((y) => y.days),
);
const cal = workingDayCalendar(table, 'Asia/Shanghai');
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

describe('isWorkingDay', () => {
  it('works the 2025 Spring Festival make-up days (Sun 01-26, Sat 02-08) and rests 01-28…02-04', () => {
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
    expect(range('2025-01-28', '2025-02-04').filter((d) => cal.isWorkingDay(d))).toEqual([]);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true); // Monday before
    expect(cal.isWorkingDay('2025-02-05')).toBe(true); // Wednesday after
    expect(cal.isWorkingDay('2025-02-09')).toBe(false); // an ordinary Sunday
  });

  it('rests 2025-10-01…08 and works Sun 09-28 and Sat 10-11', () => {
    expect(range('2025-10-01', '2025-10-08').map((d) => cal.isWorkingDay(d))).toEqual(Array(8).fill(false));
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('follows the 2026 Spring Festival: Sat 02-14 worked, 02-15…23 off, Sat 02-28 worked', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(range('2026-02-15', '2026-02-23').some((d) => cal.isWorkingDay(d))).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.day('2026-02-17')).toEqual({ date: '2026-02-17', weekday: 2, working: false, kind: 'holiday', name: '春节', fallback: false });
  });

  it('answers an instant by its day in the firm time zone', () => {
    // 2025-09-30 16:30 UTC is already Wednesday 2025-10-01 (国庆节) in Shanghai
    expect(cal.isWorkingDay(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(cal.isWorkingDay(new Date('2025-09-30T15:30:00Z'))).toBe(true);
  });

  it('falls back to Monday–Friday outside the table and says so', () => {
    // 2024-10-01 was in fact a holiday, but 2024 is not in the table
    expect(cal.day('2024-10-01')).toMatchObject({ working: true, kind: null, fallback: true });
    expect(cal.day('2028-01-01')).toMatchObject({ working: false, fallback: true }); // a Saturday
    expect(cal.day('2025-03-03')).toMatchObject({ working: true, fallback: false });
    expect(cal.covers(2027)).toBe(true);
    expect(cal.covers(2028)).toBe(false);
  });

  it('follows the provisional 2027 table, substitute days included', () => {
    expect(cal.isWorkingDay('2027-02-05')).toBe(false); // 除夕
    expect(cal.isWorkingDay('2027-05-03')).toBe(false); // 劳动节（补假）
    expect(cal.isWorkingDay('2027-02-11')).toBe(true);
    expect(cal.day('2027-10-04')).toMatchObject({ name: '国庆节（补假）', fallback: false });
  });
});

describe('briefDay (M-4: Friday, or the previous working day of that week)', () => {
  it('is the Friday of an ordinary week, whichever day of the week is given', () => {
    for (const d of range('2025-03-03', '2025-03-09')) expect(cal.briefDay(d)).toEqual({ date: '2025-03-07', fallback: false });
  });

  it('moves to Thursday when Friday is a holiday', () => {
    expect(cal.briefDay('2025-04-04').date).toBe('2025-04-03'); // 清明节 Friday
    expect(cal.briefDay('2026-06-19').date).toBe('2026-06-18'); // 端午节 Friday
  });

  it('moves further back when Wednesday to Friday are all off: the week of 2025-10-03 briefs on Tuesday 09-30', () => {
    expect(cal.briefDay('2025-10-03').date).toBe('2025-09-30');
    expect(cal.briefDay('2025-09-28').date).toBe('2025-09-26'); // Sunday 09-28 (worked) belongs to the week before
    expect(cal.briefDay('2026-10-01').date).toBe('2026-09-30');
    expect(cal.briefDay('2026-01-02').date).toBe('2025-12-31'); // the week across New Year
  });

  it('is Friday again the week the holiday ends (2025-10-06…12: Mon–Wed off)', () => {
    expect(cal.briefDay('2025-10-08').date).toBe('2025-10-10');
  });

  it('is null when Monday to Friday are all off (2026 Spring Festival week), never a weekend make-up day', () => {
    expect(cal.briefDay('2026-02-18')).toEqual({ date: null, fallback: false });
    expect(cal.briefDay('2026-02-22').date).toBeNull(); // its Sunday
    expect(cal.briefDay('2026-02-14').date).toBe('2026-02-13'); // the week before: Friday, not the worked Saturday
  });

  it('takes an instant in the firm time zone', () => {
    // Sunday 17:00 UTC is Monday 01:00 in Shanghai: the next week
    expect(cal.briefDay(new Date('2025-03-09T17:00:00Z')).date).toBe('2025-03-14');
    expect(cal.briefDay(new Date('2025-03-09T15:00:00Z')).date).toBe('2025-03-07');
  });

  it('flags a week outside the table', () => {
    expect(cal.briefDay('2024-10-02')).toEqual({ date: '2024-10-04', fallback: true });
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('counts make-up workdays and skips holidays', () => {
    expect(cal.addWorkingDays('2025-09-30', 3)).toEqual({ date: '2025-10-11', fallback: false });
    expect(cal.addWorkingDays('2025-01-24', 1).date).toBe('2025-01-26'); // Friday → the worked Sunday
    expect(cal.addWorkingDays('2025-01-26', 1).date).toBe('2025-01-27');
    expect(cal.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24');
    expect(cal.addWorkingDays('2025-03-07', 5).date).toBe('2025-03-14');
  });

  it('with n = 0 keeps a working day and rolls a day off forward', () => {
    expect(cal.addWorkingDays('2025-09-30', 0).date).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-01', 0).date).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-03-08', 0).date).toBe('2025-03-10');
  });

  it('flags an answer that needed a year outside the table', () => {
    expect(cal.addWorkingDays('2027-12-30', 3)).toEqual({ date: '2028-01-04', fallback: true });
    expect(cal.addWorkingDays('2027-12-28', 2)).toEqual({ date: '2027-12-30', fallback: false });
  });

  it('counts the working days after a and up to b', () => {
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-11')).toEqual({ days: 3, fallback: false });
    expect(cal.workingDaysBetween('2025-10-11', '2025-09-30')).toEqual({ days: -3, fallback: false });
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-08').days).toBe(0);
    expect(cal.workingDaysBetween('2025-05-05', '2025-05-05').days).toBe(0);
    // 2025: 365 days − 104 weekend days − 18 weekday holidays + 5 make-up days = 248 = 365 − 104 − 13 statutory days
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toEqual({ days: 248, fallback: false });
    expect(cal.workingDaysBetween('2025-01-01', '2025-12-31').days).toBe(248); // 01-01 is a holiday anyway
    // 2026: 365 − 104 − 19 + 6 = 248
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toEqual({ days: 248, fallback: false });
  });

  it('is the inverse of addWorkingDays across the whole table', () => {
    for (const start of range('2024-12-20', '2027-12-20').filter((_, i) => i % 3 === 0)) {
      for (const n of [1, 2, 3, 7]) {
        const end = cal.addWorkingDays(start, n).date;
        expect(cal.workingDaysBetween(start, end).days, `${start} + ${n}`).toBe(n);
      }
    }
  });

  it('refuses malformed days and negative or fractional counts', () => {
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-3-1', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-01', 1.5)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2025-03-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('dueAfterWorkingDays ("within 3 working days of engagement")', () => {
  it('is the end of the 3rd working day after the engagement day, firm time', () => {
    // engaged Tuesday 2025-09-30 15:00 Beijing: Oct 1–8 off, then Thu 9, Fri 10, the worked Sat 11
    const due = cal.dueAfterWorkingDays(new Date('2025-09-30T07:00:00Z'), 3);
    expect(due).toEqual({ date: '2025-10-11', dueAt: new Date('2025-10-11T15:59:59.999Z'), fallback: false });
  });

  it('starts from the engagement day in the firm time zone, whatever the hour', () => {
    // Thursday 23:30 Beijing: the next working day is Friday 01-24
    expect(cal.dueAfterWorkingDays(new Date('2025-01-23T15:30:00Z'), 1).date).toBe('2025-01-24');
    // Friday 00:30 Beijing (still Thursday in UTC): Friday itself does not count; the next is the worked Sunday
    expect(cal.dueAfterWorkingDays(new Date('2025-01-23T16:30:00Z'), 1).date).toBe('2025-01-26');
  });
});
