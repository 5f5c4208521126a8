import type { Client, ClassificationSummary, ClientClassification, TimelineEvent } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { matterFirm, moveTo, signInAgain } from '../matters/matters-fixture.js';
import { recomputeIfDue } from './classification.jobs.js';
import { recomputeAll } from './classification.recompute.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const yuan = (n: number) => n * 100;
const classification = async (id: string, who: Who = f.lawyerA, lang = 'zh-CN') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/clients/${id}/classification`, headers: { ...who.headers, 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClientClassification;
};
/** A client without an hourly rate (graded by fees), owned by lawyer A. */
const feeClient = async (name = '杭州星河贸易有限公司') => f.create(f.lawyerA, { kind: 'organisation', name });
const openMatter = async (clientId: string, body: Record<string, unknown> = {}) => {
  t.clock.advance(1000);
  const res = await send(t, 'POST', '/api/v1/matters', f.lawyerA, { clientId, type: 'litigation', title: '买卖合同纠纷', openedOn: '2026-01-10', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const addFee = async (matterId: string, amountFen: number, receivedOn = '2026-03-01') => {
  t.clock.advance(1000);
  const res = await send(t, 'POST', `/api/v1/matters/${matterId}/fees`, f.lawyerA, { amountFen, receivedOn });
  expect(res.statusCode, res.body).toBe(201);
};
const timelineKinds = async (id: string) =>
  ((await get(t, `/api/v1/clients/${id}/timeline?kind=classification_changed`, f.lawyerA)).json() as { items: TimelineEvent[] }).items;

describe('recompute (K-1..K-6)', () => {
  it('derives grade, RFM, tier, quadrant and status, and records each change with its cause', async () => {
    const c = await feeClient();
    expect(c.grade).toBe('C');
    const m = await openMatter(c.id);
    await addFee(m.id, yuan(60_000));
    const r = await send(t, 'POST', '/api/v1/classification/recompute', f.admin, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ clients: 2 });

    const cl = await classification(c.id);
    expect(cl).toMatchObject({ grade: 'B', rfm: { r: 3, f: 1, m: 2 }, tier: 'potential', quadrant: 'other', status: 'active' });
    expect(cl.causes.grade).toContain('近12个月收费 ¥60,000');
    expect(cl.causes.m).toBe('近36个月收费 ¥60,000 → M=2');
    expect(cl.causes.tier).toContain('首次合作 2026-01-10');
    expect(cl.causes.status).toContain('有 1 件未结事项');
    const grade = cl.history.find((h) => h.field === 'grade')!;
    expect(grade).toMatchObject({ from: 'C', to: 'B', cause: 'rule', rule: 'fees_12m', actorId: null });
    expect(cl.history.find((h) => h.field === 'status')).toMatchObject({ from: 'prospect', to: 'active', cause: 'rule', rule: 'open_matter' });

    const en = await classification(c.id, f.lawyerA, 'en-US');
    expect(en.causes.m).toBe('Fees in the last 36 months ¥60,000 → M=2');

    const events = await timelineKinds(c.id);
    expect(events.map((e) => e.data.field).sort()).toEqual(['grade', 'status']);
    expect(events.find((e) => e.data.field === 'grade')!.data).toMatchObject({ from: 'C', to: 'B', cause: 'rule' });

    // nothing changed: a second run writes nothing
    expect((await recomputeAll({ db: t.db, clock: t.clock, config: t.config })).changed).toBe(0);
  });

  it('re-grades one client at once when a fee is added, and only that client', async () => {
    const c = await feeClient();
    const other = await feeClient('宁波海曙物流有限公司');
    const m = await openMatter(c.id);
    await addFee(m.id, yuan(300_000));
    expect(((await get(t, `/api/v1/clients/${c.id}`, f.lawyerA)).json() as Client).grade).toBe('A');
    expect((await classification(c.id)).rfm.m).toBe(4);
    const untouched = await t.db.selectFrom('clients').select(['classified_at']).where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(untouched.classified_at).toBeNull();
  });

  it('keeps a manual tier with its reason over recomputes until cleared', async () => {
    const url = `/api/v1/clients/${f.client.id}/tier`;
    expectError(await t.app.inject({ method: 'PUT', url, headers: f.lawyerA.headers, payload: { tier: 'strategic' } }), 400, 'validation_failed');
    expectError(await t.app.inject({ method: 'PUT', url, headers: f.lawyerA2.headers, payload: { tier: 'core', reason: 'x' } }), 403, 'forbidden');
    expectError(await t.app.inject({ method: 'PUT', url, headers: f.lawyerB.headers, payload: { tier: 'core', reason: 'x' } }), 404, 'not_found');
    const set = await t.app.inject({ method: 'PUT', url, headers: f.lawyerA.headers, payload: { tier: 'strategic', reason: '集团总部，重点维护' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ tier: 'strategic', tierManual: true, tierReason: '集团总部，重点维护' });

    await recomputeAll({ db: t.db, clock: t.clock, config: t.config });
    const kept = await classification(f.client.id);
    expect(kept).toMatchObject({ tier: 'strategic', tierManual: true, rfm: { r: 1, f: 1, m: 1 } });
    expect(kept.causes.tier).toBe('手动设定为战略客户：集团总部，重点维护');
    expect(kept.history[0]).toMatchObject({ field: 'tier', to: 'strategic', cause: 'manual', reason: '集团总部，重点维护', actorId: f.lawyerA.user.id });

    t.clock.advance(1000);
    const cleared = await t.app.inject({ method: 'PUT', url, headers: f.partner.headers, payload: { tier: null } });
    expect(cleared.json()).toMatchObject({ tier: 'basic', tierManual: false });
    const events = await timelineKinds(f.client.id);
    expect(events.map((e) => [e.data.to, e.data.cause])).toEqual([
      ['basic', 'manual'],
      ['strategic', 'manual'],
    ]);
  });

  it('never overwrites a status a person set to lost, and derives it again when cleared', async () => {
    const m = await openMatter(f.client.id);
    expect(((await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerA)).json() as Client).status).toBe('active');
    const url = `/api/v1/clients/${f.client.id}/status`;
    t.clock.advance(1000);
    expect((await send(t, 'POST', url, f.partner, { status: 'lost', reason: '转投其他律所' })).statusCode).toBe(200);
    await addFee(m.id, yuan(10_000));
    await recomputeAll({ db: t.db, clock: t.clock, config: t.config });
    const lost = await classification(f.client.id);
    expect(lost).toMatchObject({ status: 'lost', statusManual: true });
    expect(lost.causes.status).toBe('手动标记为流失：转投其他律所');
    expect(lost.history.find((h) => h.field === 'status')).toMatchObject({ to: 'lost', cause: 'manual', actorId: f.partner.user.id });
    const back = await send(t, 'POST', url, f.lawyerA, { status: null, reason: '重新合作' });
    expect(back.json()).toMatchObject({ status: 'active', statusManual: false });
  });

  it('turns a client dormant a year after its matter closed and its last fee, once per day', async () => {
    const m = await openMatter(f.client.id, { openedOn: '2026-01-10' });
    await addFee(m.id, yuan(20_000), '2026-02-01');
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }, { to: 'closed', outcome: '调解结案' }]);
    expect((await classification(f.client.id)).status).toBe('active');
    t.clock.set('2027-02-02T02:00:00.000Z');
    await signInAgain(t, f.lawyerA);
    expect(await recomputeIfDue({ db: t.db, clock: t.clock, config: t.config })).toMatchObject({ clients: 1, changed: 1 });
    expect(await recomputeIfDue({ db: t.db, clock: t.clock, config: t.config })).toBeNull();
    const cl = await classification(f.client.id);
    expect(cl).toMatchObject({ status: 'dormant', rfm: { r: 2 } });
    expect(cl.causes.status).toContain('短期未合作');
  });
});

describe('access and settings', () => {
  it('counts only the clients the caller may see, F×M cells aggregated', async () => {
    await openMatter(f.client.id);
    const c = await feeClient();
    await openMatter(c.id);
    const teamB = await f.create(f.lawyerB, { kind: 'individual', name: '李四' });
    await recomputeAll({ db: t.db, clock: t.clock, config: t.config });

    const all = (await get(t, '/api/v1/classification/summary', f.partner)).json() as ClassificationSummary;
    expect(all.total).toBe(3);
    expect(all.byStatus).toMatchObject({ active: 2, prospect: 1 });
    expect(all.byGrade).toMatchObject({ A: 1, C: 2 });
    expect(all.cells).toEqual([{ f: 1, m: 1, count: 3 }]);
    expect(all.lastRunAt).toBe(t.clock.now().toISOString());

    const mine = (await get(t, '/api/v1/classification/summary', f.lawyerB)).json() as ClassificationSummary;
    expect(mine.total).toBe(1);
    expect(mine.byStatus).toEqual({ prospect: 1 });
    expect(mine.cells).toEqual([{ f: 1, m: 1, count: 1 }]);

    expectError(await get(t, `/api/v1/clients/${f.client.id}/classification`, f.lawyerB), 404, 'not_found');
    expect((await classification(teamB.id, f.lawyerB)).status).toBe('prospect');
    expectError(await send(t, 'POST', '/api/v1/classification/recompute', f.lawyerA, {}), 403, 'forbidden');
    const some = await send(t, 'POST', '/api/v1/classification/recompute', f.partner, { clientIds: [c.id] });
    expect(some.json()).toMatchObject({ clients: 1, changed: 0 });
  });

  it('hides fee amounts from secretaries', async () => {
    const m = await openMatter(f.client.id);
    await addFee(m.id, yuan(12_345));
    const cl = await classification(f.client.id, f.secretary);
    expect(cl.causes.m).not.toContain('¥');
    expect(cl.history.some((h) => h.field === 'grade')).toBe(false);
  });

  it('validates thresholds: non-negative integers in order, 400 naming each field', async () => {
    const patch = (payload: object) => send(t, 'PATCH', '/api/v1/settings', f.admin, payload);
    const order = expectError(await patch({ rfmRecency4Days: 60, gradeFeesBFen: yuan(400_000) }), 400, 'validation_failed');
    expect((order.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['gradeFeesBFen', 'rfmRecency4Days']);
    expectError(await patch({ rfmMonetary2Fen: -1 }), 400, 'validation_failed');
    expectError(await patch({ rfmFrequency3: 2.5 }), 400, 'validation_failed');
    const ok = await patch({ rfmMode: 'quintile', gradeFeesAFen: yuan(200_000) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rfmMode: 'quintile', gradeFeesAFen: yuan(200_000), rfmRecency5Days: 90 });

    // quintile mode: the firm's only engaged client is its best
    const m = await openMatter(f.client.id);
    await addFee(m.id, yuan(1_000));
    expect((await classification(f.client.id)).rfm).toEqual({ r: 5, f: 5, m: 5 });
  });
});
