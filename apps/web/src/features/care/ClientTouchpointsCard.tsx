import { Card, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import type { Client, Touchpoint } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { useTouchpoints } from './care.api';
import { firmToday } from './careFormat';
import { DueCell, KindCell, TouchpointActions, TouchpointStatusTag, type TouchpointActionHandlers } from './TouchpointParts';
import { useTouchpointActions } from './useTouchpointActions';

const OPEN_SHOWN = 5;
const DONE_SHOWN = 3;

/** UI.md right panel: the client's next and overdue touchpoints, and the last few done. */
export function ClientTouchpointsCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const today = firmToday();
  const open = useTouchpoints({ assignee: 'all', clientId: client.id, status: 'open' }, OPEN_SHOWN);
  // the list runs by due day ascending: the recent ones are the last of the past quarter
  const done = useTouchpoints({ assignee: 'all', clientId: client.id, status: 'done', from: dayjs(today).subtract(120, 'day').format('YYYY-MM-DD') }, 100);
  const actions = useTouchpointActions();
  const openItems = open.data?.pages[0]?.items ?? [];
  const openTotal = open.data?.pages[0]?.total ?? 0;
  const doneItems = (done.data?.pages[0]?.items ?? []).slice(-DONE_SHOWN).reverse();
  const listLink = `/touchpoints?assignee=all&status=any&clientId=${encodeURIComponent(client.id)}&clientName=${encodeURIComponent(client.name)}`;

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('care.clientCard.title')}
      extra={<Link to={listLink}>{t('care.clientCard.all')}</Link>}
      data-testid="client-touchpoints"
    >
      {open.error && !open.data ? (
        <LoadError error={open.error} onRetry={() => void open.refetch()} />
      ) : open.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : (
        <Flex vertical gap={0}>
          {openItems.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <Flex vertical gap={2}>
                  <span>{t('care.list.empty')}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('care.clientCard.emptyHint')}
                  </Typography.Text>
                </Flex>
              }
              style={{ margin: '8px 0' }}
            />
          ) : (
            openItems.map((tp) => <Row key={tp.id} tp={tp} today={today} onLog={actions.onLog} onSkip={actions.onSkip} />)
          )}
          {openTotal > openItems.length ? (
            <Link to={listLink} style={{ fontSize: 12, marginTop: 8 }}>
              {t('care.clientCard.more', { count: openTotal - openItems.length })}
            </Link>
          ) : null}
          {doneItems.length > 0 ? (
            <>
              <Divider titlePlacement="start" plain style={{ margin: '12px 0 4px', fontSize: 12 }}>
                {t('care.clientCard.recentDone')}
              </Divider>
              {doneItems.map((tp) => (
                <Row key={tp.id} tp={tp} today={today} onLog={actions.onLog} onSkip={actions.onSkip} />
              ))}
            </>
          ) : null}
        </Flex>
      )}
      {actions.elements}
    </Card>
  );
}

function Row({ tp, today, onLog, onSkip }: TouchpointActionHandlers & { tp: Touchpoint; today: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ padding: '8px 0', borderBottom: '1px solid #f5f5f5' }} data-testid="client-touchpoint" data-id={tp.id} data-status={tp.status}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <KindCell tp={tp} />
        {tp.status === 'open' ? <DueCell tp={tp} today={today} /> : <TouchpointStatusTag tp={tp} />}
      </Flex>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {tp.status === 'done' && tp.doneAt
            ? t('care.clientCard.doneOn', { date: formatDate(tp.doneAt) })
            : [tp.assigneeName, t(`care.channels.${tp.channel}`)].filter(Boolean).join(' · ')}
        </Typography.Text>
        <TouchpointActions tp={tp} onLog={onLog} onSkip={onSkip} compact />
      </Flex>
    </Flex>
  );
}
