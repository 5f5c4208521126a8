// For tests: K-2..K-5 computed by hand from demo rows with the default thresholds, to show the
// demo's history gives classification every tier and quadrant (not the product's engine).
import type { ClientsTable } from '../features/clients/clients.table.js';
import type { DemoActivityBatch } from './activity.js';
import { TODAY, dayText } from './demo-time.js';

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const band = (v: number, steps: [number, number][]) => steps.find(([min]) => v >= min)?.[1] ?? 1;

export type ClientFacts = {
  matters: number;
  open: boolean;
  retainerInForce: boolean;
  lastFeeDaysAgo: number;
  lastEngagementDaysAgo: number;
  r: number;
  f: number;
  m: number;
  tier: string;
  quadrant: string;
};

export function classify(clients: ClientsTable[], a: Pick<DemoActivityBatch, 'matters' | 'fees'>) {
  const today = dayText(TODAY);
  const from36 = dayText(TODAY - 1096);
  const from12 = dayText(TODAY - 365);
  const facts = new Map(clients.map((c) => [c.id, { opened: [] as string[], fees: [] as { on: string; fen: number }[], open: false, retainer: false }]));
  for (const m of a.matters) {
    const x = facts.get(m.client_id)!;
    x.opened.push(m.opened_on);
    if (m.status !== 'closed') x.open = true;
    if (m.type === 'retainer' && m.status !== 'closed' && (m.retainer_expires_on ?? '') >= today) x.retainer = true;
  }
  for (const f of a.fees) facts.get(f.client_id)!.fees.push({ on: f.received_on, fen: f.amount_fen });
  const byClient = new Map<string, ClientFacts>();
  const tiers: Record<string, number> = {};
  const quadrants: Record<string, number> = {};
  for (const [id, x] of facts) {
    const last = [...x.opened, ...x.fees.map((f) => f.on)].sort().at(-1);
    const lastFee = x.fees.map((f) => f.on).sort().at(-1);
    const ago = last ? daysBetween(last, today) : Infinity;
    const r = band(-ago, [[-90, 5], [-180, 4], [-365, 3], [-730, 2]]);
    const f = band(x.opened.filter((d) => d >= from36).length, [[8, 5], [5, 4], [3, 3], [2, 2]]);
    const yuan = x.fees.filter((fee) => fee.on >= from36).reduce((s, fee) => s + fee.fen, 0) / 100;
    const m = band(yuan, [[1_000_000, 5], [300_000, 4], [100_000, 3], [30_000, 2]]);
    const first = x.opened.sort()[0];
    const tier =
      r >= 4 && f >= 4 && m >= 4 ? 'strategic' : r >= 3 && f >= 3 && m >= 3 ? 'core' : (f >= 3 && m <= 2) || (first !== undefined && first >= from12) ? 'potential' : 'basic';
    const quadrant = f >= 4 && m >= 4 ? 'golden' : f <= 2 && m >= 4 ? 'big' : f >= 4 && m <= 2 ? 'frequent_small' : 'other';
    tiers[tier] = (tiers[tier] ?? 0) + 1;
    quadrants[quadrant] = (quadrants[quadrant] ?? 0) + 1;
    byClient.set(id, {
      matters: x.opened.length, open: x.open, retainerInForce: x.retainer, lastFeeDaysAgo: lastFee ? daysBetween(lastFee, today) : Infinity,
      lastEngagementDaysAgo: ago, r, f, m, tier, quadrant,
    });
  }
  return { byClient, tiers, quadrants };
}
