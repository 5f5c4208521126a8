import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Grid, Row, Segmented, Select, Skeleton, Tabs, Typography } from 'antd';
import { TOUCHPOINT_KINDS, type ComplianceGroup, type ComplianceRow, type TouchpointKind } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { firmToday } from '../care/careFormat';
import { useCompliance } from './compliance.api';
import { ComplianceChart } from './ComplianceChart';
import { ComplianceTable } from './ComplianceTable';
import { PERIODS, formatRate, periodRange, rateColor, type Period } from './compliancePeriod';

const GROUPS: ComplianceGroup[] = ['assignee', 'team', 'client', 'firm'];

/** P-7 维护计划执行率: touchpoints done on time ÷ due in the period, by person, team or client. */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const phone = Grid.useBreakpoint().md === false;
  const [period, setPeriod] = useState<Period>('month');
  const [custom, setCustom] = useState(() => periodRange('month'));
  const [groupBy, setGroupBy] = useState<ComplianceGroup>('assignee');
  const [kind, setKind] = useState<TouchpointKind | undefined>();
  const range = period === 'custom' ? custom : periodRange(period);
  const data = useCompliance({ ...range, groupBy, kind });
  const c = data.data;
  const unnamed = t(`compliance.unnamed.${groupBy}`);
  const mayPickAnyone = me.user.role === 'admin' || me.user.role === 'partner';
  // the chart compares people or teams; hundreds of clients read better as the sorted table
  const charted = (groupBy === 'assignee' || groupBy === 'team') && !!c?.rows.some((r) => r.rate !== null);
  const personLink = mayPickAnyone ? (id: string) => `/touchpoints?assignee=${id}&status=any&from=${range.from}&to=${c?.to ?? range.to}` : null;

  return (
    <div data-testid="compliance-page">
      <PageHeader title={t('compliance.title')} subtitle={t('compliance.subtitle')} />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
          <Segmented<Period>
            value={period}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: t(`compliance.periods.${p}`) }))}
            data-testid="compliance-period"
          />
          {period === 'custom' ? (
            <DatePicker.RangePicker
              value={[dayjs(custom.from), dayjs(custom.to)]}
              onChange={(v) => v?.[0] && v[1] && setCustom({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(firmToday()).endOf('year'))}
              inputReadOnly={phone}
              style={phone ? { width: '100%' } : { width: 260 }}
              data-testid="compliance-range"
            />
          ) : null}
          <Select<TouchpointKind>
            allowClear
            placeholder={t('compliance.allKinds')}
            value={kind}
            onChange={setKind}
            options={TOUCHPOINT_KINDS.map((k) => ({ value: k, label: t(`care.kinds.${k}`) }))}
            style={phone ? { width: '100%' } : { width: 160 }}
            popupMatchSelectWidth={false}
            data-testid="compliance-kind"
          />
        </Flex>
        <Tabs
          activeKey={groupBy}
          onChange={(k) => setGroupBy(k as ComplianceGroup)}
          items={GROUPS.map((g) => ({ key: g, label: <span data-testid={`compliance-group-${g}`}>{t(`compliance.groups.${g}`)}</span> }))}
        />
        {data.error && !c ? <LoadError error={data.error} onRetry={() => void data.refetch()} /> : null}
        {!c && !data.error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {c ? (
          <Flex vertical gap={16} style={{ opacity: data.isPlaceholderData ? 0.6 : 1 }}>
            <Headline total={c.total} from={c.from} to={c.to} />
            {groupBy !== 'firm' ? (
              <Row gutter={[24, 16]}>
                {charted ? (
                  <Col xs={24} xl={9}>
                    <Typography.Text strong>{t('compliance.chart.title')}</Typography.Text>
                    <ComplianceChart rows={c.rows} unnamed={unnamed} />
                  </Col>
                ) : null}
                <Col xs={24} xl={charted ? 15 : 24}>
                  <ComplianceTable rows={c.rows} groupBy={groupBy} unnamed={unnamed} loading={data.isFetching} compact={phone} personLink={personLink} />
                </Col>
              </Row>
            ) : null}
          </Flex>
        ) : null}
      </Card>
    </div>
  );
}

/** 按时完成 N / 应完成 M = x%, with the rest of the count beside it. */
function Headline({ total, from, to }: { total: ComplianceRow; from: string; to: string }) {
  const { t } = useTranslation();
  const small = (label: string, n: number, danger = false) => (
    <Flex vertical gap={0}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong type={danger && n > 0 ? 'danger' : undefined} style={{ fontSize: 18 }}>
        {n.toLocaleString()}
      </Typography.Text>
    </Flex>
  );
  return (
    <Flex
      gap={24}
      wrap
      align="center"
      style={{ background: '#fafafa', borderRadius: 8, padding: '12px 16px' }}
      data-testid="compliance-headline"
      data-on-time={total.onTime}
      data-due={total.due}
    >
      <Flex vertical gap={0} style={{ minWidth: 180 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('compliance.headline.rate', { from, to })}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 30, lineHeight: 1.2, color: rateColor(total.rate) }} data-testid="compliance-rate">
          {formatRate(total.rate)}
        </Typography.Text>
        <Typography.Text data-testid="compliance-formula">{t('compliance.headline.formula', { onTime: total.onTime, due: total.due, rate: formatRate(total.rate) })}</Typography.Text>
      </Flex>
      <Flex gap={24} wrap>
        {small(t('compliance.columns.late'), total.late)}
        {small(t('compliance.columns.missed'), total.missed, true)}
        {small(t('compliance.columns.skipped'), total.skipped)}
      </Flex>
    </Flex>
  );
}
