import { useState } from 'react';
import { Button, Flex, Grid, Input, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { REQUEST_CHANNELS, REQUEST_PRIORITIES, REQUEST_STATUSES, SLA_FILTERS } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan, useSessionUser } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { DayRangeFilter } from '../../components/DayRangeFilter';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientFilter } from '../interactions/ClientPicker';
import { BreachReportTab } from './BreachReportTab';
import { RequestDetailDrawer } from './RequestDetailDrawer';
import { RequestFormDrawer } from './RequestFormDrawer';
import { useRequests } from './requests.api';
import { RequestsTable } from './RequestsTable';
import { useRequestFilters } from './useRequestFilters';

const PAGE_SIZE = 30;

/** S-1..S-4 客户需求: the inbox with live SLA countdowns, and the breach report as a tab. */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const canLog = useCan('interactions:log');
  const canReport = useCan('reports:cadence');
  const phone = Grid.useBreakpoint().md === false;
  const w = (width: number) => (phone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const { filters, openId, tab, set, clear } = useRequestFilters();
  const [creating, setCreating] = useState(false);
  const [more, setMore] = useState(!!(filters.channel || filters.priority || filters.receivedFrom || filters.receivedTo || filters.clientId));
  const { clientName, ...query } = filters;
  const pager = useCursorPager(JSON.stringify(query));
  const list = useRequests(query, PAGE_SIZE, pager.cursor);
  const people = usePeopleOptions();
  const narrowed = !!(filters.channel || filters.priority || filters.sla || filters.receivedFrom || filters.receivedTo || filters.clientId || filters.q || filters.status !== 'open' || filters.assignee !== 'mine');

  const empty = (
    <Flex vertical gap={4} align="center" style={{ padding: '24px 0' }} data-testid="requests-empty">
      <span>{t('requests.list.empty')}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {narrowed ? t('requests.list.emptyFiltered') : t('requests.list.emptyHint')}
      </Typography.Text>
      {!narrowed && canLog ? (
        <Button type="link" onClick={() => setCreating(true)}>
          {t('requests.new')}
        </Button>
      ) : null}
    </Flex>
  );

  const inbox = (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="requests-filters">
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.assignee ?? 'all'}
          onChange={(assignee) => set({ assignee: assignee === 'mine' ? undefined : assignee })}
          options={[
            { value: 'mine', label: t('requests.list.assigneeMine') },
            { value: 'all', label: t('requests.list.assigneeAll') },
            ...people.options.filter((p) => p.value !== me.user.id),
          ]}
          loading={people.loading}
          style={w(150)}
          aria-label={t('requests.fields.assignee')}
          data-testid="requests-filter-assignee"
        />
        <Select
          allowClear
          placeholder={t('requests.list.allStatuses')}
          value={filters.status}
          onChange={(status) => set({ status: status === 'open' ? undefined : (status ?? 'any') })}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.statuses.${s}`) }))}
          style={w(120)}
          data-testid="requests-filter-status"
        />
        <Select
          allowClear
          placeholder={t('requests.list.allSla')}
          value={filters.sla}
          onChange={(sla) => set({ sla })}
          options={SLA_FILTERS.map((s) => ({ value: s, label: t(`requests.slaFilters.${s}`) }))}
          style={w(170)}
          popupMatchSelectWidth={false}
          data-testid="requests-filter-sla"
        />
        <Input.Search allowClear defaultValue={filters.q} placeholder={t('requests.list.search')} onSearch={(q) => set({ q: q || undefined })} style={phone ? { width: '100%' } : { width: 200 }} />
        <Button type="link" onClick={() => setMore(!more)} style={{ paddingInline: 4 }}>
          {t('requests.list.moreFilters')}
        </Button>
        {narrowed ? (
          <Button type="link" onClick={clear} style={{ paddingInline: 4 }}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      {more ? (
        <Flex gap={12} wrap style={{ marginTop: -4, marginBottom: 16 }}>
          <Select allowClear placeholder={t('requests.list.allChannels')} value={filters.channel} onChange={(channel) => set({ channel })} options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))} style={w(130)} />
          <Select allowClear placeholder={t('requests.list.allPriorities')} value={filters.priority} onChange={(priority) => set({ priority })} options={REQUEST_PRIORITIES.map((p) => ({ value: p, label: t(`requests.priorities.${p}`) }))} style={w(130)} />
          <DayRangeFilter
            from={filters.receivedFrom}
            to={filters.receivedTo}
            onChange={(receivedFrom, receivedTo) => set({ receivedFrom, receivedTo })}
            placeholder={[t('requests.list.receivedFrom'), t('requests.list.receivedTo')]}
            phone={phone}
          />
          <div style={phone ? { width: '100%' } : { width: 240 }}>
            <ClientFilter clientId={filters.clientId} clientName={clientName} onChange={(clientId, clientName) => set({ clientId, clientName })} />
          </div>
        </Flex>
      ) : null}
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : (
        <>
          <RequestsTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            empty={empty}
            sort={filters.sort ?? 'nextDueAt'}
            onSort={(sort) => set({ sort: sort === 'nextDueAt' ? undefined : sort })}
            onOpen={(id) => set({ open: id })}
            cards={phone}
          />
          <CursorPager total={list.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={list.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} testId="requests" />
        </>
      )}
    </>
  );

  return (
    <div data-testid="requests-page">
      <PageHeader
        title={t('requests.title')}
        subtitle={t('requests.subtitle')}
        extra={
          canLog ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="request-new">
              {t('requests.new')}
            </Button>
          ) : null
        }
      />
      <ListCard>
        {canReport ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'breaches' ? 'breaches' : undefined })}
            items={[
              { key: 'inbox', label: t('requests.tabs.inbox'), children: inbox },
              { key: 'breaches', label: t('requests.tabs.breaches'), children: tab === 'breaches' ? <BreachReportTab /> : null },
            ]}
          />
        ) : (
          inbox
        )}
      </ListCard>
      <RequestFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => set({ open: id })} />
      <RequestDetailDrawer id={openId} onClose={() => set({ open: undefined })} />
    </div>
  );
}
