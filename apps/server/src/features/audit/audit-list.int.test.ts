import type { AuditEvent, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['as']>>;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterEach(async () => {
  await t.close();
});

async function events(query = ''): Promise<ListResponse<AuditEvent>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?${query}`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListResponse<AuditEvent>;
}

const createTeam = (headers: Record<string, string>, name: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/teams', headers, payload: { name } }).then((r) => r.json() as { id: string });

describe('GET /api/v1/audit-events', () => {
  it('lists newest first', async () => {
    const names = ['一', '二', '三'];
    for (const name of names) {
      t.clock.advance(60_000);
      await createTeam(admin.headers, name);
    }
    const list = await events('entity=team');
    expect(list.items.map((e) => e.after?.name)).toEqual(['三', '二', '一']);
    const times = list.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by entity, entityId and actorId', async () => {
    const other = await t.as('admin');
    const mine = await createTeam(admin.headers, '甲');
    await createTeam(other.headers, '乙');
    await t.factory.user('lawyer');

    const teams = await events('entity=team');
    expect(teams.total).toBe(2);
    expect(teams.items.every((e) => e.entity === 'team')).toBe(true);
    const byActor = await events(`actorId=${admin.user.id}`);
    expect(byActor.items.map((e) => e.entityId)).toEqual([mine.id]);
    expect(byActor.total).toBe(1);
    const byEntity = await events(`entity=team&entityId=${mine.id}`);
    expect(byEntity.items).toHaveLength(1);
    expect(byEntity.items[0]!.actorName).toBe(admin.user.name);
    expect((await events('entity=user')).items.every((e) => e.entity === 'user')).toBe(true);
  });

  it('filters by firm-local days (Asia/Shanghai), both ends included', async () => {
    // Sessions idle out after 12 hours, so sign in afresh at each moment.
    const at = async (iso: string, name: string) => {
      t.clock.set(iso);
      const s = await t.login(admin.user.email);
      return createTeam({ cookie: s.cookie, 'x-csrf-token': s.csrf }, name);
    };
    const late24 = await at('2026-11-24T15:59:00Z', '二十四日'); // 23:59 on the 24th in Shanghai
    const early25 = await at('2026-11-24T17:30:00Z', '二十五日'); // 01:30 on the 25th
    const end25 = await at('2026-11-25T15:59:59.999Z', '二十五日晚'); // last instant of the 25th
    await at('2026-11-25T16:00:00Z', '二十六日'); // midnight starting the 26th
    admin.headers = (await t.as('admin')).headers;

    const on25 = await events('entity=team&from=2026-11-25&to=2026-11-25');
    expect(on25.items.map((e) => e.entityId)).toEqual([end25.id, early25.id]);
    expect(on25.total).toBe(2);
    const on24 = await events('entity=team&from=2026-11-24&to=2026-11-24');
    expect(on24.items.map((e) => e.entityId)).toEqual([late24.id]);
    expect((await events('entity=team&from=2026-11-25')).total).toBe(3);
    expect((await events('entity=team&to=2026-11-24')).total).toBe(1);
  });

  it('paginates newest first, every event once', async () => {
    for (let i = 0; i < 7; i++) {
      if (i % 2) t.clock.advance(1000); // some events share a timestamp
      await createTeam(admin.headers, `团队${i}`);
    }
    const seen: AuditEvent[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListResponse<AuditEvent> = await events(`entity=team&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const all = (await events('entity=team&limit=200')).items;
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(seen.map((e) => e.at)).toEqual([...seen.map((e) => e.at)].sort().reverse());
  });

  it('rejects a malformed date with the field named', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?from=25/11/2026', headers: admin.headers });
    const err = expectError(res, 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'from', message: expect.any(String) }]);
  });

  it('is read-only: no route writes audit events', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/v1/audit-events', headers: admin.headers, payload: {} });
      expect(res.statusCode, method).toBe(404);
    }
  });
});
