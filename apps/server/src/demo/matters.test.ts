import { INTERACTION_KINDS, LATE_FEE_DAYS, MATTER_STATUSES, MATTER_TYPES, NEED_STATUSES } from '@retainer/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientsTable } from '../features/clients/clients.table.js';
import { addDays } from '../features/matters/matters.rules.js';
import { emptyActivity, generateActivity, generateDemo, type DemoActivityBatch } from './activity.js';
import { generateClients } from './clients.js';
import { DEMO_NOW, TODAY, dayText } from './demo-time.js';
import { generateFirm, type DemoFirm } from './firm.js';
import { demoPeople } from './matters.js';
import { classify } from './rfm-check.js';

type All = { clients: ClientsTable[]; activity: DemoActivityBatch };

function collect(firm: DemoFirm, options: Parameters<typeof generateDemo>[2] = {}): All {
  const all: All = { clients: [], activity: emptyActivity() };
  for (const { clients, activity } of generateDemo(firm, 'small', options)) {
    all.clients.push(...clients.clients);
    for (const k of Object.keys(all.activity) as (keyof DemoActivityBatch)[]) (all.activity[k] as unknown[]).push(...activity[k]);
  }
  return all;
}

const today = dayText(TODAY);
const now = new Date(DEMO_NOW).toISOString();

