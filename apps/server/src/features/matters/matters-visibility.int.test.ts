import type { ClientListItem, ConflictCheck, MatterListItem } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { matterFirm } from './matters-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

type List<T> = { items: T[]; total: number };

describe('X-1 for matters', () => {
  it('shows a matter to those who see its client, 404 to others, and nothing to secretaries', async () => {
    const m = await f.open(f.lawyerA);
    const url = `/api/v1/matters/${m.id}`;
    for (const who of [f.admin, f.partner, f.lawyerA, f.lawyerA2, f.manager, f.assistantA]) {
      expect((await get(t, url, who)).statusCode).toBe(200);
      expect(((await get(t, '/api/v1/matters', who)).json() as List<MatterListItem>).items.map((x) => x.id)).toEqual([m.id]);
    }
    for (const who of [f.lawyerB, f.otherManager, f.assistantB]) {
      expectError(await get(t, url, who), 404, 'not_found');
      expect(((await get(t, '/api/v1/matters', who)).json() as List<MatterListItem>).total).toBe(0);
      expectError(await send(t, 'PATCH', url, who, { title: '越权' }), 404, 'not_found');
      expectError(await send(t, 'POST', `${url}/transition`, who, { to: 'engaged' }), 404, 'not_found');
      expectError(await send(t, 'POST', `${url}/members`, who, { userId: f.lawyerA2.user.id }), 404, 'not_found');
    }
    // secretaries: matters and fees are outside their role altogether
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    expectError(await get(t, url, f.secretary), 403, 'forbidden');
    expectError(await get(t, '/api/v1/matters', f.secretary), 403, 'forbidden');
    expectError(await send(t, 'POST', '/api/v1/matters', f.secretary, { clientId: f.client.id, type: 'consultation', title: 'x' }), 403, 'forbidden');
    // … and the client's timeline they may read leaves matter and fee events out
    await send(t, 'POST', `${url}/fees`, f.lawyerA, { amountFen: 100, receivedOn: '2026-02-01' });
    const kinds = async (who: typeof f.lawyerA) =>
      ((await get(t, `/api/v1/clients/${f.client.id}/timeline`, who)).json() as List<{ kind: string }>).items.map((e) => e.kind);
    expect(await kinds(f.lawyerA)).toEqual(expect.arrayContaining(['matter_opened', 'fee_received']));
    expect(await kinds(f.secretary)).toEqual(['client_created']);
    expect(await t.db.selectFrom('matters').select('title').execute()).toEqual([{ title: m.title }]);
  });

  it('opening a matter for a client one cannot see is a 404 and writes nothing', async () => {
    const res = await send(t, 'POST', '/api/v1/matters', f.lawyerB, { clientId: f.client.id, type: 'litigation', title: '越权立案' });
    expectError(res, 404, 'not_found');
    expectError(await send(t, 'POST', '/api/v1/matters', f.lawyerB, { clientId: 'no-such-client', type: 'litigation', title: 'x' }), 404, 'not_found');
    expect(await t.db.selectFrom('matters').select('id').execute()).toEqual([]);
  });

  it('lets a lawyer of another team see the client while a member of its matter (list, search, detail), and not after', async () => {
    const m = await f.open(f.lawyerA);
    const sees = async () => ({
      detail: (await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerB)).statusCode,
      list: ((await get(t, '/api/v1/clients', f.lawyerB)).json() as List<ClientListItem>).items.map((c) => c.id),
      search: ((await get(t, `/api/v1/clients?q=${encodeURIComponent('云帆')}`, f.lawyerB)).json() as List<ClientListItem>).items.map((c) => c.id),
      matter: (await get(t, `/api/v1/matters/${m.id}`, f.lawyerB)).statusCode,
    });
    expect(await sees()).toEqual({ detail: 404, list: [], search: [], matter: 404 });

    const add = await send(t, 'POST', `/api/v1/matters/${m.id}/members`, f.lawyerA, { userId: f.lawyerB.user.id });
    expect(add.statusCode, add.body).toBe(201);
    expect(await sees()).toEqual({ detail: 200, list: [f.client.id], search: [f.client.id], matter: 200 });

    const remove = await send(t, 'DELETE', `/api/v1/matters/${m.id}/members/${f.lawyerB.user.id}`, f.lawyerA);
    expect(remove.statusCode, remove.body).toBe(200);
    expect(await sees()).toEqual({ detail: 404, list: [], search: [], matter: 404 });
  });

  it('lets a lead lawyer from another team see the client, and keeps them on as associate when replaced', async () => {
    const m = await f.open(f.partner, { leadLawyerId: f.lawyerB.user.id });
    expect((await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerB)).statusCode).toBe(200);
    const res = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.partner, { leadLawyerId: f.lawyerA.user.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerB)).statusCode).toBe(200);
    await send(t, 'DELETE', `/api/v1/matters/${m.id}/members/${f.lawyerB.user.id}`, f.partner);
    expectError(await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerB), 404, 'not_found');
  });
});

describe('C-11: opposing parties in conflict checks', () => {
  it('finds an opposing party with its matter and lead lawyer; outside visibility only that it exists and whom to ask', async () => {
    const m = await f.open(f.lawyerA, { opposingParties: [{ name: '星河贸易有限公司', kind: 'organisation' }] });
    const check = async (who: typeof f.lawyerA) => {
      const res = await send(t, 'POST', '/api/v1/conflict-checks', who, { names: ['星河贸易'] });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as ConflictCheck).hits;
    };
    const owner = { ownerId: f.lawyerA.user.id, ownerName: f.lawyerA.user.name };
    const lead = { leadLawyerId: f.lawyerA.user.id, leadLawyerName: f.lawyerA.user.name };
    expect(await check(f.lawyerA2)).toEqual([
      {
        query: '星河贸易',
        where: 'opposing_party',
        matchedName: '星河贸易有限公司',
        clientId: f.client.id,
        clientName: '杭州云帆科技有限公司',
        visible: true,
        ...owner,
        matterId: m.id,
        matterTitle: m.title,
        ...lead,
      },
    ]);
    const hidden = await check(f.lawyerB);
    expect(hidden).toEqual([
      { query: '星河贸易', where: 'opposing_party', matchedName: null, clientId: null, clientName: null, visible: false, ...owner, matterId: null, matterTitle: null, ...lead },
    ]);
    expect(JSON.stringify(hidden)).not.toContain('云帆');
  });
});
