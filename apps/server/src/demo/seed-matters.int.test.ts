import { INTERACTION_KINDS, MATTER_TYPES, type MatterListItem } from '@retainer/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialect, type TestApp } from '../test/harness.js';
import { DEMO_NOW, TODAY, dayText } from './demo-time.js';
import { seedDemo } from './seed.js';

const PASSWORD = 'Demo-Passw0rd!';
type Tables = 'matters' | 'matter_members' | 'fees' | 'interactions' | 'interaction_participants' | 'needs' | 'tasks' | 'timeline_events';

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
});
