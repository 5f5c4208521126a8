import { describe, expect, it } from 'vitest';
import { SHIPPED_CHECKLISTS } from './checklist-defaults.data.js';
import { checklistProgress, daysBetween, reminderDay, reminderDue, reminderMessage, renewalDueOn, stepDueOn } from './matter-process.rules.js';

describe('checklist progress (M-3)', () => {
  it('is the floored share of steps done, 0 for an empty list', () => {
    expect(checklistProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
    expect(checklistProgress([{ done: true }, { done: false }, { done: false }])).toEqual({ done: 1, total: 3, percent: 33 });
    expect(checklistProgress([{ done: true }, { done: true }, { done: false }])).toEqual({ done: 2, total: 3, percent: 66 });
    expect(checklistProgress([{ done: true }, { done: true }])).toEqual({ done: 2, total: 2, percent: 100 });
  });

  it('dates a step by calendar days from opening, across months and leap days', () => {
    expect(stepDueOn('2026-01-10', 0)).toBe('2026-01-10');
    expect(stepDueOn('2026-01-31', 30)).toBe('2026-03-02');
    expect(stepDueOn('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('ships a template for every matter type, in order of timing, within the limits', () => {
    for (const [type, steps] of Object.entries(SHIPPED_CHECKLISTS)) {
      expect(steps.length, type).toBeGreaterThan(0);
      expect(steps.length, type).toBeLessThanOrEqual(50);
      const days = steps.map((s) => s.dueDays);
      expect(days, type).toEqual([...days].sort((a, b) => a - b));
      for (const s of steps) expect(s.title.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('key date reminders (M-5)', () => {
  it('falls due on the reminder day and stays due until the date, never after', () => {
    const k = { date: '2026-12-03', remind_days_before: 3 };
    expect(reminderDay(k.date, 3)).toBe('2026-11-30');
    expect(reminderDue(k, '2026-11-29')).toBe(false);
    expect(reminderDue(k, '2026-11-30')).toBe(true);
    expect(reminderDue(k, '2026-12-03')).toBe(true);
    expect(reminderDue(k, '2026-12-04')).toBe(false);
    expect(reminderDue({ date: '2026-12-03', remind_days_before: 0 }, '2026-12-02')).toBe(false);
    expect(reminderDue({ date: '2026-12-03', remind_days_before: 0 }, '2026-12-03')).toBe(true);
  });

  it('says how many days are left in the lead lawyer\'s language', () => {
    const k = { kind: 'hearing', title: '一审开庭', date: '2026-12-03', time: '09:30' };
    expect(reminderMessage('zh-CN', k, '云帆诉星河', daysBetween('2026-11-30', k.date))).toBe('「云帆诉星河」的开庭「一审开庭」还有 3 天（2026-12-03 09:30）');
    expect(reminderMessage('en-US', { ...k, time: null }, 'A v B', 0)).toBe('Hearing "一审开庭" of A v B is today (2026-12-03)');
  });
});

describe('retainer renewal (M-5)', () => {
  it('is due 60 days before expiry, or today when set up later than that', () => {
    expect(renewalDueOn('2027-03-01', '2026-11-25')).toBe('2026-12-31');
    expect(renewalDueOn('2026-12-31', '2026-11-25')).toBe('2026-11-25');
  });
});
