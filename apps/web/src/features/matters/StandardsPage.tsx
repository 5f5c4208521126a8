import { DatePicker, Flex, Grid, Segmented, Select, Table, Typography } from 'antd';
import { STANDARD_KINDS, type FirmStandard, type StandardKind, type StandardStatus } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { formatDue, isDueSoon, StandardLabel, StandardStatusTag } from './StandardParts';
import { useFirmStandards, type FirmStandardsParams } from './standards.api';

const PAGE_SIZE = 20;
const VIEWS = ['breached', 'open', 'all'] as const;
type View = (typeof VIEWS)[number];
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** Filters live in the URL; the default view is what needs attention: overdue obligations. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const view = oneOf(VIEWS, params.get('view')) ?? 'breached';
  const filters = {
    view,
    kind: oneOf<StandardKind>(STANDARD_KINDS, params.get('kind')),
    assigneeId: params.get('assigneeId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const set = (next: Partial<typeof filters>) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...next })) if (v) out.set(k, String(v));
    setParams(out, { replace: true });
  };
  return { filters, set };
}

/** M-4 firm-wide: overdue and upcoming service obligations of the matters the user may see. */
export function StandardsPage() {
  const { t } = useTranslation();
  const { filters, set } = useFilters();
  const people = usePeopleOptions();
  const phone = Grid.useBreakpoint().md === false;
  const w = (width: number) => (phone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const leads = people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }));
  const status: StandardStatus | undefined = filters.view === 'all' ? undefined : filters.view;
  const query: FirmStandardsParams = { status, kind: filters.kind, assigneeId: filters.assigneeId, from: filters.from, to: filters.to };
  const pager = useCursorPager(JSON.stringify(query));
  const list = useFirmStandards({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), limit: PAGE_SIZE, ...(pager.cursor ? { cursor: pager.cursor } : {}) });
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  return (
    <div data-testid="standards-page">
      <PageHeader title={t('standards.title')} subtitle={t('standards.subtitle')} />
      <ListCard>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="standards-filters">
          <Segmented<View>
            value={filters.view}
            onChange={(view) => set({ view })}
            options={[
              { value: 'breached', label: t('standards.statuses.breached') },
              { value: 'open', label: t('standards.statuses.open') },
              { value: 'all', label: t('standards.allStatuses') },
            ]}
            data-testid="standards-view"
          />
          <Select<StandardKind>
            allowClear
            placeholder={t('standards.allKinds')}
            value={filters.kind}
            onChange={(kind) => set({ kind })}
            options={STANDARD_KINDS.map((k) => ({ value: k, label: t(`standards.kinds.${k}`) }))}
            style={w(150)}
            popupMatchSelectWidth={false}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('standards.allLeads')}
            value={filters.assigneeId}
            onChange={(assigneeId) => set({ assigneeId })}
            options={leads}
            loading={people.loading}
            style={w(160)}
          />
          <DatePicker.RangePicker
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('standards.rangeFrom'), t('standards.rangeTo')]}
            style={phone ? { width: '100%' } : { width: 260 }}
          />
        </Flex>
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <Table<FirmStandard>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={false}
              sticky
              scroll={{ x: 900 }}
              locale={{ emptyText: t('standards.emptyList') }}
              data-testid="standards-list"
              columns={[
                { key: 'kind', title: t('standards.item'), width: 240, render: (_: unknown, s: FirmStandard) => <StandardLabel standard={s} /> },
                {
                  key: 'matter',
                  title: t('standards.matter'),
                  ellipsis: true,
                  render: (_: unknown, s: FirmStandard) => <Link to={`/matters/${encodeURIComponent(s.matterId)}`}>{s.matterTitle}</Link>,
                },
                {
                  key: 'client',
                  title: t('standards.client'),
                  ellipsis: true,
                  width: 200,
                  render: (_: unknown, s: FirmStandard) => <Link to={`/clients/${encodeURIComponent(s.clientId)}`}>{s.clientName}</Link>,
                },
                { key: 'lead', title: t('standards.lead'), dataIndex: 'leadLawyerName', width: 110, ellipsis: true, render: (v: string | null) => v ?? dash },
                {
                  key: 'due',
                  title: t('standards.due'),
                  dataIndex: 'dueAt',
                  width: 150,
                  render: (v: string, s: FirmStandard) => (
                    <Typography.Text type={s.status === 'breached' && !s.doneAt ? 'danger' : isDueSoon(s) ? 'warning' : undefined}>{formatDue(v)}</Typography.Text>
                  ),
                },
                { key: 'done', title: t('standards.doneAt'), dataIndex: 'doneAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v) : dash) },
                { key: 'status', title: t('standards.status'), width: 100, render: (_: unknown, s: FirmStandard) => <StandardStatusTag standard={s} /> },
              ]}
            />
            <CursorPager
              testId="standards"
              total={list.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={list.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
    </div>
  );
}
