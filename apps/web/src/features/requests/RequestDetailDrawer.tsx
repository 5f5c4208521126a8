import { Card, Descriptions, Drawer, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { SLA_TARGETS, type ServiceRequestDetail } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { RequestActions } from './RequestActions';
import { useRequest } from './requests.api';
import { SlaCountdown } from './SlaCountdown';
import { SLA_COLORS, useNow } from './slaFormat';

const COMMITMENT_COLORS = { pending: 'blue', met: 'green', missed: 'red', replaced: 'default' } as const;

function Targets({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  return (
    <Flex gap={12} wrap>
      {SLA_TARGETS.map((s) => (
        <Card key={s} size="small" style={{ flex: '1 1 200px' }} title={t(`requests.fields.${s}`)} data-testid={`request-detail-${s}`}>
          <SlaCountdown target={r[s]} closed={r.status === 'closed'} now={now} testId={`request-detail-${s}-sla`} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            {r[s].doneAt ? t('requests.countdown.doneAt', { at: formatDateTime(r[s].doneAt) }) : t('requests.countdown.due', { at: formatDateTime(r[s].dueAt) })}
            {r[s].committed ? (
              <>
                <br />
                {t('requests.detail.baseDue', { at: formatDateTime(r[s].baseDueAt) })}
              </>
            ) : null}
            {r[s].breachedBeforeCommitment ? (
              <>
                <br />
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {t('requests.detail.breachedBefore')}
                </Typography.Text>
              </>
            ) : null}
          </Typography.Paragraph>
          {(s === 'reply' ? r.replyNote : r.opinionNote) ? <Typography.Paragraph style={{ margin: '6px 0 0' }}>{s === 'reply' ? r.replyNote : r.opinionNote}</Typography.Paragraph> : null}
        </Card>
      ))}
    </Flex>
  );
}

/** S-1..S-3: a request's fields, its two targets with countdowns, the actions and the commitments. */
export function RequestDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useRequest(id);
  const r = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={640} title={r?.subject ?? t('requests.detail.title')} destroyOnHidden data-testid="request-detail">
      {q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !r ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t(`requests.statuses.${r.status}`)}</Tag>
            <Tag color={SLA_COLORS[r.slaState]} data-testid="request-detail-state">
              {t(`requests.slaStates.${r.slaState}`)}
            </Tag>
            <Tag>{t(`requests.priorities.${r.priority}`)}</Tag>
          </Flex>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('requests.fields.client')}>
              <Link to={`/clients/${encodeURIComponent(r.clientId)}`}>{r.clientName}</Link> <Tag style={{ marginInlineStart: 4 }}>{r.grade}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.fields.contact')}>{r.contactName ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('requests.fields.channel')}>{t(`requests.channels.${r.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.fields.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.fields.assignee')}>{r.assigneeName ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('requests.fields.priority')}>{t(`requests.priorities.${r.priority}`)}</Descriptions.Item>
            {r.details ? (
              <Descriptions.Item label={t('requests.fields.details')} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.details}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('requests.detail.sla')}
          </Typography.Title>
          <Targets r={r} />
          <RequestActions request={r} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('requests.detail.commitments')}
          </Typography.Title>
          {r.commitments.length ? (
            <List
              size="small"
              dataSource={[...r.commitments].reverse()}
              data-testid="request-commitments"
              renderItem={(c) => (
                <List.Item extra={<Tag color={COMMITMENT_COLORS[c.state]}>{t(`requests.commitmentStates.${c.state}`)}</Tag>}>
                  <List.Item.Meta
                    title={t('requests.timeline.committedTo', { target: t(`requests.timeline.target.${c.target}`), at: formatDateTime(c.committedAt) })}
                    description={[`${t('requests.fields.toldAt')} ${formatDateTime(c.toldAt)}`, c.createdByName, c.note].filter(Boolean).join(' · ')}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.detail.noCommitments')} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