describe('demo matters, fees and interactions', () => {
  let firm: DemoFirm;
  let small: All;
  beforeAll(() => {
    firm = generateFirm('small');
    small = collect(firm);
  });

  it('is deterministic, whatever the batch size', () => {
    const again = collect(generateFirm('small'), { batchSize: 77 });
    expect(again.activity.matters).toEqual(small.activity.matters);
    expect(again.activity.interactions.slice(0, 500)).toEqual(small.activity.interactions.slice(0, 500));
    expect(again.activity.timeline.length).toBe(small.activity.timeline.length);
    expect(again.clients.map((c) => c.last_contact_at)).toEqual(small.clients.map((c) => c.last_contact_at));
    // one client alone gets the same history as in its batch
    const batch = generateClients(firm, 'small', { batchSize: 3 }).next().value!;
    const alone = generateActivity(demoPeople(firm), { ...batch, clients: [batch.clients[2]!], contacts: batch.contacts.filter((c: { client_id: string }) => c.client_id === batch.clients[2]!.id) });
    expect(alone.matters).toEqual(small.activity.matters.filter((m) => m.client_id === batch.clients[2]!.id));
  });

  it('makes about 3 matters per client, 2 fees per matter and 25 interactions per client, of every type and kind', () => {
    const { matters, fees, interactions, needs, tasks } = small.activity;
    expect(matters.length / 500).toBeGreaterThan(2.4);
    expect(matters.length / 500).toBeLessThan(3.6);
    expect(fees.length / matters.length).toBeGreaterThan(1.6);
    expect(fees.length / matters.length).toBeLessThan(2.6);
    expect(interactions.length / 500).toBeGreaterThan(21);
    expect(interactions.length / 500).toBeLessThan(29);
    expect(new Set(matters.map((m) => m.type))).toEqual(new Set(MATTER_TYPES));
    expect(new Set(matters.map((m) => m.status))).toEqual(new Set(MATTER_STATUSES));
    expect(new Set(interactions.map((i) => i.kind))).toEqual(new Set(INTERACTION_KINDS));
    expect(new Set(needs.map((n) => n.status))).toEqual(new Set(NEED_STATUSES));
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['open', 'done']));
    const ids = Object.values(small.activity).flat().flatMap((r) => ('id' in r ? [r.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps matter dates in order and nothing after the demo now', () => {
    for (const m of small.activity.matters) {
      expect(m.opened_on <= today).toBe(true);
      if (m.status === 'intake') expect(m.engaged_at).toBeNull();
      else expect(m.engaged_at!.slice(0, 10) >= m.opened_on && m.engaged_at! <= now).toBe(true);
      if (m.status === 'closed') {
        expect(m.closed_on! >= m.engaged_at!.slice(0, 10) && m.closed_on! <= today && m.outcome).toBeTruthy();
      } else expect(m.closed_on).toBeNull();
      expect(m.retainer_expires_on !== null).toBe(m.type === 'retainer');
      expect(m.created_at <= now && m.updated_at >= m.created_at && m.updated_at <= now).toBe(true);
      expect(Number.isInteger(m.agreed_fee_fen)).toBe(true);
      if (m.case_number) expect(m.case_number).toMatch(/^\(20\d\d\)[\u4e00-\u9fa5]+(\d{4}(民初|刑初)\d+|仲案字第\d+)号$/);
    }
    const byId = new Map(small.activity.matters.map((m) => [m.id, m]));
    for (const f of small.activity.fees) {
      const m = byId.get(f.matter_id)!;
      expect(f.client_id).toBe(m.client_id);
      expect(Number.isInteger(f.amount_fen) && f.amount_fen > 0).toBe(true);
      expect(f.received_on >= m.opened_on && f.received_on <= today).toBe(true);
      if (m.closed_on) expect(f.received_on <= addDays(m.closed_on, LATE_FEE_DAYS)).toBe(true);
      expect(m.status).not.toBe('intake');
    }
    for (const i of small.activity.interactions) expect(i.occurred_at <= i.created_at && i.created_at <= now).toBe(true);
    for (const e of small.activity.timeline) expect(e.at <= now).toBe(true);
    for (const t of small.activity.tasks) if (t.done_at) expect(t.done_at <= now && t.done_at > t.created_at).toBe(true);
  });

  it('makes the lead lawyer a member, a lawyer or partner of the owner team', () => {
    const users = new Map(firm.users.map((u) => [u.id, u]));
    const clients = new Map(small.clients.map((c) => [c.id, c]));
    const leads = new Map<string, string[]>();
    for (const mm of small.activity.members) if (mm.role === 'lead') leads.set(mm.matter_id, [...(leads.get(mm.matter_id) ?? []), mm.user_id]);
    for (const m of small.activity.matters) {
      expect(leads.get(m.id)).toEqual([m.lead_lawyer_id]);
      const lead = users.get(m.lead_lawyer_id)!;
      expect(['lawyer', 'partner']).toContain(lead.role);
      expect(lead.team_id).toBe(clients.get(m.client_id)!.team_id);
    }
    const pairs = small.activity.members.map((m) => `${m.matter_id}|${m.user_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('matches K-5 statuses and populates every tier and quadrant once classified (K-2..K-4)', () => {
    const result = classify(small.clients, small.activity);
    for (const tier of ['strategic', 'core', 'potential', 'basic']) expect(result.tiers[tier], tier).toBeGreaterThanOrEqual(5);
    for (const q of ['golden', 'big', 'frequent_small', 'other']) expect(result.quadrants[q], q).toBeGreaterThanOrEqual(5);
    for (const c of small.clients) {
      const x = result.byClient.get(c.id)!;
      if (c.status === 'prospect') expect(x.matters).toBe(0);
      if (c.status === 'dormant') {
        expect(x.matters).toBeGreaterThan(0);
        expect(x.open || x.retainerInForce || x.lastFeeDaysAgo <= 365, JSON.stringify(x)).toBe(false);
        expect(x.lastEngagementDaysAgo).toBeGreaterThan(365);
      }
      if (c.status === 'active') expect(x.open || x.retainerInForce || x.lastFeeDaysAgo <= 365, JSON.stringify(x)).toBe(true);
    }
  });

  it('keeps last_contact_at on the latest interaction and puts every record on the timeline', () => {
    const latest = new Map<string, string>();
    for (const i of small.activity.interactions) if ((latest.get(i.client_id) ?? '') < i.occurred_at) latest.set(i.client_id, i.occurred_at);
    for (const c of small.clients) expect(c.last_contact_at).toBe(latest.get(c.id) ?? null);
    const kinds = (k: string) => small.activity.timeline.filter((e) => e.kind === k).length;
    expect(kinds('matter_opened')).toBe(small.activity.matters.length);
    expect(kinds('matter_status_changed')).toBe(small.activity.matters.filter((m) => m.status === 'closed').length);
    expect(kinds('fee_received')).toBe(small.activity.fees.length);
    expect(kinds('interaction_logged')).toBe(small.activity.interactions.length);
    expect(kinds('need_added')).toBe(small.activity.needs.length);
    const fee = small.activity.fees[0]!;
    const event = small.activity.timeline.find((e) => e.kind === 'fee_received' && e.data.includes(fee.id))!;
    expect(JSON.parse(event.data)).toMatchObject({ feeId: fee.id, amountFen: fee.amount_fen, receivedOn: fee.received_on, matterId: fee.matter_id });
  });

  it('gives the two demo lawyers different matters of their own', () => {
    const id = (email: string) => firm.users.find((u) => u.email === email)!.id;
    const led = (userId: string) => small.activity.matters.filter((m) => m.lead_lawyer_id === userId).map((m) => m.id);
    const a = led(id('lawyer@retainer.test'));
    const b = led(id('lawyer2@retainer.test'));
    expect(a.length).toBeGreaterThan(10);
    expect(b.length).toBeGreaterThan(10);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    const authored = small.activity.interactions.filter((i) => i.created_by === id('lawyer@retainer.test'));
    expect(authored.length).toBeGreaterThan(100);
  });
});
