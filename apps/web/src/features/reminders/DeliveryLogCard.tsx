import { useState } from 'react';
import { Card, Empty, Flex, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, type Delivery, type DeliveryChannel, type DeliveryStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDeliveries, type DeliveryFilters } from './reminders.api';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<DeliveryStatus, string> = { queued: 'blue', sending: 'processing', sent: 'green', failed: 'orange', dead: 'red' };

/** N-4: the delivery log (the outbox itself), newest first. */
export function DeliveryLogCard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DeliveryFilters>({});
  const pager = useCursorPager(JSON.stringify(filters));
  const log = useDeliveries({ ...filters, limit: PAGE_SIZE, cursor: pager.cursor });
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  const columns: TableColumnsType<Delivery> = [
    { title: t('reminders.log.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
    { title: t('reminders.log.channel'), dataIndex: 'channel', width: 90, render: (c: DeliveryChannel) => t(`reminders.channels.${c}`) },
    {
      title: t('reminders.log.recipient'),
      key: 'recipient',
      width: 180,
      ellipsis: true,
      render: (_, d) => d.recipient ?? d.userName ?? dash,
    },
    { title: t('reminders.log.subject'), dataIndex: 'subject', width: 180, ellipsis: true, render: (s: string | null) => s ?? dash },
    {
      title: t('reminders.log.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: DeliveryStatus) => <Tag color={STATUS_COLORS[s]}>{t(`reminders.statuses.${s}`)}</Tag>,
    },
    { title: t('reminders.log.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      title: t('reminders.log.when'),
      key: 'when',
      width: 150,
      render: (_, d) =>
        d.sentAt
          ? formatDateTime(d.sentAt)
          : d.nextAttemptAt && (d.status === 'queued' || d.status === 'failed')
            ? t('reminders.log.retryAt', { at: formatDateTime(d.nextAttemptAt) })
            : dash,
    },
    {
      title: t('reminders.log.lastError'),
      dataIndex: 'lastError',
      width: 200,
      ellipsis: { showTitle: false },
      render: (e: string | null) =>
        e ? (
          <Tooltip title={e}>
            <Typography.Text type="danger">{e}</Typography.Text>
          </Tooltip>
        ) : (
          dash
        ),
    },
  ];

  return (
    <Card variant="borderless" title={t('reminders.log.title')} data-testid="delivery-log">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<DeliveryStatus>
          allowClear
          placeholder={t('reminders.log.allStatuses')}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`reminders.statuses.${s}`) }))}
          style={{ width: 160 }}
          data-testid="delivery-filter-status"
        />
        <Select<DeliveryChannel>
          allowClear
          placeholder={t('reminders.log.allChannels')}
          value={filters.channel}
          onChange={(channel) => setFilters({ ...filters, channel })}
          options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: t(`reminders.channels.${c}`) }))}
          style={{ width: 160 }}
          data-testid="delivery-filter-channel"
        />
      </Flex>
      {log.error && !log.data ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <TableSkeleton />
      ) : (
        <>
          <Table<Delivery>
            className="retainer-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={log.data?.items ?? []}
            loading={log.isFetching}
            pagination={false}
            scroll={{ x: 1130 }}
            data-testid="delivery-table"
            locale={{ emptyText: <Empty description={t('reminders.log.empty')} /> }}
          />
          <CursorPager
            testId="delivery-log"
            total={log.data?.total}
            page={pager.page}
            hasPrev={pager.hasPrev}
            nextCursor={log.data?.nextCursor}
            onPrev={pager.prev}
            onNext={pager.next}
          />
        </>
      )}
    </Card>
  );
}
