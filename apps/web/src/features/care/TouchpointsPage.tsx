import { Button, Flex, Grid, Select, Typography } from 'antd';
import { TOUCHPOINT_KINDS, TOUCHPOINT_STATUSES, type TouchpointKind } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan, useSessionUser } from '../../app/auth/session';
import { DayRangeFilter } from '../../components/DayRangeFilter';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientFilter } from '../interactions/ClientPicker';
import { useTouchpoints, type TouchpointFilters } from './care.api';
import { GenerateYearButton } from './GenerateYearButton';
import { TouchpointsTable } from './TouchpointsTable';
import { useTouchpointActions } from './useTouchpointActions';

const PAGE_SIZE = 30;
const STATUS_FILTERS = ['open', 'overdue', ...TOUCHPOINT_STATUSES.filter((s) => s !== 'open')] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** Filters live in the URL; the default is my open touchpoints. */
function useTouchpointFilters(mayPickAnyone: boolean) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: TouchpointFilters & { clientName?: string } = {
    assignee: mayPickAnyone ? params.get('assignee') || 'me' : params.get('assignee') === 'all' ? 'all' : 'me',
    kind: oneOf<TouchpointKind>(TOUCHPOINT_KINDS, params.get('kind')),
    status: status === 'any' ? undefined : (oneOf<StatusFilter>(STATUS_FILTERS, status) ?? 'open'),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    clientId: params.get('clientId') ?? undefined,
    clientName: params.get('clientName') ?? undefined,
  };
  const setFilters = (next: Partial<typeof filters> & { status?: StatusFilter | 'any' }) => {
    const merged = { ...filters, ...next, status: 'status' in next ? (next.status ?? 'any') : (filters.status ?? 'any') };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v && !(k === 'assignee' && v === 'me') && !(k === 'status' && v === 'open')) out.set(k, String(v));
    setParams(out, { replace: true });
  };
  return { filters, setFilters };
}

/** P-4 维护计划: my (or anyone's) touchpoints by due day, with 记录互动 and 跳过 on open ones. */
export function TouchpointsPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const mayPickAnyone = me.user.role === 'admin' || me.user.role === 'partner';
  const canGenerate = useCan('touchpoints:generate');
  const phone = Grid.useBreakpoint().md === false;
  const w = (width: number) => (phone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const { filters, setFilters } = useTouchpointFilters(mayPickAnyone);
  const { clientName, ...query } = filters;
  const list = useTouchpoints(query, PAGE_SIZE);
  const actions = useTouchpointActions();
  const people = usePeopleOptions();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const narrowed = !!(filters.kind || filters.from || filters.to || filters.clientId || filters.status !== 'open' || filters.assignee !== 'me');

  const empty = (
    <Flex vertical gap={4} data-testid="touchpoints-empty">
      <span>{t('care.list.empty')}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {narrowed ? t('care.list.emptyFiltered') : canGenerate ? t('care.list.emptyHintGenerate') : t('care.list.emptyHint')}
      </Typography.Text>
    </Flex>
  );

  return (
    <div data-testid="touchpoints-page">
      <PageHeader title={t('care.list.title')} subtitle={t('care.list.subtitle')} extra={canGenerate ? <GenerateYearButton /> : null} />
      <ListCard>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="touchpoints-filters">
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.assignee}
            onChange={(assignee) => setFilters({ assignee })}
            options={[
              { value: 'me', label: t('care.list.assigneeMe') },
              { value: 'all', label: t('care.list.assigneeAll') },
              ...(mayPickAnyone ? people.options.filter((p) => p.value !== me.user.id) : []),
            ]}
            loading={people.loading}
            style={w(160)}
            aria-label={t('care.fields.assignee')}
            data-testid="touchpoints-filter-assignee"
          />
          <Select<StatusFilter>
            allowClear
            placeholder={t('care.list.allStatuses')}
            value={filters.status}
            onChange={(status) => setFilters({ status: status ?? 'any' })}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`care.statusFilter.${s}`) }))}
            style={w(130)}
            data-testid="touchpoints-filter-status"
          />
          <Select<TouchpointKind>
            allowClear
            placeholder={t('care.list.allKinds')}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind })}
            options={TOUCHPOINT_KINDS.map((k) => ({ value: k, label: t(`care.kinds.${k}`) }))}
            style={w(150)}
            popupMatchSelectWidth={false}
            data-testid="touchpoints-filter-kind"
          />
          <DayRangeFilter
            from={filters.from}
            to={filters.to}
            onChange={(from, to) => setFilters({ from, to })}
            placeholder={[t('care.list.dueFrom'), t('care.list.dueTo')]}
            phone={phone}
          />
          <div style={phone ? { width: '100%' } : { width: 240 }}>
            <ClientFilter clientId={filters.clientId} clientName={clientName} onChange={(clientId, clientName) => setFilters({ clientId, clientName })} />
          </div>
          {narrowed ? (
            <Button type="link" onClick={() => setFilters({ assignee: 'me', kind: undefined, status: 'open', from: undefined, to: undefined, clientId: undefined, clientName: undefined })}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <TouchpointsTable items={items} loading={list.isFetching && !list.isFetchingNextPage} empty={empty} cards={phone} onLog={actions.onLog} onSkip={actions.onSkip} />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary" data-testid="touchpoints-total">
                {total === undefined ? '\u00a0' : t('care.list.shown', { shown: items.length, total })}
              </Typography.Text>
              {list.hasNextPage ? (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="touchpoints-more">
                  {t('care.list.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </ListCard>
      {actions.elements}
    </div>
  );
}
