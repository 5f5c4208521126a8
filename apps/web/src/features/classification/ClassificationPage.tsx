import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { CLIENT_STATUSES, GRADES, QUADRANTS, TIERS, type ClassificationSummary } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { GRADE_COLORS, STATUS_COLORS, TIER_COLORS } from '../clients/ClientTags';
import { useClassificationSummary, useRecompute } from './classification.api';
import { FmScatter } from './FmScatter';

type Row = { key: string; label: string; color: string; count: number; link: string | null };

/** K-1..K-4 at a glance: counts by tier, grade and status, and the F×M value quadrants. */
export function ClassificationPage() {
  const { t } = useTranslation();
  const summary = useClassificationSummary();
  const canRecompute = useCan('classification:recompute');
  const s = summary.data;

  return (
    <div data-testid="classification-page">
      <PageHeader
        title={t('classification.title')}
        subtitle={s ? (s.lastRunAt ? t('classification.lastRun', { at: formatDateTime(s.lastRunAt) }) : t('classification.neverRun')) : null}
        extra={canRecompute ? <RecomputeButton /> : null}
      />
      {summary.error && !s ? <LoadError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {!s && !summary.error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {s ? <SummaryView s={s} /> : null}
    </div>
  );
}

function RecomputeButton() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const recompute = useRecompute();
  const run = () =>
    modal.confirm({
      title: t('classification.recompute.confirmTitle'),
      content: t('classification.recompute.confirmContent'),
      okText: t('classification.recompute.ok'),
      cancelText: t('common.cancel'),
      onOk: () => {
        const hide = message.loading(t('classification.recompute.running'), 0);
        recompute.mutate(undefined, {
          onSuccess: (r) => message.success(t('classification.recompute.done', { clients: r.clients, changed: r.changed, seconds: (r.ms / 1000).toFixed(1) }), 6),
          onError: (e) => message.error(e.message),
          onSettled: () => hide(),
        });
      },
    });
  return (
    <Button icon={<ReloadOutlined />} loading={recompute.isPending} onClick={run} data-testid="recompute-button">
      {t('classification.recompute.button')}
    </Button>
  );
}

function SummaryView({ s }: { s: ClassificationSummary }) {
  const { t } = useTranslation();
  const rows = <K extends string>(keys: readonly K[], counts: Partial<Record<string, number>>, label: (k: K) => string, color: (k: K) => string, link: (k: K) => string | null): Row[] =>
    keys.map((k) => ({ key: k, label: label(k), color: color(k), count: counts[k] ?? 0, link: link(k) }));
  const tierRows = rows(TIERS, s.byTier, (k) => t(`clients.tiers.${k}`), (k) => TIER_COLORS[k], (k) => `/clients?tier=${k}`);
  if (s.byTier.none) tierRows.push({ key: 'none', label: t('classification.noTier'), color: 'default', count: s.byTier.none, link: null });

  return (
    <Flex vertical gap={16}>
      {s.unclassified > 0 ? <Alert type="info" showIcon title={t('classification.unclassified', { count: s.unclassified })} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <CountCard title={t('classification.byTier')} total={s.total} rows={tierRows} testId="tier-counts" />
        </Col>
        <Col xs={24} md={8}>
          <CountCard
            title={t('classification.byGrade')}
            total={s.total}
            rows={rows(GRADES, s.byGrade, (k) => t(`clients.grades.${k}`), (k) => GRADE_COLORS[k], (k) => `/clients?grade=${k}`)}
            testId="grade-counts"
          />
        </Col>
        <Col xs={24} md={8}>
          <CountCard
            title={t('classification.byStatus')}
            total={s.total}
            rows={rows(CLIENT_STATUSES, s.byStatus, (k) => t(`clients.statuses.${k}`), (k) => STATUS_COLORS[k], (k) => `/clients?status=${k}`)}
            testId="status-counts"
          />
        </Col>
      </Row>
      <Card variant="borderless" title={t('classification.scatter.title')}>
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Typography.Text type="secondary">{t('classification.scatter.hint')}</Typography.Text>
            {s.cells.length ? <FmScatter cells={s.cells} /> : <Typography.Text type="secondary">{t('classification.scatter.empty')}</Typography.Text>}
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <QuadrantTable s={s} />
              <CellMatrix s={s} />
            </Flex>
          </Col>
        </Row>
      </Card>
    </Flex>
  );
}

function CountCard({ title, total, rows, testId }: { title: string; total: number; rows: Row[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" size="small" title={title} extra={<Typography.Text type="secondary">{t('classification.total', { count: total })}</Typography.Text>} data-testid={testId}>
      <Flex vertical gap={8}>
        {rows.map((r) => (
          <Flex key={r.key} justify="space-between" align="center" gap={8}>
            <Tag color={r.color} style={{ marginInlineEnd: 0 }}>
              {r.link ? <Link to={r.link}>{r.label}</Link> : r.label}
            </Tag>
            <Flex gap={8} align="baseline">
              <Typography.Text strong style={{ fontSize: 18 }}>
                {r.count.toLocaleString()}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: 48, textAlign: 'right' }}>
                {total ? `${Math.round((100 * r.count) / total)}%` : '—'}
              </Typography.Text>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function QuadrantTable({ s }: { s: ClassificationSummary }) {
  const { t } = useTranslation();
  const data = QUADRANTS.map((q) => ({ key: q, count: s.byQuadrant[q] ?? 0 }));
  const columns: TableColumnsType<(typeof data)[number]> = [
    { title: t('classification.quadrant'), key: 'q', render: (_, r) => t(`classification.quadrants.${r.key}`) },
    { title: t('classification.rule'), key: 'rule', render: (_, r) => t(`classification.quadrantRules.${r.key}`), responsive: ['sm'] },
    { title: t('classification.count'), dataIndex: 'count', align: 'right', render: (n: number) => n.toLocaleString() },
  ];
  return <Table size="small" pagination={false} columns={columns} dataSource={data} data-testid="quadrant-table" />;
}

/** The scatter's numbers as a table: M rows from 5 down, F columns 1–5. */
function CellMatrix({ s }: { s: ClassificationSummary }) {
  const { t } = useTranslation();
  const at = (f: number, m: number) => s.cells.find((c) => c.f === f && c.m === m)?.count ?? 0;
  const data = [5, 4, 3, 2, 1].map((m) => ({ key: m, m, ...Object.fromEntries([1, 2, 3, 4, 5].map((f) => [`f${f}`, at(f, m)])) }));
  const columns: TableColumnsType<(typeof data)[number]> = [
    { title: 'M \\ F', dataIndex: 'm', width: 64 },
    ...[1, 2, 3, 4, 5].map((f) => ({ title: `F=${f}`, dataIndex: `f${f}`, align: 'right' as const, render: (n: number) => (n ? n.toLocaleString() : '·') })),
  ];
  return <Table size="small" pagination={false} columns={columns} dataSource={data} aria-label={t('classification.matrix')} data-testid="cell-matrix" />;
}
