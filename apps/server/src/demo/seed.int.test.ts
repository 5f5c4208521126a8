import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gramsOf, reindexClient } from '../features/clients/clients.search.js';
import { listClients } from '../features/clients/clients.service.js';
import { visibleTo } from '../features/clients/clients.visibility.js';
import type { Actor } from '../plugins/context.js';
import { dialect, openTestDatabase } from '../test/harness.js';
import { generateDemo } from './activity.js';
import type { DemoClientBatch } from './clients.js';
import { generateFirm } from './firm.js';
import { seedDemo } from './seed.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

describe(`seedDemo small (${dialect})`, () => {
  let handle: Handle;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  const expected: { [K in keyof DemoClientBatch]: DemoClientBatch[K] } = {
    clients: [], tags: [], contacts: [], personnelChanges: [], importantDates: [], relationships: [], timeline: [],
  };

  beforeAll(async () => {
    handle = await openTestDatabase();
    result = await seedDemo(handle.db, 'small', 'Demo-Passw0rd!');
    // the clients as seeded: last_contact_at set from their interactions, their history's events on the timeline
    for (const { clients: b, activity } of generateDemo(generateFirm('small'), 'small')) {
      for (const k of Object.keys(expected) as (keyof DemoClientBatch)[]) (expected[k] as unknown[]).push(...b[k]);
      expected.timeline.push(...activity.timeline);
    }
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const count = async (table: 'clients' | 'contacts' | 'client_search' | 'client_tags' | 'important_dates' | 'client_relationships' | 'timeline_events' | 'personnel_changes') => {
    const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  const actor = async (email: string): Promise<Actor> => {
    const u = await handle.db.selectFrom('users').select(['id', 'name', 'role', 'team_id']).where('email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, name: u.name, role: u.role, teamId: u.team_id, locale: 'zh-CN' };
  };

  const visibleIds = async (a: Actor) =>
    (await handle.db.selectFrom('clients').select('clients.id').where(visibleTo(a)).orderBy('clients.id').execute()).map((r) => r.id);

  it('stores exactly the generated clients and everything hanging off them', async () => {
    expect(result.clients).toBe(500);
    expect(await count('clients')).toBe(500);
    expect(await count('contacts')).toBe(expected.contacts.length);
    expect(result.contacts).toBe(expected.contacts.length);
    expect(await count('client_tags')).toBe(expected.tags.length);
    expect(await count('important_dates')).toBe(expected.importantDates.length);
    expect(await count('client_relationships')).toBe(expected.relationships.length);
    // plus the complaints' steps (issue 7)
    expect(await count('timeline_events')).toBe(expected.timeline.length + result.complaints.timeline + result.requests.timeline + result.surveys.timeline);
    expect(await count('personnel_changes')).toBe(expected.personnelChanges.length);
    const grams = expected.clients.reduce((n, c) => n + gramsOf(c.search_text).length, 0);
    expect(result.grams).toBe(grams);
    expect(await count('client_search')).toBe(grams);

    // Column for column, types included (bigint fen, integer flags, nulls).
    const clients = await handle.db.selectFrom('clients').selectAll().orderBy('id').execute();
    expect(clients).toEqual(expected.clients);
    const contacts = await handle.db.selectFrom('contacts').selectAll().orderBy('id').execute();
    expect(contacts).toEqual(expected.contacts);
    const dates = await handle.db.selectFrom('important_dates').selectAll().orderBy('id').execute();
    expect(dates).toEqual([...expected.importantDates].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('indexes every client for search exactly as reindexClient does', async () => {
    const sample = expected.clients.filter((_, i) => i % 17 === 0);
    const read = async (id: string) => {
      const c = await handle.db.selectFrom('clients').select(['search_text', 'name_initials']).where('id', '=', id).executeTakeFirstOrThrow();
      const grams = await handle.db.selectFrom('client_search').select('gram').where('client_id', '=', id).execute();
      return { ...c, grams: grams.map((g) => g.gram).sort() };
    };
    const before = await Promise.all(sample.map((c) => read(c.id)));
    await handle.db.transaction().execute(async (trx) => {
      for (const c of sample) await reindexClient(trx, c.id);
    });
    const after = await Promise.all(sample.map((c) => read(c.id)));
    expect(before).toEqual(after);
    expect(before.every((b) => b.grams.length > 3)).toBe(true);
  });

  it('gives each demo account its own visible set (X-1)', async () => {
    const lawyer = await actor('lawyer@retainer.test');
    const lawyer2 = await actor('lawyer2@retainer.test');
    const mine = await visibleIds(lawyer);
    const theirs = await visibleIds(lawyer2);
    expect(mine.length).toBeGreaterThan(20);
    expect(theirs.length).toBeGreaterThan(20);
    expect(mine).not.toEqual(theirs);
    expect(theirs.filter((id) => mine.includes(id))).toEqual([]);
    const owned = await handle.db.selectFrom('clients').select('id').where('owner_id', '=', lawyer.id).execute();
    expect(owned.length).toBeGreaterThanOrEqual(15);
    expect(owned.length).toBeLessThanOrEqual(30);

    expect((await visibleIds(await actor('manager@retainer.test'))).length).toBeGreaterThan(10);
    const assistant = await visibleIds(await actor('assistant@retainer.test'));
    expect(assistant.length).toBeGreaterThan(10);
    expect(assistant.every((id) => mine.includes(id))).toBe(true);
    expect(await visibleIds(await actor('partner@retainer.test'))).toHaveLength(500);
    // Secretaries see the active clients, firm-wide: most, not all.
    const active = await handle.db.selectFrom('clients').select('id').where('status', '=', 'active').orderBy('id').execute();
    expect(active.length).toBeGreaterThan(250);
    expect(active.length).toBeLessThan(400);
    expect((await visibleIds(await actor('secretary@retainer.test'))).sort()).toEqual(active.map((r) => r.id));
  });

  it('answers searches through the index within visibility', async () => {
    const lawyer = await actor('lawyer@retainer.test');
    const now = new Date('2026-11-25T02:00:00.000Z');
    const all = await listClients({ db: handle.db, now }, await actor('partner@retainer.test'), { q: '有限公司', limit: 20, sort: '-updatedAt' });
    expect(all.total).toBeGreaterThan(100);
    const some = await listClients({ db: handle.db, now }, lawyer, { q: '有限公司', limit: 20, sort: '-updatedAt' });
    expect(some.total).toBeGreaterThan(0);
    expect(some.total).toBeLessThan(all.total);
    const visible = new Set(await visibleIds(lawyer));
    expect(some.items.every((c) => visible.has(c.id))).toBe(true);
    const target = expected.clients.find((c) => visible.has(c.id) && c.kind === 'organisation')!;
    const byInitials = await listClients({ db: handle.db, now }, lawyer, { q: target.name_initials.slice(0, 4), limit: 200, sort: 'name' });
    expect(byInitials.items.map((c) => c.id)).toContain(target.id);
  });

  // ANALYZE is PostgreSQL's; SQLite has no planner statistics to check.
  if (dialect === 'postgres') {
  it('analyzes the loaded tables on PostgreSQL', async () => {
    const { rows } = await sql<{ relname: string; reltuples: number }>`
      select relname, reltuples from pg_class where relnamespace = current_schema()::regnamespace and relname in ('clients', 'client_search', 'contacts')`.execute(handle.db);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(Number(r.reltuples), r.relname).toBeGreaterThan(0);
  });
  }
});
