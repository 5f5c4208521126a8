import type { ConflictCheck } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../plugins/ids.js';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { reindexClient } from '../clients/clients.search.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

type Headers = Record<string, string>;

async function client(headers: Headers, name: string, kind = 'organisation') {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers, payload: { kind, name } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

async function contact(clientId: string, name: string) {
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('contacts')
    .values({ id: newId(), client_id: clientId, name, department: null, title: null, decision_role: null, phone: null, email: null, wechat: null, birthday_calendar: null, birthday_year: null, birthday_month: null, birthday_day: null, birthday_leap: 0, hobbies: null, tags: '[]', is_primary: 1, status: 'in_post', created_at: now, updated_at: now })
    .execute();
  await reindexClient(t.db, clientId);
}

async function relate(from: string, to: string) {
  await t.db.insertInto('client_relationships').values({ id: newId(), from_client_id: from, to_client_id: to, kind: 'parent_subsidiary', note: null, created_by: null, created_at: t.clock.now().toISOString() }).execute();
}

/** Lawyer A and lawyer B in different teams: neither sees the other's clients. */
async function firm() {
  const [teamA, teamB] = [await t.factory.team(), await t.factory.team()];
  const a = await t.as('lawyer', { teamId: teamA.id });
  const b = await t.as('lawyer', { teamId: teamB.id });
  const yunqi = await client(a.headers, '杭州云栖科技有限公司');
  const qiantang = await client(a.headers, '钱塘咨询有限公司');
  await relate(yunqi.id, qiantang.id);
  const acme = await client(a.headers, 'ACME Trading Ltd');
  const other = await client(a.headers, '某某贸易有限公司');
  await contact(other.id, '李云栖');
  const hidden = await client(b.headers, '云栖投资集团有限公司');
  const hiddenChild = await client(b.headers, '西溪地产有限公司');
  await relate(hidden.id, hiddenChild.id);
  return { a, b, yunqi, qiantang, acme, other, hidden, hiddenChild };
}

const check = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/conflict-checks', headers, payload });

describe('POST /api/v1/conflict-checks', () => {
  it('finds clients, contacts and related parties firm-wide, hiding what the checker may not see', async () => {
    const f = await firm();
    const res = await check(f.a.headers, { names: ['云栖', 'acme'], purpose: '新客户：云栖控股收购案' });
    expect(res.statusCode).toBe(201);
    const body = res.json() as ConflictCheck;
    expect(body).toMatchObject({ userId: f.a.user.id, userName: f.a.user.name, names: ['云栖', 'acme'], purpose: '新客户：云栖控股收购案', hitCount: 6 });
    const owner = { a: { ownerId: f.a.user.id, ownerName: f.a.user.name }, b: { ownerId: f.b.user.id, ownerName: f.b.user.name } };
    expect(body.hits).toEqual([
      { query: '云栖', where: 'client', matchedName: '杭州云栖科技有限公司', clientId: f.yunqi.id, clientName: '杭州云栖科技有限公司', visible: true, ...owner.a },
      // B's client: that a conflict exists and whom to ask, nothing more
      { query: '云栖', where: 'client', matchedName: null, clientId: null, clientName: null, visible: false, ...owner.b },
      { query: '云栖', where: 'contact', matchedName: '李云栖', clientId: f.other.id, clientName: '某某贸易有限公司', visible: true, ...owner.a },
      { query: '云栖', where: 'related_party', matchedName: '杭州云栖科技有限公司', clientId: f.qiantang.id, clientName: '钱塘咨询有限公司', visible: true, ...owner.a },
      { query: '云栖', where: 'related_party', matchedName: null, clientId: null, clientName: null, visible: false, ...owner.b },
      { query: 'acme', where: 'client', matchedName: 'ACME Trading Ltd', clientId: f.acme.id, clientName: 'ACME Trading Ltd', visible: true, ...owner.a },
    ]);
    expect(JSON.stringify(body)).not.toContain('云栖投资');
    expect(JSON.stringify(body)).not.toContain('西溪');
  });

  it('shows a partner every hit in full', async () => {
    const f = await firm();
    const partner = await t.as('partner');
    const body = (await check(partner.headers, { names: ['云栖投资'] })).json() as ConflictCheck;
    expect(body.hits.map((h) => [h.where, h.matchedName, h.clientName, h.visible])).toEqual([
      ['client', '云栖投资集团有限公司', '云栖投资集团有限公司', true],
      ['related_party', '云栖投资集团有限公司', '西溪地产有限公司', true],
    ]);
    expect(body.hits[1]!.clientId).toBe(f.hiddenChild.id);
  });

  it('matches Latin names case-insensitively, full-width forms and words with spaces', async () => {
    const f = await firm();
    for (const q of ['ACME TRADING', 'ａｃｍｅ', 'trading ltd', 'Acme Trading Ltd']) {
      const body = (await check(f.a.headers, { names: [q] })).json() as ConflictCheck;
      expect(body.hits.map((h) => h.clientId), q).toEqual([f.acme.id]);
    }
    const none = (await check(f.a.headers, { names: ['不存在的名字'] })).json() as ConflictCheck;
    expect(none).toMatchObject({ hitCount: 0, hits: [] });
  });

  it('finds a client whose whole name appears inside a longer name checked', async () => {
    const f = await firm();
    const body = (await check(f.a.headers, { names: ['杭州云栖科技有限公司北京分公司'] })).json() as ConflictCheck;
    expect(body.hits.map((h) => [h.where, h.clientName])).toEqual([
      ['client', '杭州云栖科技有限公司'],
      ['related_party', '钱塘咨询有限公司'],
    ]);
  });

  it('validates the names', async () => {
    const { headers } = await t.as('secretary');
    expectError(await check(headers, { names: [] }), 400, 'validation_failed');
    expectError(await check(headers, { names: ['  '] }), 400, 'validation_failed');
  });
});

describe('GET /api/v1/conflict-checks', () => {
  it('keeps each check as it was shown; checkers see their own, partners and admins all', async () => {
    const f = await firm();
    const mine = (await check(f.a.headers, { names: ['云栖'] })).json() as ConflictCheck;
    t.clock.advance(1000);
    const theirs = (await check(f.b.headers, { names: ['钱塘'] })).json() as ConflictCheck;
    // later changes do not rewrite the record
    await client(f.a.headers, '云栖新设有限公司');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/conflict-checks/${mine.id}`, headers: f.a.headers })).json()).toEqual(mine);
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/conflict-checks/${mine.id}`, headers: f.b.headers }), 404, 'not_found');

    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/conflict-checks', headers: f.b.headers })).json() as { items: ConflictCheck[]; total: number };
    expect(own).toMatchObject({ total: 1, items: [{ id: theirs.id }] });
    for (const role of ['partner', 'admin'] as const) {
      const { headers } = await t.as(role);
      const all = (await t.app.inject({ method: 'GET', url: '/api/v1/conflict-checks?limit=1', headers })).json() as { items: ConflictCheck[]; total: number; nextCursor: string };
      expect(all.total).toBe(2);
      expect(all.items.map((c) => c.id)).toEqual([theirs.id]);
      const next = (await t.app.inject({ method: 'GET', url: `/api/v1/conflict-checks?limit=1&cursor=${all.nextCursor}`, headers })).json() as { items: ConflictCheck[] };
      expect(next.items.map((c) => c.id)).toEqual([mine.id]);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/conflict-checks/${mine.id}`, headers })).statusCode).toBe(200);
    }
  });
});
