import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { Client } from '@retainer/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { formatDate } from '../../app/format';
import { clientKeys } from '../clients/clients.api';
import { SendSurveyModal } from './SendSurveyModal';
import { ScoreTag, SurveyStatusTag } from './surveyFormat';
import { surveysApi } from './surveys.api';

/** V-2 on the client page: the latest surveys and the "发送调查" action. */
export function ClientSurveysCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const canSend = useCan('interactions:log');
  const [sending, setSending] = useState(false);
  const surveys = useQuery({
    // under the client's key: sending refreshes it with the timeline
    queryKey: clientKeys.sub(client.id, 'surveys'),
    queryFn: ({ signal }) => surveysApi.list({ clientId: client.id, limit: 5 }, signal),
  });
  const items = surveys.data?.items ?? [];
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('surveys.client.title')}
      extra={
        canSend ? (
          <Button type="link" size="small" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="client-send-survey">
            {t('surveys.send.button')}
          </Button>
        ) : null
      }
      data-testid="client-surveys"
    >
      {surveys.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.client.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((s) => (
            <Flex key={s.id} justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                {s.responseId ? (
                  <Link to={`/surveys/responses/${encodeURIComponent(s.responseId)}`}>{s.title}</Link>
                ) : (
                  <Typography.Text ellipsis>{s.title}</Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(s.createdAt)}
                  {s.contactName ? ` · ${s.contactName}` : ''}
                </Typography.Text>
              </Flex>
              {s.score !== null ? <ScoreTag score={s.score} /> : <SurveyStatusTag status={s.status} />}
            </Flex>
          ))}
          {(surveys.data?.total ?? 0) > items.length ? <Link to="/surveys">{t('surveys.client.all', { count: surveys.data?.total })}</Link> : null}
        </Flex>
      )}
      <SendSurveyModal open={sending} onClose={() => setSending(false)} client={{ id: client.id, name: client.name }} />
    </Card>
  );
}
