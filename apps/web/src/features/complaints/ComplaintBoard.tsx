import { Badge, Card, Empty, Flex, Grid, Tag, Typography } from 'antd';
import type { Complaint, ComplaintStage } from '@retainer/shared';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { BOARD_STAGES, causeName, STAGE_COLORS } from './complaintFormat';

dayjs.extend(relativeTime);

/** How long a complaint has waited in its stage, in words ("3 天"). */
function waited(iso: string, lang: string): string {
  return dayjs(iso).locale(lang === 'en-US' ? 'en' : 'zh-cn').fromNow(true);
}

function ComplaintCard({ c, onOpen }: { c: Complaint; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const days = dayjs().diff(dayjs(c.stageSince), 'day');
  const late = c.stage !== 'closed' && days >= 7;
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(c.id)}
      onKeyDown={(e) => (e.key === 'Enter' ? onOpen(c.id) : undefined)}
      tabIndex={0}
      role="button"
      styles={{ body: { padding: 10 } }}
      data-testid="complaint-card"
      data-id={c.id}
    >
      <Flex vertical gap={4}>
        <Typography.Text strong ellipsis={{ tooltip: c.clientName }}>
          {c.clientName}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {[c.targetUser?.name, c.targetMatter?.title].filter(Boolean).join(' · ') || '—'}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
          {c.content}
        </Typography.Paragraph>
        <Flex gap={4} wrap align="center">
          {c.cause ? <Tag style={{ marginInlineEnd: 0 }}>{causeName(t, c.cause)}</Tag> : null}
          {c.valid === false ? <Tag style={{ marginInlineEnd: 0 }}>{t('complaints.step.invalid')}</Tag> : null}
          {c.accepted === false ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('complaints.step.renegotiate')}</Tag> : null}
        </Flex>
        <Flex justify="space-between" gap={4} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('complaints.board.received', { time: formatDate(c.receivedAt) })}
          </Typography.Text>
          {c.stage !== 'closed' ? (
            <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="complaint-age">
              {t('complaints.board.stayed', { time: waited(c.stageSince, i18n.language) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

/** Q-2 board: one column per stage (the step each complaint waits for), oldest waiting first. */
export function ComplaintBoard({ open, closed, closedTotal, onOpen }: { open: Complaint[]; closed: Complaint[]; closedTotal: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const byStage = new Map<ComplaintStage, Complaint[]>(BOARD_STAGES.map((s) => [s, []]));
  for (const c of open) byStage.get(c.stage)?.push(c);
  byStage.set('closed', closed);

  return (
    <div style={{ overflowX: phone ? undefined : 'auto' }} data-testid="complaint-board">
      <div style={{ display: 'grid', gridTemplateColumns: phone ? '1fr' : `repeat(${BOARD_STAGES.length}, minmax(160px, 1fr))`, gap: 10 }}>
        {BOARD_STAGES.map((stage) => {
          const items = byStage.get(stage) ?? [];
          const count = stage === 'closed' ? closedTotal : items.length;
          return (
            <div key={stage} style={{ background: '#f5f6f8', borderRadius: 8, padding: 8, minWidth: 0 }} data-testid={`complaint-column-${stage}`}>
              <Flex justify="space-between" align="center" style={{ padding: '2px 4px 8px' }}>
                <Flex gap={6} align="center">
                  <Badge color={STAGE_COLORS[stage]} />
                  <Typography.Text strong>{t(`complaints.stages.${stage}`)}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">{count}</Typography.Text>
              </Flex>
              <Flex vertical gap={8}>
                {items.length ? (
                  items.map((c) => <ComplaintCard key={c.id} c={c} onOpen={onOpen} />)
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.board.columnEmpty')} style={{ margin: '8px 0' }} />
                )}
                {stage === 'closed' && closedTotal > items.length ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
                    {t('complaints.board.more', { count: items.length })}
                  </Typography.Text>
                ) : null}
              </Flex>
            </div>
          );
        })}
      </div>
    </div>
  );
}
