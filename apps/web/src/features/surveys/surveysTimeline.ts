import type { TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatDate } from '../../app/format';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** C-8: detail lines of survey events (survey_sent, survey_answered with its score). */
export function surveysTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  const lines = [str(d.title), str(d.matterTitle)];
  if (e.kind === 'survey_sent') {
    lines.push(d.channel === 'recorded' ? t('surveys.timeline.recorded') : t('surveys.timeline.link', { date: formatDate(str(d.expiresAt)) }));
  } else {
    if (typeof d.score === 'number') lines.push(t('surveys.timeline.score', { score: d.score, recommend: typeof d.recommend === 'number' ? d.recommend : '—' }));
    lines.push(d.mode === 'recorded' ? t('surveys.timeline.recordedAnswer') : t('surveys.timeline.linkAnswer'));
  }
  return lines.filter((l): l is string => !!l);
}
