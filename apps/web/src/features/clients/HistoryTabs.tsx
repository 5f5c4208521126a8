import { Empty, Flex, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PERSONNEL_FIELDS, type AccessLogEntry } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { clientKeys, clientsApi } from './clients.api';
import { accessLogDetail } from '../access-log/accessLogDetail';

const PAGE_SIZE = 20;
const ROW = { padding: '10px 0', borderBottom: '1px solid #f0f0f0' };
const isPersonnelField = (f: string): f is (typeof PERSONNEL_FIELDS)[number] => (PERSONNEL_FIELDS as readonly string[]).includes(f);

/** C-6: who changed from what to what, and when. */
export function PersonnelTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager(clientId);
  const params = { limit: PAGE_SIZE, cursor: pager.cursor };
  const changes = useQuery({
    queryKey: clientKeys.sub(clientId, 'personnel', params),
    queryFn: ({ signal }) => clientsApi.personnel(clientId, params, signal),
    placeholderData: keepPreviousData,
  });
  const dash = t('common.empty');
  // contact statuses are stored as in_post / left
  const value = (field: string, v: string | null) =>
    v === null ? dash : field === 'status' && (v === 'in_post' || v === 'left') ? t(`contacts.statuses.${v}`) : v;

  if (changes.error && !changes.data) return <LoadError error={changes.error} onRetry={() => void changes.refetch()} />;
  if (changes.isPending) return <TableSkeleton />;
  return (
    <div data-testid="client-personnel">
      {(changes.data?.items ?? []).length === 0 ? (
        <Empty description={t('personnel.empty')} />
      ) : (
        <Flex vertical style={{ opacity: changes.isFetching ? 0.6 : 1 }}>
          {(changes.data?.items ?? []).map((c) => (
            <Flex key={c.id} justify="space-between" align="flex-start" gap={12} wrap style={ROW} data-testid="personnel-row">
              <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Flex align="center" gap={8} wrap>
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {isPersonnelField(c.field) ? t(`personnel.fields.${c.field}`) : c.field}
                  </Tag>
                  {c.contactName ? <Typography.Text strong>{c.contactName}</Typography.Text> : null}
                </Flex>
                <span style={{ wordBreak: 'break-word' }}>
                  <Typography.Text type="secondary" delete>
                    {value(c.field, c.oldValue)}
                  </Typography.Text>
                  {' → '}
                  <Typography.Text strong>{value(c.field, c.newValue)}</Typography.Text>
                </span>
              </Flex>
              <Flex vertical align="flex-end" gap={2} style={{ flex: 'none' }}>
                <Typography.Text type="secondary">{formatDateTime(c.changedAt)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('personnel.by')}
                  {t('client.colon')}
                  {c.changedByName ?? t('timeline.system')}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      <CursorPager
        total={changes.data?.total}
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={changes.data?.nextCursor}
        onPrev={pager.prev}
        onNext={pager.next}
      />
    </div>
  );
}

const ACTION_COLORS: Record<AccessLogEntry['action'], string> = { view: 'default', unmask: 'orange', export: 'red' };

/** who viewed this client (admins). */
export function AccessLogTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager(clientId);
  const params = { limit: PAGE_SIZE, cursor: pager.cursor };
  const log = useQuery({
    queryKey: clientKeys.sub(clientId, 'access-log', params),
    queryFn: ({ signal }) => clientsApi.accessLog(clientId, params, signal),
    placeholderData: keepPreviousData,
  });
  const dash = t('common.empty');
  if (log.error && !log.data) return <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  if (log.isPending) return <TableSkeleton />;
  return (
    <div data-testid="client-access-log">
      {(log.data?.items ?? []).length === 0 ? (
        <Empty description={t('accessLog.empty')} />
      ) : (
        <Flex vertical style={{ opacity: log.isFetching ? 0.6 : 1 }}>
          {(log.data?.items ?? []).map((e) => (
            <Flex key={e.id} justify="space-between" align="center" gap={12} wrap style={ROW} data-testid="access-row">
              <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
                <Typography.Text strong>{e.userName ?? dash}</Typography.Text>
                <Tag color={ACTION_COLORS[e.action]} style={{ marginInlineEnd: 0 }}>
                  {t(`accessLog.actions.${e.action}`)}
                </Tag>
                {e.detail ? <Typography.Text type="secondary">{accessLogDetail(t, e)}</Typography.Text> : null}
              </Flex>
              <Flex gap={12} style={{ flex: 'none' }}>
                {e.ip ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.ip}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      <CursorPager
        total={log.data?.total}
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={log.data?.nextCursor}
        onPrev={pager.prev}
        onNext={pager.next}
      />
    </div>
  );
}
