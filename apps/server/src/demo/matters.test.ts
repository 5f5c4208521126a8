import { INTERACTION_KINDS, LATE_FEE_DAYS, MATTER_STATUSES, MATTER_TYPES, NEED_STATUSES } from '@retainer/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from '../features/calendar/holidays.data.js';
import { buildCalendarTable, workingDayCalendar } from '../features/calendar/working-days.js';
import type { ClientsTable } from '../features/clients/clients.table.js';
import { SHIPPED_CHECKLISTS } from '../features/matters/checklist-defaults.data.js';
import { addDays } from '../plugins/days.js';
import { briefsDue, statusOf, surveyDue, timelineDue } from '../features/matters/standards.rules.js';
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
    expect(again.activity.checklistSteps).toEqual(small.activity.checklistSteps);
    expect(again.activity.obligations).toEqual(small.activity.obligations);
    expect(again.activity.interactions.slice(0, 500)).toEqual(small.activity.interactions.slice(0, 500));
    expect(again.activity.timeline.length).toBe(small.activity.timeline.length);
    expect(again.clients.map((c) => c.last_contact_at)).toEqual(small.clients.map((c) => c.last_contact_at));
    // one client alone gets the same history as in its batch
    const batch = generateClients(firm, 'small', { batchSize: 3 }).next().value!;
    const alone = generateActivity(demoPeople(firm), { ...batch, clients: [batch.clients[2]!], contacts: batch.contacts.filter((c: { client_id: string }) => c.client_id === batch.clients[2]!.id) });
    expect(alone.matters).toEqual(small.activity.matters.filter((m) => m.client_id === batch.clients[2]!.id));
    const theirs = new Set(alone.matters.map((m) => m.id));
    expect(alone.obligations).toEqual(small.activity.obligations.filter((o) => theirs.has(o.matter_id)));
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

  it("gives every matter its type's template steps, all done by closing, the earlier ones first while open, none at intake", () => {
    const { matters, checklistSteps, members } = small.activity;
    const stepsOf = new Map<string, typeof checklistSteps>();
    for (const s of checklistSteps) stepsOf.set(s.matter_id, [...(stepsOf.get(s.matter_id) ?? []), s]);
    const crew = new Set(members.map((mm) => `${mm.matter_id}|${mm.user_id}`));
    const partly = { open: 0, some: 0 };
    for (const m of matters) {
      const steps = stepsOf.get(m.id) ?? [];
      const template = SHIPPED_CHECKLISTS[m.type];
      expect(steps.map((s) => [s.position, s.title, s.guidance, s.due_days])).toEqual(template.map((t, i) => [i + 1, t.title, t.guidance, t.dueDays]));
      const done = steps.filter((s) => s.done_at !== null);
      // earlier steps first: the done ones are a prefix, their times in order
      expect(steps.slice(0, done.length).every((s) => s.done_at !== null)).toBe(true);
      expect(done.map((s) => s.done_at)).toEqual(done.map((s) => s.done_at).sort());
      for (const s of steps) {
        expect(s.created_at).toBe(m.created_at);
        expect(s.done_by === null).toBe(s.done_at === null);
        if (s.done_at) {
          expect(s.done_at >= m.created_at && s.done_at <= now).toBe(true);
          expect(crew.has(`${m.id}|${s.done_by}`)).toBe(true);
        }
      }
      if (m.status === 'intake') expect(done).toHaveLength(0);
      else if (m.status === 'closed') {
        expect(done).toHaveLength(template.length);
        // the closing event's instant: nothing ticked after it
        expect(done.at(-1)!.done_at! <= m.updated_at).toBe(true);
      } else {
        expect(done.length).toBeGreaterThan(0);
        expect(done.length).toBeLessThan(template.length);
        partly.open++;
        if (done.length > 1) partly.some++;
      }
    }
    expect(partly.open).toBeGreaterThan(50);
    expect(partly.some / partly.open).toBeGreaterThan(0.5);
  });

  it("owes the service standards the product's rules give each matter, its breaches flagged and on the timeline", () => {
    const { matters, obligations, tasks, timeline, checklistSteps } = small.activity;
    const cal = workingDayCalendar(buildCalendarTable(SHIPPED_CALENDAR, SHIPPED_CALENDAR.flatMap((y) => y.days)), 'Asia/Shanghai');
    const byMatter = new Map<string, typeof obligations>();
    for (const o of obligations) byMatter.set(o.matter_id, [...(byMatter.get(o.matter_id) ?? []), o]);
    const keys = obligations.map((o) => `${o.matter_id}|${o.kind}|${o.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const breachEvents = new Set(timeline.filter((e) => e.kind === 'standard_breached').map((e) => (JSON.parse(e.data) as { obligationId: string }).obligationId));
    // what the job would create at the demo's now: this and next week's briefs
    const weeks = briefsDue(cal, new Date(DEMO_NOW)).map((w) => [w.weekOf, w.dueAt.toISOString()]);
    const recent = addDays(today, -60);
    for (const m of matters) {
      const mine = byMatter.get(m.id) ?? [];
      const of = (kind: string) => mine.filter((o) => o.kind === kind);
      if (m.status === 'intake') {
        expect(mine).toEqual([]);
        continue;
      }
      // the project timeline: due by the end of the 3rd working day after the engagement
      const [tl, ...more] = of('project_timeline');
      expect(more).toEqual([]);
      expect(tl).toMatchObject({ key: 'engagement', due_at: timelineDue(cal, new Date(m.engaged_at!)).toISOString(), created_at: m.engaged_at });
      if (m.status === 'in_progress') expect(of('weekly_brief').filter((b) => b.key >= weeks[0]![0]!).map((b) => [b.key, b.due_at])).toEqual(weeks);
      else if (m.status === 'engaged') expect(of('weekly_brief')).toEqual([]);
      const surveys = of('satisfaction_survey');
      expect(surveys).toHaveLength(m.status === 'closed' && m.closed_on! >= recent ? 1 : 0);
      if (surveys[0]) {
        const due = surveyDue(m.closed_on!, 'Asia/Shanghai');
        expect(surveys[0]).toMatchObject({ key: 'closing', due_at: due.dueAt.toISOString() });
        const task = taskById.get(surveys[0].task_id!)!;
        expect(task).toMatchObject({ client_id: m.client_id, due_on: due.dueOn, title: `发送满意度调查：${m.title}`.slice(0, 200), interaction_id: null });
        expect(task.status).toBe(surveys[0].status === 'done' ? 'done' : 'open');
        expect(task.done_at).toBe(surveys[0].done_at);
      }
      for (const o of mine) {
        expect(o.created_at <= o.updated_at && o.updated_at <= now).toBe(true);
        // stored status and the breach flag as the job and a completion leave them
        expect(o.done_at !== null).toBe(o.status === 'done');
        expect(o.done_by !== null).toBe(o.status === 'done');
        if (o.done_at) expect(o.done_at >= o.created_at && o.done_at <= now).toBe(true);
        const late = o.status !== 'cancelled' && ((o.done_at ?? now) > o.due_at);
        expect(o.breached_at !== null, JSON.stringify(o)).toBe(late);
        expect(o.breach_notified_at).toBe(o.breached_at);
        if (o.breached_at) expect(o.breached_at > o.due_at && o.breached_at <= now).toBe(true);
        expect(breachEvents.has(o.id)).toBe(o.breached_at !== null);
        // cancelled only when the matter closed before it was due
        if (o.status === 'cancelled') expect(m.status === 'closed' && o.due_at > m.updated_at).toBe(true);
        if (o.kind === 'weekly_brief') expect(['in_progress', 'closed']).toContain(m.status);
      }
    }
    const shown = obligations.map((o) => statusOf(o, now));
    const share = (s: string, kind?: string) => obligations.filter((o, i) => shown[i] === s && (!kind || o.kind === kind)).length;
    const timelines = obligations.filter((o) => o.kind === 'project_timeline').length;
    expect(share('done', 'project_timeline') / timelines).toBeGreaterThan(0.8);
    expect(share('breached', 'project_timeline') / timelines).toBeGreaterThan(0.03);
    expect(share('breached', 'project_timeline') / timelines).toBeLessThan(0.2);
    for (const s of ['open', 'done', 'breached', 'cancelled']) expect(share(s), s).toBeGreaterThan(0);
    expect(obligations.filter((o) => o.kind === 'satisfaction_survey').length).toBeGreaterThan(10);
    expect(breachEvents.size).toBe(timeline.filter((e) => e.kind === 'standard_breached').length);
    expect(checklistSteps.length).toBeGreaterThan(matters.length * 6);
  });
});
