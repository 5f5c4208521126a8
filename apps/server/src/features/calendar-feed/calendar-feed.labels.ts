import type { KeyDateKind, Locale, TouchpointKind } from '@retainer/shared';
import type { ImportantDatesTable } from '../important-dates/important-dates.table.js';

type DateKind = ImportantDatesTable['kind'];

// P-9/P-10: calendar apps and digest emails read these, not the web app, so the words live here (glossary §17;
// the same words as the web's care labels).
const LABELS = {
  'zh-CN': {
    touchpoint: {
      contact: '联系',
      visit: '拜访',
      deep_visit: '季度深度拜访',
      annual_report: '年度工作报告',
      festival_invitation: '客户节邀请',
      return_visit: '质量回访',
      care: '关怀',
      newsletter: '法律资讯',
    } satisfies Record<TouchpointKind, string>,
    keyDate: { hearing: '开庭', filing_deadline: '举证/提交期限', limitation: '诉讼时效', contract_renewal: '合同续签', other: '关键日期' } satisfies Record<KeyDateKind, string>,
    date: { birthday: '生日', wedding_anniversary: '结婚纪念日', founding_day: '成立纪念日', custom: '重要日子' } satisfies Record<DateKind, string>,
    festival: { new_year: '元旦', spring_festival: '春节', dragon_boat: '端午节', mid_autumn: '中秋节' } as Record<string, string>,
    done: '✓ 已完成',
    occasion: '关怀时机',
    client: '客户',
    matter: '事项',
    guidance: '做法',
    calendar: '律维',
    of: (who: string, client: string) => `${who}（${client}）`,
  },
  'en-US': {
    touchpoint: {
      contact: 'Contact',
      visit: 'Visit',
      deep_visit: 'Deep visit',
      annual_report: 'Annual work report',
      festival_invitation: 'Client festival invitation',
      return_visit: 'Return visit',
      care: 'Care touch',
      newsletter: 'Newsletter',
    } satisfies Record<TouchpointKind, string>,
    keyDate: { hearing: 'Hearing', filing_deadline: 'Filing deadline', limitation: 'Limitation period', contract_renewal: 'Contract renewal', other: 'Key date' } satisfies Record<KeyDateKind, string>,
    date: { birthday: 'Birthday', wedding_anniversary: 'Wedding anniversary', founding_day: 'Founding day', custom: 'Important date' } satisfies Record<DateKind, string>,
    festival: { new_year: "New Year's Day", spring_festival: 'Spring Festival', dragon_boat: 'Dragon Boat Festival', mid_autumn: 'Mid-Autumn Festival' } as Record<string, string>,
    done: '✓ Done',
    occasion: 'Occasion',
    client: 'Client',
    matter: 'Matter',
    guidance: 'How',
    calendar: 'Retainer',
    of: (who: string, client: string) => `${who} (${client})`,
  },
} as const;

export type FeedLabels = (typeof LABELS)[Locale];
export const feedLabels = (locale: Locale): FeedLabels => LABELS[locale] ?? LABELS['zh-CN'];

/**
 * A care touch's occasion as the planner stores it (care.plan.ts): a festival key, `birthday`,
 * `founding_day`, `contact_birthday:<name>` or `<date kind>:<label>`.
 */
export function occasionLabel(occasion: string, l: FeedLabels): string {
  if (l.festival[occasion]) return l.festival[occasion];
  const [head, ...rest] = occasion.split(':');
  const tail = rest.join(':');
  if (head === 'contact_birthday') return `${l.date.birthday} · ${tail}`;
  const kind = l.date[head as DateKind];
  if (!kind) return occasion;
  return tail || kind;
}
