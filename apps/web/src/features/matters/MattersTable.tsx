import type { ReactNode } from 'react';
import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { MatterListItem } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../clients/clientFormat';
import { MatterStatusTag, MatterTypeTag } from './MatterTags';

type Column = 'client' | 'type' | 'status' | 'lead' | 'openedOn' | 'fees';

interface MattersTableProps {
  matters: MatterListItem[];
  loading: boolean;
  onOpen: (matter: MatterListItem) => void;
  empty: ReactNode;
  /** columns left out (the client's own tab has no client column) */
  hide?: Column[];
  sticky?: boolean;
  /** narrow places (the client page's centre column): type, day and case number under the title */
  compact?: boolean;
  testId?: string;
}

export function MattersTable({ matters, loading, onOpen, empty, hide = [], sticky = true, compact = false, testId = 'matters-table' }: MattersTableProps) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const all: (TableColumnsType<MatterListItem>[number] & { key: Column | 'title' })[] = [
    {
      key: 'title',
      title: t('matters.fields.title'),
      dataIndex: 'title',
      fixed: compact ? undefined : 'left',
      width: compact ? undefined : 260,
      render: (_, m) => {
        const sub = compact ? [t(`matters.types.${m.type}`), m.openedOn, m.caseNumber] : [m.caseNumber];
        return (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Link strong ellipsis style={{ maxWidth: compact ? '100%' : 240 }} data-testid="matter-title">
              {m.title}
            </Typography.Link>
            {sub.some(Boolean) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {sub.filter(Boolean).join(' · ')}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    { key: 'client', title: t('matters.fields.client'), dataIndex: 'clientName', width: 180, ellipsis: true },
    { key: 'type', title: t('matters.fields.type'), dataIndex: 'type', width: 180, render: (_, m) => <MatterTypeTag type={m.type} /> },
    { key: 'status', title: t('matters.fields.status'), dataIndex: 'status', width: 110, render: (_, m) => <MatterStatusTag status={m.status} /> },
    { key: 'lead', title: t('matters.fields.leadLawyer'), dataIndex: 'leadLawyerName', width: 110, ellipsis: true, render: (n: string | null) => n ?? dash },
    { key: 'openedOn', title: t('matters.fields.openedOn'), dataIndex: 'openedOn', width: 110 },
    {
      key: 'fees',
      title: t('matters.fields.feesReceived'),
      dataIndex: 'feesTotalFen',
      width: 140,
      align: 'right',
      render: (_, m) => (m.feesTotalFen > 0 ? formatFen(m.feesTotalFen) : dash),
    },
  ];
  const hidden: Column[] = compact ? [...hide, 'type', 'openedOn'] : hide;
  const columns = all.filter((c) => c.key === 'title' || !hidden.includes(c.key));
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : compact ? 200 : 120), 0);

  return (
    <Table<MatterListItem>
      className="retainer-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={matters}
      loading={loading}
      pagination={false}
      sticky={sticky ? { offsetHeader: 64 } : false}
      scroll={compact ? undefined : { x: width }}
      tableLayout={compact ? 'fixed' : undefined}
      data-testid={testId}
      onRow={(m) =>
        ({
          'data-testid': `matter-row-${m.id}`,
          'data-title': m.title,
          style: { cursor: 'pointer' },
          onClick: () => onOpen(m),
        }) as object
      }
      locale={{ emptyText: <Empty description={empty} /> }}
    />
  );
}
