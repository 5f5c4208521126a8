import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { Client } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import { useComplaints } from './complaints.api';
import { STAGE_COLORS } from './complaintFormat';
import { ComplaintFormDrawer } from './ComplaintFormDrawer';

const SHOWN = 5;

/** Q-1 on the client page: the complaints the viewer may see, each opening on the board. */
export function ClientComplaintsCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useComplaints({ clientId: client.id, limit: SHOWN, sort: '-receivedAt' });
  const board = (extra = '') => `/complaints?clientId=${encodeURIComponent(client.id)}&clientName=${encodeURIComponent(client.name)}${extra}`;
  const items = list.data?.items ?? [];

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('complaints.client.title')}
      extra={
        <Button type="link" size="small" onClick={() => setCreating(true)} style={{ padding: 0 }} data-testid="client-complaint-new">
          {t('complaints.new')}
        </Button>
      }
      data-testid="client-complaints"
    >
      {list.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.client.empty')} style={{ margin: '4px 0' }} />
      ) : (
        <Flex vertical gap={6}>
          {items.map((c) => (
            <Link key={c.id} to={board(`&id=${encodeURIComponent(c.id)}`)}>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text ellipsis style={{ flex: 1 }}>
                  {formatDate(c.receivedAt)} {c.content}
                </Typography.Text>
                <Tag color={STAGE_COLORS[c.stage]} style={{ marginInlineEnd: 0 }}>
                  {t(`complaints.stages.${c.stage}`)}
                </Tag>
              </Flex>
            </Link>
          ))}
          <Link to={board()} style={{ fontSize: 12 }}>
            {t('complaints.client.viewAll')}
          </Link>
        </Flex>
      )}
      <ComplaintFormDrawer open={creating} onClose={() => setCreating(false)} client={{ id: client.id, name: client.name }} />
    </Card>
  );
}
