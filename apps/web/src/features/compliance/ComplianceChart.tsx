import { useEffect, useMemo, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComplianceRow } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatRate, rateColor } from './compliancePeriod';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const MAX_BARS = 40;

/** P-7: each person's (or team's) on-time rate as a horizontal bar, coloured by threshold. */
export function ComplianceChart({ rows, unnamed }: { rows: ComplianceRow[]; unnamed: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // lowest first at the top: the people to talk to
  const bars = useMemo(
    () =>
      rows
        .filter((r) => r.rate !== null)
        .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
        .slice(0, MAX_BARS)
        .reverse(),
    [rows],
  );
  const height = Math.max(160, bars.length * 28 + 56);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 8, right: 56, top: 16, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = bars[p.dataIndex]!;
          return t('compliance.chart.tooltip', { name: r.name ?? unnamed, rate: formatRate(r.rate), onTime: r.onTime, due: r.due });
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        data: bars.map((r) => r.name ?? unnamed),
        axisTick: { show: false },
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: bars.map((r) => ({ value: Math.round((r.rate ?? 0) * 1000) / 10, itemStyle: { color: rateColor(r.rate), borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', formatter: '{c}%', color: '#595959' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#52c41a', type: 'dashed' },
            label: { formatter: '90%', color: '#52c41a' },
            data: [{ xAxis: 90 }],
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, t, unnamed]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="compliance-chart" role="img" aria-label={t('compliance.chart.title')} />;
}
