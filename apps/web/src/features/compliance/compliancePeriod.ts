import dayjs from 'dayjs';
import { firmToday } from '../care/careFormat';

export const PERIODS = ['month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** The calendar month, quarter or year around today (firm time); the server counts up to today. */
export function periodRange(period: Exclude<Period, 'custom'>, today = firmToday()): { from: string; to: string } {
  const d = dayjs(today);
  if (period === 'quarter') {
    const first = d.month(Math.floor(d.month() / 3) * 3).startOf('month');
    return { from: first.format('YYYY-MM-DD'), to: first.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
  }
  return { from: d.startOf(period).format('YYYY-MM-DD'), to: d.endOf(period).format('YYYY-MM-DD') };
}

/** P-7 thresholds: ≥90 % green, ≥70 % orange, below red. */
export function rateColor(rate: number | null): string {
  if (rate === null) return '#bfbfbf';
  return rate >= 0.9 ? '#52c41a' : rate >= 0.7 ? '#fa8c16' : '#f5222d';
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
