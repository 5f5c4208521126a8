import type { ClientListItem, Contact, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { firm, timelineKinds, trail } from './firm-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof firm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await firm(t);
});
afterEach(async () => {
  await t.close();
});

const base = () => `/clients/${f.client.id}/contacts`;
const wang = { name: '王建国', title: '法务总监', department: '法务部', decisionRole: 'decision_maker', phone: '13812345678', email: 'wang@yunfan.cn' };

async function add(body: Record<string, unknown>, clientId = f.client.id) {
  const res = await f.call(f.lawyerA, 'POST', `/clients/${clientId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Contact;
}

const list = async (who = f.lawyerA) => (await f.call(who, 'GET', base())).json() as ListResponse<Contact>;

describe('contacts CRUD (C-4)', () => {
  it('creates, lists, edits and deletes a contact, each with an audit row and a timeline event', async () => {
    const c = await add({ ...wang, tags: ['法务', '决策层', '法务'], birthday: { calendar: 'lunar', month: 8, day: 15 } });
    expect(c).toMatchObject({
      clientId: f.client.id,
      name: '王建国',
      title: '法务总监',
      decisionRole: 'decision_maker',
      phone: '13812345678',
      email: 'wang@yunfan.cn',
      tags: ['法务', '决策层'],
      birthday: { calendar: 'lunar', year: null, month: 8, day: 15, leapMonth: false },
      isPrimary: false,
      status: 'in_post',
      masked: false,
    });
    const stored = await t.db.selectFrom('contacts').select('tags').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.tags)).toEqual(['法务', '决策层']);

    const edited = await f.call(f.lawyerA, 'PATCH', `${base()}/${c.id}`, { hobbies: '围棋', wechat: 'wjg_1975', birthday: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ hobbies: '围棋', wechat: 'wjg_1975', birthday: null, name: '王建国' });
    expect((await list()).total).toBe(1);

    const del = await f.call(f.lawyerA, 'DELETE', `${base()}/${c.id}`);
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect(await list()).toEqual({ items: [], nextCursor: null, total: 0 });

    expect(await trail(t, 'contact', c.id)).toEqual(['create', 'delete', 'update']);
    expect(await timelineKinds(t, f.client.id)).toEqual(['client_created', 'contact_added', 'contact_removed', 'contact_updated']);
  });

  it('lists the primary contact first, then by name (pinyin)', async () => {
    await add({ name: '赵敏' });
    await add({ name: '陈静' });
    await add({ name: '王强', isPrimary: true });
    expect((await list()).items.map((c) => c.name)).toEqual(['王强', '陈静', '赵敏']);
  });

  it('keeps one primary contact: setting one clears the others', async () => {
    const a = await add({ name: '甲', isPrimary: true });
    const b = await add({ name: '乙', isPrimary: true });
    const primaries = async () => (await list()).items.filter((c) => c.isPrimary).map((c) => c.id);
    expect(await primaries()).toEqual([b.id]);
    expect((await f.call(f.lawyerA, 'PATCH', `${base()}/${a.id}`, { isPrimary: true })).statusCode).toBe(200);
    expect(await primaries()).toEqual([a.id]);
    expect((await f.call(f.lawyerA, 'PATCH', `${base()}/${a.id}`, { isPrimary: false })).statusCode).toBe(200);
    expect(await primaries()).toEqual([]);
  });

  it('writes nothing when an edit changes nothing', async () => {
    const c = await add(wang);
    const res = await f.call(f.lawyerA, 'PATCH', `${base()}/${c.id}`, { title: '法务总监' });
    expect(res.statusCode).toBe(200);
    expect(await trail(t, 'contact', c.id)).toEqual(['create']);
  });

  it('validates fields, refuses unknown ones and impossible birthdays, naming the field', async () => {
    const bad = expectError(await f.call(f.lawyerA, 'POST', base(), { name: ' ', phone: 'call me', email: 'x', role: 'boss' }), 400, 'validation_failed');
    expect((bad.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['email', 'name', 'phone', 'role']);
    // 2023 has a leap 2nd month, not a leap 3rd
    const leap = expectError(
      await f.call(f.lawyerA, 'POST', base(), { name: '甲', birthday: { calendar: 'lunar', year: 2023, month: 3, day: 1, leapMonth: true } }),
      400,
      'validation_failed',
    );
    expect(leap.details).toEqual([{ field: 'birthday.leapMonth', message: expect.stringContaining('leap month 2') }]);
    const feb = expectError(
      await f.call(f.lawyerA, 'POST', base(), { name: '甲', birthday: { calendar: 'solar', year: 2023, month: 2, day: 30 } }),
      400,
      'validation_failed',
    );
    expect(feb.details).toEqual([{ field: 'birthday.day', message: 'February 2023 has only 28 days' }]);
    expect((await list()).total).toBe(0);
    expect(await timelineKinds(t, f.client.id)).toEqual(['client_created']);
  });
});

describe('contacts: visibility (X-1) and masking (X-2)', () => {
  it('answers 404 on every contact route to a lawyer of another team, and to an unknown client', async () => {
    const c = await add(wang);
    const calls = [
      ['GET', base()],
      ['POST', base(), { name: '新人' }],
      ['PATCH', `${base()}/${c.id}`, { title: '总经理' }],
      ['DELETE', `${base()}/${c.id}`],
      ['GET', `/clients/${f.client.id}/personnel-changes`],
    ] as const;
    for (const [method, url, body] of calls) {
      expectError(await f.call(f.lawyerB, method, url, body), 404, 'not_found');
      expectError(await f.call(f.assistantB, method, url, body), 404, 'not_found');
    }
    expectError(await f.call(f.lawyerA, 'GET', '/clients/0199b6a0-0000-7000-8000-000000000000/contacts'), 404, 'not_found');
    expect((await list()).items.map((x) => x.title)).toEqual(['法务总监']);
  });

  it('answers 404 for a contact of another client', async () => {
    const other = await f.createClient(f.lawyerA, { kind: 'organisation', name: '另一家公司' });
    const c = await add(wang, other.id);
    expectError(await f.call(f.lawyerA, 'PATCH', `${base()}/${c.id}`, { title: '总经理' }), 404, 'not_found');
    expectError(await f.call(f.lawyerA, 'DELETE', `${base()}/${c.id}`), 404, 'not_found');
    expect((await f.call(f.lawyerA, 'GET', `/clients/${other.id}/contacts`)).json()).toMatchObject({ total: 1 });
  });

  it("lets the team's assistant read and edit; the secretary reads active clients only and never writes", async () => {
    const c = await add(wang);
    expect((await list(f.assistantA)).total).toBe(1);
    expect((await f.call(f.assistantA, 'POST', base(), { name: '助理录入' })).statusCode).toBe(201);

    expectError(await f.call(f.secretary, 'GET', base()), 404, 'not_found');
    await f.activate(f.client.id);
    expect((await list(f.secretary)).total).toBe(2);
    expectError(await f.call(f.secretary, 'POST', base(), { name: '秘书' }), 403, 'forbidden');
    expectError(await f.call(f.secretary, 'PATCH', `${base()}/${c.id}`, { title: '总经理' }), 403, 'forbidden');
    expectError(await f.call(f.secretary, 'DELETE', `${base()}/${c.id}`), 403, 'forbidden');
    expect((await list()).total).toBe(2);
  });

  it('masks phone and email for a same-team lawyer who is not the owner; the owner, manager and admin see them', async () => {
    await add(wang);
    const [seen] = (await list(f.lawyerA2)).items;
    expect(seen).toMatchObject({ phone: '138****5678', email: 'w***@yunfan.cn', masked: true, name: '王建国' });
    for (const who of [f.lawyerA, f.manager, f.admin]) {
      expect((await list(who)).items[0]).toMatchObject({ phone: '13812345678', email: 'wang@yunfan.cn', masked: false });
    }
    // what a write answers is masked the same way
    const created = await f.call(f.lawyerA2, 'POST', base(), { name: '李四', phone: '13900001111' });
    expect(created.json()).toMatchObject({ phone: '139****1111', masked: true });
  });
});

describe('contacts feed search (C-9)', () => {
  const search = async (q: string) =>
    ((await f.call(f.lawyerA, 'GET', `/clients?q=${encodeURIComponent(q)}`)).json() as ListResponse<ClientListItem>).items;

  it("finds the client by a contact's name after adding, renaming and deleting", async () => {
    expect(await search('欧阳娜娜')).toEqual([]);
    const c = await add({ name: '欧阳娜娜' });
    const hits = await search('欧阳娜娜');
    expect(hits.map((h) => [h.id, h.matchedContact])).toEqual([[f.client.id, '欧阳娜娜']]);
    expect((await search('oyn')).map((h) => h.id)).toEqual([f.client.id]);

    await f.call(f.lawyerA, 'PATCH', `${base()}/${c.id}`, { name: '司马光' });
    expect(await search('欧阳娜娜')).toEqual([]);
    expect((await search('司马光')).map((h) => h.matchedContact)).toEqual(['司马光']);

    await f.call(f.lawyerA, 'DELETE', `${base()}/${c.id}`);
    expect(await search('司马光')).toEqual([]);
    expect((await search('云帆')).map((h) => h.id)).toEqual([f.client.id]);
  });
});
