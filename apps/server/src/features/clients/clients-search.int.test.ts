import type { ClientListResponse } from '@retainer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../plugins/ids.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { clientFirm, get } from './clients-fixture.js';
import { gramsOf, initialsOf, planSearch, RARE_GRAM_ROWS, SEARCH_TOTAL_CAP, searchText } from './clients.search.js';
import { emptyClient } from './clients.write.js';

// C-9 at volume: a gram held by more clients than RARE_GRAM_ROWS is searched by walking the
// list order; a rare one drives the search; either way the page and the (capped) total are
// exactly what a plain filter over every client gives.
const BULK = RARE_GRAM_ROWS + 100;

describe('client search over many clients', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof clientFirm>>;
  let names: { name: string; updatedAt: string; ownerId: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    f = await clientFirm(t);
    const base = Date.parse('2026-01-01T00:00:00Z');
    names = [];
    const rows = [];
    const grams: { client_id: string; gram: string }[] = [];
    for (let i = 1; i <= BULK; i++) {
      // every client is a 常见律所客户; 3 of them are also 稀有; lawyer A owns every 40th
      const name = `常见律所客户${i}${i % 700 === 0 ? '稀有' : ''}`;
      const ownerId = i % 40 === 0 ? f.lawyerA.user.id : f.lawyerB.user.id;
      const updatedAt = new Date(base + ((i * 7919) % BULK) * 60_000).toISOString();
      const id = newId(base + i);
      const text = searchText({ names: [name], tags: [] });
      rows.push({
        ...emptyClient(),
        id,
        kind: 'organisation' as const,
        name,
        name_initials: initialsOf(name),
        search_text: text,
        status: 'prospect' as const,
        grade: 'C' as const,
        owner_id: ownerId,
        team_id: ownerId === f.lawyerA.user.id ? f.teamA.id : f.teamB.id,
        created_at: updatedAt,
        updated_at: updatedAt,
      });
      for (const gram of gramsOf(text)) grams.push({ client_id: id, gram });
      names.push({ name, updatedAt, ownerId });
    }
    for (let i = 0; i < rows.length; i += 200) await t.db.insertInto('clients').values(rows.slice(i, i + 200)).execute();
    for (let i = 0; i < grams.length; i += 1000) await t.db.insertInto('client_search').values(grams.slice(i, i + 1000)).execute();
  });
  afterAll(() => t.close());

  const search = async (q: string, who = f.partner, extra = '') =>
    (await get(t, `/api/v1/clients?q=${encodeURIComponent(q)}&limit=20${extra}`, who)).json() as ClientListResponse;
  /** What any correct search answers: names containing the text, newest change first. */
  const expected = (fragment: string, ownerId?: string) =>
    names
      .filter((n) => n.name.includes(fragment) && (!ownerId || n.ownerId === ownerId))
      .sort((a, b) => (a.updatedAt === b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? 1 : -1))
      .map((n) => n.name);

  it('plans a common gram as a walk of the list order and a rare gram as the driver', async () => {
    expect((await planSearch(t.db, '常见')).driver).toBeNull();
    expect((await planSearch(t.db, '稀有')).driver).toBe('稀有');
    // a gram no client holds drives too: nothing to confirm
    expect((await planSearch(t.db, '客户稀有')).driver).toBe('户稀');
    // the rarest gram of the query drives, whatever its position
    expect((await planSearch(t.db, '律所客户1')).driver).toBe('户1');
  });

  it('caps the total of a common fragment at 1,000 and says so, with the right first page', async () => {
    const page = await search('常见');
    expect(page.total).toBe(SEARCH_TOTAL_CAP);
    expect(page.totalCapped).toBe(true);
    expect(page.items.map((c) => c.name)).toEqual(expected('常见').slice(0, 20));
    expect(page.nextCursor).not.toBeNull();
  });

  it('counts exactly below the cap, through the rare gram and through the walk alike', async () => {
    const rare = await search('稀有');
    expect(rare).toMatchObject({ total: 2, totalCapped: false });
    expect(rare.items.map((c) => c.name)).toEqual(expected('稀有'));
    const some = await search('客户1');
    expect(some.total).toBe(Math.min(expected('客户1').length, SEARCH_TOTAL_CAP));
    expect(some.totalCapped).toBe(expected('客户1').length > SEARCH_TOTAL_CAP);
    expect(some.items.map((c) => c.name)).toEqual(expected('客户1').slice(0, 20));
    // pinyin initials of 常见律所客户: cjlskh — every gram common
    const initials = await search('cjlskh', f.partner, '&sort=name');
    expect(initials.totalCapped).toBe(true);
    expect(initials.items.map((c) => c.name)).toEqual(names.map((n) => n.name).sort().slice(0, 20));
  });

  it('applies visibility to the walk: a lawyer counts only the clients they may see', async () => {
    const page = await search('常见', f.lawyerA);
    expect(page).toMatchObject({ total: expected('常见', f.lawyerA.user.id).length, totalCapped: false });
    expect(page.items.map((c) => c.name)).toEqual(expected('常见', f.lawyerA.user.id).slice(0, 20));
    expect((await search('稀有', f.lawyerA)).items.map((c) => c.name)).toEqual(expected('稀有', f.lawyerA.user.id));
  });

  it('exports a common search with its exact row count, not the capped total', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/exports',
      headers: f.partner.headers,
      payload: { entity: 'clients', format: 'csv', query: { q: '常见' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { rowCount: number }).rowCount).toBe(BULK);
  });

  it('walks every page of a common search exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ClientListResponse = (
        await get(t, `/api/v1/clients?q=${encodeURIComponent('常见')}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, f.lawyerB)
      ).json();
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected('常见', f.lawyerB.user.id));
  });
});
