import { Button, Col, Flex, Progress, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Import, ImportRowError } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { importReportUrl } from './imports.api';

export function ImportProgress({ item }: { item: Import }) {
  const { t } = useTranslation();
  const percent = item.totalRows > 0 ? Math.floor((item.processedRows / item.totalRows) * 100) : 0;
  return (
    <Flex vertical gap={8} data-testid="import-progress">
      <Progress percent={percent} status="active" />
      <Typography.Text>{t('imports.progress', { processed: item.processedRows, total: item.totalRows })}</Typography.Text>
    </Flex>
  );
}

export function ImportCounts({ item }: { item: Import }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'totalRows', value: item.totalRows, color: undefined },
    { key: 'created', value: item.createdCount, color: '#389e0d' },
    { key: 'updated', value: item.updatedCount, color: '#1f4e8c' },
    { key: 'unchanged', value: item.unchangedCount, color: undefined },
    { key: 'errorCount', value: item.errorCount, color: item.errorCount ? '#cf1322' : undefined },
  ] as const;
  return (
    <Row gutter={[16, 16]} data-testid="import-counts">
      {stats.map((s) => (
        <Col key={s.key} xs={12} sm={8} md={4}>
          <Statistic title={t(`imports.${s.key}`)} value={s.value} styles={{ content: s.color ? { color: s.color } : undefined }} />
        </Col>
      ))}
    </Row>
  );
}

/** C-10 row-level report: row, column, reason; the full list downloads. */
export function ImportErrors({ item }: { item: Import }) {
  const { t } = useTranslation();
  if (item.errorCount === 0) return null;
  const columns: TableColumnsType<ImportRowError> = [
    { title: t('imports.row'), dataIndex: 'row', width: 80 },
    { title: t('imports.errColumn'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? t('common.empty') },
    { title: t('imports.reason'), dataIndex: 'reason' },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {item.errors.length < item.errorCount ? t('imports.moreErrors', { shown: item.errors.length }) : null}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={importReportUrl(item.id)} data-testid="import-report">
          {t('imports.downloadReport')}
        </Button>
      </Flex>
      <Table<ImportRowError>
        className="retainer-table"
        rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.reason}`}
        size="small"
        columns={columns}
        dataSource={item.errors}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="import-errors"
      />
    </Flex>
  );
}
