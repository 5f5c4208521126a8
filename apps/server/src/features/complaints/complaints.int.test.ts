import type { ComplaintDetail, ComplaintStats } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { interactionFirm, timelineKinds } from '../interactions/interactions-fixture.js';
import { signInAgain } from '../matters/matters-fixture.js';

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

type Who = { headers: Record<string, string> };
const HOUR = 3_600_000;

/** Lawyer A's client complains about lawyer A2 (same team) on matter X. */
async function record(who: Who = f.manager, body: Record<string, unknown> = {}) {
  const res = await send(t, 'POST', '/api/v1/complaints', who, {
    clientId: f.client.id,
    complainantContactId: f.contactX.id,
    receivedAt: '2026-11-24T06:00:00.000Z',
    channel: 'phone',
    targetUserId: f.lawyerA2.user.id,
    targetMatterId: f.matterX,
    content: '承办律师三天未回复邮件',
    demands: '更换承办律师并书面道歉',
    statement: '本人于11月20日发送邮件，至今未获答复。',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ComplaintDetail;
}

const told = () => ({ toldAt: t.clock.now().toISOString(), toldVia: 'phone' });
const BODIES = {
  2: (valid = true) => ({ step: 2, valid, finding: '经核实，邮件确未及时回复', ...told() }),
  3: () => ({ step: 3, responsibleUserId: f.lawyerA2.user.id, cause: 'slow_response', analysis: '案件量过大，未设置代理回复' }),
  4: () => ({ step: 4, solution: '更换为张律师主办，并由合伙人致电道歉', ...told() }),
  5: (accepted = true) => ({ step: 5, accepted, note: accepted ? '客户表示接受' : '客户要求减免部分费用', at: t.clock.now().toISOString() }),
  6: () => ({ step: 6, rootCause: '缺少邮件响应时限提醒', prevention: '启用请求时限提醒', action: '对承办律师进行提醒谈话' }),
};

async function step(id: string, body: object, who: Who = f.partner, status = 200) {
  t.clock.advance(5 * HOUR);
  const res = await send(t, 'POST', `/api/v1/complaints/${id}/steps`, who, body);
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

describe('recording (Q-1)', () => {
  it('records step 1 with the complainant from the contact, visible to the recorder and partners', async () => {
    const c = await record();
    expect(c).toMatchObject({ complainantName: '王总', step: 1, stage: 'validity', targetUser: { id: f.lawyerA2.user.id }, targetMatter: { id: f.matterX } });
    expect(c.steps).toHaveLength(1);
    expect(c.steps[0]).toMatchObject({ step: 1, actor: { id: f.manager.user.id } });
    expect(c.canAct).toBe(false);
    const seen = (await get(t, `/api/v1/complaints/${c.id}`, f.partner)).json() as ComplaintDetail;
    expect(seen.canAct).toBe(true);
    expect(await timelineKinds(t, f.client.id)).toContain('complaint_recorded');
  });

  it('refuses a received-at in the future, a missing target and a contact of another client (400)', async () => {
    const base = { clientId: f.client.id, complainantName: '王总', channel: 'phone', targetUserId: f.lawyerA.user.id, content: 'x', demands: 'y', statement: 'z' };
    const future = await send(t, 'POST', '/api/v1/complaints', f.lawyerA, { ...base, receivedAt: '2026-11-25T03:00:00.000Z' });
    expect(JSON.stringify(expectError(future, 400, 'validation_failed').details)).toContain('receivedAt');
    const noTarget = await send(t, 'POST', '/api/v1/complaints', f.lawyerA, { ...base, targetUserId: null, receivedAt: '2026-11-24T03:00:00.000Z' });
    expectError(noTarget, 400, 'validation_failed');
    const otherContact = await send(t, 'POST', '/api/v1/complaints', f.lawyerA, { ...base, complainantContactId: f.contactY.id, receivedAt: '2026-11-24T03:00:00.000Z' });
    expectError(otherContact, 400, 'validation_failed');
    expect(await t.db.selectFrom('complaints').select('id').execute()).toHaveLength(0);
  });

  it('answers 404 for a client the recorder cannot see', async () => {
    const res = await send(t, 'POST', '/api/v1/complaints', f.lawyerB, {
      clientId: f.client.id, complainantName: '王总', receivedAt: '2026-11-24T03:00:00.000Z', channel: 'phone', targetUserId: f.lawyerA.user.id, content: 'x', demands: 'y', statement: 'z',
    });
    expectError(res, 404, 'not_found');
  });
});

describe('the six steps (Q-2)', () => {
  it('walks 1→6 with who, when and what, and writes the timeline', async () => {
    const c = await record();
    await step(c.id, BODIES[2]());
    await step(c.id, BODIES[3]());
    await step(c.id, BODIES[4]());
    await step(c.id, BODIES[5]());
    const done = (await step(c.id, BODIES[6]())).json() as ComplaintDetail;
    expect(done).toMatchObject({ step: 6, stage: 'closed', valid: true, cause: 'slow_response', accepted: true, responsibleUser: { id: f.lawyerA2.user.id } });
    expect(done.closedAt).toBe(t.clock.now().toISOString());
    expect(done.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done.steps[2]).toMatchObject({ actor: { id: f.partner.user.id }, data: { cause: 'slow_response' } });
    const kinds = await timelineKinds(t, f.client.id);
    for (const k of ['complaint_recorded', 'complaint_validity_decided', 'complaint_responsibility_identified', 'complaint_solution_proposed', 'complaint_solution_accepted', 'complaint_evaluated']) {
      expect(kinds).toContain(k);
    }
    expectError(await step(c.id, BODIES[6](), f.partner, 409), 409, 'conflict');
  });

  it('sends an invalid complaint from 2 straight to 6', async () => {
    const c = await record();
    const decided = (await step(c.id, BODIES[2](false))).json() as ComplaintDetail;
    expect(decided.stage).toBe('evaluation');
    expectError(await step(c.id, BODIES[3](), f.partner, 409), 409, 'conflict');
    const done = (await step(c.id, { step: 6, rootCause: '客户误解收费约定', prevention: '签约时逐项解释收费' })).json() as ComplaintDetail;
    expect(done).toMatchObject({ stage: 'closed', valid: false });
    expect(done.steps.map((s) => s.step)).toEqual([1, 2, 6]);
  });

  it('loops 5→4→5 when the client does not accept', async () => {
    const c = await record();
    for (const n of [2, 3, 4] as const) await step(c.id, BODIES[n]());
    const refused = (await step(c.id, BODIES[5](false))).json() as ComplaintDetail;
    expect(refused).toMatchObject({ stage: 'solution', accepted: false });
    expectError(await step(c.id, BODIES[6](), f.partner, 409), 409, 'conflict');
    await step(c.id, BODIES[4]());
    await step(c.id, BODIES[5]());
    const done = (await step(c.id, BODIES[6]())).json() as ComplaintDetail;
    expect(done.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 4, 5, 6]);
    expect(await timelineKinds(t, f.client.id)).toContain('complaint_renegotiated');
  });

  it('refuses a skipped step with 409 naming the expected one, and bad step data with 400', async () => {
    const c = await record();
    const skip = expectError(await step(c.id, BODIES[4](), f.partner, 409), 409, 'conflict');
    expect(skip.details).toMatchObject({ reason: 'invalid_transition', from: 1, attempted: 4, expected: 2 });
    expectError(await step(c.id, { step: 2, valid: true, finding: '', toldAt: 'yesterday', toldVia: 'phone' }, f.partner, 400), 400, 'validation_failed');
    const future = { ...BODIES[2](), toldAt: '2027-01-01T00:00:00.000Z' };
    expectError(await step(c.id, future, f.partner, 400), 400, 'validation_failed');
    expectError(await step(c.id, { step: 9 }, f.partner, 400), 400, 'validation_failed');
  });

  it('lets only one of two concurrent posts of the same step apply', async () => {
    const c = await record();
    t.clock.advance(HOUR);
    const [a, b] = await Promise.all([
      send(t, 'POST', `/api/v1/complaints/${c.id}/steps`, f.partner, BODIES[2]()),
      send(t, 'POST', `/api/v1/complaints/${c.id}/steps`, f.admin, BODIES[2]()),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const rows = await t.db.selectFrom('complaint_steps').select('step').where('complaint_id', '=', c.id).execute();
    expect(rows.map((r) => r.step).sort()).toEqual([1, 2]);
  });
});

describe('rights and confidentiality', () => {
  it('refuses steps by those without the right (403) and lets a named handler act', async () => {
    const c = await record();
    // the client's owner sees it but may not decide; the complained-about person never may, even as handler
    expectError(await step(c.id, BODIES[2](), f.lawyerA, 403), 403, 'forbidden');
    expectError(await step(c.id, BODIES[2](), f.lawyerA2, 403), 403, 'forbidden');
    const handler = (who: Who, handlerId: string) => t.app.inject({ method: 'PUT', url: `/api/v1/complaints/${c.id}/handler`, headers: who.headers, payload: { handlerId } });
    expectError(await handler(f.lawyerA, f.lawyerA.user.id), 403, 'forbidden');
    expectError(await handler(f.partner, f.lawyerA2.user.id), 400, 'validation_failed');
    const named = await handler(f.partner, f.lawyerA.user.id);
    expect(named.statusCode, named.body).toBe(200);
    const told = await t.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', f.lawyerA.user.id).execute();
    expect(told).toEqual([{ kind: 'complaint_assigned', link: `/complaints?id=${c.id}` }]);
    const res = await step(c.id, BODIES[2](), f.lawyerA);
    expect((res.json() as ComplaintDetail).steps[1]).toMatchObject({ actor: { id: f.lawyerA.user.id } });
  });

  it('hides a complaint from colleagues who see the client but are not involved (404), in lists and stats too', async () => {
    // secretaries see active clients
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    const c = await record();
    for (const who of [f.assistantA, f.secretary, f.lawyerB]) {
      expectError(await get(t, `/api/v1/complaints/${c.id}`, who), 404, 'not_found');
      expect(((await get(t, '/api/v1/complaints', who)).json() as { total: number }).total).toBe(0);
      expect(((await get(t, '/api/v1/complaints/stats', who)).json() as ComplaintStats).count).toBe(0);
      expectError(await send(t, 'POST', `/api/v1/complaints/${c.id}/steps`, who, BODIES[2]()), 404, 'not_found');
    }
    for (const who of [f.partner, f.admin, f.lawyerA, f.lawyerA2, f.manager]) {
      expect((await get(t, `/api/v1/complaints/${c.id}`, who)).statusCode).toBe(200);
    }
    // nor is it on the client's timeline for them; those who see every complaint of the client do see it
    const timeline = async (who: Who) => ((await get(t, `/api/v1/clients/${f.client.id}/timeline?limit=100`, who)).json() as { items: { kind: string }[] }).items.map((e) => e.kind);
    for (const who of [f.assistantA, f.secretary]) expect(await timeline(who)).not.toContain('complaint_recorded');
    for (const who of [f.partner, f.manager]) expect(await timeline(who)).toContain('complaint_recorded');
    // the secretary who records one sees it, without the matter
    const own = await record(f.secretary, { targetMatterId: null });
    const seen = (await get(t, `/api/v1/complaints/${own.id}`, f.secretary)).json() as ComplaintDetail;
    expect(seen.targetMatter).toBeNull();
    const withMatter = await send(t, 'POST', '/api/v1/complaints', f.secretary, { clientId: f.client.id, complainantName: '王总', receivedAt: '2026-11-24T03:00:00.000Z', channel: 'phone', targetMatterId: f.matterX, content: 'x', demands: 'y', statement: 'z' });
    expectError(withMatter, 400, 'validation_failed');
  });
});

describe('list and statistics (Q-3)', () => {
  it('filters and pages the list', async () => {
    const a = await record();
    const b = await record(f.manager, { receivedAt: '2026-10-10T06:00:00.000Z', targetUserId: f.lawyerA.user.id });
    await step(a.id, BODIES[2]());
    const list = async (q: string) => ((await get(t, `/api/v1/complaints?${q}`, f.partner)).json() as { items: { id: string }[]; total: number; nextCursor: string | null });
    expect((await list('stage=responsibility')).items.map((i) => i.id)).toEqual([a.id]);
    expect((await list('stage=validity')).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list(`targetUserId=${f.lawyerA.user.id}`)).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list('from=2026-11-01&to=2026-11-30')).items.map((i) => i.id)).toEqual([a.id]);
    const first = await list('limit=1&sort=receivedAt');
    expect(first).toMatchObject({ total: 2, items: [{ id: b.id }] });
    expect((await list(`limit=1&sort=receivedAt&cursor=${first.nextCursor}`)).items.map((i) => i.id)).toEqual([a.id]);
    expectError(await get(t, '/api/v1/complaints?stage=nowhere', f.partner), 400, 'validation_failed');
  });

  it('counts by cause and target, times each step, shares acceptance and counts per lawyer', async () => {
    const a = await record();
    for (const n of [2, 3, 4] as const) await step(a.id, BODIES[n]());
    await step(a.id, BODIES[5](false));
    await step(a.id, BODIES[4]());
    await step(a.id, BODIES[5]());
    await step(a.id, BODIES[6]());
    await signInAgain(t, f.manager);
    const b = await record(f.manager, { targetUserId: f.lawyerA.user.id, targetMatterId: null });
    await step(b.id, BODIES[2](false));
    await signInAgain(t, f.manager);
    await record(f.manager, { receivedAt: '2026-09-01T06:00:00.000Z' });

    const res = await get(t, '/api/v1/complaints/stats?from=2026-11-01&to=2026-11-30&by=lawyer', f.partner);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as ComplaintStats;
    expect(s).toMatchObject({ count: 2, open: 1, closed: 1, valid: 1, invalid: 1, accepted: 1, acceptedShare: 1 });
    expect(s.byCause).toEqual([{ key: 'slow_response', name: 'slow_response', count: 1 }]);
    expect(s.byTargetUser.map((x) => [x.key, x.count]).sort()).toEqual([[f.lawyerA.user.id, 1], [f.lawyerA2.user.id, 1]].sort());
    expect(s.byTargetMatter).toEqual([{ key: f.matterX, name: '2026 年度常年法律顾问', count: 1 }]);
    // every step 5 h after the one before (a's step 4 and 5 twice)
    expect(s.stepTimes.find((x) => x.step === 4)).toEqual({ step: 4, count: 2, averageHours: 5, medianHours: 5 });
    expect(s.stepTimes.find((x) => x.step === 2)).toMatchObject({ count: 2 });
    expect(s.byLawyer).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: f.lawyerA2.user.id, count: 1, valid: 1, responsible: 1 }),
        expect.objectContaining({ userId: f.lawyerA.user.id, count: 1, valid: 0, responsible: 0 }),
      ]),
    );
    const all = (await get(t, '/api/v1/complaints/stats', f.partner)).json() as ComplaintStats;
    expect(all.count).toBe(3);
    expect(all.byLawyer).toBeNull();
  });
});
