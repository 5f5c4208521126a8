import { Button, Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Import } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { useCursorPager } from '../../components/useCursorPager';
import { importReportUrl, useImports } from './imports.api';

const STATUS_COLORS: Record<Import['status'], string> = { queued: 'default', running: 'processing', done: 'green', failed: 'red' };

export function ImportHistory({ onOpen }: { onOpen: (item: Import) => void }) {
  const { t } = useTranslation();
  const pager = useCursorPager('imports');
  const list = useImports(pager.cursor);
  const columns: TableColumnsType<Import> = [
    { title: t('imports.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: t('imports.fileName'),
      dataIndex: 'fileName',
      ellipsis: true,
      render: (name: string, i) => (
        <span>
          {i.dryRun ? <Tag style={{ marginInlineEnd: 6 }}>{t('imports.dryRunTag')}</Tag> : null}
          {name}
        </span>
      ),
    },
    {
      title: t('imports.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: Import['status'], i) => (
        <Tag color={STATUS_COLORS[s]}>
          {t(`imports.statuses.${s}`)}
          {s === 'running' && i.totalRows > 0 ? ` ${Math.floor((i.processedRows / i.totalRows) * 100)}%` : ''}
        </Tag>
      ),
    },
    { title: t('imports.created'), dataIndex: 'createdCount', width: 80, align: 'right' },
    { title: t('imports.updated'), dataIndex: 'updatedCount', width: 80, align: 'right' },
    {
      title: t('imports.errorCount'),
      dataIndex: 'errorCount',
      width: 120,
      align: 'right',
      render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, i) => (
        <>
          <Button type="link" size="small" onClick={() => onOpen(i)}>
            {t('imports.open')}
          </Button>
          {i.errorCount > 0 ? (
            <Tooltip title={t('imports.downloadReport')}>
              <Button type="link" size="small" icon={<DownloadOutlined />} href={importReportUrl(i.id)}>
                {t('imports.report')}
              </Button>
            </Tooltip>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Card variant="borderless" title={t('imports.history')} data-testid="import-history">
      <Table<Import>
        className="retainer-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('imports.historyEmpty')}</Typography.Text> }}
      />
      <CursorPager
        total={list.data?.total}
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={pager.next}
      />
    </Card>
  );
}
