import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Export } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { formatDate, formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { exportDownloadUrl, exportKeys, exportsApi, useExports } from './exports.api';

const STATUS_COLORS: Record<Export['status'], string> = {
  pending_approval: 'orange',
  approved: 'blue',
  rejected: 'red',
  ready: 'green',
  failed: 'default',
  expired: 'default',
};
const downloadable = (e: Export) => e.status === 'ready' || e.status === 'approved';

/** my exports with their status, and for partners the ones waiting for approval. */
export function ExportsPage() {
  const { t } = useTranslation();
  const canApprove = useCan('exports:approve');
  // notifications link here with ?tab=pending
  const [params, setParams] = useSearchParams();
  const tab = canApprove && params.get('tab') === 'pending' ? 'pending' : 'mine';
  const setTab = (next: 'mine' | 'pending') => setParams(next === 'pending' ? { tab: 'pending' } : {}, { replace: true });
  return (
    <div data-testid="exports-page">
      <PageHeader title={t('exports.title')} subtitle={t('exports.subtitle')} />
      <ListCard>
        {canApprove ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k === 'pending' ? 'pending' : 'mine')}
            items={[
              { key: 'mine', label: <span data-testid="exports-tab-mine">{t('exports.mine')}</span>, children: <ExportsTable pending={false} /> },
              { key: 'pending', label: <span data-testid="exports-tab-pending">{t('exports.pending')}</span>, children: <ExportsTable pending /> },
            ]}
            destroyOnHidden
          />
        ) : (
          <ExportsTable pending={false} />
        )}
      </ListCard>
    </div>
  );
}

function ExportsTable({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const pager = useCursorPager(pending ? 'pending' : 'mine');
  const list = useExports({ pending: pending ? 'true' : undefined, limit: 20, cursor: pager.cursor });
  const [deciding, setDeciding] = useState<{ item: Export; approve: boolean } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  async function decide() {
    if (!deciding) return;
    setBusy(true);
    try {
      const n = note.trim() || null;
      if (deciding.approve) await exportsApi.approve(deciding.item.id, n);
      else await exportsApi.reject(deciding.item.id, n);
      message.success(deciding.approve ? t('exports.approved') : t('exports.rejected'));
      void client.invalidateQueries({ queryKey: exportKeys.all });
      setDeciding(null);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<Export> = [
    { title: t('exports.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    { title: t('exports.user'), dataIndex: 'userName', width: 110, ellipsis: true, render: (n: string | null) => n ?? dash },
    { title: t('exports.format'), dataIndex: 'format', width: 80, render: (f: string) => f.toUpperCase() },
    { title: t('exports.rows'), dataIndex: 'rowCount', width: 90, align: 'right', render: (n: number) => n.toLocaleString() },
    {
      title: t('exports.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: Export['status']) =>
        s === 'expired' ? (
          <Tooltip title={t('exports.expiredHint')}>
            <Tag color={STATUS_COLORS[s]} data-testid="export-expired">
              {t(`exports.statuses.${s}`)}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color={STATUS_COLORS[s]}>{t(`exports.statuses.${s}`)}</Tag>
        ),
    },
    {
      // files are deleted after the firm's retention
      title: t('exports.keptUntil'),
      key: 'kept',
      width: 170,
      render: (_, e) =>
        e.expiresAt ? (
          formatDate(e.expiresAt)
        ) : e.expiredAt ? (
          <Typography.Text type="secondary">{t('exports.deletedOn', { date: formatDate(e.expiredAt) })}</Typography.Text>
        ) : (
          dash
        ),
    },
    { title: t('exports.approver'), dataIndex: 'approverName', width: 110, render: (n: string | null) => n ?? dash },
    { title: t('exports.note'), dataIndex: 'decisionNote', ellipsis: true, render: (n: string | null) => n ?? dash },
    {
      title: t('common.actions'),
      key: 'actions',
      width: pending ? 210 : 110,
      fixed: 'right',
      render: (_, e) =>
        pending ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => { setNote(''); setDeciding({ item: e, approve: true }); }} data-testid="export-approve">
              {t('exports.approve')}
            </Button>
            <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => { setNote(''); setDeciding({ item: e, approve: false }); }} data-testid="export-reject">
              {t('exports.reject')}
            </Button>
          </Space>
        ) : downloadable(e) ? (
          <Button type="link" size="small" icon={<DownloadOutlined />} href={exportDownloadUrl(e.id)} data-testid="export-download">
            {t('exports.download')}
          </Button>
        ) : null,
    },
  ];

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <TableSkeleton />;
  return (
    <>
      <Table<Export>
        className="retainer-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid={pending ? 'exports-pending-table' : 'exports-table'}
        locale={{ emptyText: <Empty description={pending ? t('exports.pendingEmpty') : t('exports.empty')} /> }}
      />
      <CursorPager
        total={list.data?.total}
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={pager.next}
      />
      <Modal
        open={deciding !== null}
        title={
          deciding?.approve
            ? t('exports.approveTitle', { user: deciding.item.userName ?? '', rows: deciding.item.rowCount })
            : t('exports.rejectTitle', { user: deciding?.item.userName ?? '' })
        }
        okText={deciding?.approve ? t('exports.approve') : t('exports.reject')}
        okButtonProps={{ danger: deciding?.approve === false, 'data-testid': 'export-decide-submit' }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('exports.note')}>
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('exports.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
