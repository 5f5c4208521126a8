import type { TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';

const FIELDS = ['grade', 'tier', 'status', 'quadrant'] as const;
type Field = (typeof FIELDS)[number];
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** K-6: "层级：潜力客户 → 核心客户 · 规则" with the person's reason when set by hand. */
export function classificationTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const field = (FIELDS as readonly string[]).includes(String(d.field)) ? (d.field as Field) : null;
  if (!field) return [];
  const word = (v: unknown) => {
    const s = str(v);
    if (s === null) return t('common.empty');
    if (field === 'grade') return t(`clients.grades.${s as 'A'}`);
    if (field === 'tier') return t(`clients.tiers.${s as 'core'}`);
    if (field === 'status') return t(`clients.statuses.${s as 'active'}`);
    return t(`classification.quadrants.${s as 'golden'}`);
  };
  const lines = [`${t(`classification.fields.${field}`)}${t('client.colon')}${t('timeline.fromTo', { from: word(d.from), to: word(d.to) })}`];
  lines.push(d.cause === 'manual' ? t('classification.timeline.manual') : t('classification.timeline.rule'));
  const reason = str(d.reason);
  if (reason) lines.push(t('timeline.reason', { reason }));
  return lines;
}
