import { useEffect, useState } from 'react';
import type { SlaState } from '@retainer/shared';
import type { TFunction } from 'i18next';

const MINUTE = 60_000;

/** "now", re-rendered every `ms` so countdowns tick live. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/** A span in words: "2 天 3 小时", "1 小时 5 分钟", "12 分钟". */
export function spanText(t: TFunction, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return t('requests.countdown.lessThanMinute');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('requests.countdown.days', { d, h });
  if (h > 0) return t('requests.countdown.hours', { h, m });
  return t('requests.countdown.minutes', { m });
}

/** "剩余 12 分钟" before the due time, "超时 5 分钟" after it. */
export function countdownText(t: TFunction, dueAt: string, now: number): string {
  const left = Date.parse(dueAt) - now;
  return left >= 0 ? t('requests.countdown.left', { time: spanText(t, left) }) : t('requests.countdown.over', { time: spanText(t, left) });
}

/** UI.md: one colour per state across the app (overdue red, due soon orange). */
export const SLA_COLORS: Record<SlaState, string> = {
  pending: 'blue',
  warning: 'orange',
  breached: 'red',
  met: 'green',
  met_late: 'gold',
  cancelled: 'default',
};
export const SLA_TEXT_COLORS: Partial<Record<SlaState, string>> = { warning: '#d46b08', breached: '#cf1322' };

/** The live state of an open target: the server's answer moved on by the client's clock. */
export function liveState(target: { state: SlaState; dueAt: string; warnAt: string; doneAt: string | null; breachedBeforeCommitment: boolean }, now: number): SlaState {
  if (target.state !== 'pending' && target.state !== 'warning') return target.state;
  if (now > Date.parse(target.dueAt)) return 'breached';
  if (now >= Date.parse(target.warnAt)) return 'warning';
  return 'pending';
}
