import { useEffect, useState } from 'react';
import { Button, Flex, Grid, Input, Select, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { MATTER_STATUSES, MATTER_TYPES, type MatterStatus, type MatterType } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { MatterFormDrawer } from './MatterFormDrawer';
import { useMatters, type MatterFilters } from './matters.api';
import { MattersTable } from './MattersTable';

const PAGE_SIZE = 20;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** Filters live in the URL so a list can be shared and survives a reload. */
function useMatterFilters() {
  const [params, setParams] = useSearchParams();
  const filters: MatterFilters = {
    q: params.get('q') ?? undefined,
    status: oneOf<MatterStatus>(MATTER_STATUSES, params.get('status')),
    type: oneOf<MatterType>(MATTER_TYPES, params.get('type')),
    leadLawyerId: params.get('leadLawyerId') ?? undefined,
  };
  const setFilters = (next: MatterFilters) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) out.set(k, String(v));
    setParams(out, { replace: true });
  };
  return { filters, setFilters };
}

/** M-1 list: filters above, status tags, cursor pages, and the next action when empty. */
export function MattersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('matters:write');
  const { filters, setFilters } = useMatterFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebouncedValue(search.trim());
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const people = usePeopleOptions();
  const phone = Grid.useBreakpoint().md === false;
  const w = (width: number) => (phone ? { flex: '1 1 40%', minWidth: 0 } : { width });

  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ ...filters, q: q || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [q]);

  const query: MatterFilters = { ...filters, q: q || undefined };
  const pager = useCursorPager(JSON.stringify(query));
  const matters = useMatters({ ...query, limit: PAGE_SIZE, cursor: pager.cursor });
  const filtered = Object.values(query).some(Boolean);
  const openNew = () => setDrawer((d) => ({ open: true, key: d.key + 1 }));
  const leads = people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }));

  const empty = filtered ? (
    t('matters.emptyFiltered')
  ) : canWrite ? (
    <span data-testid="matters-empty">
      {t('matters.empty')}
      <Typography.Link onClick={openNew}>{t('matters.emptyCreate')}</Typography.Link>
    </span>
  ) : (
    t('matters.emptyReadonly')
  );

  return (
    <div data-testid="matters-page">
      <PageHeader
        title={t('matters.title')}
        subtitle={t('matters.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="matters-new">
              {t('matters.new')}
            </Button>
          ) : null
        }
      />
      <ListCard>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="matters-filters">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('matters.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={phone ? { width: '100%' } : { width: 280 }}
            data-testid="matters-search"
          />
          <Select<MatterStatus>
            allowClear
            placeholder={t('matters.allStatuses')}
            value={filters.status}
            onChange={(status) => setFilters({ ...query, status })}
            options={MATTER_STATUSES.map((s) => ({ value: s, label: t(`matters.statuses.${s}`) }))}
            style={w(140)}
            data-testid="matters-filter-status"
          />
          <Select<MatterType>
            allowClear
            placeholder={t('matters.allTypes')}
            value={filters.type}
            onChange={(type) => setFilters({ ...query, type })}
            options={MATTER_TYPES.map((v) => ({ value: v, label: t(`matters.types.${v}`) }))}
            style={w(170)}
            popupMatchSelectWidth={false}
            data-testid="matters-filter-type"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('matters.allLeads')}
            value={filters.leadLawyerId}
            onChange={(leadLawyerId) => setFilters({ ...query, leadLawyerId })}
            options={leads}
            loading={people.loading}
            style={w(160)}
            data-testid="matters-filter-lead"
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setFilters({});
              }}
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {matters.error && !matters.data ? (
          <LoadError error={matters.error} onRetry={() => void matters.refetch()} />
        ) : matters.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <MattersTable
              matters={matters.data?.items ?? []}
              loading={matters.isFetching}
              onOpen={(m) => navigate(`/matters/${encodeURIComponent(m.id)}`)}
              empty={empty}
            />
            <CursorPager
              testId="matters"
              total={matters.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={matters.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
      <MatterFormDrawer
        key={drawer.key}
        open={drawer.open}
        matter={null}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        onSaved={(m) => navigate(`/matters/${encodeURIComponent(m.id)}`)}
      />
    </div>
  );
}
