import type { TFunction } from 'i18next';
import type { Touchpoint, TouchpointKind } from '@retainer/shared';
import dayjs from 'dayjs';
import { FIRM_TIME_ZONE } from '../../app/format';

const FESTIVALS = ['spring_festival', 'mid_autumn', 'dragon_boat', 'new_year'] as const;
const DATE_KINDS = ['birthday', 'wedding_anniversary', 'founding_day', 'custom'] as const;
type Festival = (typeof FESTIVALS)[number];
type DateKind = (typeof DATE_KINDS)[number];
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export const PERIODIC_LABELS = { 1: 'yearly', 2: 'halfYearly', 3: 'fourMonthly', 4: 'quarterly', 6: 'bimonthly', 12: 'monthly' } as const;

/** 每季度 / 每月 …; care touches are counted: 每年 3 次. */
export function cadenceLabel(t: TFunction, kind: TouchpointKind, perYear: number): string {
  if (kind === 'care') return t('care.cadence.careTimes', { count: perYear });
  const key = PERIODIC_LABELS[perYear as keyof typeof PERIODIC_LABELS];
  return key ? t(`care.cadence.${key}`) : t('care.cadence.timesPerYear', { count: perYear });
}

/** What a care touch is for: 春节, 生日, 联系人张三生日, 张总 · 结婚纪念日 … */
export function occasionLabel(t: TFunction, occasion: string | null): string | null {
  if (!occasion) return null;
  if (isOneOf<Festival>(FESTIVALS, occasion)) return t(`care.festivals.${occasion}`);
  if (occasion === 'birthday') return t('care.occasions.birthday');
  if (occasion === 'founding_day') return t('care.occasions.foundingDay');
  const at = occasion.indexOf(':');
  if (at < 0) return occasion;
  const head = occasion.slice(0, at);
  const rest = occasion.slice(at + 1).trim();
  if (head === 'contact_birthday') return t('care.occasions.contactBirthday', { name: rest });
  if (isOneOf<DateKind>(DATE_KINDS, head)) {
    if (head === 'custom') return rest || t('dates.kinds.custom');
    return rest ? `${rest} · ${t(`dates.kinds.${head}`)}` : t(`dates.kinds.${head}`);
  }
  return occasion;
}

/** "春节 · 2027-02-06" for care touches; the kind alone otherwise. */
export function touchpointTitle(t: TFunction, tp: Touchpoint): { kind: string; occasion: string | null } {
  const occ = occasionLabel(t, tp.occasion);
  return { kind: t(`care.kinds.${tp.kind}`), occasion: occ ? (tp.occasionOn ? `${occ} · ${tp.occasionOn}` : occ) : null };
}

export function firmToday(): string {
  return dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD');
}

/** Days a due date lies behind today (positive when overdue). */
export function daysOverdue(dueOn: string, today = firmToday()): number {
  return dayjs(today).diff(dayjs(dueOn), 'day');
}
