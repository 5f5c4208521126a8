import type { Client, Interaction, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { interactionFirm, timelineKinds } from './interactions-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof interactionFirm>>;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  f = await interactionFirm(t);
});
afterEach(async () => {
  await t.close();
});

const fields = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field);
const lastContact = async (id: string) =>
  (await t.db.selectFrom('clients').select('last_contact_at').where('id', '=', id).executeTakeFirstOrThrow()).last_contact_at;

describe('logging an interaction (I-1)', () => {
  it('keeps contacts, participants, matter, follow-up tasks and needs; updates last contact; audit and timeline', async () => {
    const i = await f.log(f.lawyerA, {
      kind: 'visit',
      occurredAt: '2026-11-24T14:00:00+08:00',
      matterId: f.matterX,
      summary: '拜访王总，讨论明年的用工调整',
      needsDiscovered: '明年计划裁员约 30 人',
      participantIds: [f.lawyerA.user.id, f.manager.user.id],
      contactIds: [f.contactX.id],
      followUps: [
        { title: '发送裁员方案初稿', dueOn: '2026-11-28' },
        { title: '电话回访王总', dueOn: '2026-12-05', assigneeId: f.manager.user.id },
      ],
      needs: [{ area: '劳动人事', description: '经济性裁员方案与谈判' }],
    });
    expect(i).toMatchObject({
      clientId: f.client.id,
      clientName: f.client.name,
      matterId: f.matterX,
      matterTitle: '2026 年度常年法律顾问',
      kind: 'visit',
      occurredAt: '2026-11-24T06:00:00.000Z',
      needsDiscovered: '明年计划裁员约 30 人',
      contacts: [{ id: f.contactX.id, name: '王总' }],
      createdBy: f.lawyerA.user.id,
      canEdit: true,
    });
    expect(i.participants.map((p) => p.id).sort()).toEqual([f.lawyerA.user.id, f.manager.user.id].sort());
    expect(await lastContact(f.client.id)).toBe('2026-11-24T06:00:00.000Z');
    // the client list's last-contact filter sees it: contacted 1 day ago, so not "no contact for 7 days"
    const stale = (await get(t, '/api/v1/clients?noContactDays=7', f.lawyerA)).json() as ListResponse<Client>;
    expect(stale.items.map((c) => c.id)).not.toContain(f.client.id);

    const tasks = await t.db.selectFrom('tasks').selectAll().where('interaction_id', '=', i.id).orderBy('due_on').execute();
    expect(tasks.map((x) => [x.title, x.assignee_id, x.status])).toEqual([
      ['发送裁员方案初稿', f.lawyerA.user.id, 'open'],
      ['电话回访王总', f.manager.user.id, 'open'],
    ]);
    const told = await t.db.selectFrom('notifications').select(['user_id', 'kind', 'data']).where('kind', '=', 'task_assigned').execute();
    expect(told.map((n) => n.user_id)).toEqual([f.manager.user.id]);
    expect(JSON.parse(told[0]!.data)).toMatchObject({ title: '电话回访王总', clientName: f.client.name });

    const needs = await t.db.selectFrom('needs').selectAll().where('client_id', '=', f.client.id).execute();
    expect(needs).toMatchObject([{ area: '劳动人事', source: 'interaction', source_id: i.id, status: 'open' }]);
    expect(await timelineKinds(t, f.client.id)).toEqual(expect.arrayContaining(['interaction_logged', 'need_added']));
    const audit = await t.db.selectFrom('audit_events').select(['entity', 'action']).where('entity_id', '=', i.id).execute();
    expect(audit).toEqual([{ entity: 'interaction', action: 'create' }]);
  });

  it('defaults the participants to the author and last contact follows the latest interaction', async () => {
    const older = await f.log(f.lawyerA, { occurredAt: '2026-11-20T02:00:00.000Z' });
    expect(older.participants).toEqual([{ id: f.lawyerA.user.id, name: f.lawyerA.user.name }]);
    const newer = await f.log(f.lawyerA, { occurredAt: '2026-11-23T02:00:00.000Z' });
    await f.log(f.lawyerA, { occurredAt: '2026-11-21T02:00:00.000Z' });
    expect(await lastContact(f.client.id)).toBe('2026-11-23T02:00:00.000Z');
    // moving the latest back, then deleting it, recomputes from what is left
    const moved = await send(t, 'PATCH', `/api/v1/interactions/${newer.id}`, f.lawyerA, { occurredAt: '2026-11-19T02:00:00.000Z' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await lastContact(f.client.id)).toBe('2026-11-21T02:00:00.000Z');
    expect((await send(t, 'DELETE', `/api/v1/interactions/${older.id}`, f.lawyerA)).statusCode).toBe(204);
    expect(await lastContact(f.client.id)).toBe('2026-11-21T02:00:00.000Z');
  });

  it('refuses a time more than 5 minutes ahead, writing nothing; up to 5 minutes is clock skew', async () => {
    const ahead = new Date(t.clock.now().getTime() + 6 * 60_000).toISOString();
    const res = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, { clientId: f.client.id, kind: 'call', summary: '未来', occurredAt: ahead });
    expect(fields(expectError(res, 400, 'validation_failed'))).toEqual(['occurredAt']);
    expect(await t.db.selectFrom('interactions').select('id').execute()).toEqual([]);
    expect(await lastContact(f.client.id)).toBeNull();
    const skew = new Date(t.clock.now().getTime() + 4 * 60_000).toISOString();
    await f.log(f.lawyerA, { occurredAt: skew });
    const bad = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, { clientId: f.client.id, kind: 'fax', summary: 'x', occurredAt: 'yesterday' });
    expect(fields(expectError(bad, 400, 'validation_failed')).sort()).toEqual(['kind', 'occurredAt']);
  });

  it("refuses another client's contact or matter (400) and a client one cannot see (404)", async () => {
    const at = '2026-11-24T02:00:00.000Z';
    const contact = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, {
      clientId: f.client.id, kind: 'call', summary: 'x', occurredAt: at, contactIds: [f.contactX.id, f.contactY.id],
    });
    expect(fields(expectError(contact, 400, 'validation_failed'))).toEqual(['contactIds']);
    const matter = await send(t, 'POST', '/api/v1/interactions', f.partner, {
      clientId: f.client.id, kind: 'call', summary: 'x', occurredAt: at, matterId: f.matterY,
    });
    expect(fields(expectError(matter, 400, 'validation_failed'))).toEqual(['matterId']);
    const hidden = await send(t, 'POST', '/api/v1/interactions', f.lawyerB, { clientId: f.client.id, kind: 'call', summary: 'x', occurredAt: at });
    expectError(hidden, 404, 'not_found');
    expect(await t.db.selectFrom('interactions').select('id').execute()).toEqual([]);

    const mine = await f.log(f.lawyerA, { occurredAt: at });
    expectError(await get(t, `/api/v1/interactions/${mine.id}`, f.lawyerB), 404, 'not_found');
    expectError(await get(t, `/api/v1/interactions?clientId=${f.client.id}`, f.lawyerB), 404, 'not_found');
    expectError(await send(t, 'PATCH', `/api/v1/interactions/${mine.id}`, f.lawyerB, { summary: '改' }), 404, 'not_found');
    const all = (await get(t, '/api/v1/interactions', f.lawyerB)).json() as ListResponse<Interaction>;
    expect(all.total).toBe(0);
    // an assignee who could not see the client would never find the task
    const assignee = await send(t, 'POST', '/api/v1/interactions', f.lawyerA, {
      clientId: f.client.id, kind: 'call', summary: 'x', occurredAt: at, followUps: [{ title: '跟进', dueOn: '2026-12-01', assigneeId: f.lawyerB.user.id }],
    });
    expect(fields(expectError(assignee, 400, 'validation_failed'))).toEqual(['followUps.0.assigneeId']);
  });

  it('shows a secretary the interaction without its matter, and refuses them a matter link', async () => {
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    const withMatter = await f.log(f.lawyerA, { occurredAt: '2026-11-24T02:00:00.000Z', matterId: f.matterX });
    const seen = (await get(t, `/api/v1/interactions/${withMatter.id}`, f.secretary)).json() as Interaction;
    expect(seen).toMatchObject({ id: withMatter.id, matterId: null, matterTitle: null, canEdit: false });
    const listed = (await get(t, `/api/v1/interactions?clientId=${f.client.id}`, f.secretary)).json() as ListResponse<Interaction>;
    expect(listed.items.map((i) => i.matterId)).toEqual([null]);
    const linked = await send(t, 'POST', '/api/v1/interactions', f.secretary, {
      clientId: f.client.id, kind: 'return_visit', summary: '回访', occurredAt: '2026-11-24T03:00:00.000Z', matterId: f.matterX,
    });
    expect(fields(expectError(linked, 400, 'validation_failed'))).toEqual(['matterId']);
    const visit = await f.log(f.secretary, { kind: 'return_visit', summary: '质量回访，客户满意', occurredAt: '2026-11-24T03:00:00.000Z' });
    expect(visit.canEdit).toBe(true);
    // a secretary's edit leaves the matter they cannot see alone
    const own = await send(t, 'PATCH', `/api/v1/interactions/${visit.id}`, f.secretary, { summary: '质量回访，客户非常满意', matterId: null });
    expect(own.statusCode, own.body).toBe(200);
  });
});

