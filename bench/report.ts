// The printed table: the product beside its floor, per scenario, with ratios.
import type { Measurement } from './load.js';

export type ScenarioResult = {
  name: string;
  product: Measurement;
  floor: Measurement;
  /** product ÷ floor: req/s (higher is better) and latency (lower is better). */
  ratio: { rps: number; p50: number; p95: number; p99: number };
};

export function ratios(product: Measurement, floor: Measurement): ScenarioResult['ratio'] {
  const r = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);
  return { rps: r(product.rps, floor.rps), p50: r(product.p50, floor.p50), p95: r(product.p95, floor.p95), p99: r(product.p99, floor.p99) };
}

function num(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '-');

const SCENARIO_W = 24;

/** Terminal columns: CJK characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const RPS_W = 13;
const MS_W = 6;

function side(m: Measurement): string {
  return [num(m.rps).padStart(RPS_W), num(m.p50).padStart(MS_W), num(m.p95).padStart(MS_W), num(m.p99).padStart(MS_W)].join(' ');
}

export function formatTable(rows: ScenarioResult[]): string {
  const head = [
    'scenario'.padEnd(SCENARIO_W),
    ['product req/s'.padStart(RPS_W), 'p50'.padStart(MS_W), 'p95'.padStart(MS_W), 'p99'.padStart(MS_W)].join(' '),
    '|',
    ['floor req/s'.padStart(RPS_W), 'p50'.padStart(MS_W), 'p95'.padStart(MS_W), 'p99'.padStart(MS_W)].join(' '),
    '|',
    'ratio req/s'.padStart(11),
    'p95'.padStart(6),
  ].join(' ');
  const lines = [head, '-'.repeat(head.length)];
  for (const r of rows) {
    const notes: string[] = [];
    for (const [who, m] of [['product', r.product], ['floor', r.floor]] as const) {
      if (m.non2xx || m.errors) notes.push(`${who}: ${m.non2xx} non-2xx, ${m.errors} errors`);
    }
    lines.push(
      [
        padEnd(r.name, SCENARIO_W),
        side(r.product),
        '|',
        side(r.floor),
        '|',
        ratio(r.ratio.rps).padStart(11),
        ratio(r.ratio.p95).padStart(6),
        notes.length ? `  !! ${notes.join('; ')}` : '',
      ]
        .join(' ')
        .trimEnd(),
    );
  }
  return lines.join('\n');
}
