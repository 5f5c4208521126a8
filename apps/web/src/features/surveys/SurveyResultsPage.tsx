import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Grid, Row, Segmented, Skeleton, Statistic, Switch, Table, Typography } from 'antd';
import { SATISFACTION_DIMENSIONS, STATS_DIMENSIONS, type StatsDimension, type StatsRow, type SurveyResponse } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { useCursorPager } from '../../components/useCursorPager';
import { fmt, ScoreTag } from './surveyFormat';
import { SurveyStatsChart } from './SurveyStatsChart';
import { useResponses, useSurveyStats } from './surveys.api';

const defaultRange = () => ({ from: dayjs().subtract(11, 'month').startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });

/** V-3: satisfaction score, share ≥ 90 and NPS per client, lawyer, team, matter type or period; table under the chart. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [by, setBy] = useState<StatsDimension>('month');
  const [range, setRange] = useState(defaultRange);
  const stats = useSurveyStats({ by, ...range });
  const s = stats.data;

  const columns = [
    { title: t(`surveys.results.by.${by}`), dataIndex: 'label', key: 'label', fixed: 'left' as const },
    { title: t('surveys.results.responses'), dataIndex: 'responses', key: 'responses', align: 'right' as const },
    { title: t('surveys.results.meanScore'), dataIndex: 'meanScore', key: 'meanScore', align: 'right' as const, render: (v: number | null) => fmt(v) },
    { title: t('surveys.results.shareHigh'), dataIndex: 'shareHigh', key: 'shareHigh', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : `${fmt(v)}%`) },
    { title: 'NPS', dataIndex: 'nps', key: 'nps', align: 'right' as const, render: (v: number | null) => fmt(v, 0) },
    ...SATISFACTION_DIMENSIONS.map((d) => ({
      title: t(`surveys.dimensions.${d}`),
      key: d,
      align: 'right' as const,
      render: (_: unknown, r: StatsRow) => fmt(r.dimensions[d]),
    })),
  ];

  return (
    <div data-testid="survey-results-page">
      <PageHeader title={t('surveys.results.title')} subtitle={t('surveys.results.subtitle')} />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<StatsDimension>
            value={by}
            onChange={setBy}
            options={STATS_DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.results.by.${d}`) }))}
            data-testid="survey-stats-by"
          />
          <DatePicker.RangePicker
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(v) => v?.[0] && v[1] && setRange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            allowClear={false}
            inputReadOnly={phone}
            style={phone ? { width: '100%' } : { width: 260 }}
          />
        </Flex>
        {stats.error && !s ? <LoadError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
        {!s && !stats.error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {s ? (
          <Flex vertical gap={16} style={{ opacity: stats.isPlaceholderData ? 0.6 : 1 }}>
            <Row gutter={[16, 16]} data-testid="survey-headline">
              <Col xs={12} md={6}>
                <Statistic title={t('surveys.results.responses')} value={s.total.responses} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('surveys.results.meanScore')} value={fmt(s.total.meanScore)} suffix={t('surveys.results.points')} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('surveys.results.shareHigh')} value={s.total.shareHigh === null ? '—' : fmt(s.total.shareHigh)} suffix="%" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('surveys.results.nps')} value={fmt(s.total.nps, 0)} data-testid="survey-nps" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('surveys.results.npsParts', { p: s.total.promoters, n: s.total.passives, d: s.total.detractors })}
                </Typography.Text>
              </Col>
            </Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('surveys.results.definition')}
            </Typography.Text>
            {s.rows.length ? <SurveyStatsChart rows={s.rows} /> : null}
            <Table<StatsRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={s.rows}
              pagination={s.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('surveys.results.empty') }}
              data-testid="survey-stats-table"
            />
          </Flex>
        ) : null}
      </Card>
      <ResponsesCard from={range.from} to={range.to} />
    </div>
  );
}

function ResponsesCard({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [lowOnly, setLowOnly] = useState(false);
  const pager = useCursorPager(`${from}|${to}|${lowOnly}`);
  const list = useResponses({ from, to, ...(lowOnly ? { lowOnly: 'true' as const } : {}), limit: 20, cursor: pager.cursor });
  const columns = [
    { title: t('surveys.fields.submittedAt'), dataIndex: 'submittedAt', key: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: t('surveys.fields.client'),
      key: 'client',
      render: (_: unknown, r: SurveyResponse) => (
        <Link to={`/clients/${encodeURIComponent(r.clientId)}`} onClick={(e) => e.stopPropagation()}>
          {r.clientName}
        </Link>
      ),
    },
    { title: t('surveys.fields.template'), dataIndex: 'title', key: 'title' },
    { title: t('surveys.fields.lawyer'), dataIndex: 'lawyerName', key: 'lawyer', render: (v: string | null) => v ?? '—' },
    { title: t('surveys.fields.score'), dataIndex: 'score', key: 'score', render: (v: number | null) => <ScoreTag score={v} /> },
    { title: t('surveys.fields.recommend'), dataIndex: 'recommend', key: 'recommend', render: (v: number | null) => (v === null ? '—' : `${v}/10`) },
    { title: t('surveys.fields.mode'), dataIndex: 'mode', key: 'mode', render: (v: 'link' | 'recorded') => t(`surveys.channels.${v}`) },
  ];
  return (
    <Card
      variant="borderless"
      title={t('surveys.results.responsesTitle')}
      style={{ marginTop: 16 }}
      extra={
        <Flex gap={8} align="center">
          <Switch size="small" checked={lowOnly} onChange={setLowOnly} data-testid="responses-low-only" />
          <Typography.Text>{t('surveys.results.lowOnly')}</Typography.Text>
        </Flex>
      }
    >
      <Table<SurveyResponse>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => navigate(`/surveys/responses/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('surveys.results.noResponses') }}
        data-testid="responses-table"
      />
      <CursorPager total={list.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={list.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} />
    </Card>
  );
}
