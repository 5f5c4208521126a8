import type { CalendarYearUpdate } from '@retainer/shared';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from './holidays.data.js';
import { yearTableIssues } from './working-days.rules.js';

const year = (days: CalendarYearUpdate['days'], source = '国务院办公厅关于2025年部分节假日安排的通知'): CalendarYearUpdate => ({
  status: 'official',
  source,
  days,
});

describe('yearTableIssues (a year is refused whole, with every reason)', () => {
  it('accepts every shipped year as it stands', () => {
    for (const y of SHIPPED_CALENDAR) expect(yearTableIssues(y.year, { status: y.status, source: y.source, days: y.days }, 'zh-CN')).toEqual([]);
  });

  it('allows a holiday on a weekend (the notices list them) but not a make-up workday on a weekday', () => {
    expect(yearTableIssues(2025, year([{ date: '2025-02-01', kind: 'holiday', name: '春节' }]), 'zh-CN')).toEqual([]);
    expect(yearTableIssues(2025, year([{ date: '2025-01-26', kind: 'workday', name: '春节' }]), 'zh-CN')).toEqual([]);
    expect(yearTableIssues(2025, year([{ date: '2025-01-27', kind: 'workday', name: '春节' }]), 'en-US')).toEqual([
      { field: 'days.0.date', message: 'A make-up workday must be a Saturday or Sunday (this is a Monday)' },
    ]);
  });

  it('names the first row of a date listed twice, however many times it repeats', () => {
    const d = { date: '2025-10-01', kind: 'holiday' as const, name: '国庆节' };
    expect(yearTableIssues(2025, year([d, { ...d, date: '2025-10-02' }, d, d]), 'zh-CN')).toEqual([
      { field: 'days.2.date', message: '与第 1 行日期重复' },
      { field: 'days.3.date', message: '与第 1 行日期重复' },
    ]);
  });

  it('refuses impossible, malformed and other-year dates, and blank names and sources', () => {
    const issues = yearTableIssues(
      2026,
      year(
        [
          { date: '2026-02-29', kind: 'holiday', name: '春节' },
          { date: '26-02-17', kind: 'holiday', name: '春节' },
          { date: '2025-02-17', kind: 'holiday', name: '春节' },
          { date: '2026-02-17', kind: 'holiday', name: '   ' },
        ],
        ' ',
      ),
      'en-US',
    );
    expect(issues.map((i) => i.field)).toEqual(['source', 'days.0.date', 'days.1.date', 'days.2.date', 'days.3.name']);
    expect(issues[3]!.message).toBe('Not in 2026');
  });
});
