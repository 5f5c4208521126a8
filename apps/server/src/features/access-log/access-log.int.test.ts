import { ROLES, type AccessLogListEntry, type ListResponse, type Notification } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

type Headers = Record<string, string>;
type Who = { user: { id: string; email: string; name: string }; headers: Headers };
type Page = ListResponse<AccessLogListEntry>;

const get = (who: Who, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
const post = (who: Who, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.headers, payload });
const list = async (who: Who, query = '') => {
  const res = await get(who, `/access-log${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

/** Sessions end after 12 idle hours: sign in again once the clock has moved to another day. */
async function again(who: Who): Promise<Who> {
  const s = await t.login(who.user.email);
  return { user: who.user, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
}

/** Two lawyers of one team, their clients, and an admin. */
async function firm() {
  const team = await t.factory.team();
  const a = await t.as('lawyer', { teamId: team.id });
  const b = await t.as('lawyer', { teamId: team.id });
  const admin = await t.as('admin');
  const create = async (who: Who, name: string) => {
    const res = await post(who, '/clients', { kind: 'organisation', name, phone: '13800001111' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const x = await create(a, '甲科技有限公司');
  const y = await create(a, '乙贸易有限公司');
  const z = await create(b, '丙实业有限公司');
  return { a, b, admin, x, y, z };
}

describe('GET /api/v1/access-log (X-4)', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('refuses %s like the per-client access log', async (role) => {
    const who = await t.as(role);
    expectError(await get(who, '/access-log'), 403, 'forbidden');
  });

  it('refuses anonymous callers', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/access-log' }), 401, 'unauthenticated');
  });

  it('lists views, unmasking and exports firm-wide, newest first, with the person and the client', async () => {
    const { a, b, admin, x, y, z } = await firm();
    expect(await list(admin)).toEqual({ items: [], nextCursor: null, total: 0 });

    // 2026-11-25 (firm time)
    await get(a, `/clients/${x.id}`);
    t.clock.advance(1000);
    await get(b, `/clients/${x.id}`);
    t.clock.advance(1000);
    expect((await post(b, `/clients/${z.id}/unmask`, { fields: ['phone'] })).statusCode).toBe(200);
    // 2026-11-26
    t.clock.advance(23 * 3600_000);
    const a2 = await again(a);
    await get(a2, `/clients/${y.id}`);
    t.clock.advance(1000);
    expect((await post(a2, '/exports', { entity: 'clients', format: 'csv', query: {} })).statusCode).toBe(201);

    const admin2 = await again(admin);
    const all = await list(admin2);
    expect(all.total).toBe(5);
    expect(all.items.map((e) => [e.userName, e.action, e.clientName])).toEqual([
      [a.user.name, 'export', null],
      [a.user.name, 'view', y.name],
      [b.user.name, 'unmask', z.name],
      [b.user.name, 'view', x.name],
      [a.user.name, 'view', x.name],
    ]);
    expect(all.items[2]).toMatchObject({ userId: b.user.id, clientId: z.id, detail: 'phone', at: '2026-11-25T02:00:02.000Z' });
    expect(JSON.parse(all.items[0]!.detail!)).toMatchObject({ rows: 2, format: 'csv' });

    const by = async (query: string) => (await list(admin2, query)).items.map((e) => [e.userId, e.action, e.clientId]);
    expect(await by(`?userId=${a.user.id}`)).toEqual([
      [a.user.id, 'export', null],
      [a.user.id, 'view', y.id],
      [a.user.id, 'view', x.id],
    ]);
    expect(await by(`?clientId=${x.id}`)).toEqual([
      [b.user.id, 'view', x.id],
      [a.user.id, 'view', x.id],
    ]);
    expect(await by('?action=unmask')).toEqual([[b.user.id, 'unmask', z.id]]);
    expect(await by('?from=2026-11-26')).toEqual([
      [a.user.id, 'export', null],
      [a.user.id, 'view', y.id],
    ]);
    expect(await by('?to=2026-11-25&action=view')).toEqual([
      [b.user.id, 'view', x.id],
      [a.user.id, 'view', x.id],
    ]);
    expect(await by(`?userId=${b.user.id}&from=2026-11-25&to=2026-11-25&clientId=${z.id}`)).toEqual([[b.user.id, 'unmask', z.id]]);
    expect(await list(admin2, '?from=2026-11-27')).toEqual({ items: [], nextCursor: null, total: 0 });

    for (const bad of ['?action=delete', '?from=yesterday', '?to=2026-1-5', '?limit=0', '?cursor=nope', '?unknown=1']) {
      expectError(await get(admin2, `/access-log${bad}`), 400, 'validation_failed');
    }
  });

  it('pages by cursor with the filters kept and the total of all matching entries', async () => {
    const { a, b, admin, x, y, z } = await firm();
    for (const id of [x.id, y.id, z.id, x.id, y.id]) {
      await get(a, `/clients/${id}`);
      t.clock.advance(1000);
    }
    await get(b, `/clients/${x.id}`);

    const seen: AccessLogListEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(admin, `?userId=${a.user.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(5);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.clientId)).toEqual([y.id, x.id, z.id, y.id, x.id]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    expect(seen.every((e) => e.userId === a.user.id)).toBe(true);
    // newest first across pages
    expect(seen.map((e) => e.at)).toEqual([...seen.map((e) => e.at)].sort().reverse());
  });

  it('opens pre-filtered from the leak alert: its link names the person and the day', async () => {
    const { a, admin, x, y, z } = await firm();
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers: admin.headers, payload: { viewAlertDistinctClients: 2 } });
    expect(patched.statusCode).toBe(200);
    for (const c of [x, y, z]) {
      await get(a, `/clients/${c.id}`);
      t.clock.advance(1000);
    }
    const inbox = (await get(admin, '/notifications')).json() as { items: Notification[] };
    const alert = inbox.items.find((n) => n.kind === 'leak_alert');
    expect(alert?.link).toBe(`/access-log?userId=${a.user.id}&from=2026-11-25&to=2026-11-25`);

    // the page passes its URL's filters to the API as they are
    const query = alert!.link!.slice('/access-log'.length);
    const page = await list(admin, query);
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.clientName)).toEqual([z.name, y.name, x.name]);
  });
});
