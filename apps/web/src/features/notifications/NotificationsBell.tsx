import { useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { RelativeTime } from '../../components/RelativeTime';
import { notificationKeys, notificationsApi, useNotifications } from './notifications.api';
import { notificationPath, notificationText } from './notificationText';

/** The top bar's bell: unread badge, the latest notifications, click marks read and follows the link. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useNotifications();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;
  const refresh = () => void client.invalidateQueries({ queryKey: notificationKeys.all });

  async function follow(n: Notification) {
    setOpen(false);
    if (!n.readAt) {
      try {
        await notificationsApi.read(n.id);
      } finally {
        refresh();
      }
    }
    const to = notificationPath(n.link);
    if (to) navigate(to);
  }

  async function readAll() {
    await notificationsApi.readAll().catch(() => undefined);
    refresh();
  }

  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notifications-panel">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void readAll()} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (list.data?.items ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <div style={{ maxHeight: 400, overflowY: 'auto' }}>
          {(list.data?.items ?? []).map((n) => (
            <Flex
              key={n.id}
              gap={10}
              role="button"
              tabIndex={0}
              onClick={() => void follow(n)}
              onKeyDown={(e) => e.key === 'Enter' && void follow(n)}
              style={{ padding: '10px 4px', borderBottom: '1px solid #f5f5f5', cursor: 'pointer' }}
              data-testid="notification-item"
            >
              <Badge dot={!n.readAt} offset={[0, 6]} style={{ marginTop: 6 }}>
                <span style={{ display: 'inline-block', width: 6 }} />
              </Badge>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
                  {notificationText(t, n)}
                </Typography.Text>
                <RelativeTime iso={n.createdAt} type="secondary" />
              </Flex>
            </Flex>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={t('notifications.open')} data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
