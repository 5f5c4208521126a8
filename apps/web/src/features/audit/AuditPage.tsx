import { useState } from 'react';
import { Button, DatePicker, Empty, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDateTimeSeconds } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useUserOptions } from '../users/users.api';
import { useAuditEvents } from './audit.api';
import { AuditDiff } from './AuditDiff';
import type { AuditEvent } from './auditValues';

const PAGE_SIZE = 30;
const ENTITIES = [
  'user',
  'team',
  'client',
  'contact',
  'important_date',
  'client_relationship',
  'saved_view',
  'settings',
  'export',
  'calendar_year',
  'matter',
  'matter_member',
  'matter_opposing_party',
  'fee',
  'interaction',
  'need',
  'task',
] as const;
type KnownEntity = (typeof ENTITIES)[number];
const isKnownEntity = (e: string): e is KnownEntity => (ENTITIES as readonly string[]).includes(e);
const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

interface AuditFilters {
  entity?: string;
  actorId?: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

export function AuditPage() {
  const { t } = useTranslation();
  const canReadUsers = useCan('users:read');
  const actors = useUserOptions(canReadUsers);
  const [filters, setFilters] = useState<AuditFilters>({ range: null });
  const query = {
    entity: filters.entity,
    actorId: filters.actorId,
    from: filters.range?.[0]?.format('YYYY-MM-DD'),
    to: filters.range?.[1]?.format('YYYY-MM-DD'),
  };
  const pager = useCursorPager(JSON.stringify(query));
  const events = useAuditEvents({ ...query, limit: PAGE_SIZE, cursor: pager.cursor });
  const filtered = Boolean(filters.entity || filters.actorId || filters.range);

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTimeSeconds(at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 100,
      render: (action: AuditEvent['action']) => <Tag color={ACTION_COLORS[action]}>{t(`audit.actions.${action}`)}</Tag>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 120,
      render: (entity: string) => (isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string) => <Typography.Text copyable={{ text: id }} code>{id}</Typography.Text>,
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 150,
      render: (ip: string | null) => ip ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
    },
  ];

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <ListCard>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            placeholder={t('audit.allEntities')}
            value={filters.entity}
            onChange={(entity) => setFilters({ ...filters, entity })}
            options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
            style={{ width: 160 }}
            data-testid="audit-filter-entity"
          />
          {canReadUsers ? (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.allActors')}
              value={filters.actorId}
              onChange={(actorId) => setFilters({ ...filters, actorId })}
              options={actors.data ?? []}
              loading={actors.isLoading}
              style={{ width: 280 }}
              popupMatchSelectWidth={false}
              data-testid="audit-filter-actor"
            />
          ) : null}
          <DatePicker.RangePicker
            value={filters.range}
            onChange={(range) => setFilters({ ...filters, range })}
            placeholder={[t('audit.startDate'), t('audit.endDate')]}
            format="YYYY-MM-DD"
            allowEmpty={[true, true]}
            data-testid="audit-filter-range"
          />
          {filtered ? (
            <Button type="link" onClick={() => setFilters({ range: null })}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {events.error && !events.data ? (
          <LoadError error={events.error} onRetry={() => void events.refetch()} />
        ) : events.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <Table<AuditEvent>
              className="retainer-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={events.data?.items ?? []}
              loading={events.isFetching}
              pagination={false}
              sticky={{ offsetHeader: 64 }}
              scroll={{ x: 960 }}
              expandable={{ expandedRowRender: (event) => <AuditDiff event={event} />, expandRowByClick: true }}
              data-testid="audit-table"
              locale={{ emptyText: <Empty description={filtered ? t('audit.emptyFiltered') : t('audit.empty')} /> }}
            />
            <CursorPager
              testId="audit"
              total={events.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={events.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
    </div>
  );
}
