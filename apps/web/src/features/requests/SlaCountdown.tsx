import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { SlaTargetStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { countdownText, liveState, SLA_COLORS, SLA_TEXT_COLORS } from './slaFormat';

interface Props {
  target: SlaTargetStatus;
  /** the request is closed: no countdown */
  closed: boolean;
  now: number;
  testId?: string;
}

/** S-2/S-4: one target's countdown ("剩余 12 分钟", orange from 80%, red once breached) or its outcome. */
export function SlaCountdown({ target, closed, now, testId }: Props) {
  const { t } = useTranslation();
  const state = liveState(target, now);
  const due = t('requests.countdown.due', { at: formatDateTime(target.dueAt) });
  if (target.doneAt || closed) {
    return (
      <Tooltip title={target.doneAt ? t('requests.countdown.doneAt', { at: formatDateTime(target.doneAt) }) : due}>
        <Tag color={SLA_COLORS[state]} data-testid={testId} data-state={state}>
          {t(`requests.slaStates.${state}`)}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={due}>
      <Flex vertical gap={0} data-testid={testId} data-state={state}>
        <Typography.Text strong={state !== 'pending'} style={{ color: SLA_TEXT_COLORS[state], whiteSpace: 'nowrap' }}>
          {countdownText(t, target.dueAt, now)}
        </Typography.Text>
        {target.committed ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('requests.countdown.committed')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Tooltip>
  );
}
