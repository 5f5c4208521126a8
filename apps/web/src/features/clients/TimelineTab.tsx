import { useState } from 'react';
import { Button, Empty, Flex, Select, Skeleton, Timeline, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { TIMELINE_KINDS, type TimelineKind } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { RelativeTime } from '../../components/RelativeTime';
import { clientKeys, clientsApi } from './clients.api';
import { timelineDetail } from './timelineDetail';

const PAGE_SIZE = 20;
const COLORS: Partial<Record<TimelineKind, string>> = {
  client_created: 'green',
  grade_changed: 'gold',
  status_changed: 'red',
  owner_changed: 'blue',
  personnel_changed: 'orange',
  survey_answered: 'cyan',
};

const isKind = (k: string): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k);
export function TimelineTab({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const kind = kinds.join(',') || undefined;
  const feed = useInfiniteQuery({
    queryKey: clientKeys.sub(clientId, 'timeline', { kind }),
    queryFn: ({ pageParam, signal }) => clientsApi.timeline(clientId, { kind, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const events = feed.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="client-timeline">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<TimelineKind[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('timeline.allKinds')}
          value={kinds}
          onChange={setKinds}
          options={TIMELINE_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
          style={{ minWidth: 240, maxWidth: 420, flex: 1 }}
          aria-label={t('timeline.filter')}
          data-testid="timeline-filter"
        />
        {feed.data ? <Typography.Text type="secondary">{t('common.total', { count: feed.data.pages[0]?.total ?? 0 })}</Typography.Text> : null}
      </Flex>
      {feed.error && !feed.data ? (
        <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.isPending ? (
        <Skeleton active avatar={false} paragraph={{ rows: 6 }} />
      ) : events.length === 0 ? (
        <Empty description={t('timeline.empty')} />
      ) : (
        <>
          <Timeline
            items={events.map((e) => ({
              key: e.id,
              color: (isKind(e.kind) && COLORS[e.kind]) || 'blue',
              content: (
                <Flex vertical gap={2} data-testid="timeline-event" data-kind={e.kind}>
                  <Flex gap={8} wrap align="baseline">
                    <Typography.Text strong>{e.actorName ?? t('timeline.system')}</Typography.Text>
                    <Typography.Text>{isKind(e.kind) ? t(`timeline.kinds.${e.kind}`) : t('timeline.other', { kind: e.kind })}</Typography.Text>
                    <RelativeTime iso={e.at} type="secondary" />
                  </Flex>
                  {timelineDetail(t, i18n.language, e).map((line, i) => (
                    <Typography.Text key={i} type="secondary" style={{ wordBreak: 'break-word' }}>
                      {line}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            }))}
          />
          {feed.hasNextPage ? (
            <Flex justify="center">
              <Button onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
                {t('timeline.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </div>
  );
}
