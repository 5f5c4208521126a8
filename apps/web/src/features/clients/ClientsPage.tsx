import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Dropdown, Flex, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useExportClients } from '../exports/useExportClients';
import { ClientFilterBar } from './ClientFilterBar';
import { ClientFormDrawer } from './ClientFormDrawer';
import { ClientBulkBar, useClientSelection } from './BulkActions';
import { useClients, type ClientFilters } from './clients.api';
import { CLIENT_COLUMNS, ClientsTable, type ClientColumn } from './ClientsTable';
import { SavedViews } from './SavedViews';
import { compactFilters, hasFilters, useClientFilters } from './useClientFilters';
import { usePeopleOptions } from './usePeopleOptions';

const PAGE_SIZE = 20;
const HIDDEN_KEY = 'retainer.clients.hiddenColumns';
const DEFAULT_HIDDEN: ClientColumn[] = ['email', 'createdAt', 'manager'];

function loadHidden(): Set<ClientColumn> {
  try {
    const raw = localStorage.getItem(HIDDEN_KEY);
    const list = raw ? (JSON.parse(raw) as string[]) : DEFAULT_HIDDEN;
    return new Set(list.filter((c): c is ClientColumn => (CLIENT_COLUMNS as readonly string[]).includes(c)));
  } catch {
    return new Set(DEFAULT_HIDDEN);
  }
}

export function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('clients:create');
  const canImport = useCan('clients:import');
  const canExport = useCan('clients:export');
  const { filters, setFilters } = useClientFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebouncedValue(search.trim());
  const [hidden, setHidden] = useState<Set<ClientColumn>>(loadHidden);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const exportClients = useExportClients();

  // the debounced search box writes into the URL like every other filter
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ ...filters, q: q || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [q]);

  const query: ClientFilters = { ...filters, q: q || undefined };
  const pager = useCursorPager(JSON.stringify(query));
  const clients = useClients({ ...query, limit: PAGE_SIZE, cursor: pager.cursor });
  const items = useMemo(() => clients.data?.items ?? [], [clients.data]);
  const seenOwners = useMemo(
    () => items.flatMap((c) => (c.ownerName ? [{ value: c.ownerId, label: c.ownerName }] : [])),
    [items],
  );
  const people = usePeopleOptions(seenOwners);
  const selection = useClientSelection(`${JSON.stringify(query)}|${pager.cursor ?? ''}`, items);
  const filtered = hasFilters(query);

  function applyFilters(next: ClientFilters) {
    setSearch(next.q ?? '');
    setFilters(next);
  }

  function toggleColumn(col: ClientColumn, visible: boolean) {
    const next = new Set(hidden);
    if (visible) next.delete(col);
    else next.add(col);
    setHidden(next);
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...next]));
  }

  const empty = filtered ? (
    t('clients.emptyFiltered')
  ) : canCreate || canImport ? (
    <span data-testid="clients-empty">
      {t('clients.empty')}
      {canCreate ? <Typography.Link onClick={() => setDrawer((d) => ({ open: true, key: d.key + 1 }))}>{t('clients.emptyCreate')}</Typography.Link> : null}
      {canCreate && canImport ? t('clients.emptyOr') : null}
      {canImport ? <Typography.Link onClick={() => navigate('/clients/import')}>{t('clients.emptyImport')}</Typography.Link> : null}
    </span>
  ) : (
    t('clients.emptyReadonly')
  );

  const columnChooser = (
    <Dropdown
      trigger={['click']}
      popupRender={() => (
        <Flex vertical gap={6} style={{ padding: 12, background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}>
          {CLIENT_COLUMNS.map((col) => (
            <Checkbox key={col} checked={!hidden.has(col)} onChange={(e) => toggleColumn(col, e.target.checked)}>
              {t(COLUMN_LABELS[col])}
            </Checkbox>
          ))}
        </Flex>
      )}
    >
      <Button icon={<SettingOutlined />} aria-label={t('clients.columns')} data-testid="clients-columns">
        {t('clients.columns')}
      </Button>
    </Dropdown>
  );

  return (
    <div data-testid="clients-page">
      <PageHeader
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        extra={
          <>
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/clients/import')} data-testid="clients-import">
                {t('clients.import')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer((d) => ({ open: true, key: d.key + 1 }))}
                data-testid="clients-new"
              >
                {t('clients.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ListCard>
        <ClientFilterBar
          filters={filters}
          search={search}
          onSearch={setSearch}
          onChange={applyFilters}
          ownerOptions={people.options}
          ownersLoading={people.loading}
          onClear={filtered ? () => applyFilters({ sort: filters.sort }) : null}
          extra={
            <>
              <SavedViews filters={query} onApply={applyFilters} />
              {columnChooser}
              {canExport ? (
                <Button
                  icon={<DownloadOutlined />}
                  disabled={!clients.data || clients.data.total === 0}
                  onClick={() => exportClients(compactFilters(query), clients.data?.total ?? 0)}
                  data-testid="clients-export"
                >
                  {t('clients.export')}
                </Button>
              ) : null}
            </>
          }
        />
        {clients.error && !clients.data ? (
          <LoadError error={clients.error} onRetry={() => void clients.refetch()} />
        ) : clients.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <ClientBulkBar selection={selection} />
            <ClientsTable
              clients={items}
              loading={clients.isFetching}
              sort={filters.sort ?? '-updatedAt'}
              onSort={(sort) => setFilters({ ...query, sort })}
              hidden={hidden}
              onOpen={(c) => navigate(`/clients/${encodeURIComponent(c.id)}`)}
              empty={empty}
              rowSelection={selection.rowSelection}
            />
            <CursorPager
              testId="clients"
              total={clients.data?.total}
              totalCapped={clients.data?.totalCapped}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={clients.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
      <ClientFormDrawer
        key={drawer.key}
        open={drawer.open}
        client={null}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}

const COLUMN_LABELS = {
  grade: 'clients.grade',
  tier: 'clients.tier',
  status: 'clients.status',
  tags: 'clients.tags',
  industry: 'clients.industry',
  region: 'clients.region',
  owner: 'clients.owner',
  manager: 'clients.manager',
  phone: 'clients.phone',
  email: 'clients.email',
  lastContactAt: 'clients.lastContact',
  updatedAt: 'clients.updatedAt',
  createdAt: 'clients.createdAt',
} as const satisfies Record<ClientColumn, string>;
