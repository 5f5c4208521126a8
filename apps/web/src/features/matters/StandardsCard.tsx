import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { Matter, Standard } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { AdverseEventModal, CompleteStandardModal, formatDue, isDueSoon, StandardLabel, StandardStatusTag } from './StandardParts';
import { useMatterStandards } from './standards.api';

/** M-4 on the matter page: each obligation with its due time and state, completed from here. */
export function StandardsCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const canWrite = useCan('matters:write');
  const standards = useMatterStandards(matter.id);
  const [completing, setCompleting] = useState<Standard | null>(null);
  const [recording, setRecording] = useState({ open: false, key: 0 });
  const items = standards.data?.items ?? [];
  const breached = items.filter((s) => s.status === 'breached').length;
  const open = items.filter((s) => s.status === 'open').length;
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  return (
    <Card
      variant="borderless"
      title={t('standards.card')}
      data-testid="matter-standards"
      extra={
        canWrite && matter.status !== 'intake' ? (
          <Button icon={<WarningOutlined />} onClick={() => setRecording((r) => ({ open: true, key: r.key + 1 }))} data-testid="adverse-event-new">
            {t('standards.adverse.record')}
          </Button>
        ) : null
      }
    >
      {items.length ? (
        <Typography.Paragraph type={breached ? 'danger' : 'secondary'} style={{ marginBottom: 12 }} data-testid="standards-summary">
          {t('standards.summary', { breached, open })}
        </Typography.Paragraph>
      ) : null}
      {standards.error && !standards.data ? (
        <LoadError error={standards.error} onRetry={() => void standards.refetch()} />
      ) : (
        <Table<Standard>
          rowKey="id"
          size="small"
          loading={standards.isFetching}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10, size: 'small', hideOnSinglePage: true } : false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('standards.empty') }}
          data-testid="standards-table"
          columns={[
            { key: 'kind', title: t('standards.item'), render: (_: unknown, s: Standard) => <StandardLabel standard={s} /> },
            {
              key: 'due',
              title: t('standards.due'),
              dataIndex: 'dueAt',
              width: 150,
              render: (v: string, s: Standard) => <Typography.Text type={s.status === 'breached' && !s.doneAt ? 'danger' : isDueSoon(s) ? 'warning' : undefined}>{formatDue(v)}</Typography.Text>,
            },
            { key: 'done', title: t('standards.doneAt'), dataIndex: 'doneAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v) : dash) },
            { key: 'status', title: t('standards.status'), width: 100, render: (_: unknown, s: Standard) => <StandardStatusTag standard={s} /> },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 80,
                    render: (_: unknown, s: Standard) =>
                      !s.doneAt && s.status !== 'cancelled' ? (
                        <Button type="link" size="small" onClick={() => setCompleting(s)} data-testid="standard-complete">
                          {s.kind === 'adverse_event' ? t('standards.adverse.recordNotified') : t('standards.complete')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <CompleteStandardModal key={completing?.id ?? 'none'} matter={matter} standard={completing} onClose={() => setCompleting(null)} />
      <AdverseEventModal key={recording.key} matter={matter} open={recording.open} onClose={() => setRecording((r) => ({ ...r, open: false }))} />
    </Card>
  );
}
