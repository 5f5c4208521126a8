import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { BarChartOutlined, SendOutlined, ToolOutlined } from '@ant-design/icons';
import { SURVEY_KINDS, SURVEY_STATUSES, type Survey, type SurveyKind, type SurveyStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { formatDate, formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { useCursorPager } from '../../components/useCursorPager';
import { RecordAnswersDrawer } from './RecordAnswersDrawer';
import { SendSurveyModal } from './SendSurveyModal';
import { ScoreTag, SurveyStatusTag } from './surveyFormat';
import { useSurveys } from './surveys.api';

const PAGE = 20;

/** V-2: the surveys sent, with their status (sent, opened, answered, expired). */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canSend = useCan('interactions:log');
  const [kind, setKind] = useState<SurveyKind | undefined>();
  const [status, setStatus] = useState<SurveyStatus | undefined>();
  const pager = useCursorPager(`${kind}|${status}`);
  const list = useSurveys({ kind, status, limit: PAGE, cursor: pager.cursor });
  const [sending, setSending] = useState(false);
  const [recording, setRecording] = useState<string | null>(null);

  const columns = [
    {
      title: t('surveys.fields.client'),
      key: 'client',
      render: (_: unknown, s: Survey) => <Link to={`/clients/${encodeURIComponent(s.clientId)}`}>{s.clientName}</Link>,
    },
    {
      title: t('surveys.fields.template'),
      key: 'title',
      render: (_: unknown, s: Survey) => (
        <Flex vertical>
          <span>{s.title}</span>
          {s.matterTitle ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.matterTitle}</Typography.Text> : null}
        </Flex>
      ),
    },
    { title: t('surveys.fields.contact'), dataIndex: 'contactName', key: 'contact', render: (v: string | null) => v ?? '—', responsive: ['md' as const] },
    {
      title: t('surveys.fields.status'),
      key: 'status',
      render: (_: unknown, s: Survey) => (
        <Flex gap={4} wrap>
          <SurveyStatusTag status={s.status} />
          {s.score !== null ? <ScoreTag score={s.score} /> : null}
          {s.channel === 'recorded' ? <Tag>{t('surveys.channels.recorded')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('surveys.fields.sentAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('surveys.fields.sentBy'), dataIndex: 'sentByName', key: 'sentBy', responsive: ['lg' as const] },
    { title: t('surveys.fields.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (v: string | null) => (v ? formatDate(v) : '—'), responsive: ['lg' as const] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, s: Survey) =>
        s.responseId ? (
          <Button type="link" size="small" onClick={() => navigate(`/surveys/responses/${encodeURIComponent(s.responseId!)}`)} data-testid="survey-view-response">
            {t('surveys.list.viewResponse')}
          </Button>
        ) : canSend ? (
          <Button type="link" size="small" onClick={() => setRecording(s.id)}>
            {t('surveys.list.record')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div data-testid="surveys-page">
      <PageHeader
        title={t('surveys.list.title')}
        subtitle={t('surveys.list.subtitle')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/surveys/results')}>
              {t('surveys.nav.results')}
            </Button>
            <Button icon={<ToolOutlined />} onClick={() => navigate('/surveys/improvements')}>
              {t('surveys.nav.improvements')}
            </Button>
            {canSend ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="surveys-send">
                {t('surveys.send.button')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select<SurveyKind>
            allowClear
            placeholder={t('surveys.list.allKinds')}
            value={kind}
            onChange={setKind}
            options={SURVEY_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
            style={{ width: 200 }}
          />
          <Select<SurveyStatus>
            allowClear
            placeholder={t('surveys.list.allStatuses')}
            value={status}
            onChange={setStatus}
            options={SURVEY_STATUSES.map((k) => ({ value: k, label: t(`surveys.statuses.${k}`) }))}
            style={{ width: 160 }}
            data-testid="surveys-status-filter"
          />
        </Flex>
        {list.error && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<Survey>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('surveys.list.empty') }}
          data-testid="surveys-table"
        />
        <CursorPager total={list.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={list.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} />
      </Card>
      <SendSurveyModal open={sending} onClose={() => setSending(false)} />
      {recording ? <RecordAnswersDrawer surveyId={recording} open onClose={() => setRecording(null)} /> : null}
    </div>
  );
}
