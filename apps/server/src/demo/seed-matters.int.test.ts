import { INTERACTION_KINDS, MATTER_TYPES, type Compliance, type MatterChecklist, type MatterListItem, type MyDay, type StandardList } from '@retainer/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingDays } from '../features/calendar/working-days.js';
import { flagOverdueTouchpoints } from '../features/care/care.jobs.js';
import { runServiceStandards } from '../features/matters/standards.jobs.js';
import { timelineDue } from '../features/matters/standards.rules.js';
import { createTestApp, dialect, type TestApp } from '../test/harness.js';
import { DEMO_NOW, TODAY, dayText } from './demo-time.js';
import { seedDemo } from './seed.js';
import { DEMO_SHARES } from './touchpoints.js';

const PASSWORD = 'Demo-Passw0rd!';
type Tables =
  | 'matters' | 'matter_members' | 'fees' | 'interactions' | 'interaction_participants' | 'needs' | 'tasks' | 'timeline_events'
  | 'matter_checklist_steps' | 'service_obligations' | 'notifications' | 'touchpoints';

describe(`demo matters and interactions through the database (${dialect})`, () => {
  let t: TestApp;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestApp();
    result = await seedDemo(t.db, 'small', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: Tables) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows;

  it('stores what the seed reports, about 3 matters and 25 interactions per client', async () => {
    expect(await count('matters')).toBe(result.matters);
    expect(await count('fees')).toBe(result.fees);
    expect(await count('interactions')).toBe(result.interactions);
    expect(await count('needs')).toBe(result.needs);
    expect(await count('tasks')).toBe(result.tasks);
    expect(await count('timeline_events')).toBe(result.timeline);
    expect(result.matters).toBeGreaterThan(1200);
    expect(result.interactions).toBeGreaterThan(10_000);
    expect(await count('interaction_participants')).toBeGreaterThanOrEqual(result.interactions);
  });

  it('keeps every lead lawyer on the team and every fee with its matter client', async () => {
    const noLead = await rows(sql<{ id: string }>`select m.id from matters m
      where not exists (select 1 from matter_members mm where mm.matter_id = m.id and mm.user_id = m.lead_lawyer_id and mm.role = 'lead')`);
    expect(noLead).toEqual([]);
    const strayFees = await rows(sql<{ id: string }>`select f.id from fees f join matters m on m.id = f.matter_id
      where f.client_id <> m.client_id or f.received_on < m.opened_on`);
    expect(strayFees).toEqual([]);
    const byType = await rows(sql<{ type: string }>`select distinct type from matters`);
    expect(byType.map((r) => r.type).sort()).toEqual([...MATTER_TYPES].sort());
    const kinds = await rows(sql<{ kind: string }>`select distinct kind from interactions`);
    expect(kinds.map((r) => r.kind).sort()).toEqual([...INTERACTION_KINDS].sort());
  });

  it('dates nothing after the demo now and keeps last contact on the latest interaction', async () => {
    const now = new Date(DEMO_NOW).toISOString();
    const today = dayText(TODAY);
    const [late] = await rows(sql<{ opened: string; received: string; occurred: string; at: string }>`select
      (select max(opened_on) from matters) as opened, (select max(received_on) from fees) as received,
      (select max(occurred_at) from interactions) as occurred, (select max(at) from timeline_events) as at`);
    expect(late!.opened <= today && late!.received <= today && late!.occurred <= now && late!.at <= now).toBe(true);
    const off = await rows(sql<{ id: string }>`select c.id from clients c
      where coalesce(c.last_contact_at, '') <> coalesce((select max(i.occurred_at) from interactions i where i.client_id = c.id), '')`);
    expect(off).toEqual([]);
    const prospects = await rows(sql<{ n: number }>`select count(*) as n from matters m join clients c on c.id = m.client_id where c.status = 'prospect'`);
    expect(Number(prospects[0]!.n)).toBe(0);
  });

  it('shows each demo lawyer a different set of matters through the API', async () => {
    const seen: string[][] = [];
    for (const email of ['lawyer@retainer.test', 'lawyer2@retainer.test']) {
      const { cookie } = await t.login(email, PASSWORD);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/matters?limit=200', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: MatterListItem[]; total: number };
      expect(body.total).toBeGreaterThan(20);
      seen.push(body.items.map((m) => m.id));
    }
    expect(seen[0]!.filter((id) => seen[1]!.includes(id))).toEqual([]);
    const partner = await t.login('partner@retainer.test', PASSWORD);
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/matters?limit=1', headers: { cookie: partner.cookie } });
    expect((all.json() as { total: number }).total).toBe(result.matters);
  });

  it('serves a busy client timeline newest first', async () => {
    const [busy] = await rows(sql<{ client_id: string; n: number }>`select client_id, count(*) as n from timeline_events group by client_id order by count(*) desc limit 1`);
    expect(Number(busy!.n)).toBeGreaterThan(80);
    const { cookie } = await t.login('partner@retainer.test', PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/clients/${busy!.client_id}/timeline?limit=50`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { at: string; kind: string }[]; total: number };
    expect(body.total).toBe(Number(busy!.n));
    expect(body.items.map((e) => e.at)).toEqual(body.items.map((e) => e.at).sort().reverse());
  });

  it("copies each matter's template from the database: every step there, all done on closed matters, none on intake ones", async () => {
    expect(await count('matter_checklist_steps')).toBe(result.checklistSteps);
    expect(await count('service_obligations')).toBe(result.obligations);
    expect(result.checklistSteps).toBeGreaterThan(result.matters * 6);
    // the step count of the type's template as migration 0008 seeded it
    const offTemplate = await rows(sql<{ id: string }>`select m.id from matters m
      where (select count(*) from matter_checklist_steps s where s.matter_id = m.id)
        <> (select count(*) from checklist_template_steps t where t.matter_type = m.type)
        or exists (select 1 from matter_checklist_steps s where s.matter_id = m.id and not exists (select 1 from checklist_template_steps t
          where t.matter_type = m.type and t.position = s.position and t.title = s.title and t.due_days = s.due_days))`);
    expect(offTemplate).toEqual([]);
    const wrong = await rows(sql<{ id: string }>`select m.id from matters m join matter_checklist_steps s on s.matter_id = m.id
      where (m.status = 'closed' and (s.done_at is null or s.done_by is null or s.done_at > m.updated_at))
        or (m.status = 'intake' and s.done_at is not null)`);
    expect(wrong).toEqual([]);
  });

  it('owes a project timeline for every engaged matter, due 3 working days on, and leaves the standards job nothing to do', async () => {
    const missing = await rows(sql<{ id: string }>`select m.id from matters m where m.status <> 'intake'
      and (select count(*) from service_obligations o where o.matter_id = m.id and o.kind = 'project_timeline' and o.key = 'engagement') <> 1`);
    expect(missing).toEqual([]);
    const intake = await rows(sql<{ id: string }>`select o.id from service_obligations o join matters m on m.id = o.matter_id where m.status = 'intake'`);
    expect(intake).toEqual([]);
    // due as the product computes it on this database's holiday table (migration 0005)
    const cal = await workingDays({ db: t.db, config: t.config });
    const dues = await rows(sql<{ engaged_at: string; due_at: string }>`select m.engaged_at, o.due_at from matters m
      join service_obligations o on o.matter_id = m.id and o.kind = 'project_timeline'`);
    expect(dues.length).toBe(result.matters - Number((await rows(sql<{ n: number }>`select count(*) as n from matters where status = 'intake'`))[0]!.n));
    expect(dues.filter((d) => timelineDue(cal, new Date(d.engaged_at)).toISOString() !== d.due_at)).toEqual([]);
    // at the demo's now the job finds every brief of this and next week there and every breach flagged and told
    const before = await count('service_obligations');
    const notifications = await count('notifications');
    const at = t.clock.now().toISOString();
    t.clock.set(new Date(DEMO_NOW).toISOString());
    try {
      expect(await runServiceStandards({ db: t.db, clock: t.clock, config: t.config })).toEqual({ breached: 0, notified: 0 });
    } finally {
      t.clock.set(at);
    }
    expect(await count('service_obligations')).toBe(before);
    expect(await count('notifications')).toBe(notifications);
  });

  it('answers the checklist and standards of a demo matter through the API', async () => {
    const { cookie } = await t.login('partner@retainer.test', PASSWORD);
    const get = async <T>(url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    };
    const [closed] = await rows(sql<{ id: string; n: number }>`select m.id, (select count(*) from checklist_template_steps t where t.matter_type = m.type) as n
      from matters m where m.status = 'closed' and m.closed_on >= ${dayText(TODAY - 30)} order by m.id limit 1`);
    const list = await get<MatterChecklist>(`/api/v1/matters/${closed!.id}/checklist`);
    expect(list.progress).toEqual({ done: Number(closed!.n), total: Number(closed!.n), percent: 100 });
    expect(list.steps.every((s) => s.done && s.doneBy?.name && !s.overdue)).toBe(true);
    const standards = await get<StandardList>(`/api/v1/matters/${closed!.id}/standards`);
    expect(standards.items.map((s) => s.kind).filter((k) => k !== 'weekly_brief')).toEqual(['project_timeline', 'satisfaction_survey']);
    expect(standards.items.find((s) => s.kind === 'satisfaction_survey')!.taskId).toBeTruthy();

    const [open] = await rows(sql<{ id: string }>`select id from matters where status = 'in_progress' order by id limit 1`);
    const before = await count('service_obligations');
    const mine = await get<StandardList>(`/api/v1/matters/${open!.id}/standards`);
    // the page's own brief generation finds this and next week's already there
    expect(await count('service_obligations')).toBe(before);
    const stored = await t.db.selectFrom('service_obligations').select(['id', 'kind']).where('matter_id', '=', open!.id).orderBy('due_at').orderBy('id').execute();
    expect(mine.items.map((s) => [s.id, s.kind])).toEqual(stored.map((o) => [o.id, o.kind]));
    expect(mine.items.filter((s) => s.kind === 'weekly_brief').length).toBeGreaterThanOrEqual(2);
    const steps = await get<MatterChecklist>(`/api/v1/matters/${open!.id}/checklist`);
    expect(steps.progress.done).toBeGreaterThan(0);
    expect(steps.progress.done).toBeLessThan(steps.progress.total);
    expect(steps.steps.slice(0, steps.progress.done).every((s) => s.done)).toBe(true);
  });

  it('plans every active client a year of touchpoints in mixed states, none done after the demo now (issue 6 item 10)', async () => {
    const today = dayText(TODAY);
    expect(await count('touchpoints')).toBe(result.touchpoints);
    // P-4 under the shipped programmes: every active client, and only those, has its 2026 and 2027 plan
    const unplanned = await rows(sql<{ id: string }>`select c.id from clients c where c.status = 'active'
      and not exists (select 1 from touchpoints t where t.client_id = c.id and t.period_key like '2026%')
      or c.status = 'active' and not exists (select 1 from touchpoints t where t.client_id = c.id and t.period_key like '2027%')`);
    expect(unplanned).toEqual([]);
    expect(await rows(sql<{ id: string }>`select t.id from touchpoints t join clients c on c.id = t.client_id where c.status <> 'active'`)).toEqual([]);

    const [s] = await rows(sql<{ due: number; on_time: number; late: number; skipped: number; open: number; unflagged: number; bad: number }>`select
      count(*) as due,
      sum(case when status = 'done' and done_on <= due_on and done_on >= window_start then 1 else 0 end) as on_time,
      sum(case when status = 'done' and done_on > due_on and done_on <= ${today} then 1 else 0 end) as late,
      sum(case when status = 'skipped' and skip_reason is not null and skipped_by is not null then 1 else 0 end) as skipped,
      sum(case when status = 'open' then 1 else 0 end) as open,
      sum(case when status = 'open' and (overdue_flagged_at is null or overdue_flagged_at > ${new Date(DEMO_NOW).toISOString()}) then 1 else 0 end) as unflagged,
      sum(case when status = 'done' and (done_at is null or done_at > ${new Date(DEMO_NOW).toISOString()} or substr(done_at, 1, 10) <> done_on) then 1 else 0 end) as bad
      from touchpoints where due_on < ${today}`);
    const share = (n: number) => Number(n) / Number(s!.due);
    expect(Number(s!.due)).toBeGreaterThan(2000);
    expect(share(s!.on_time)).toBeGreaterThan(DEMO_SHARES.onTime - 0.05);
    expect(share(s!.on_time)).toBeLessThan(DEMO_SHARES.onTime + 0.05);
    expect(share(s!.late)).toBeGreaterThan(0.05);
    expect(share(s!.late)).toBeLessThan(0.13);
    expect(share(s!.skipped)).toBeGreaterThan(0.02);
    expect(share(s!.skipped)).toBeLessThan(0.07);
    expect(share(s!.open)).toBeGreaterThan(0.05);
    expect(share(s!.open)).toBeLessThan(0.14);
    expect(Number(s!.on_time) + Number(s!.late) + Number(s!.skipped) + Number(s!.open)).toBe(Number(s!.due));
    expect(Number(s!.unflagged)).toBe(0);
    expect(Number(s!.bad)).toBe(0);
    // from today on everything is still to do
    const [later] = await rows(sql<{ n: number; open: number }>`select count(*) as n,
      sum(case when status = 'open' and done_at is null and overdue_flagged_at is null then 1 else 0 end) as open from touchpoints where due_on >= ${today}`);
    expect(Number(later!.n)).toBeGreaterThan(0);
    expect(Number(later!.open)).toBe(Number(later!.n));
    // the overdue job's first run at the demo's now finds them all flagged and escalated already
    const notifications = await count('notifications');
    const at = t.clock.now().toISOString();
    t.clock.set(new Date(DEMO_NOW).toISOString());
    try {
      expect(await flagOverdueTouchpoints({ db: t.db, clock: t.clock, config: t.config })).toEqual({ flagged: 0, escalated: 0 });
    } finally {
      t.clock.set(at);
    }
    expect(await count('notifications')).toBe(notifications);
  });

  it("shows lawyer@retainer.test a full day and the firm's compliance in range at the demo's now", async () => {
    const at = t.clock.now().toISOString();
    t.clock.set(new Date(DEMO_NOW).toISOString());
    try {
      const lawyer = await t.login('lawyer@retainer.test', PASSWORD);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/my-day', headers: { cookie: lawyer.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const day = res.json() as MyDay;
      expect(day.today).toBe(dayText(TODAY));
      expect(day.overdueTotal).toBeGreaterThan(0);
      expect(day.overdue.every((x) => x.overdue && x.dueOn < day.today)).toBe(true);
      expect(day.upcomingTotal).toBeGreaterThan(0);
      expect(day.upcoming.every((x) => x.status === 'open' && x.dueOn >= day.today)).toBe(true);
      expect(day.careDates.length).toBeGreaterThan(0);
      expect(day.careDates.every((x) => x.kind === 'care' && x.occasionOn! >= day.today && x.occasionOn! <= dayText(TODAY + 14))).toBe(true);

      const partner = await t.login('partner@retainer.test', PASSWORD);
      const c = await t.app.inject({ method: 'GET', url: '/api/v1/touchpoints/compliance?from=2026-01-01&to=2026-12-31&groupBy=firm', headers: { cookie: partner.cookie } });
      expect(c.statusCode, c.body).toBe(200);
      const total = (c.json() as Compliance).total;
      expect(total.due).toBeGreaterThan(2000);
      expect(total.rate).toBeGreaterThan(0.7);
      expect(total.rate).toBeLessThan(0.95);
    } finally {
      t.clock.set(at);
    }
  });
});
