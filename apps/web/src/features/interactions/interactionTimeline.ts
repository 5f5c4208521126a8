import { INTERACTION_KINDS, NEED_STATUSES, type TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../app/format';

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** C-8: detail lines of interaction_* and need_* timeline events. */
export function interactionTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const lines: string[] = [];
  if (e.kind.startsWith('interaction_')) {
    const head = [oneOf(INTERACTION_KINDS, d.kind) ? t(`interactions.kinds.${d.kind}`) : null, str(d.occurredAt) ? formatDateTime(str(d.occurredAt)) : null];
    if (head.some(Boolean)) lines.push(head.filter(Boolean).join(' · '));
    const summary = str(d.summary);
    if (summary) lines.push(summary);
    return lines;
  }
  const need = [str(d.area), str(d.description)].filter(Boolean).join('：');
  if (need) lines.push(need);
  if (oneOf(NEED_STATUSES, d.from) && oneOf(NEED_STATUSES, d.to)) {
    lines.push(t('timeline.fromTo', { from: t(`interactions.needs.statuses.${d.from}`), to: t(`interactions.needs.statuses.${d.to}`) }));
  }
  return lines;
}
