import { COMPLAINT_CAUSES, COMPLAINT_CHANNELS, type ComplaintStage, type ComplaintStepRecord, type TimelineEvent } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../app/format';

export const BOARD_STAGES: ComplaintStage[] = ['validity', 'responsibility', 'solution', 'acceptance', 'evaluation', 'closed'];
/** The step each stage waits for (closed: none). */
export const STAGE_STEP: Record<ComplaintStage, number | null> = { validity: 2, responsibility: 3, solution: 4, acceptance: 5, evaluation: 6, closed: null };
export const STAGE_COLORS: Record<ComplaintStage, string> = {
  validity: 'red',
  responsibility: 'orange',
  solution: 'gold',
  acceptance: 'blue',
  evaluation: 'purple',
  closed: 'green',
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function stepName(t: TFunction, step: number): string {
  return step >= 1 && step <= 6 ? t(`complaints.steps.s${step as 1}`) : String(step);
}

export function causeName(t: TFunction, cause: unknown): string {
  return oneOf(COMPLAINT_CAUSES, cause) ? t(`complaints.causes.${cause}`) : (str(cause) ?? '');
}

export function channelName(t: TFunction, channel: unknown): string {
  return oneOf(COMPLAINT_CHANNELS, channel) ? t(`complaints.channels.${channel}`) : (str(channel) ?? '');
}

/** the "what" of a step record, as labelled lines. */
export function stepLines(t: TFunction, s: ComplaintStepRecord, people: Map<string, string>): [label: string, text: string][] {
  const d = s.data;
  const told = (): [string, string][] =>
    str(d.toldAt) ? [[t('complaints.step.toldAt'), `${formatDateTime(str(d.toldAt))} · ${channelName(t, d.toldVia)}`]] : [];
  switch (s.step) {
    case 1:
      return [
        [t('complaints.fields.receivedAt'), formatDateTime(str(d.receivedAt))],
        [t('complaints.fields.channel'), channelName(t, d.channel)],
      ];
    case 2:
      return [
        [t('complaints.step.validity'), d.valid === true ? t('complaints.step.valid') : t('complaints.step.invalid')],
        [t('complaints.step.finding'), str(d.finding) ?? ''],
        ...told(),
      ];
    case 3: {
      const who = str(d.responsibleUserId);
      return [
        [t('complaints.step.responsible'), who ? (people.get(who) ?? who) : t('complaints.step.noPerson')],
        [t('complaints.fields.cause'), causeName(t, d.cause)],
        [t('complaints.step.analysis'), str(d.analysis) ?? ''],
      ];
    }
    case 4:
      return [[t('complaints.step.solution'), str(d.solution) ?? ''], ...told()];
    case 5:
      return [
        [t('complaints.step.outcome'), d.accepted === true ? t('complaints.step.accept') : t('complaints.step.renegotiate')],
        [t('complaints.step.note'), str(d.note) ?? ''],
        [t('complaints.step.at'), formatDateTime(str(d.at))],
      ];
    case 6:
      return [
        [t('complaints.step.rootCause'), str(d.rootCause) ?? ''],
        [t('complaints.step.prevention'), str(d.prevention) ?? ''],
        ...(str(d.action) ? [[t('complaints.step.action'), str(d.action)!] as [string, string]] : []),
      ];
    default:
      return [];
  }
}

/** C-8: detail lines under a complaint event on the client timeline (no target or content: confidential). */
export function complaintTimelineDetail(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data;
  if (e.kind === 'complaint_recorded' && d.channel) return [t('complaints.timeline.channel', { channel: channelName(t, d.channel) })];
  if (e.kind === 'complaint_validity_decided') return [d.valid === false ? t('complaints.timeline.invalid') : t('complaints.timeline.valid')];
  if (e.kind === 'complaint_responsibility_identified' && d.cause) return [t('complaints.timeline.cause', { cause: causeName(t, d.cause) })];
  return [];
}
