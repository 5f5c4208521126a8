import { useEffect, useRef } from 'react';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ClassificationSummary } from '@retainer/shared';
import { useTranslation } from 'react-i18next';

echarts.use([ScatterChart, GridComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

type Cell = ClassificationSummary['cells'][number];

// K-4: the three named quadrants on the F (x) × M (y) grid of scores 1–5
const AREAS = [
  { key: 'golden', x: [3.5, 5.5], y: [3.5, 5.5], color: 'rgba(250, 173, 20, 0.14)' },
  { key: 'big', x: [0.5, 2.5], y: [3.5, 5.5], color: 'rgba(22, 119, 255, 0.10)' },
  { key: 'frequent_small', x: [3.5, 5.5], y: [0.5, 2.5], color: 'rgba(19, 194, 194, 0.12)' },
] as const;

/** F×M bubbles: one per cell, the bubble's area grows with the number of clients in it. */
export function FmScatter({ cells, onCell }: { cells: Cell[]; onCell?: (cell: Cell) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const max = Math.max(1, ...cells.map((c) => c.count));
    chart.setOption({
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      tooltip: {
        formatter: (p: { value: [number, number, number] }) => t('classification.scatter.tooltip', { f: p.value[0], m: p.value[1], count: p.value[2] }),
      },
      xAxis: { type: 'value', min: 0, max: 6, interval: 1, name: t('classification.scatter.x'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (v: number) => (v >= 1 && v <= 5 ? String(v) : '') }, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 6, interval: 1, name: t('classification.scatter.y'), nameLocation: 'middle', nameGap: 32, axisLabel: { formatter: (v: number) => (v >= 1 && v <= 5 ? String(v) : '') }, splitLine: { show: false } },
      series: [
        {
          type: 'scatter',
          data: cells.map((c) => [c.f, c.m, c.count]),
          symbolSize: (v: [number, number, number]) => 10 + 46 * Math.sqrt(v[2] / max),
          itemStyle: { color: '#1f4e8c', opacity: 0.75 },
          label: { show: true, formatter: (p: { value: [number, number, number] }) => String(p.value[2]), color: '#fff', fontSize: 11 },
          markArea: {
            silent: true,
            label: { position: 'insideTop', color: '#595959', fontWeight: 600 },
            data: AREAS.map((a) => [
              { name: t(`classification.quadrants.${a.key}`), xAxis: a.x[0], yAxis: a.y[1], itemStyle: { color: a.color } },
              { xAxis: a.x[1], yAxis: a.y[0] },
            ]),
          },
        },
      ],
    });
    chart.on('click', (p) => {
      const v = p.value as [number, number, number] | undefined;
      if (v && onCell) onCell({ f: v[0], m: v[1], count: v[2] });
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [cells, onCell, t]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} data-testid="fm-scatter" role="img" aria-label={t('classification.scatter.title')} />;
}
