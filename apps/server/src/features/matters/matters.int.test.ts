import type { Matter, MatterListItem } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { matterFirm, moveTo, signInAgain } from './matters-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

type List = { items: MatterListItem[]; total: number; nextCursor: string | null };
const fieldsOf = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field);

describe('creating and editing matters (M-1)', () => {
  it('stores every field, makes the lead a member, and writes audit and timeline', async () => {
    const m = await f.open(f.lawyerA, {
      caseNumber: '(2026)浙0106民初1234号',
      forum: '杭州市西湖区人民法院',
      amountInDisputeFen: 1_250_000_00,
      feeArrangement: 'fixed',
      agreedFeeFen: 80_000_00,
      opposingParties: [{ name: '星河贸易有限公司', kind: 'organisation', idCode: '91330100MA2B000001' }],
    });
    expect(m).toMatchObject({
      clientId: f.client.id,
      clientName: '杭州云帆科技有限公司',
      type: 'litigation',
      status: 'intake',
      openedOn: '2026-01-10',
      engagedAt: null,
      closedOn: null,
      leadLawyerId: f.lawyerA.user.id,
      leadLawyerName: f.lawyerA.user.name,
      amountInDisputeFen: 125_000_000,
      agreedFeeFen: 8_000_000,
      feesTotalFen: 0,
      feesCount: 0,
      nextStatus: 'engaged',
    });
    expect(m.members).toEqual([{ userId: f.lawyerA.user.id, userName: f.lawyerA.user.name, userRole: 'lawyer', role: 'lead' }]);
    expect(m.opposingParties.map((p) => [p.name, p.kind, p.idCode])).toEqual([['星河贸易有限公司', 'organisation', '91330100MA2B000001']]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'matter').where('entity_id', '=', m.id).execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['create', f.lawyerA.user.id]]);
    const tl = (await get(t, `/api/v1/clients/${f.client.id}/timeline?kind=matter_opened`, f.lawyerA)).json() as { items: { data: Record<string, unknown> }[] };
    expect(tl.items.map((e) => e.data)).toEqual([{ matterId: m.id, title: m.title, type: 'litigation', openedOn: '2026-01-10' }]);
  });

  it('defaults the opening day to the firm\'s today and refuses future days and bad retainer dates', async () => {
    // 2026-11-25T17:00Z is already the 26th in Shanghai
    t.clock.set('2026-11-25T17:00:00.000Z');
    await signInAgain(t, f.lawyerA);
    const m = await f.open(f.lawyerA, { openedOn: undefined });
    expect(m.openedOn).toBe('2026-11-26');
    const future = await send(t, 'POST', '/api/v1/matters', f.lawyerA, { clientId: f.client.id, type: 'consultation', title: '咨询', openedOn: '2026-11-27' });
    expect(fieldsOf(expectError(future, 400, 'validation_failed'))).toEqual(['openedOn']);
    const notRetainer = await send(t, 'POST', '/api/v1/matters', f.lawyerA, { clientId: f.client.id, type: 'litigation', title: '诉讼', retainerExpiresOn: '2027-01-01' });
    expect(fieldsOf(expectError(notRetainer, 400, 'validation_failed'))).toEqual(['retainerExpiresOn']);
    const retainer = await f.open(f.lawyerA, { type: 'retainer', title: '2026 年度常年法律顾问', feeArrangement: 'annual_retainer', retainerExpiresOn: '2026-12-31' });
    expect(retainer.retainerExpiresOn).toBe('2026-12-31');
  });

  it('refuses negative or fractional fen naming the field, and writes nothing', async () => {
    for (const [field, value] of [['amountInDisputeFen', -1], ['agreedFeeFen', 100.5], ['agreedFeeFen', '100']] as const) {
      const res = await send(t, 'POST', '/api/v1/matters', f.lawyerA, { clientId: f.client.id, type: 'litigation', title: '标的', [field]: value });
      expect(fieldsOf(expectError(res, 400, 'validation_failed'))).toEqual([field]);
    }
    expect(await t.db.selectFrom('matters').select('id').execute()).toEqual([]);
    const m = await f.open(f.lawyerA);
    const patch = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { amountInDisputeFen: -500 });
    expect(fieldsOf(expectError(patch, 400, 'validation_failed'))).toEqual(['amountInDisputeFen']);
    const status = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { status: 'closed' });
    expect(fieldsOf(expectError(status, 400, 'validation_failed'))).toEqual(['status']);
  });

  it('edits fields with an audit of before and after; a new lead joins, the old one stays as associate', async () => {
    const m = await f.open(f.lawyerA);
    const res = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { title: '云帆诉星河（二审）', forum: '杭州市中级人民法院', leadLawyerId: f.lawyerA2.user.id });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Matter;
    expect(after).toMatchObject({ title: '云帆诉星河（二审）', forum: '杭州市中级人民法院', leadLawyerId: f.lawyerA2.user.id });
    expect(after.members.map((x) => [x.userId, x.role])).toEqual([[f.lawyerA2.user.id, 'lead'], [f.lawyerA.user.id, 'associate']]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', m.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toEqual({ title: m.title, forum: null, lead_lawyer_id: f.lawyerA.user.id });
    const badLead = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { leadLawyerId: f.assistantA.user.id });
    expect(fieldsOf(expectError(badLead, 400, 'validation_failed'))).toEqual(['leadLawyerId']);
  });
});