describe('changing and deleting (I-1, X-7)', () => {
  it('lets the author, partners and admins change or delete; deletion is audited and kept on the timeline', async () => {
    const i = await f.log(f.lawyerA, {
      occurredAt: '2026-11-24T02:00:00.000Z',
      followUps: [{ title: '寄送函件', dueOn: '2026-11-30' }],
    });
    expectError(await send(t, 'PATCH', `/api/v1/interactions/${i.id}`, f.lawyerA2, { summary: '同事改' }), 403, 'forbidden');
    expectError(await send(t, 'DELETE', `/api/v1/interactions/${i.id}`, f.manager), 403, 'forbidden');
    const edited = await send(t, 'PATCH', `/api/v1/interactions/${i.id}`, f.partner, {
      kind: 'meeting',
      contactIds: [f.contactX.id],
      participantIds: [f.lawyerA.user.id, f.partner.user.id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'meeting', contacts: [{ id: f.contactX.id }], canEdit: true });
    const unknown = await send(t, 'PATCH', `/api/v1/interactions/${i.id}`, f.partner, { clientId: f.clientY.id });
    expect(fields(expectError(unknown, 400, 'validation_failed'))).toEqual(['clientId']);

    expect((await send(t, 'DELETE', `/api/v1/interactions/${i.id}`, f.lawyerA)).statusCode).toBe(204);
    expectError(await get(t, `/api/v1/interactions/${i.id}`, f.lawyerA), 404, 'not_found');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', i.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(await timelineKinds(t, f.client.id)).toEqual(expect.arrayContaining(['interaction_logged', 'interaction_removed']));
    // its follow-up task outlives it
    const task = await t.db.selectFrom('tasks').select(['title', 'interaction_id']).where('client_id', '=', f.client.id).executeTakeFirstOrThrow();
    expect(task).toEqual({ title: '寄送函件', interaction_id: null });
  });
});

describe('listing (I-1)', () => {
  it('filters by client, kind, participant, author and firm-local days, in keyset pages', async () => {
    // 2026-11-23 23:30 and 2026-11-24 00:30 in Shanghai: different firm days
    await f.log(f.lawyerA, { occurredAt: '2026-11-23T15:30:00.000Z', kind: 'call' });
    await f.log(f.lawyerA, { occurredAt: '2026-11-23T16:30:00.000Z', kind: 'wechat', participantIds: [f.manager.user.id] });
    await f.log(f.manager, { occurredAt: '2026-11-24T08:00:00.000Z', kind: 'call' });
    await f.log(f.lawyerB, { clientId: f.clientY.id, occurredAt: '2026-11-24T09:00:00.000Z' });

    const list = async (who: { headers: Record<string, string> }, query: string) =>
      (await get(t, `/api/v1/interactions?${query}`, who)).json() as ListResponse<Interaction>;
    const first = await list(f.lawyerA, `clientId=${f.client.id}&limit=2`);
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.occurredAt)).toEqual(['2026-11-24T08:00:00.000Z', '2026-11-23T16:30:00.000Z']);
    const second = await list(f.lawyerA, `clientId=${f.client.id}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.occurredAt)).toEqual(['2026-11-23T15:30:00.000Z']);
    expect(second.nextCursor).toBeNull();

    expect((await list(f.lawyerA, 'kind=call')).total).toBe(2);
    expect((await list(f.lawyerA, `participantId=${f.manager.user.id}`)).items.map((i) => i.kind).sort()).toEqual(['call', 'wechat']);
    expect((await list(f.lawyerA, `createdBy=${f.manager.user.id}`)).total).toBe(1);
    expect((await list(f.lawyerA, 'from=2026-11-24&to=2026-11-24')).items.map((i) => i.kind).sort()).toEqual(['call', 'wechat']);
    expect((await list(f.lawyerA, 'to=2026-11-23')).total).toBe(1);
    // everyone sees only the interactions of clients they can see
    expect((await list(f.lawyerB, '')).items.map((i) => i.clientId)).toEqual([f.clientY.id]);
    expect((await list(f.partner, '')).total).toBe(4);
    expectError(await get(t, '/api/v1/interactions?from=2026-02-30', f.lawyerA), 400, 'validation_failed');
  });
});
