import type { Client, ListResponse, Relationship } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { firm, trail, type Who } from '../contacts/firm-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof firm>>;
let x: Client;
let other: Client;
beforeEach(async () => {
  t = await createTestApp();
  f = await firm(t);
  x = f.client;
  other = await f.createClient(f.lawyerA, { kind: 'organisation', name: '云帆控股集团' });
});
afterEach(async () => {
  await t.close();
});

const base = (clientId: string) => `/clients/${clientId}/relationships`;
const list = async (clientId: string, who: Who = f.lawyerA) => (await f.call(who, 'GET', base(clientId))).json() as ListResponse<Relationship>;
async function link(role: string, from = x.id, to = other.id, who: Who = f.lawyerA) {
  const res = await f.call(who, 'POST', base(from), { otherClientId: to, role, note: '2024年收购' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Relationship;
}
const stored = (id: string) => t.db.selectFrom('client_relationships').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const roles = async (clientId: string) => (await list(clientId)).items.map((r) => [r.otherClientId, r.kind, r.role]);

describe('relationships (C-7): directions', () => {
  it('stores "the other is my parent" as parent → subsidiary and shows each side its own view', async () => {
    const r = await link('parent');
    expect(r).toMatchObject({ kind: 'parent_subsidiary', role: 'parent', otherClientId: other.id, otherClientName: '云帆控股集团', note: '2024年收购' });
    expect(await stored(r.id)).toMatchObject({ from_client_id: other.id, to_client_id: x.id, kind: 'parent_subsidiary', created_by: f.lawyerA.user.id });
    expect(await roles(x.id)).toEqual([[other.id, 'parent_subsidiary', 'parent']]);
    expect(await roles(other.id)).toEqual([[x.id, 'parent_subsidiary', 'subsidiary']]);
  });

  it('stores "the other is my subsidiary" with this client as the parent', async () => {
    const r = await link('subsidiary');
    expect(await stored(r.id)).toMatchObject({ from_client_id: x.id, to_client_id: other.id });
    expect(await roles(other.id)).toEqual([[x.id, 'parent_subsidiary', 'parent']]);
  });

  it('stores "the other referred me" as this client referred_by the other, and the reverse', async () => {
    const r = await link('referrer');
    expect(r.role).toBe('referrer');
    expect(await stored(r.id)).toMatchObject({ from_client_id: x.id, to_client_id: other.id, kind: 'referred_by' });
    expect(await roles(other.id)).toEqual([[x.id, 'referred_by', 'referred_by']]);

    const third = await f.createClient(f.lawyerA, { kind: 'individual', name: '新客户' });
    const r2 = await link('referred_by', x.id, third.id);
    expect(await stored(r2.id)).toMatchObject({ from_client_id: third.id, to_client_id: x.id, kind: 'referred_by' });
    expect(await roles(third.id)).toEqual([[x.id, 'referred_by', 'referrer']]);
  });

  it.each(['affiliate', 'family', 'business_partner'])('shows the %s link the same way from both sides', async (role) => {
    await link(role);
    expect(await roles(x.id)).toEqual([[other.id, role, role]]);
    expect(await roles(other.id)).toEqual([[x.id, role, role]]);
  });

  it('puts the link on both timelines and in the audit trail, and removes it from either side', async () => {
    const r = await link('subsidiary');
    const events = async (kind: string) =>
      (await t.db.selectFrom('timeline_events').select(['client_id', 'data']).where('kind', '=', kind).execute())
        .map((e) => [e.client_id, (JSON.parse(e.data) as { role: string }).role])
        .sort();
    expect(await events('relationship_added')).toEqual([[x.id, 'subsidiary'], [other.id, 'parent']].sort());

    const del = await f.call(f.lawyerA, 'DELETE', `${base(other.id)}/${r.id}`);
    expect(del.statusCode).toBe(204);
    expect((await list(x.id)).total).toBe(0);
    expect(await events('relationship_removed')).toEqual([[x.id, 'subsidiary'], [other.id, 'parent']].sort());
    expect(await trail(t, 'client_relationship', r.id)).toEqual(['create', 'delete']);
  });
});

describe('relationships: refusals', () => {
  it('answers 409 to a second identical link, entered from either side', async () => {
    await link('affiliate');
    expectError(await f.call(f.lawyerA, 'POST', base(x.id), { otherClientId: other.id, role: 'affiliate' }), 409, 'conflict');
    expectError(await f.call(f.lawyerA, 'POST', base(other.id), { otherClientId: x.id, role: 'affiliate' }), 409, 'conflict');
    await link('parent');
    // the same parent link seen from the parent's side
    expectError(await f.call(f.lawyerA, 'POST', base(other.id), { otherClientId: x.id, role: 'subsidiary' }), 409, 'conflict');
    expect((await list(x.id)).total).toBe(2);
  });

  it('answers 400 on otherClientId for a self-link, an unknown client and a client the actor may not see', async () => {
    const theirs = await f.createClient(f.lawyerB, { kind: 'organisation', name: '别组的客户' });
    for (const otherClientId of [x.id, '0199b6a0-0000-7000-8000-000000000000', theirs.id]) {
      const e = expectError(await f.call(f.lawyerA, 'POST', base(x.id), { otherClientId, role: 'affiliate' }), 400, 'validation_failed');
      expect(e.details).toEqual([{ field: 'otherClientId', message: expect.any(String) }]);
    }
    const e = expectError(await f.call(f.lawyerA, 'POST', base(x.id), { otherClientId: other.id, role: 'cousin' }), 400, 'validation_failed');
    expect((e.details as { field: string }[])[0]!.field).toBe('role');
    expect((await list(x.id)).total).toBe(0);
  });

  it('answers 404 for a link that does not involve this client', async () => {
    const r = await link('affiliate');
    const third = await f.createClient(f.lawyerA, { kind: 'individual', name: '无关的人' });
    expectError(await f.call(f.lawyerA, 'DELETE', `${base(third.id)}/${r.id}`), 404, 'not_found');
    expectError(await f.call(f.lawyerA, 'DELETE', `${base(x.id)}/0199b6a0-0000-7000-8000-000000000000`), 404, 'not_found');
    expect((await list(x.id)).total).toBe(1);
  });
});

describe('relationships: visibility (X-1)', () => {
  it("hides the other client's name from a viewer who may not see it", async () => {
    const theirs = await f.createClient(f.lawyerB, { kind: 'organisation', name: '别组的客户' });
    await link('business_partner', x.id, theirs.id, f.admin);
    expect((await list(x.id)).items).toEqual([expect.objectContaining({ otherClientId: theirs.id, otherClientName: null, role: 'business_partner' })]);
    expect((await list(x.id, f.admin)).items[0]!.otherClientName).toBe('别组的客户');
    expect((await list(theirs.id, f.lawyerB)).items[0]!.otherClientName).toBeNull();
  });

  it('answers 404 to a lawyer of another team on every route; the secretary reads active clients and never writes', async () => {
    const r = await link('affiliate');
    const calls = [
      ['GET', base(x.id)],
      ['POST', base(x.id), { otherClientId: other.id, role: 'family' }],
      ['DELETE', `${base(x.id)}/${r.id}`],
    ] as const;
    for (const [method, url, body] of calls) expectError(await f.call(f.lawyerB, method, url, body), 404, 'not_found');
    expect((await list(x.id, f.assistantA)).total).toBe(1);

    expectError(await f.call(f.secretary, 'GET', base(x.id)), 404, 'not_found');
    await f.activate(x.id);
    expect((await list(x.id, f.secretary)).items[0]!.otherClientName).toBeNull();
    expectError(await f.call(f.secretary, 'POST', base(x.id), { otherClientId: other.id, role: 'family' }), 403, 'forbidden');
    expectError(await f.call(f.secretary, 'DELETE', `${base(x.id)}/${r.id}`), 403, 'forbidden');
    expect((await list(x.id)).total).toBe(1);
  });
});
