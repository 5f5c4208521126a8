import { useState } from 'react';
import { Button, Card, Flex, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { IMPROVEMENT_STATUSES, type ImprovementItem, type ImprovementStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { useCursorPager } from '../../components/useCursorPager';
import { ImprovementDrawer } from './ImprovementDrawer';
import { ImprovementsTable } from './ImprovementsTable';
import { useImprovements } from './surveys.api';

/** V-4 改进计划 across the visible clients. */
export function ImprovementsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('interactions:log');
  const [status, setStatus] = useState<ImprovementStatus | undefined>();
  const pager = useCursorPager(String(status));
  const list = useImprovements({ status, limit: 20, cursor: pager.cursor });
  const [editing, setEditing] = useState<{ open: boolean; item: ImprovementItem | null; key: number }>({ open: false, item: null, key: 0 });

  return (
    <div data-testid="improvements-page">
      <PageHeader
        title={t('surveys.improvements.title')}
        subtitle={t('surveys.improvements.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing((e) => ({ open: true, item: null, key: e.key + 1 }))} data-testid="improvement-new">
              {t('surveys.improvements.new')}
            </Button>
          ) : null
        }
      />
      <Card variant="borderless">
        <Flex gap={12} style={{ marginBottom: 12 }}>
          <Select<ImprovementStatus>
            allowClear
            placeholder={t('surveys.improvements.allStatuses')}
            value={status}
            onChange={setStatus}
            options={IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: t(`surveys.improvements.statuses.${s}`) }))}
            style={{ width: 160 }}
          />
        </Flex>
        {list.error && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <ImprovementsTable items={list.data?.items ?? []} loading={list.isLoading} onOpen={(item) => canWrite && setEditing((e) => ({ open: true, item, key: e.key + 1 }))} />
        <CursorPager total={list.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={list.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} />
      </Card>
      <ImprovementDrawer key={editing.key} open={editing.open} item={editing.item} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </div>
  );
}
