import { useState } from 'react';
import { Button, DatePicker, Empty, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ACCESS_ACTIONS, type AccessLogListEntry } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTimeSeconds } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useClientSearch } from '../clients/clients.api';
import { useUserOptions } from '../users/users.api';
import { useAccessLog, type AccessLogFilters } from './accessLog.api';
import { accessLogDetail } from './accessLogDetail';

const PAGE_SIZE = 30;
const ACTION_COLORS: Record<AccessLogListEntry['action'], string> = { view: 'default', unmask: 'orange', export: 'red' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
type Action = AccessLogListEntry['action'];
const isAction = (a: string | null): a is Action => (ACCESS_ACTIONS as readonly (string | null)[]).includes(a);

/** The filters live in the URL: the leak alert links here with ?userId=…&from=…&to=…. */
function readFilters(params: URLSearchParams): AccessLogFilters {
  const out: AccessLogFilters = {};
  const userId = params.get('userId');
  const clientId = params.get('clientId');
  const action = params.get('action');
  const day = params.get('day');
  const from = params.get('from') ?? day;
  const to = params.get('to') ?? day;
  if (userId) out.userId = userId;
  if (clientId) out.clientId = clientId;
  if (from && DAY.test(from)) out.from = from;
  if (to && DAY.test(to)) out.to = to;
  if (isAction(action)) out.action = action;
  return out;
}

/** who looked at which client, unmasked what and exported when, firm-wide (admins). */
export function AccessLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const setFilters = (next: AccessLogFilters) =>
    setParams(Object.fromEntries(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1]))), { replace: true });
  const pager = useCursorPager(JSON.stringify(filters));
  const log = useAccessLog({ ...filters, limit: PAGE_SIZE, cursor: pager.cursor });
  const users = useUserOptions();
  const [clientSearch, setClientSearch] = useState('');
  const q = useDebouncedValue(clientSearch.trim());
  const found = useClientSearch(q, 10);
  // the chosen client's name: from the search it was picked in, else from its own entries
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const shownName = log.data?.items.find((e) => e.clientId === filters.clientId)?.clientName;
  const chosen = filters.clientId
    ? picked?.value === filters.clientId
      ? picked
      : { value: filters.clientId, label: shownName ?? filters.clientId }
    : null;
  const clientOptions = [...(chosen ? [chosen] : []), ...(found.data?.items ?? []).filter((c) => c.id !== chosen?.value).map((c) => ({ value: c.id, label: c.name }))];
  const filtered = Object.keys(filters).length > 0;
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  const columns: TableColumnsType<AccessLogListEntry> = [
    { title: t('accessLog.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTimeSeconds(at) },
    {
      title: t('accessLog.user'),
      dataIndex: 'userName',
      width: 130,
      ellipsis: true,
      render: (name: string | null, e) => (
        <Typography.Link onClick={() => setFilters({ ...filters, userId: e.userId })}>{name ?? e.userId}</Typography.Link>
      ),
    },
    {
      title: t('accessLog.action'),
      dataIndex: 'action',
      width: 130,
      render: (a: Action) => <Tag color={ACTION_COLORS[a]}>{t(`accessLog.actions.${a}`)}</Tag>,
    },
    {
      title: t('accessLogPage.client'),
      dataIndex: 'clientName',
      width: 220,
      ellipsis: true,
      render: (name: string | null, e) =>
        e.clientId ? (
          <Link to={`/clients/${encodeURIComponent(e.clientId)}`}>{name ?? e.clientId}</Link>
        ) : e.action === 'export' ? (
          <Typography.Text type="secondary">{t('accessLogPage.exportScope')}</Typography.Text>
        ) : (
          dash
        ),
    },
    { title: t('accessLog.detail'), key: 'detail', ellipsis: true, render: (_, e) => accessLogDetail(t, e) ?? dash },
    { title: t('accessLog.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? dash },
  ];

  return (
    <div data-testid="access-log-page">
      <PageHeader title={t('accessLogPage.title')} subtitle={t('accessLogPage.subtitle')} />
      <ListCard>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('accessLogPage.allUsers')}
            value={filters.userId}
            onChange={(userId) => setFilters({ ...filters, userId })}
            options={users.data ?? []}
            loading={users.isLoading}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
            data-testid="access-log-filter-user"
          />
          <Select<string>
            allowClear
            showSearch={{ filterOption: false, onSearch: setClientSearch }}
            placeholder={t('accessLogPage.allClients')}
            value={filters.clientId}
            onChange={(clientId, option) => {
              setPicked(clientId && option && !Array.isArray(option) ? { value: clientId, label: String(option.label) } : null);
              setFilters({ ...filters, clientId });
            }}
            options={clientOptions}
            loading={found.isFetching}
            notFoundContent={q ? t('search.noResults') : null}
            style={{ width: 240 }}
            popupMatchSelectWidth={false}
            data-testid="access-log-filter-client"
          />
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => setFilters({ ...filters, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('accessLogPage.startDate'), t('accessLogPage.endDate')]}
            format="YYYY-MM-DD"
            allowEmpty={[true, true]}
            data-testid="access-log-filter-range"
          />
          <Select<Action>
            allowClear
            placeholder={t('accessLogPage.allActions')}
            value={filters.action}
            onChange={(action) => setFilters({ ...filters, action })}
            options={ACCESS_ACTIONS.map((a) => ({ value: a, label: t(`accessLog.actions.${a}`) }))}
            style={{ width: 160 }}
            data-testid="access-log-filter-action"
          />
          {filtered ? (
            <Button type="link" onClick={() => setFilters({})} data-testid="access-log-clear">
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {log.error && !log.data ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : log.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <Table<AccessLogListEntry>
              className="retainer-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={log.data?.items ?? []}
              loading={log.isFetching}
              pagination={false}
              sticky={{ offsetHeader: 64 }}
              scroll={{ x: 1000 }}
              data-testid="access-log-table"
              locale={{
                emptyText: (
                  <Empty description={filtered ? t('accessLogPage.emptyFiltered') : t('accessLogPage.empty')}>
                    {filtered ? <Button onClick={() => setFilters({})}>{t('common.clearFilters')}</Button> : null}
                  </Empty>
                ),
              }}
            />
            <CursorPager
              testId="access-log"
              total={log.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={log.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
    </div>
  );
}
