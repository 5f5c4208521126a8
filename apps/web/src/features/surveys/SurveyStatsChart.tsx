import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { StatsRow } from '@retainer/shared';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const MAX = 30;

/** V-3: mean satisfaction score (bars, 0–100) and NPS (line, −100–100) per group or period. */
export function SurveyStatsChart({ rows }: { rows: StatsRow[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const shown = rows.slice(0, MAX);
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('surveys.results.meanScore'), t('surveys.results.nps')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { interval: 0, rotate: shown.length > 8 ? 30 : 0, width: 90, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', min: 0, max: 100, name: t('surveys.results.meanScore'), splitLine: { lineStyle: { type: 'dashed' } } },
        { type: 'value', min: -100, max: 100, name: 'NPS', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('surveys.results.meanScore'),
          type: 'bar',
          barMaxWidth: 28,
          data: shown.map((r) => r.meanScore),
          itemStyle: { color: '#3b6fd8', borderRadius: [3, 3, 0, 0] },
          label: { show: shown.length <= 12, position: 'top', color: '#595959' },
        },
        { name: t('surveys.results.nps'), type: 'line', yAxisIndex: 1, data: shown.map((r) => r.nps), itemStyle: { color: '#e8890c' }, connectNulls: true },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, t]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} role="img" aria-label={t('surveys.results.chart')} data-testid="survey-stats-chart" />;
}
