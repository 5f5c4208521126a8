import { useEffect, useRef } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Tooltip, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComplaintStats } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { useComplaintStats } from './complaints.api';
import { causeName, stepName } from './complaintFormat';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

function CauseChart({ stats }: { stats: ComplaintStats }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const rows = [...stats.byCause].reverse();
    chart.setOption({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', data: rows.map((r) => causeName(t, r.key)), axisTick: { show: false } },
      series: [{ type: 'bar', barMaxWidth: 18, data: rows.map((r) => r.count), itemStyle: { color: '#1677ff', borderRadius: [0, 3, 3, 0] }, label: { show: true, position: 'right' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [stats, t]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(160, stats.byCause.length * 36 + 24) }} role="img" aria-label={t('complaints.stats.chartTitle')} data-testid="complaint-cause-chart" />;
}

/** count, acceptance, causes (chart and table), targets, time per step, per person. */
export function ComplaintStatsPanel({ range }: { range: { from?: string; to?: string } }) {
  const { t } = useTranslation();
  const q = useComplaintStats(range);
  if (q.error && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const s = q.data;
  const duration = (h: number | null) => (h === null ? t('complaints.stats.noData') : h >= 24 ? t('complaints.stats.days', { n: Math.round((h / 24) * 10) / 10 }) : t('complaints.stats.hours', { n: h }));
  const bucketColumns = [
    { title: t('complaints.stats.name'), dataIndex: 'name', key: 'name', ellipsis: true },
    { title: t('complaints.stats.countCol'), dataIndex: 'count', key: 'count', width: 80, align: 'right' as const },
  ];

  return (
    <div data-testid="complaint-stats">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            ['count', s.count],
            ['open', s.open],
            ['closed', s.closed],
            ['valid', s.valid],
            ['invalid', s.invalid],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={t(`complaints.stats.${k}`)} value={v} />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Card size="small">
            <Tooltip title={t('complaints.stats.acceptedShareHint')}>
              <Statistic title={t('complaints.stats.acceptedShare')} value={s.acceptedShare === null ? t('complaints.stats.noData') : `${Math.round(s.acceptedShare * 1000) / 10}%`} data-testid="complaint-accepted-share" />
            </Tooltip>
          </Card>
        </Col>
      </Row>
      {s.count === 0 ? (
        <Card size="small">
          <Empty description={t('complaints.stats.none')} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('complaints.stats.chartTitle')}>
              {s.byCause.length ? <CauseChart stats={s} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              <Table size="small" rowKey="key" pagination={false} columns={bucketColumns} dataSource={s.byCause.map((b) => ({ ...b, name: causeName(t, b.key) }))} style={{ marginTop: 8 }} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('complaints.stats.stepTimes')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('complaints.stats.stepTimesHint')}</Typography.Text>}>
              <Table
                size="small"
                rowKey="step"
                pagination={false}
                dataSource={s.stepTimes}
                columns={[
                  { title: t('complaints.stats.step'), dataIndex: 'step', key: 'step', render: (n: number) => stepName(t, n) },
                  { title: t('complaints.stats.times'), dataIndex: 'count', key: 'count', align: 'right' as const, width: 70 },
                  { title: t('complaints.stats.average'), dataIndex: 'averageHours', key: 'avg', align: 'right' as const, render: duration },
                  { title: t('complaints.stats.median'), dataIndex: 'medianHours', key: 'median', align: 'right' as const, render: duration },
                ]}
                data-testid="complaint-step-times"
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('complaints.stats.byTargetUser')}>
              <Table size="small" rowKey="key" pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={bucketColumns} dataSource={s.byTargetUser} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('complaints.stats.byTargetMatter')}>
              <Table size="small" rowKey="key" pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={bucketColumns} dataSource={s.byTargetMatter} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('complaints.stats.byLawyer')}>
              <Table
                size="small"
                rowKey="userId"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={s.byLawyer ?? []}
                columns={[
                  { title: t('complaints.stats.person'), dataIndex: 'name', key: 'name' },
                  { title: t('complaints.stats.asTarget'), dataIndex: 'count', key: 'count', align: 'right' as const },
                  { title: t('complaints.stats.validCount'), dataIndex: 'valid', key: 'valid', align: 'right' as const },
                  { title: t('complaints.stats.responsible'), dataIndex: 'responsible', key: 'responsible', align: 'right' as const },
                ]}
                data-testid="complaint-by-lawyer"
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
