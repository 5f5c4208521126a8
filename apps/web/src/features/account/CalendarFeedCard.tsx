import { Alert, App, Button, Card, Input, Popconfirm, Skeleton, Space, Tooltip, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CalendarFeed } from '@retainer/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { getCalendarFeed, rotateCalendarFeed } from './account.api';

const FEED_KEY = ['me', 'calendar-feed'];

/**
 * P-9: the private calendar subscription. The server keeps only the token's hash, so the URL comes
 * with the answer that makes it (the first read or a reset); it stays in the cache for this session.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: FEED_KEY, queryFn: getCalendarFeed, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false });
  const rotate = useMutation({
    mutationFn: rotateCalendarFeed,
    onSuccess: (data) => {
      queryClient.setQueryData<CalendarFeed>(FEED_KEY, data);
      message.success(t('account.feed.rotated'));
    },
    onError: (err) => message.error(err.message),
  });
  // the server answers a path; the address people reach Retainer by is this page's origin
  const url = feed.data?.url ? new URL(feed.data.url, window.location.origin).href : null;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      message.success(t('common.copied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  }

  return (
    <Card title={t('account.feed.title')} variant="borderless" data-testid="account-calendar-feed">
      <Typography.Paragraph type="secondary">{t('account.feed.intro')}</Typography.Paragraph>
      {feed.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : feed.isError ? (
        <Alert type="error" showIcon title={feed.error.message} />
      ) : url ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
            aria-label={t('account.feed.url')}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            data-testid="account-calendar-feed-url"
          />
          <Tooltip title={t('common.copy')}>
            <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} aria-label={t('common.copy')}>
              {t('common.copy')}
            </Button>
          </Tooltip>
        </Space.Compact>
      ) : (
        <Alert type="info" showIcon title={t('account.feed.hidden', { date: formatDateTime(feed.data.rotatedAt ?? feed.data.createdAt) })} />
      )}
      {url ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
          {t('account.feed.shownOnce')}
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('account.feed.howTo')}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20, marginBottom: 16, color: 'rgba(0,0,0,0.65)' }}>
        <li>{t('account.feed.apple')}</li>
        <li>{t('account.feed.google')}</li>
        <li>{t('account.feed.outlook')}</li>
      </ul>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('account.feed.contents')}
      </Typography.Paragraph>
      <Popconfirm
        title={t('account.feed.rotateTitle')}
        description={<div style={{ maxWidth: 300 }}>{t('account.feed.rotateContent')}</div>}
        okText={t('account.feed.rotate')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => rotate.mutateAsync()}
      >
        <Button icon={<ReloadOutlined />} loading={rotate.isPending} disabled={feed.isPending} data-testid="account-calendar-feed-rotate">
          {t('account.feed.rotate')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
