import type { ReactNode } from 'react';
import { Card, Empty, Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { firmToday } from './careFormat';
import { DueCell, KindCell, TouchpointActions, TouchpointStatusTag, type TouchpointActionHandlers } from './TouchpointParts';

interface TouchpointsTableProps extends TouchpointActionHandlers {
  items: Touchpoint[];
  loading: boolean;
  empty: ReactNode;
  /** a card per touchpoint instead of the table (phones) */
  cards: boolean;
}

const clientLink = (tp: Touchpoint) => `/clients/${encodeURIComponent(tp.clientId)}`;

export function TouchpointsTable({ items, loading, empty, cards, onLog, onSkip }: TouchpointsTableProps) {
  const { t } = useTranslation();
  const today = firmToday();
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  if (cards) {
    if (items.length === 0) return <Empty description={empty} style={{ padding: '24px 0' }} />;
    return (
      <Flex vertical gap={12} data-testid="touchpoints-cards">
        {items.map((tp) => (
          <Card key={tp.id} size="small" data-testid="touchpoint-row" data-id={tp.id} data-status={tp.status}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={clientLink(tp)} style={{ fontWeight: 600 }}>
                  {tp.clientName}
                </Link>
                <KindCell tp={tp} />
              </Flex>
              <TouchpointStatusTag tp={tp} />
            </Flex>
            <Flex justify="space-between" align="flex-end" gap={8} style={{ marginTop: 8 }}>
              <DueCell tp={tp} today={today} />
              <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'right' }}>
                {[tp.assigneeName, t(`care.channels.${tp.channel}`)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
            {tp.guidance ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 12, margin: '8px 0 0' }}>
                {tp.guidance}
              </Typography.Paragraph>
            ) : null}
            {tp.status === 'open' ? (
              <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 4 }}>
                <TouchpointActions tp={tp} onLog={onLog} onSkip={onSkip} block />
              </div>
            ) : null}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<Touchpoint> = [
    { key: 'due', title: t('care.fields.dueOn'), width: 115, render: (_, tp) => <DueCell tp={tp} today={today} /> },
    {
      key: 'client',
      title: t('care.fields.client'),
      width: 190,
      ellipsis: true,
      render: (_, tp) => (
        <Link to={clientLink(tp)} onClick={(e) => e.stopPropagation()}>
          {tp.clientName}
        </Link>
      ),
    },
    { key: 'kind', title: t('care.fields.kind'), width: 170, render: (_, tp) => <KindCell tp={tp} /> },
    { key: 'assignee', title: t('care.fields.assignee'), width: 100, ellipsis: true, render: (_, tp) => tp.assigneeName ?? dash },
    { key: 'channel', title: t('care.fields.channel'), width: 80, render: (_, tp) => t(`care.channels.${tp.channel}`) },
    {
      key: 'guidance',
      title: t('care.fields.guidance'),
      ellipsis: { showTitle: false },
      render: (_, tp) =>
        tp.guidance ? (
          <Tooltip title={tp.guidance} placement="topLeft">
            <span>{tp.guidance}</span>
          </Tooltip>
        ) : (
          dash
        ),
    },
    {
      key: 'status',
      title: t('care.fields.status'),
      width: 120,
      render: (_, tp) =>
        tp.status === 'skipped' && tp.skipReason ? (
          <Tooltip title={tp.skipReason}>
            <span>
              <TouchpointStatusTag tp={tp} />
            </span>
          </Tooltip>
        ) : (
          <TouchpointStatusTag tp={tp} />
        ),
    },
    { key: 'actions', title: t('common.actions'), width: 190, fixed: 'right', render: (_, tp) => <TouchpointActions tp={tp} onLog={onLog} onSkip={onSkip} /> },
  ];

  return (
    <Table<Touchpoint>
      className="retainer-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      sticky={{ offsetHeader: 64 }}
      scroll={{ x: 1100 }}
      data-testid="touchpoints-table"
      onRow={(tp) => ({ 'data-testid': 'touchpoint-row', 'data-id': tp.id, 'data-status': tp.status }) as object}
      locale={{ emptyText: <Empty description={empty} /> }}
    />
  );
}
