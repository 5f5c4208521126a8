import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { formatFen } from '../clients/clientFormat';
import { MatterFormDrawer } from './MatterFormDrawer';
import { useMatters } from './matters.api';
import { MattersTable } from './MattersTable';

const PAGE_SIZE = 10;

/** The 事项 tab of the client 360 page: this client's matters and a quick "新建事项". */
export function ClientMattersTab({ client }: { client: { id: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('matters:write');
  const pager = useCursorPager(client.id);
  const matters = useMatters({ clientId: client.id, limit: PAGE_SIZE, cursor: pager.cursor });
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const items = matters.data?.items ?? [];
  const received = items.reduce((sum, m) => sum + m.feesTotalFen, 0);

  return (
    <div data-testid="client-matters">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {matters.data && items.length > 0 && !matters.data.nextCursor && !pager.hasPrev
            ? `${t('common.total', { count: matters.data.total })} · ${t('matters.fields.feesReceived')} ${formatFen(received)}`
            : '\u00a0'}
        </Typography.Text>
        {canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setDrawer((d) => ({ open: true, key: d.key + 1 }))} data-testid="client-matters-new">
            {t('matters.tab.new')}
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
            matters={items}
            loading={matters.isFetching}
            onOpen={(m) => navigate(`/matters/${encodeURIComponent(m.id)}`)}
            empty={t('matters.emptyClient')}
            hide={['client', 'lead']}
            compact
            sticky={false}
            testId="client-matters-table"
          />
          {(matters.data?.total ?? 0) > PAGE_SIZE ? (
            <CursorPager total={matters.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={matters.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} />
          ) : null}
        </>
      )}
      <MatterFormDrawer key={drawer.key} open={drawer.open} matter={null} client={client} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </div>
  );
}
