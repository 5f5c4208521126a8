import { Flex, List, Tag, Typography } from 'antd';
import type { ServiceRequest } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SlaCountdown } from './SlaCountdown';
import { useNow } from './slaFormat';

interface Props {
  /** from requestsNearBreach / GET /requests/near-breach: open, warning or breached, soonest due first */
  items: ServiceRequest[];
  /** shown when the list is empty */
  emptyText?: string;
}

/**
 * S-4 for My day: my open requests near or past their due time, each with the live countdown of
 * its next unmet target; a row opens the request in the inbox.
 */
export function RequestsNearBreachCard({ items, emptyText }: Props) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  if (!items.length) {
    return (
      <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '16px 0 4px' }} data-testid="near-breach-empty">
        {emptyText ?? t('requests.nearBreach.empty')}
      </Typography.Paragraph>
    );
  }
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="near-breach-list"
      renderItem={(r) => {
        const target = !r.reply.doneAt ? 'reply' : 'opinion';
        return (
          <List.Item key={r.id} data-testid="near-breach-item" data-id={r.id} style={{ paddingInline: 0 }}>
            <Flex justify="space-between" align="center" gap={12} style={{ width: '100%', minWidth: 0 }}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={`/requests?open=${encodeURIComponent(r.id)}`} style={{ fontWeight: 600 }}>
                  <Typography.Text ellipsis style={{ maxWidth: '100%', color: 'inherit' }}>
                    {r.subject}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  <Tag style={{ marginInlineEnd: 4 }}>{r.grade}</Tag>
                  {r.clientName} · {t(`requests.fields.${target}`)}
                </Typography.Text>
              </Flex>
              <div style={{ flex: 'none' }}>
                <SlaCountdown target={r[target]} closed={false} now={now} />
              </div>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
