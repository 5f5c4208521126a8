import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Answers, ImprovementItem, Question } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../app/api/client';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { useBreadcrumbTail } from '../../app/layout/BreadcrumbTail';
import { LoadError } from '../../components/ErrorResults';
import { ImprovementDrawer } from './ImprovementDrawer';
import { ImprovementsTable } from './ImprovementsTable';
import { ScoreTag } from './surveyFormat';
import { useImprovements, useResponse } from './surveys.api';

function answerText(q: Question, v: Answers[string] | undefined, none: string): string {
  if (v === undefined || v === null || v === '') return none;
  if (q.type === 'rating') return `${String(v)} / 5`;
  if (q.type === 'scale') return `${String(v)} / 10`;
  const label = (x: string) => q.options.find((o) => o.value === x)?.label ?? x;
  if (Array.isArray(v)) return v.map(label).join('、');
  return q.type === 'single' ? label(String(v)) : String(v);
}

/** V-3: one response, read against the questions it was sent with; its follow-up and improvement items (V-4). */
export function ResponseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const r = useResponse(id);
  const canWrite = useCan('interactions:log');
  const items = useImprovements({ responseId: id, limit: 50 });
  const [editing, setEditing] = useState<{ open: boolean; item: ImprovementItem | null; key: number }>({ open: false, item: null, key: 0 });
  useBreadcrumbTail(r.data ? `${r.data.clientName} · ${r.data.title}` : undefined);

  if (r.error instanceof ApiRequestError && r.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('surveys.detail.notFound')}
        extra={<Button onClick={() => navigate('/surveys/results')}>{t('surveys.detail.back')}</Button>}
        data-testid="page-404"
      />
    );
  }
  if (r.error && !r.data) return <LoadError error={r.error} onRetry={() => void r.refetch()} />;
  if (!r.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = r.data;

  return (
    <Flex vertical gap={16} data-testid="response-detail">
      <Card variant="borderless" title={<span data-testid="response-title">{d.title}</span>} extra={d.score === null ? null : <ScoreTag score={d.score} />}>
        {d.followUpTaskId ? <Alert type="warning" showIcon title={t('surveys.detail.followUp')} style={{ marginBottom: 16 }} data-testid="response-follow-up" /> : null}
        {d.needIds.length ? <Alert type="info" showIcon title={t('surveys.detail.needs', { count: d.needIds.length })} style={{ marginBottom: 16 }} /> : null}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('surveys.fields.client')}>
            <Link to={`/clients/${encodeURIComponent(d.clientId)}`}>{d.clientName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('surveys.fields.contact')}>{d.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.fields.matter')}>{d.matterId ? <Link to={`/matters/${encodeURIComponent(d.matterId)}`}>{d.matterTitle}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.fields.lawyer')}>{d.lawyerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.fields.submittedAt')}>{formatDateTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.fields.mode')}>
            {t(`surveys.channels.${d.mode}`)}
            {d.recordedByName ? `（${d.recordedByName}）` : ''}
          </Descriptions.Item>
          {d.kind === 'satisfaction' ? (
            <>
              <Descriptions.Item label={t('surveys.fields.score')}>{d.score ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('surveys.fields.recommend')}>{d.recommend === null ? '—' : `${d.recommend}/10`}</Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
      </Card>
      <Card variant="borderless" title={t('surveys.detail.answers')}>
        <Flex vertical gap={14} data-testid="response-answers">
          {d.questions.map((q, i) => (
            <div key={q.key}>
              <Typography.Text type="secondary">
                {i + 1}. {q.label}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }} strong={q.type !== 'text'}>
                {answerText(q, d.answers[q.key], t('surveys.detail.noAnswer'))}
              </Typography.Paragraph>
            </div>
          ))}
        </Flex>
      </Card>
      <Card
        variant="borderless"
        title={t('surveys.improvements.title')}
        extra={
          canWrite ? (
            <Button type="link" icon={<PlusOutlined />} onClick={() => setEditing((e) => ({ open: true, item: null, key: e.key + 1 }))} data-testid="response-add-improvement">
              {t('surveys.improvements.new')}
            </Button>
          ) : null
        }
      >
        <ImprovementsTable items={items.data?.items ?? []} loading={items.isLoading} showClient={false} onOpen={(item) => canWrite && setEditing((e) => ({ open: true, item, key: e.key + 1 }))} />
      </Card>
      <ImprovementDrawer
        key={editing.key}
        open={editing.open}
        item={editing.item}
        client={{ id: d.clientId, name: d.clientName }}
        responseId={d.id}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Flex>
  );
}
