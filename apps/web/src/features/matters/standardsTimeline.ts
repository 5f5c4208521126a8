import { STANDARD_KINDS, type TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../app/format';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** C-8: detail lines of M-4 events (adverse_event_recorded, standard_breached). */
export function standardsTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const lines = [str(d.title)];
  if (e.kind === 'adverse_event_recorded') {
    lines.push(str(d.description));
    const occurred = str(d.occurredAt);
    const notified = str(d.notifiedAt);
    lines.push(
      [
        occurred ? t('standards.timeline.occurred', { time: formatDateTime(occurred) }) : null,
        notified ? t('standards.timeline.notified', { time: formatDateTime(notified) }) : t('standards.timeline.notNotified'),
      ]
        .filter(Boolean)
        .join(' · '),
    );
  } else if (oneOf(STANDARD_KINDS, d.standard)) {
    lines.push(t('standards.timeline.due', { kind: t(`standards.kinds.${d.standard}`), time: formatDateTime(str(d.dueAt)) }));
  }
  return lines.filter((l): l is string => !!l);
}
