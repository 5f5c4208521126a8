import { useState } from 'react';
import { Button, Flex, Grid, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { COMPLAINT_CAUSES, type ComplaintCause } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DayRangeFilter } from '../../components/DayRangeFilter';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientFilter } from '../interactions/ClientPicker';
import { ComplaintBoard } from './ComplaintBoard';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintFormDrawer } from './ComplaintFormDrawer';
import { ComplaintStatsPanel } from './ComplaintStatsPanel';
import { useComplaints, type ComplaintFilters } from './complaints.api';

const OPEN_LIMIT = 200;
const CLOSED_LIMIT = 10;

/** Filters, the open complaint and the tab live in the URL. */
function usePageState() {
  const [params, setParams] = useSearchParams();
  const cause = params.get('cause');
  const filters: ComplaintFilters & { clientName?: string } = {
    clientId: params.get('clientId') ?? undefined,
    clientName: params.get('clientName') ?? undefined,
    targetUserId: params.get('targetUserId') ?? undefined,
    cause: cause && (COMPLAINT_CAUSES as readonly string[]).includes(cause) ? (cause as ComplaintCause) : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const update = (next: Record<string, string | undefined | null>) => {
    const out = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) out.set(k, v);
      else out.delete(k);
    }
    setParams(out, { replace: true });
  };
  return { filters, tab: params.get('tab') === 'stats' ? 'stats' : 'board', openId: params.get('id'), update };
}

/** Q-1..Q-3 投诉处理: the board of complaints by step, their detail, and the statistics. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const { filters, tab, openId, update } = usePageState();
  const [creating, setCreating] = useState(false);
  const people = usePeopleOptions();
  const { clientName, ...query } = filters;
  const open = useComplaints({ ...query, status: 'open', limit: OPEN_LIMIT, sort: 'stageSince' }, tab === 'board');
  const closed = useComplaints({ ...query, status: 'closed', limit: CLOSED_LIMIT, sort: '-stageSince' }, tab === 'board');
  const narrowed = !!(filters.clientId || filters.targetUserId || filters.cause || filters.from || filters.to);
  const w = (width: number) => (phone ? { flex: '1 1 100%', minWidth: 0 } : { width });
  const nothing = open.data && closed.data && open.data.total === 0 && closed.data.total === 0;

  const filterBar = (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="complaint-filters">
      {tab === 'board' ? (
        <>
          <div style={w(240)}>
            <ClientFilter clientId={filters.clientId} clientName={clientName} onChange={(clientId, clientName) => update({ clientId, clientName })} />
          </div>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('complaints.filters.anyTarget')}
            value={filters.targetUserId}
            onChange={(v) => update({ targetUserId: v })}
            options={people.options}
            loading={people.loading}
            style={w(160)}
            aria-label={t('complaints.fields.targetUser')}
          />
          <Select<ComplaintCause>
            allowClear
            placeholder={t('complaints.filters.allCauses')}
            value={filters.cause}
            onChange={(v) => update({ cause: v })}
            options={COMPLAINT_CAUSES.map((c) => ({ value: c, label: t(`complaints.causes.${c}`) }))}
            style={w(140)}
          />
        </>
      ) : null}
      <DayRangeFilter
        from={filters.from}
        to={filters.to}
        onChange={(from, to) => update({ from, to })}
        placeholder={[t('complaints.fields.period'), t('complaints.fields.period')]}
        phone={phone}
      />
      {narrowed ? (
        <Button type="link" onClick={() => update({ clientId: null, clientName: null, targetUserId: null, cause: null, from: null, to: null })}>
          {t('complaints.filters.clear')}
        </Button>
      ) : null}
    </Flex>
  );

  const board =
    (open.error && !open.data) || (closed.error && !closed.data) ? (
      <LoadError error={open.error ?? closed.error} onRetry={() => void Promise.all([open.refetch(), closed.refetch()])} />
    ) : !open.data || !closed.data ? (
      <TableSkeleton />
    ) : (
      <>
        {nothing ? (
          <Flex vertical align="center" gap={4} style={{ padding: '8px 0 16px' }} data-testid="complaints-empty">
            <Typography.Text>{narrowed ? t('complaints.board.emptyFiltered') : t('complaints.board.empty')}</Typography.Text>
            {narrowed ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('complaints.board.emptyHint')}
              </Typography.Text>
            )}
          </Flex>
        ) : null}
        <ComplaintBoard open={open.data.items} closed={closed.data.items} closedTotal={closed.data.total} onOpen={(id) => update({ id })} />
      </>
    );

  return (
    <div data-testid="complaints-page">
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="complaint-new">
            {t('complaints.new')}
          </Button>
        }
      />
      <ListCard>
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'stats' ? 'stats' : null })}
          items={[
            { key: 'board', label: t('complaints.tabs.board'), children: null },
            { key: 'stats', label: t('complaints.tabs.stats'), children: null },
          ]}
          style={{ marginTop: -8 }}
        />
        {filterBar}
        {tab === 'board' ? board : <ComplaintStatsPanel range={{ from: filters.from, to: filters.to }} />}
      </ListCard>
      <ComplaintFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        client={filters.clientId ? { id: filters.clientId, name: clientName ?? filters.clientId } : null}
        onSaved={(c) => update({ id: c.id, tab: null })}
      />
      <ComplaintDrawer id={openId} onClose={() => update({ id: null })} />
    </div>
  );
}
