import { Table, Typography } from 'antd';
import type { ImprovementItem } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { ImprovementStatusTag } from './surveyFormat';

/** V-4 improvement items; a row click edits one. */
export function ImprovementsTable({ items, loading, onOpen, showClient = true }: { items: ImprovementItem[]; loading: boolean; onOpen: (i: ImprovementItem) => void; showClient?: boolean }) {
  const { t } = useTranslation();
  const columns = [
    { title: t('surveys.improvements.fields.title'), dataIndex: 'title', key: 'title' },
    ...(showClient
      ? [
          {
            title: t('surveys.fields.client'),
            key: 'client',
            render: (_: unknown, i: ImprovementItem) => (
              <Link to={`/clients/${encodeURIComponent(i.clientId)}`} onClick={(e) => e.stopPropagation()}>
                {i.clientName}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('surveys.improvements.fields.change'),
      dataIndex: 'change',
      key: 'change',
      render: (v: string) => <Typography.Text style={{ maxWidth: 320, display: 'inline-block' }} ellipsis={{ tooltip: v }}>{v}</Typography.Text>,
    },
    { title: t('surveys.improvements.fields.owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: t('surveys.improvements.fields.dueOn'), dataIndex: 'dueOn', key: 'dueOn', render: (v: string | null) => v ?? '—' },
    { title: t('surveys.improvements.fields.status'), key: 'status', render: (_: unknown, i: ImprovementItem) => <ImprovementStatusTag status={i.status} /> },
    {
      title: t('surveys.improvements.fields.clientTold'),
      key: 'told',
      render: (_: unknown, i: ImprovementItem) => (i.clientTold ? t('surveys.improvements.toldAt', { time: formatDateTime(i.clientToldAt) }) : t('surveys.improvements.notTold')),
    },
  ];
  return (
    <Table<ImprovementItem>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(i) => ({ onClick: () => onOpen(i), style: { cursor: 'pointer' } })}
      locale={{ emptyText: t('surveys.improvements.empty') }}
      data-testid="improvements-table"
    />
  );
}
