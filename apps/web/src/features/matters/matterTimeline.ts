import { MATTER_STATUSES, MATTER_TYPES, type TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatFen } from '../clients/clientFormat';

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** C-8: detail lines of matter and fee events (matter_opened, matter_status_changed, fee_received, fee_deleted). */
export function matterTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const lines: string[] = [];
  const title = str(d.title);
  if (e.kind === 'matter_opened') {
    lines.push([title, oneOf(MATTER_TYPES, d.type) ? t(`matters.types.${d.type}`) : null].filter(Boolean).join(' · '));
  } else if (e.kind === 'matter_status_changed') {
    if (title) lines.push(title);
    const word = (v: unknown) => (oneOf(MATTER_STATUSES, v) ? t(`matters.statuses.${v}`) : t('common.empty'));
    lines.push(t('timeline.fromTo', { from: word(d.from), to: word(d.to) }));
    const outcome = str(d.outcome);
    if (outcome) lines.push(t('matters.timeline.outcome', { outcome }));
  } else {
    if (title) lines.push(title);
    if (typeof d.amountFen === 'number') lines.push(t('matters.timeline.fee', { amount: formatFen(d.amountFen), date: str(d.receivedOn) ?? '' }));
  }
  return lines.filter(Boolean);
}
