import type { TFunction } from 'i18next';
import { daysOverdue } from '../care/careFormat';

export type DueTone = 'danger' | 'warning' | 'secondary';

/** "逾期 3 天" (red) / "今天" (orange) / "2 天后" (orange within a week). */
export function dueNote(t: TFunction, dueOn: string, today: string): { text: string; tone: DueTone } {
  const late = daysOverdue(dueOn, today);
  if (late > 0) return { text: t('myDay.due.overdue', { count: late }), tone: 'danger' };
  if (late === 0) return { text: t('myDay.due.today'), tone: 'warning' };
  return { text: t('myDay.due.inDays', { count: -late }), tone: -late <= 7 ? 'warning' : 'secondary' };
}

/** A calendar day with its weekday: "2月6日（周六）" / "Sat, Feb 6". */
export function dayWithWeekday(t: TFunction, language: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(Date.UTC(y, m - 1, d));
  const lang = language === 'en-US' ? 'en-US' : 'zh-CN';
  const md = new Intl.DateTimeFormat(lang, { month: lang === 'en-US' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(date);
  return t('myDay.dayWithWeekday', { date: md, weekday });
}
