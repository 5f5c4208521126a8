import { RENEWAL_LEAD_DAYS, type ChecklistProgress, type Locale } from '@retainer/shared';
import { addDays } from '../../plugins/days.js';

// Pure rules of M-3 checklists and M-5 key dates; days are firm-local 'YYYY-MM-DD'.

/** M-3: progress is the share of steps done, in whole percent (floored, so 100 means all done). */
export function checklistProgress(steps: readonly { done: boolean }[]): ChecklistProgress {
  const total = steps.length;
  const done = steps.filter((s) => s.done).length;
  return { done, total, percent: total ? Math.floor((done * 100) / total) : 0 };
}

/** M-3: a step is due its expected timing in calendar days after the matter's opening date. */
export const stepDueOn = (openedOn: string, dueDays: number) => addDays(openedOn, dueDays);

/** M-5: the day a key date's reminder is sent. */
export const reminderDay = (date: string, remindDaysBefore: number) => addDays(date, -remindDaysBefore);

/** M-5: remind on or after the reminder day, and never once the date itself has passed. */
export const reminderDue = (k: { date: string; remind_days_before: number }, today: string) =>
  reminderDay(k.date, k.remind_days_before) <= today && k.date >= today;

/**
 * M-5: the renewal task is due RENEWAL_LEAD_DAYS before the retainer expires; one set up later than
 * that is due the firm's today rather than born overdue.
 */
export function renewalDueOn(expiresOn: string, today: string): string {
  const due = addDays(expiresOn, -RENEWAL_LEAD_DAYS);
  return due < today ? today : due;
}

export const RENEWAL_TEXT: Record<Locale, { task: (client: string) => string; keyDate: string }> = {
  'zh-CN': { task: (client) => `常年法律顾问续约：${client}`, keyDate: '常年法律顾问到期' },
  'en-US': { task: (client) => `Retainer renewal: ${client}`, keyDate: 'Retainer expires' },
};

const KIND_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { hearing: '开庭', filing_deadline: '举证/提交期限', limitation: '诉讼时效', contract_renewal: '合同续签', other: '关键日期' },
  'en-US': { hearing: 'Hearing', filing_deadline: 'Filing deadline', limitation: 'Limitation period', contract_renewal: 'Contract renewal', other: 'Key date' },
};

/** M-5: the reminder's words, in the lead lawyer's language. */
export function reminderMessage(
  locale: Locale,
  k: { kind: string; title: string; date: string; time: string | null },
  matterTitle: string,
  daysLeft: number,
): string {
  const kind = KIND_NAMES[locale][k.kind] ?? k.kind;
  const when = k.time ? `${k.date} ${k.time}` : k.date;
  if (locale === 'en-US') {
    const left = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
    return `${kind} "${k.title}" of ${matterTitle} is ${left} (${when})`;
  }
  const left = daysLeft === 0 ? '就在今天' : `还有 ${daysLeft} 天`;
  return `「${matterTitle}」的${kind}「${k.title}」${left}（${when}）`;
}

/** Whole days from a to b (calendar days). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
