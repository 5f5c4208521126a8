import { Button, Flex, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { touchpointTitle } from '../care/careFormat';
import { dueNote } from './myDayFormat';

export const ITEM_STYLE = { padding: '12px 0', borderBottom: '1px solid #f0f0f0' } as const;

interface Props {
  tp: Touchpoint;
  today: string;
  phone: boolean;
  /** null: someone else's touchpoint, shown without actions */
  onLog: ((tp: Touchpoint) => void) | null;
  onSkip: ((tp: Touchpoint) => void) | null;
}

/** One touchpoint: client, kind and occasion, when it is due, the guidance, and 记录 / 跳过. */
export function TouchpointItem({ tp, today, phone, onLog, onSkip }: Props) {
  const { t } = useTranslation();
  const title = touchpointTitle(t, tp);
  const due = dueNote(t, tp.dueOn, today);
  const size = phone ? 'large' : 'middle';
  const actionable = tp.status === 'open' && onLog && onSkip;
  return (
    <Flex
      gap={phone ? 10 : 16}
      vertical={phone}
      align={phone ? 'stretch' : 'center'}
      style={ITEM_STYLE}
      data-testid="my-day-touchpoint"
      data-touchpoint-id={tp.id}
    >
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Flex justify="space-between" align="baseline" gap={8}>
          <Link to={`/clients/${tp.clientId}`} style={{ fontWeight: 600, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {tp.clientName}
          </Link>
          <Typography.Text type={due.tone} strong={due.tone === 'danger'} style={{ flex: 'none', fontSize: 13 }} title={tp.dueOn} data-testid="my-day-due">
            {due.text}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={6} wrap style={{ minWidth: 0 }}>
          <Tag color={tp.kind === 'care' ? 'magenta' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {title.kind}
          </Tag>
          {title.occasion ? <Typography.Text style={{ fontSize: 13 }}>{title.occasion}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('myDay.dueOn', { date: tp.dueOn })}
          </Typography.Text>
          {tp.status === 'done' ? <Tag color="green">{t('care.status.done')}</Tag> : null}
        </Flex>
        {tp.guidance ? (
          <Typography.Text type="secondary" ellipsis={{ tooltip: tp.guidance }} style={{ fontSize: 12, maxWidth: '100%' }}>
            {tp.guidance}
          </Typography.Text>
        ) : null}
      </Flex>
      {actionable ? (
        <Flex gap={8} style={{ flex: 'none' }}>
          <Button type="primary" size={size} icon={<EditOutlined />} onClick={() => onLog(tp)} style={phone ? { flex: 1 } : undefined} data-testid="my-day-log">
            {t('myDay.log')}
          </Button>
          <Button size={size} onClick={() => onSkip(tp)} style={phone ? { flex: 1 } : undefined} data-testid="my-day-skip">
            {t('myDay.skip')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
