import { Tag } from 'antd';
import type { ImprovementStatus, SurveyStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<SurveyStatus, string> = { sent: 'blue', opened: 'cyan', answered: 'green', expired: 'default' };
const IMPROVEMENT_COLORS: Record<ImprovementStatus, string> = { planned: 'blue', in_progress: 'orange', done: 'green', dropped: 'default' };

export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`survey-status-${status}`}>
      {t(`surveys.statuses.${status}`)}
    </Tag>
  );
}

export function ImprovementStatusTag({ status }: { status: ImprovementStatus }) {
  const { t } = useTranslation();
  return <Tag color={IMPROVEMENT_COLORS[status]}>{t(`surveys.improvements.statuses.${status}`)}</Tag>;
}

/** V-3 score colours: ≥ 90 green, ≥ 70 blue, ≤ 60 (overall ≤ 3) red. */
export function ScoreTag({ score }: { score: number | null }) {
  if (score === null) return <span>—</span>;
  const color = score >= 90 ? 'green' : score > 60 ? 'blue' : 'red';
  return (
    <Tag color={color} data-testid="survey-score">
      {score}
    </Tag>
  );
}

export const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toFixed(digits).replace(/\.0+$/, ''));