describe('status flow intake → engaged → in progress → closed', () => {
  it('moves one step at a time, recording engaged_at, closed_on and the outcome', async () => {
    const m = await f.open(f.lawyerA);
    const engaged = await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged', at: '2026-02-01' }]);
    // a firm-local day means the start of that day in Shanghai
    expect(engaged).toMatchObject({ status: 'engaged', engagedAt: '2026-01-31T16:00:00.000Z', nextStatus: 'in_progress' });
    await moveTo(t, f.lawyerA, m.id, [{ to: 'in_progress' }]);
    const noOutcome = await send(t, 'POST', `/api/v1/matters/${m.id}/transition`, f.lawyerA, { to: 'closed' });
    expect(fieldsOf(expectError(noOutcome, 400, 'validation_failed'))).toEqual(['outcome']);
    const closed = await moveTo(t, f.lawyerA, m.id, [{ to: 'closed', at: '2026-11-20', outcome: '一审胜诉，对方全额支付货款' }]);
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-20', outcome: '一审胜诉，对方全额支付货款', nextStatus: null });
    const tl = (await get(t, `/api/v1/clients/${f.client.id}/timeline?kind=matter_status_changed`, f.lawyerA)).json() as { items: { data: Record<string, unknown> }[] };
    expect(tl.items.map((e) => [e.data.from, e.data.to, e.data.on])).toEqual([
      ['in_progress', 'closed', '2026-11-20'],
      ['engaged', 'in_progress', '2026-11-25'],
      ['intake', 'engaged', '2026-02-01'],
    ]);
    const audits = await t.db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', m.id).orderBy('at').orderBy('id').execute();
    expect(audits.map((a) => JSON.parse(a.after!).status)).toEqual(['intake', 'engaged', 'in_progress', 'closed']);
  });

  it('answers 409 with a clear message for any other move, changing nothing', async () => {
    const m = await f.open(f.lawyerA);
    const skip = await send(t, 'POST', `/api/v1/matters/${m.id}/transition`, f.lawyerA, { to: 'in_progress' });
    const e = expectError(skip, 409, 'conflict');
    expect(e.message).toBe('事项状态只能按 立案咨询 → 已委托 → 办理中 → 已结案 依次推进，不能从「立案咨询」改为「办理中」');
    expect(e.details).toEqual({ from: 'intake', to: 'in_progress', allowed: 'engaged' });
    const same = await send(t, 'POST', `/api/v1/matters/${m.id}/transition`, f.lawyerA, { to: 'intake' });
    expectError(same, 409, 'conflict');
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }, { to: 'closed', outcome: '调解结案' }]);
    const back = await t.app.inject({
      method: 'POST',
      url: `/api/v1/matters/${m.id}/transition`,
      headers: { ...f.lawyerA.headers, 'accept-language': 'en-US' },
      payload: { to: 'engaged' },
    });
    expect(expectError(back, 409, 'conflict').message).toBe(
      'A matter moves intake → engaged → in progress → closed, one step at a time; it cannot go from closed to engaged',
    );
    expect((await get(t, `/api/v1/matters/${m.id}`, f.lawyerA)).json()).toMatchObject({ status: 'closed', outcome: '调解结案' });
  });

  it('refuses transition times in the future or before the opening day', async () => {
    const m = await f.open(f.lawyerA);
    const future = await send(t, 'POST', `/api/v1/matters/${m.id}/transition`, f.lawyerA, { to: 'engaged', at: '2026-11-25T03:00:00.000Z' });
    expect(fieldsOf(expectError(future, 400, 'validation_failed'))).toEqual(['at']);
    const early = await send(t, 'POST', `/api/v1/matters/${m.id}/transition`, f.lawyerA, { to: 'engaged', at: '2026-01-09' });
    expect(fieldsOf(expectError(early, 400, 'validation_failed'))).toEqual(['at']);
    expect((await get(t, `/api/v1/matters/${m.id}`, f.lawyerA)).json()).toMatchObject({ status: 'intake', engagedAt: null });
  });
});

