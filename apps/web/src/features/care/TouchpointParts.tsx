import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { daysOverdue, touchpointTitle } from './careFormat';

/** 待办 / 已完成（按时）/ 已完成（逾期完成）/ 已跳过 / 已取消 */
export function TouchpointStatusTag({ tp }: { tp: Touchpoint }) {
  const { t } = useTranslation();
  if (tp.status === 'open') return <Tag color={tp.overdue ? 'red' : 'blue'}>{tp.overdue ? t('care.status.overdue') : t('care.status.open')}</Tag>;
  if (tp.status === 'done') {
    return tp.onTime === false ? <Tag color="gold">{t('care.status.doneLate')}</Tag> : <Tag color="green">{t('care.status.doneOnTime')}</Tag>;
  }
  return <Tag>{t(`care.status.${tp.status}`)}</Tag>;
}

/** The due day; open ones overdue in red with the days, due within a week in orange. */
export function DueCell({ tp, today }: { tp: Touchpoint; today: string }) {
  const { t } = useTranslation();
  if (tp.status !== 'open') return <Typography.Text type="secondary">{tp.dueOn}</Typography.Text>;
  const late = daysOverdue(tp.dueOn, today);
  const note = late > 0 ? t('care.due.overdueDays', { count: late }) : late === 0 ? t('care.due.today') : late >= -7 ? t('care.due.inDays', { count: -late }) : null;
  const color = late > 0 ? 'danger' : late >= -7 ? 'warning' : undefined;
  return (
    <Flex vertical gap={0} data-testid="touchpoint-due" data-overdue={late > 0 ? 'true' : 'false'}>
      <Typography.Text type={color} strong={late > 0}>
        {tp.dueOn}
      </Typography.Text>
      {note ? (
        <Typography.Text type={color} style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export function KindCell({ tp }: { tp: Touchpoint }) {
  const { t } = useTranslation();
  const title = touchpointTitle(t, tp);
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Typography.Text>{title.kind}</Typography.Text>
      {title.occasion ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {title.occasion}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export interface TouchpointActionHandlers {
  onLog: (tp: Touchpoint) => void;
  onSkip: (tp: Touchpoint) => void;
}

/** 记录沟通 / 跳过 on an open touchpoint; `compact`: icons with tooltips (narrow side panels). */
export function TouchpointActions({ tp, onLog, onSkip, block = false, compact = false }: TouchpointActionHandlers & { tp: Touchpoint; block?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  if (tp.status !== 'open') return null;
  const buttons = [
    { key: 'log', label: t('care.actions.log'), icon: <EditOutlined />, run: onLog, style: {} },
    { key: 'skip', label: t('care.actions.skip'), icon: <StopOutlined />, run: onSkip, style: { color: 'inherit' } },
  ];
  return (
    <Flex gap={4} wrap={false} style={block ? { width: '100%' } : { flex: 'none' }}>
      {buttons.map((b) => {
        const button = (
          <Button
            key={b.key}
            size="small"
            type="link"
            icon={b.icon}
            aria-label={b.label}
            onClick={(e) => {
              e.stopPropagation();
              b.run(tp);
            }}
            style={{ ...b.style, ...(block ? { flex: 1 } : { paddingInline: 4 }) }}
            data-testid={`touchpoint-${b.key}`}
          >
            {compact ? null : b.label}
          </Button>
        );
        return compact ? (
          <Tooltip key={b.key} title={b.label}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Flex>
  );
}
