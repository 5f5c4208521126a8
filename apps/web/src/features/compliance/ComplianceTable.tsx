import { Flex, Progress, Table, Typography, type TableColumnsType } from 'antd';
import type { ComplianceGroup, ComplianceRow } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatRate, rateColor } from './compliancePeriod';

interface Props {
  rows: ComplianceRow[];
  groupBy: ComplianceGroup;
  unnamed: string;
  loading: boolean;
  /** a phone: the rate as a coloured figure without the bar */
  compact: boolean;
  /** the touchpoint list of a person for the period, when the caller may list anyone's */
  personLink: ((id: string) => string) | null;
}

const num = (key: 'due' | 'onTime' | 'late' | 'missed' | 'skipped') => (a: ComplianceRow, b: ComplianceRow) => a[key] - b[key];

export function RateBar({ rate, compact = false }: { rate: number | null; compact?: boolean }) {
  if (compact) {
    return (
      <Typography.Text strong style={{ color: rateColor(rate) }}>
        {formatRate(rate)}
      </Typography.Text>
    );
  }
  return (
    <Flex align="center" gap={8} style={{ minWidth: 100 }}>
      <Progress percent={rate === null ? 0 : Math.round(rate * 100)} showInfo={false} size="small" strokeColor={rateColor(rate)} style={{ flex: 1, margin: 0 }} />
      <Typography.Text style={{ width: 48, textAlign: 'right', color: rateColor(rate) }} strong>
        {formatRate(rate)}
      </Typography.Text>
    </Flex>
  );
}

/** Name, 应完成, 按时, 逾期完成, 未完成, 已跳过 and 执行率, sortable by each. */
export function ComplianceTable({ rows, groupBy, unnamed, loading, compact, personLink }: Props) {
  const { t } = useTranslation();
  const nameOf = (r: ComplianceRow) => r.name ?? unnamed;
  const columns: TableColumnsType<ComplianceRow> = [
    {
      title: t(`compliance.nameColumn.${groupBy}`),
      key: 'name',
      sorter: (a, b) => nameOf(a).localeCompare(nameOf(b), 'zh-CN'),
      render: (_, r) =>
        r.id && groupBy === 'client' ? (
          <Link to={`/clients/${r.id}`}>{nameOf(r)}</Link>
        ) : r.id && groupBy === 'assignee' && personLink ? (
          <Link to={personLink(r.id)}>{nameOf(r)}</Link>
        ) : (
          nameOf(r)
        ),
      ellipsis: true,
    },
    { title: t('compliance.columns.due'), dataIndex: 'due', align: 'right', sorter: num('due'), width: 80 },
    { title: t('compliance.columns.onTime'), dataIndex: 'onTime', align: 'right', sorter: num('onTime'), width: 72 },
    { title: t('compliance.columns.late'), dataIndex: 'late', align: 'right', sorter: num('late'), width: 96, responsive: ['md'] },
    {
      title: t('compliance.columns.missed'),
      dataIndex: 'missed',
      align: 'right',
      sorter: num('missed'),
      width: 80,
      responsive: ['sm'],
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('compliance.columns.skipped'), dataIndex: 'skipped', align: 'right', sorter: num('skipped'), width: 80, responsive: ['md'] },
    {
      title: t('compliance.columns.rate'),
      key: 'rate',
      width: compact ? 88 : 160,
      align: compact ? 'right' : 'left',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.rate ?? 2) - (b.rate ?? 2),
      render: (_, r) => <RateBar rate={r.rate} compact={compact} />,
    },
  ];
  return (
    <Table<ComplianceRow>
      size="small"
      rowKey={(r) => r.id ?? 'none'}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      sticky
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('compliance.empty') }}
      data-testid="compliance-table"
    />
  );
}
