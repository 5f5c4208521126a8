import type { Contact, ListResponse, Notification, PersonnelChange } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { firm, type Who } from './firm-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof firm>>;
let contact: Contact;
beforeEach(async () => {
  t = await createTestApp();
  f = await firm(t);
  const res = await f.call(f.lawyerA, 'POST', `/clients/${f.client.id}/contacts`, { name: '王建国', title: '法务经理', department: '法务部' });
  contact = res.json() as Contact;
});
afterEach(async () => {
  await t.close();
});

const changes = async (query = '') =>
  (await f.call(f.lawyerA, 'GET', `/clients/${f.client.id}/personnel-changes${query}`)).json() as ListResponse<PersonnelChange>;
const notices = async (who: Who) =>
  ((await f.call(who, 'GET', '/notifications')).json() as ListResponse<Notification>).items.filter((n) => n.kind === 'personnel_change');
const edit = (who: Who, body: object) => f.call(who, 'PATCH', `/clients/${f.client.id}/contacts/${contact.id}`, body);

describe('personnel changes (C-6)', () => {
  it("keeps title and status changes as history and tells the owner and client manager, not the one who made them", async () => {
    expect((await edit(f.lawyerA2, { title: '法务总监', phone: '13800000000' })).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await edit(f.lawyerA2, { status: 'left' })).statusCode).toBe(200);

    const list = await changes();
    expect(list.total).toBe(2);
    expect(list.items.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['status', 'in_post', 'left'],
      ['title', '法务经理', '法务总监'],
    ]);
    expect(list.items[0]).toMatchObject({
      clientId: f.client.id,
      contactId: contact.id,
      contactName: '王建国',
      changedBy: f.lawyerA2.user.id,
      changedByName: f.lawyerA2.user.name,
      changedAt: t.clock.now().toISOString(),
    });

    for (const who of [f.lawyerA, f.manager]) {
      const got = await notices(who);
      expect(got.map((n) => n.data.field).sort()).toEqual(['status', 'title']);
      expect(got.find((n) => n.data.field === 'title')).toMatchObject({
        link: `/clients/${f.client.id}`,
        data: { clientId: f.client.id, clientName: f.client.name, contactId: contact.id, contactName: '王建国', field: 'title', from: '法务经理', to: '法务总监' },
      });
    }
    expect(await notices(f.lawyerA2)).toEqual([]);

    const tl = await t.db.selectFrom('timeline_events').select('data').where('client_id', '=', f.client.id).where('kind', '=', 'personnel_changed').execute();
    expect(tl.map((e) => (JSON.parse(e.data) as { field: string }).field).sort()).toEqual(['status', 'title']);
  });

  it('does not notify the owner of their own change, and records department changes', async () => {
    await edit(f.lawyerA, { department: '合规部' });
    expect(await notices(f.lawyerA)).toEqual([]);
    expect((await notices(f.manager)).map((n) => [n.data.from, n.data.to])).toEqual([['法务部', '合规部']]);
    expect((await changes()).items.map((c) => c.field)).toEqual(['department']);
  });

  it('records nothing for edits of other fields', async () => {
    await edit(f.lawyerA2, { phone: '13800000000', hobbies: '钓鱼', title: '法务经理' });
    expect((await changes()).total).toBe(0);
    expect(await notices(f.lawyerA)).toEqual([]);
  });

  it('lists a new legal representative with the contact changes, newest first, in pages', async () => {
    await edit(f.lawyerA2, { title: '副总经理' });
    t.clock.advance(60_000);
    expect((await f.call(f.lawyerA2, 'PATCH', `/clients/${f.client.id}`, { legalRepresentative: '李四' })).statusCode).toBe(200);

    const first = await changes('?limit=1');
    expect(first.total).toBe(2);
    expect(first.items.map((c) => [c.field, c.contactId, c.contactName, c.newValue])).toEqual([['legal_representative', null, null, '李四']]);
    const second = await changes(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.field)).toEqual(['title']);
    expect(second.nextCursor).toBeNull();
  });
});
