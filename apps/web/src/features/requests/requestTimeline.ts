import { REQUEST_CHANNELS, SLA_TARGETS, type TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../app/format';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** C-8: detail lines of S-1..S-3 events (request_received, _replied, _opinion_given, _committed, _closed). */
export function requestTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const lines = [str(d.subject)];
  if (e.kind === 'request_received' && oneOf(REQUEST_CHANNELS, d.channel)) {
    lines.push(t('requests.detail.received', { channel: t(`requests.channels.${d.channel}`), at: formatDateTime(str(d.receivedAt)) }));
  }
  if ((e.kind === 'request_replied' || e.kind === 'request_opinion_given') && str(d.at)) {
    lines.push(`${t('requests.countdown.doneAt', { at: formatDateTime(str(d.at)) })}${d.onTime === false ? t('requests.timeline.late') : ''}`);
  }
  if (e.kind === 'request_committed' && oneOf(SLA_TARGETS, d.target)) {
    lines.push(t('requests.timeline.committedTo', { target: t(`requests.timeline.target.${d.target}`), at: formatDateTime(str(d.committedAt)) }));
  }
  lines.push(str(d.note));
  return lines.filter((l): l is string => !!l);
}
