import { useState } from 'react';
import { DatePicker, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { BREACH_GROUPINGS, type BreachReportRow } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useBreachReport } from './requests.api';

type By = (typeof BREACH_GROUPINGS)[number];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** S-4: targets due in a period, met on time or breached, per assignee, team or client grade. */
export function BreachReportTab() {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('person');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(89, 'day'), dayjs()]);
  const q = useBreachReport({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), by });
  const label = (r: BreachReportRow) => (by === 'team' && !r.key ? t('requests.breaches.noTeam') : by === 'grade' ? t(`clients.grades.${r.key as 'A'}`) : r.label || t('common.empty'));
  const columns: TableColumnsType<BreachReportRow> = [
    { key: 'key', title: t('requests.breaches.key'), render: (_, r) => (r.key === 'total' ? <strong>{t('requests.breaches.total')}</strong> : label(r)) },
    { key: 'due', title: t('requests.breaches.due'), dataIndex: 'due', align: 'right' },
    { key: 'metOnTime', title: t('requests.breaches.metOnTime'), dataIndex: 'metOnTime', align: 'right' },
    { key: 'breached', title: t('requests.breaches.breached'), dataIndex: 'breached', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { key: 'open', title: t('requests.breaches.open'), dataIndex: 'open', align: 'right' },
    { key: 'rate', title: t('requests.breaches.rate'), dataIndex: 'breachRate', align: 'right', render: pct },
    { key: 'commitments', title: t('requests.breaches.commitments'), dataIndex: 'commitments', align: 'right' },
    { key: 'commitmentsMissed', title: t('requests.breaches.commitmentsMissed'), dataIndex: 'commitmentsMissed', align: 'right' },
  ];
  const data = q.data;
  return (
    <Flex vertical gap={12} data-testid="request-breaches">
      <Flex gap={12} wrap align="center">
        <Segmented<By> value={by} onChange={setBy} options={BREACH_GROUPINGS.map((b) => ({ value: b, label: t(`requests.breaches.by.${b}`) }))} data-testid="request-breaches-by" />
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} aria-label={t('requests.breaches.period')} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('requests.breaches.hint')}
      </Typography.Text>
      {q.error && !data ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <TableSkeleton />
      ) : (
        <Table<BreachReportRow>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={data.rows}
          loading={q.isFetching}
          pagination={data.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('requests.breaches.empty') }}
          summary={() =>
            data.rows.length ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  {columns.map((c, i) => {
                    const v = c.key === 'key' ? <strong>{t('requests.breaches.total')}</strong> : c.key === 'rate' ? pct(data.total.breachRate) : String(data.total[c.key as keyof BreachReportRow] ?? '');
                    return (
                      <Table.Summary.Cell key={String(c.key)} index={i} align={i === 0 ? 'left' : 'right'}>
                        {v}
                      </Table.Summary.Cell>
                    );
                  })}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      )}
    </Flex>
  );
}
