import type { ReactNode } from 'react';
import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { RequestPriority, ServiceRequest } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { SlaCountdown } from './SlaCountdown';
import { useNow } from './slaFormat';

const GRADE_COLORS = { A: 'gold', B: 'blue', C: 'default' } as const;
const PRIORITY_COLORS: Partial<Record<RequestPriority, string>> = { high: 'orange', urgent: 'red' };

type Sort = 'receivedAt' | '-receivedAt' | 'nextDueAt' | '-nextDueAt' | 'updatedAt' | '-updatedAt';

interface Props {
  items: ServiceRequest[];
  loading: boolean;
  empty: ReactNode;
  sort: Sort;
  onSort: (sort: Sort | undefined) => void;
  onOpen: (id: string) => void;
  /** a card per request instead of the table (phones) */
  cards?: boolean;
}

/** S-1 inbox rows with live SLA countdowns; server-side sorting by received or next due time. */
export function RequestsTable({ items, loading, empty, sort, onSort, onOpen, cards = false }: Props) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  if (cards) {
    if (items.length === 0) return <Empty description={empty} style={{ padding: '24px 0' }} />;
    return (
      <Flex vertical gap={12} data-testid="requests-cards">
        {items.map((r) => (
          <Card key={r.id} size="small" hoverable onClick={() => onOpen(r.id)} data-testid="request-row" data-id={r.id}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis>
                  {r.subject}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  <Tag color={GRADE_COLORS[r.grade]} style={{ marginInlineEnd: 4 }}>
                    {r.grade}
                  </Tag>
                  {r.clientName}
                </Typography.Text>
              </Flex>
              <Tag color={PRIORITY_COLORS[r.priority]} style={{ marginInlineEnd: 0 }}>
                {t(`requests.priorities.${r.priority}`)}
              </Tag>
            </Flex>
            <Flex gap={12} style={{ marginTop: 8 }}>
              {(['reply', 'opinion'] as const).map((s) => (
                <Flex key={s} vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`requests.fields.${s}`)}
                  </Typography.Text>
                  <SlaCountdown target={r[s]} closed={r.status === 'closed'} now={now} testId={`request-${s}-sla`} />
                </Flex>
              ))}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
              {[formatDateTime(r.receivedAt), t(`requests.channels.${r.channel}`), r.assigneeName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    );
  }
  const order = (field: 'receivedAt' | 'nextDueAt') => (sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null);
  const columns: TableColumnsType<ServiceRequest> = [
    {
      key: 'subject',
      title: t('requests.fields.subject'),
      render: (_, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: 280 }}>
            {r.subject}
          </Typography.Text>
          <Flex gap={4} align="center" wrap>
            <Tag color={GRADE_COLORS[r.grade]} style={{ marginInlineEnd: 0 }}>
              {r.grade}
            </Tag>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
              {r.clientName}
              {r.contactName ? ` · ${r.contactName}` : ''}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'priority',
      title: t('requests.fields.priority'),
      width: 88,
      render: (_, r) => <Tag color={PRIORITY_COLORS[r.priority]}>{t(`requests.priorities.${r.priority}`)}</Tag>,
    },
    {
      key: 'receivedAt',
      title: t('requests.fields.receivedAt'),
      width: 170,
      sorter: true,
      sortOrder: order('receivedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, r) => (
        <Flex vertical gap={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.receivedAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`requests.channels.${r.channel}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'nextDueAt',
      title: t('requests.fields.reply'),
      width: 150,
      sorter: true,
      sortOrder: order('nextDueAt'),
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (_, r) => <SlaCountdown target={r.reply} closed={r.status === 'closed'} now={now} testId="request-reply-sla" />,
    },
    {
      key: 'opinion',
      title: t('requests.fields.opinion'),
      width: 150,
      render: (_, r) => <SlaCountdown target={r.opinion} closed={r.status === 'closed'} now={now} testId="request-opinion-sla" />,
    },
    { key: 'assignee', title: t('requests.fields.assignee'), width: 110, render: (_, r) => r.assigneeName ?? t('common.empty') },
    {
      key: 'status',
      title: t('requests.fields.status'),
      width: 90,
      render: (_, r) => <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t(`requests.statuses.${r.status}`)}</Tag>,
    },
  ];
  const onChange: TableProps<ServiceRequest>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey === 'receivedAt' || s?.columnKey === 'nextDueAt' ? s.columnKey : null;
    onSort(field && s?.order ? ((s.order === 'descend' ? `-${field}` : field) as Sort) : undefined);
  };
  return (
    <Table<ServiceRequest>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      sticky
      scroll={{ x: 960 }}
      onChange={onChange}
      locale={{ emptyText: empty }}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': 'request-row', 'data-id': r.id } as React.HTMLAttributes<HTMLElement>)}
    />
  );
}
