import type { ReactNode } from 'react';
import { ConfigProvider, Empty, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { ClientListItem } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { RelativeTime } from '../../components/RelativeTime';
import type { ClientSort } from './clients.api';
import { industryLabel, placeLabel } from './clientFormat';
import { GradeTag, KindIcon, StatusTag, TierTag } from './ClientTags';
import { useSelectionColors } from './BulkActions';

export const CLIENT_COLUMNS = [
  'grade', 'tier', 'status', 'tags', 'industry', 'region', 'owner', 'manager', 'phone', 'email', 'lastContactAt', 'updatedAt', 'createdAt',
] as const;
export type ClientColumn = (typeof CLIENT_COLUMNS)[number];

const SORTABLE: Partial<Record<ClientColumn | 'name', 'name' | 'createdAt' | 'updatedAt' | 'lastContactAt'>> = {
  name: 'name',
  lastContactAt: 'lastContactAt',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
};

interface ClientsTableProps {
  clients: ClientListItem[];
  loading: boolean;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  hidden: ReadonlySet<ClientColumn>;
  onOpen: (client: ClientListItem) => void;
  empty: ReactNode;
  /** C-9 bulk actions: checkboxes for the rows of this page */
  rowSelection?: TableProps<ClientListItem>['rowSelection'];
}

export function ClientsTable({ clients, loading, sort, onSort, hidden, onOpen, empty, rowSelection }: ClientsTableProps) {
  const { t } = useTranslation();
  const selected = useSelectionColors();
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const sortOrderOf = (key: string) => {
    if (sort === key) return 'ascend' as const;
    if (sort === `-${key}`) return 'descend' as const;
    return null;
  };

  const all: (TableColumnsType<ClientListItem>[number] & { key: ClientColumn | 'name' })[] = [
    {
      key: 'name',
      title: t('clients.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 260,
      render: (_, c) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex align="center" gap={6} style={{ minWidth: 0 }}>
            <KindIcon kind={c.kind} />
            <Typography.Link strong ellipsis style={{ maxWidth: 220 }} data-testid="client-name">
              {c.name}
            </Typography.Link>
          </Flex>
          {c.matchedContact ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {t('clients.matchedContact', { name: c.matchedContact })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'grade', title: t('clients.grade'), dataIndex: 'grade', width: 90, render: (_, c) => <GradeTag grade={c.grade} /> },
    { key: 'tier', title: t('clients.tier'), dataIndex: 'tier', width: 110, render: (_, c) => (c.tier ? <TierTag tier={c.tier} /> : dash) },
    { key: 'status', title: t('clients.status'), dataIndex: 'status', width: 120, render: (_, c) => <StatusTag status={c.status} /> },
    {
      key: 'tags',
      title: t('clients.tags'),
      dataIndex: 'tags',
      width: 200,
      render: (tags: string[]) =>
        tags.length ? (
          <Tooltip title={tags.length > 2 ? tags.join(' · ') : undefined}>
            <Flex gap={4} wrap={false} style={{ minWidth: 0, overflow: 'hidden' }} data-testid="client-tags">
              {tags.slice(0, 2).map((tag) => (
                <Tag key={tag} style={{ marginInlineEnd: 0, maxWidth: 110, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {tag}
                </Tag>
              ))}
              {tags.length > 2 ? <Tag style={{ marginInlineEnd: 0 }}>+{tags.length - 2}</Tag> : null}
            </Flex>
          </Tooltip>
        ) : (
          dash
        ),
    },
    {
      key: 'industry',
      title: t('clients.industry'),
      dataIndex: 'industry',
      width: 180,
      ellipsis: true,
      render: (code: string | null) => industryLabel(t, code) ?? dash,
    },
    {
      key: 'region',
      title: t('clients.region'),
      dataIndex: 'region',
      width: 130,
      ellipsis: true,
      render: (_, c) => placeLabel(c.region, c.city) || dash,
    },
    { key: 'owner', title: t('clients.owner'), dataIndex: 'ownerName', width: 130, ellipsis: true, render: (n: string | null) => n ?? dash },
    { key: 'manager', title: t('clients.manager'), dataIndex: 'managerName', width: 130, ellipsis: true, render: (n: string | null) => n ?? dash },
    { key: 'phone', title: t('clients.phone'), dataIndex: 'phone', width: 150, render: (v: string | null) => v ?? dash },
    { key: 'email', title: t('clients.email'), dataIndex: 'email', width: 200, ellipsis: true, render: (v: string | null) => v ?? dash },
    {
      key: 'lastContactAt',
      title: t('clients.lastContact'),
      dataIndex: 'lastContactAt',
      width: 120,
      render: (at: string | null) => (at ? <RelativeTime iso={at} /> : <Typography.Text type="secondary">{t('clients.neverContacted')}</Typography.Text>),
    },
    { key: 'updatedAt', title: t('clients.updatedAt'), dataIndex: 'updatedAt', width: 120, render: (at: string) => formatDate(at) },
    { key: 'createdAt', title: t('clients.createdAt'), dataIndex: 'createdAt', width: 120, render: (at: string) => formatDate(at) },
  ];

  const columns = all
    .filter((c) => c.key === 'name' || !hidden.has(c.key))
    .map((c) => {
      const field = SORTABLE[c.key];
      return field ? { ...c, sorter: true, sortOrder: sortOrderOf(field), sortDirections: ['ascend', 'descend', 'ascend'] as ('ascend' | 'descend')[] } : c;
    });
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const onChange: TableProps<ClientListItem>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey ? SORTABLE[s.columnKey as ClientColumn | 'name'] : undefined;
    if (!field || !s?.order) return onSort('-updatedAt');
    onSort((s.order === 'descend' ? `-${field}` : field) as ClientSort);
  };

  return (
    <ConfigProvider theme={{ components: { Table: { rowSelectedBg: selected.row, rowSelectedHoverBg: selected.rowHover } } }}>
      <Table<ClientListItem>
        className="retainer-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={clients}
        rowSelection={rowSelection}
        loading={loading}
        pagination={false}
        sticky={{ offsetHeader: 64 }}
        scroll={{ x: width }}
        showSorterTooltip={false}
        onChange={onChange}
        data-testid="clients-table"
        onRow={(c) =>
          ({
            'data-testid': `client-row-${c.id}`,
            'data-name': c.name,
            style: { cursor: 'pointer' },
            onClick: () => onOpen(c),
          }) as object
        }
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </ConfigProvider>
  );
}
