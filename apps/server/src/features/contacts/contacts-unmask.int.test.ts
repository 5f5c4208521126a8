import type { Contact, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { firm, type Who } from './firm-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof firm>>;
let wang: Contact;
beforeEach(async () => {
  t = await createTestApp();
  f = await firm(t);
  const res = await f.call(f.lawyerA, 'POST', `/clients/${f.client.id}/contacts`, { name: '王建国', phone: '13812345678', email: 'wang@yunfan.cn' });
  expect(res.statusCode, res.body).toBe(201);
  wang = res.json() as Contact;
});
afterEach(async () => {
  await t.close();
});

const unmask = (who: Who, fields: unknown, clientId = f.client.id, contactId = wang.id) =>
  f.call(who, 'POST', `/clients/${clientId}/contacts/${contactId}/unmask`, { fields });

const unmaskLog = () =>
  t.db.selectFrom('access_log').select(['user_id', 'client_id', 'action', 'detail']).where('action', '=', 'unmask').orderBy('id').execute();

async function listed(who: Who) {
  const res = await f.call(who, 'GET', `/clients/${f.client.id}/contacts`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ListResponse<Contact>).items[0]!;
}

describe('POST /clients/:id/contacts/:contactId/unmask (X-2)', () => {
  it('shows a same-team lawyer the masked values, then the clear ones, and logs who saw what', async () => {
    expect(await listed(f.lawyerA2)).toMatchObject({ masked: true, phone: '138****5678', email: 'w***@yunfan.cn' });

    const res = await unmask(f.lawyerA2, ['phone', 'email']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ phone: '13812345678', email: 'wang@yunfan.cn' });
    expect(await unmaskLog()).toEqual([
      { user_id: f.lawyerA2.user.id, client_id: f.client.id, action: 'unmask', detail: `contact:${wang.id}:phone,email` },
    ]);

    // Only what was asked for, each call its own row; the list stays masked.
    t.clock.advance(1000); // log ids sort by time
    const phone = await unmask(f.assistantA, ['phone', 'phone']);
    expect(phone.json()).toEqual({ phone: '13812345678' });
    expect((await unmaskLog()).map((r) => [r.user_id, r.detail])).toEqual([
      [f.lawyerA2.user.id, `contact:${wang.id}:phone,email`],
      [f.assistantA.user.id, `contact:${wang.id}:phone`],
    ]);
    expect((await listed(f.lawyerA2)).phone).toBe('138****5678');
  });

  it('answers null for an empty field and still logs the look', async () => {
    const bare = await f.call(f.lawyerA, 'POST', `/clients/${f.client.id}/contacts`, { name: '陈静' });
    const id = (bare.json() as Contact).id;
    const res = await unmask(f.secretary, ['email'], f.client.id, id);
    expect(res.statusCode).toBe(404); // the secretary sees active clients only
    await f.activate(f.client.id);
    const seen = await unmask(f.secretary, ['email'], f.client.id, id);
    expect(seen.json()).toEqual({ email: null });
    expect((await unmaskLog()).map((r) => r.detail)).toEqual([`contact:${id}:email`]);
  });

  it('is a 404 when the client is not visible or the contact is not on that client, and logs nothing', async () => {
    expectError(await unmask(f.lawyerB, ['phone']), 404, 'not_found');
    expectError(await unmask(f.assistantB, ['phone']), 404, 'not_found');

    const other = await f.createClient(f.lawyerA, { kind: 'organisation', name: '宁波海岳贸易有限公司' });
    expectError(await unmask(f.lawyerA2, ['phone'], other.id, wang.id), 404, 'not_found');
    expectError(await unmask(f.lawyerA2, ['phone'], f.client.id, 'no-such-contact'), 404, 'not_found');
    expect(await unmaskLog()).toEqual([]);
  });

  it('accepts only phone and email, at least one', async () => {
    for (const fields of [[], ['wechat'], ['idNumber'], 'phone']) {
      expectError(await unmask(f.lawyerA2, fields), 400, 'validation_failed');
    }
    expectError(await f.call(f.lawyerA2, 'POST', `/clients/${f.client.id}/contacts/${wang.id}/unmask`, { fields: ['phone'], all: true }), 400, 'validation_failed');
    expect(await unmaskLog()).toEqual([]);
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/clients/${f.client.id}/contacts/${wang.id}/unmask`, payload: { fields: ['phone'] } });
    expectError(res, 401, 'unauthenticated');
    expect(await unmaskLog()).toEqual([]);
  });
});
