import type { ListResponse, User } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
let headers: Record<string, string>;
let adminId: string;
beforeEach(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  headers = admin.headers;
  adminId = admin.user.id;
});
afterEach(async () => {
  await t.close();
});

async function list(query: string): Promise<ListResponse<User>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/users?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListResponse<User>;
}
const ids = (page: ListResponse<User>) => page.items.map((u) => u.id).sort();

describe('GET /api/v1/users filters', () => {
  it('filters by q on name, email and phone, case-insensitively', async () => {
    const a = await t.factory.user('lawyer', { name: '李思远', email: 'li.siyuan@example.cn' });
    const b = await t.factory.user('lawyer', { name: 'Alice Wang', email: 'alice@example.cn' });
    await t.db.updateTable('users').set({ phone: '13800138000' }).where('id', '=', b.id).execute();
    await t.factory.user('lawyer', { name: '王建国', email: 'wjg@example.cn' });

    expect(ids(await list(`q=${encodeURIComponent('思远')}`))).toEqual([a.id]);
    expect(ids(await list('q=LI.SIYUAN'))).toEqual([a.id]);
    expect(ids(await list('q=alice%20WANG'))).toEqual([b.id]);
    expect(ids(await list('q=0013800'))).toEqual([b.id]);
    const none = await list('q=nobody-matches');
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('takes %, _ and \\ in q literally', async () => {
    const under = await t.factory.user('lawyer', { email: 'a_b@example.cn', name: '下划线' });
    await t.factory.user('lawyer', { email: 'axb@example.cn', name: '普通' });
    const pct = await t.factory.user('lawyer', { name: '完成100%' });
    const slash = await t.factory.user('lawyer', { name: 'D:\\法务' });
    expect(ids(await list('q=a_b'))).toEqual([under.id]);
    expect(ids(await list('q=%5C'))).toEqual([slash.id]);
    expect(ids(await list('q=100%25'))).toEqual([pct.id]);
    expect(ids(await list('q=%25'))).toEqual([pct.id]);
  });

  it('filters by role, team and active, and combines filters', async () => {
    const team = await t.factory.team('诉讼部');
    const p = await t.factory.user('partner', { teamId: team.id });
    const l1 = await t.factory.user('lawyer', { teamId: team.id });
    const l2 = await t.factory.user('lawyer');
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', l1.id).execute();

    expect(ids(await list('role=lawyer'))).toEqual([l1.id, l2.id].sort());
    expect(ids(await list(`teamId=${team.id}`))).toEqual([p.id, l1.id].sort());
    expect(ids(await list('active=false'))).toEqual([l1.id]);
    expect(ids(await list('active=true'))).toEqual([adminId, p.id, l2.id].sort());
    const both = await list(`teamId=${team.id}&role=lawyer&active=true`);
    expect(both.items).toEqual([]);
    expect(both.total).toBe(0);
    expect((await list(`teamId=${team.id}&role=partner`)).total).toBe(1);
  });

  it('rejects unknown filters and bad values with the field named', async () => {
    for (const [query, field] of [
      ['role=boss', 'role'],
      ['active=yes', 'active'],
      ['sort=name', 'sort'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/users?${query}`, headers });
      const err = expectError(res, 400, 'validation_failed');
      expect((err.details as { field: string }[]).map((d) => d.field), query).toEqual([field]);
    }
  });
});

describe('GET /api/v1/users pagination', () => {
  it('walks every row exactly once with the right total on each page', async () => {
    await t.factory.users(22);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListResponse<User> = await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(23);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const all = await t.db.selectFrom('users').select('id').execute();
    expect([...seen].sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('keeps the filter on later pages', async () => {
    await t.factory.users(7, 'lawyer');
    await t.factory.users(6, 'secretary');
    const first = await list('role=secretary&limit=4');
    expect(first.total).toBe(6);
    const second = await list(`role=secretary&limit=4&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].every((u) => u.role === 'secretary')).toBe(true);
  });

  it('defaults limit to 50 and allows up to 200', async () => {
    await t.factory.users(54);
    const first = await list('');
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(55);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(`cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(5);
    expect(rest.nextCursor).toBeNull();
    const big = await list('limit=200');
    expect(big.items).toHaveLength(55);
    expect(big.nextCursor).toBeNull();
  });

  it('answers limit=201 and a garbage cursor with 400', async () => {
    const over = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=201', headers }), 400, 'validation_failed');
    expect(over.details).toEqual([{ field: 'limit', message: expect.any(String) }]);
    const bad = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users?cursor=garbage', headers }), 400, 'validation_failed');
    expect(bad.details).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
