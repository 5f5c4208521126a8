import type { Client, ClientListItem } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { clientFirm, get, send } from './clients-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof clientFirm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await clientFirm(t);
});
afterEach(async () => {
  await t.close();
});

type List = { items: ClientListItem[]; total: number; nextCursor: string | null };

describe('X-1 visibility, in every read', () => {
  it('shows the client exactly to those the spec names; others get 404 everywhere', async () => {
    const url = `/api/v1/clients/${f.client.id}`;
    const sees = [f.admin, f.partner, f.lawyerA, f.lawyerA2, f.manager, f.assistantA];
    const blind = [f.lawyerB, f.otherManager, f.assistantB, f.secretary];
    for (const who of sees) {
      expect((await get(t, url, who)).statusCode).toBe(200);
      expect(((await get(t, '/api/v1/clients', who)).json() as List).items.map((c) => c.id)).toContain(f.client.id);
    }
    for (const who of blind) {
      expectError(await get(t, url, who), 404, 'not_found');
      expectError(await get(t, `${url}/timeline`, who), 404, 'not_found');
      expect(((await get(t, '/api/v1/clients', who)).json() as List).total).toBe(0);
      expect(((await get(t, '/api/v1/clients?q=云帆', who)).json() as List).total).toBe(0);
      expect((await send(t, 'POST', `${url}/unmask`, who, { fields: ['phone'] })).statusCode).toBe(404);
    }
    expectError(await send(t, 'PATCH', url, f.lawyerB, { notes: '越权' }), 404, 'not_found');
    expect((await t.db.selectFrom('clients').select('notes').where('id', '=', f.client.id).executeTakeFirstOrThrow()).notes).toBeNull();
  });

  it('shows secretaries active clients without fees, and lets them edit nothing', async () => {
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    const res = await get(t, `/api/v1/clients/${f.client.id}`, f.secretary);
    expect(res.statusCode).toBe(200);
    const c = res.json() as Client;
    expect(c.hourlyRateFen).toBeNull();
    expect(c.masked).toBe(true);
    expectError(await send(t, 'PATCH', `/api/v1/clients/${f.client.id}`, f.secretary, { notes: 'x' }), 403, 'forbidden');
  });
});

describe('X-2 masking and logged unmasking', () => {
  it('masks for a same-team lawyer, not for owner, manager or partner; unmasking is logged', async () => {
    const url = `/api/v1/clients/${f.client.id}`;
    const masked = (await get(t, url, f.lawyerA2)).json() as Client;
    expect(masked).toMatchObject({ masked: true, phone: '139****5678', email: 'l***@yunfan.cn', uscc: '9135************43' });
    const row = ((await get(t, '/api/v1/clients', f.lawyerA2)).json() as List).items[0]!;
    expect(row).toMatchObject({ masked: true, phone: '139****5678' });
    for (const who of [f.lawyerA, f.manager, f.partner, f.admin]) {
      expect(((await get(t, url, who)).json() as Client).phone).toBe('13912345678');
    }
    const clear = await send(t, 'POST', `${url}/unmask`, f.lawyerA2, { fields: ['phone', 'uscc'] });
    expect(clear.json()).toEqual({ phone: '13912345678', uscc: '91350100M000100Y43' });
    const log = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'unmask').execute();
    expect(log).toMatchObject([{ user_id: f.lawyerA2.user.id, client_id: f.client.id, detail: 'phone,uscc' }]);
  });
});

describe('X-4 access log and leak alert', () => {
  it('logs each page view; admins (only) see who viewed a client', async () => {
    await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerA2);
    t.clock.advance(1000);
    await get(t, `/api/v1/clients/${f.client.id}`, f.manager);
    const res = await get(t, `/api/v1/clients/${f.client.id}/access-log`, f.admin);
    const names = (res.json() as { items: { userId: string; action: string }[] }).items.map((e) => [e.userId, e.action]);
    expect(names).toEqual([
      [f.manager.user.id, 'view'],
      [f.lawyerA2.user.id, 'view'],
    ]);
    expectError(await get(t, `/api/v1/clients/${f.client.id}/access-log`, f.lawyerA), 403, 'forbidden');
  });

  it('alerts admins once when one person views more distinct clients in a day than the setting', async () => {
    expect((await send(t, 'PATCH', '/api/v1/settings', f.admin, { viewAlertDistinctClients: 2 })).statusCode).toBe(200);
    const more = [await f.create(f.lawyerA, { kind: 'individual', name: '甲' }), await f.create(f.lawyerA, { kind: 'individual', name: '乙' })];
    const views = [f.client.id, f.client.id, more[0]!.id];
    for (const id of views) await get(t, `/api/v1/clients/${id}`, f.partner);
    expect(await t.db.selectFrom('notifications').select('id').where('kind', '=', 'leak_alert').execute()).toHaveLength(0);
    // Parallel views crossing the threshold together still raise one alert and never fail.
    const parallel = await Promise.all(Array.from({ length: 6 }, () => get(t, `/api/v1/clients/${more[1]!.id}`, f.partner)));
    expect(parallel.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    const alerts = await t.db.selectFrom('notifications').selectAll().where('kind', '=', 'leak_alert').execute();
    expect(alerts.map((a) => a.user_id)).toEqual([f.admin.user.id]);
    expect(JSON.parse(alerts[0]!.data)).toMatchObject({ userId: f.partner.user.id, distinctClients: 3, threshold: 2 });
    const inbox = (await get(t, '/api/v1/notifications?unread=true', f.admin)).json() as { unread: number };
    expect(inbox.unread).toBe(1);
  });
});

describe('C-9 search, filters and pages', () => {
  it('finds by Chinese substring, pinyin initials, phone digits, USCC and tag', async () => {
    const q = async (s: string) => ((await get(t, `/api/v1/clients?q=${encodeURIComponent(s)}`, f.partner)).json() as List).items.map((c) => c.name);
    for (const s of ['云帆', '杭', '科技有限', 'hzyf', 'YFKJ', '1391234', '5678', '91350100M000', 'vip', '高新']) {
      expect(await q(s), s).toEqual(['杭州云帆科技有限公司']);
    }
    for (const s of ['云帆律所', 'zzzz', '000000000']) expect(await q(s), s).toEqual([]);
    // % and _ are literal characters, not wildcards
    expect(await q('%')).toEqual([]);
    await f.create(f.lawyerA, { kind: 'organisation', name: 'John Smith Trading Ltd' });
    for (const s of ['smith trad', 'JOHN', 'h t']) expect(await q(s), s).toEqual(['John Smith Trading Ltd']);
  });

  it('filters, sorts by name and walks every page exactly once', async () => {
    for (const name of ['丙公司', '甲公司', '乙公司', '丁公司']) await f.create(f.lawyerA, { kind: 'organisation', name, tags: ['批量'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(t, `/api/v1/clients?tag=${encodeURIComponent('批量')}&sort=name&limit=3${cursor ? `&cursor=${cursor}` : ''}`, f.lawyerA)).json() as List;
      expect(page.total).toBe(4);
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['丁公司', '丙公司', '乙公司', '甲公司'].sort());
    const org = (await get(t, `/api/v1/clients?kind=individual`, f.lawyerA)).json() as List;
    expect(org.total).toBe(0);
    expect(((await get(t, `/api/v1/clients?grade=A`, f.lawyerA)).json() as List).total).toBe(1);
    expectError(await get(t, '/api/v1/clients?sort=password', f.lawyerA), 400, 'validation_failed');
  });
});