describe('members and opposing parties', () => {
  it('adds and removes members and parties with audit; the lead cannot be removed', async () => {
    const m = await f.open(f.lawyerA);
    const add = await send(t, 'POST', `/api/v1/matters/${m.id}/members`, f.lawyerA, { userId: f.assistantA.user.id, role: 'assistant' });
    expect(add.statusCode, add.body).toBe(201);
    expect((add.json() as Matter).members.map((x) => x.role)).toEqual(['lead', 'assistant']);
    expectError(await send(t, 'POST', `/api/v1/matters/${m.id}/members`, f.lawyerA, { userId: f.assistantA.user.id }), 409, 'conflict');
    const sec = await send(t, 'POST', `/api/v1/matters/${m.id}/members`, f.lawyerA, { userId: f.secretary.user.id });
    expect(fieldsOf(expectError(sec, 400, 'validation_failed'))).toEqual(['userId']);
    expectError(await send(t, 'DELETE', `/api/v1/matters/${m.id}/members/${f.lawyerA.user.id}`, f.lawyerA), 409, 'conflict');
    const removed = await send(t, 'DELETE', `/api/v1/matters/${m.id}/members/${f.assistantA.user.id}`, f.lawyerA);
    expect((removed.json() as Matter).members.map((x) => x.userId)).toEqual([f.lawyerA.user.id]);

    const party = await send(t, 'POST', `/api/v1/matters/${m.id}/opposing-parties`, f.lawyerA, { name: '李四', kind: 'person' });
    expect(party.statusCode, party.body).toBe(201);
    const partyId = (party.json() as Matter).opposingParties[0]!.id;
    const gone = await send(t, 'DELETE', `/api/v1/matters/${m.id}/opposing-parties/${partyId}`, f.lawyerA);
    expect((gone.json() as Matter).opposingParties).toEqual([]);
    expectError(await send(t, 'DELETE', `/api/v1/matters/${m.id}/opposing-parties/${partyId}`, f.lawyerA), 404, 'not_found');
    const audit = await t.db.selectFrom('audit_events').select(['entity', 'action']).where('entity', 'in', ['matter_member', 'matter_opposing_party']).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual([
      'matter_member:create',
      'matter_member:delete',
      'matter_opposing_party:create',
      'matter_opposing_party:delete',
    ]);
  });
});

describe('listing matters', () => {
  it('filters by client, status, type, lead lawyer and title or case number, in cursor pages', async () => {
    const other = await f.create(f.lawyerA, { kind: 'individual', name: '王五' });
    const a = await f.open(f.lawyerA, { title: '合同纠纷 A', caseNumber: '(2026)浙01民初1号', openedOn: '2026-03-01' });
    const b = await f.open(f.lawyerA, { title: '仲裁 B', type: 'arbitration', openedOn: '2026-03-02', leadLawyerId: f.lawyerA2.user.id });
    const c = await f.open(f.lawyerA, { title: '咨询 C', type: 'consultation', clientId: other.id, openedOn: '2026-03-02' });
    await moveTo(t, f.lawyerA, a.id, [{ to: 'engaged' }]);
    const ids = async (qs: string) => ((await get(t, `/api/v1/matters${qs}`, f.lawyerA)).json() as List).items.map((x) => x.id);
    expect((await ids('')).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(`?clientId=${other.id}`)).toEqual([c.id]);
    expect(await ids('?status=engaged')).toEqual([a.id]);
    expect(await ids('?type=arbitration')).toEqual([b.id]);
    expect(await ids(`?leadLawyerId=${f.lawyerA2.user.id}`)).toEqual([b.id]);
    expect(await ids('?q=浙01民初')).toEqual([a.id]);
    expect(await ids('?q=仲裁')).toEqual([b.id]);
    expect(await ids('?q=100%25')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = (await get(t, `/api/v1/matters?limit=2${cursor ? `&cursor=${cursor}` : ''}`, f.lawyerA)).json() as List;
      expect(res.total).toBe(3);
      seen.push(...res.items.map((x) => x.id));
      cursor = res.nextCursor;
    } while (cursor);
    // newest opening day first
    expect(seen[2]).toBe(a.id);
    expect(new Set(seen).size).toBe(3);
  });
});
