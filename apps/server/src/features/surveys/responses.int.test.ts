import type { ImprovementItem, SurveyResponse, SurveySent, SurveyStats, SurveyTemplate } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { interactionFirm } from '../interactions/interactions-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof interactionFirm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await interactionFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const dims = (n: number) => ({ competence: n, responsiveness: n, communication: n, outcome: n, value: n, overall: n });

/** Sends a satisfaction survey by link and answers it; returns the response id. */
async function answered(who: Who, clientId: string, overall: number, recommend: number, matterId?: string) {
  const tpl = ((await get(t, '/api/v1/survey-templates', who)).json() as { items: SurveyTemplate[] }).items.find((x) => x.kind === 'satisfaction')!;
  const res = await send(t, 'POST', '/api/v1/surveys', who, { templateId: tpl.id, clientId, ...(matterId ? { matterId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const sent = res.json() as SurveySent;
  const post = await t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${sent.token}`, payload: { answers: { ...dims(overall), recommend } } });
  expect(post.statusCode, post.body).toBe(201);
  const row = await t.db.selectFrom('survey_responses').select('id').where('survey_id', '=', sent.id).executeTakeFirstOrThrow();
  return row.id;
}

const stats = async (who: Who, query: string) => {
  const res = await get(t, `/api/v1/survey-responses/stats?${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SurveyStats;
};

describe('V-3 responses and scores', () => {
  it('scores overall × 20, NPS from the 0–10 item, grouped by lawyer, team, matter type and month; visible clients only', async () => {
    const r1 = await answered(f.lawyerA, f.client.id, 5, 10, f.matterX);
    await answered(f.lawyerA, f.client.id, 4, 8);
    t.clock.advance(10 * 86_400_000); // 2026-12-05
    for (const who of [f.admin, f.lawyerA, f.lawyerB, f.secretary]) {
      const s = await t.login((who as typeof f.admin).user.email);
      Object.assign(who.headers, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    }
    const rY = await answered(f.lawyerB, f.clientY.id, 2, 3);

    const all = await stats(f.admin, 'by=lawyer');
    expect(all.total).toMatchObject({ responses: 3, meanScore: 73.3, shareHigh: 33.3, nps: 0, promoters: 1, passives: 1, detractors: 1 });
    expect(all.total.dimensions).toMatchObject({ overall: 3.7, competence: 3.7 });
    expect(all.rows.map((r) => [r.key, r.responses, r.meanScore, r.nps])).toEqual([
      [f.lawyerA.user.id, 2, 90, 50],
      [f.lawyerB.user.id, 1, 40, -100],
    ]);
    expect((await stats(f.admin, 'by=month')).rows.map((r) => [r.key, r.responses])).toEqual([
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
    expect((await stats(f.admin, 'by=team')).rows.map((r) => [r.label, r.responses])).toEqual([
      ['诉讼部', 2],
      ['公司商事部', 1],
    ]);
    expect((await stats(f.admin, 'by=matter_type')).rows.map((r) => [r.label, r.responses])).toEqual([
      ['未关联', 2],
      ['常年法律顾问', 1],
    ]);
    expect((await stats(f.admin, 'by=quarter&from=2026-12-01&to=2026-12-31')).total.responses).toBe(1);
    expect((await stats(f.admin, 'by=client&to=2026-11-30')).rows.map((r) => [r.label, r.meanScore])).toEqual([[f.client.name, 90]]);

    // a lawyer's figures are over the clients they see
    const mine = await stats(f.lawyerA, 'by=client');
    expect(mine.total).toMatchObject({ responses: 2, meanScore: 90 });
    expectError(await get(t, `/api/v1/survey-responses/${rY}`, f.lawyerA), 404, 'not_found');
    expect((await get(t, `/api/v1/survey-responses?clientId=${f.clientY.id}`, f.lawyerA)).json()).toMatchObject({ total: 0 });

    const list = (await get(t, '/api/v1/survey-responses?kind=satisfaction', f.admin)).json() as { items: SurveyResponse[]; total: number };
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({ id: rY, score: 40, overall: 2, recommend: 3, lawyerName: expect.any(String), followUpTaskId: expect.any(String) });
    expect(((await get(t, '/api/v1/survey-responses?lowOnly=true', f.admin)).json() as { total: number }).total).toBe(1);
    expect(((await get(t, '/api/v1/survey-responses?from=2026-12-01', f.admin)).json() as { total: number }).total).toBe(1);

    // secretaries see survey fields of active clients, not matters
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    const bySecretary = await get(t, `/api/v1/survey-responses/${r1}`, f.secretary);
    expect(bySecretary.statusCode, bySecretary.body).toBe(200);
    expect(bySecretary.json()).toMatchObject({ score: 100, matterId: null, matterTitle: null, answers: { overall: 5, recommend: 10 } });
    expect((await get(t, `/api/v1/survey-responses/${r1}`, f.admin)).json()).toMatchObject({ matterId: f.matterX, matterType: 'retainer' });
    expect((await stats(f.secretary, 'by=client')).total.responses).toBe(2);
    expectError(await get(t, `/api/v1/survey-responses/${rY}`, f.secretary), 404, 'not_found');
  });
});

describe('V-4 improvement items', () => {
  it('records what changes, who owns it, and whether and when the client was told', async () => {
    const r = await answered(f.lawyerA, f.client.id, 3, 6);
    const body = { clientId: f.client.id, responseId: r, title: '缩短回复时间', change: '合同审查 24 小时内给出初步意见', ownerId: f.lawyerA.user.id, dueOn: '2026-12-31' };
    const created = await send(t, 'POST', '/api/v1/improvement-items', f.manager, body);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json() as ImprovementItem;
    expect(item).toMatchObject({ status: 'planned', clientTold: false, clientToldAt: null, ownerName: expect.any(String), clientName: f.client.name });

    expectError(await send(t, 'POST', '/api/v1/improvement-items', f.lawyerB, body), 404, 'not_found');
    expectError(await send(t, 'POST', '/api/v1/improvement-items', f.manager, { ...body, clientId: f.clientY.id }), 404, 'not_found');
    const notOwn = await send(t, 'POST', '/api/v1/improvement-items', f.lawyerB, { ...body, clientId: f.clientY.id, ownerId: f.lawyerB.user.id });
    expect(expectError(notOwn, 400, 'validation_failed').details).toEqual([{ field: 'responseId', message: '该反馈不属于此客户' }]);
    expectError(await get(t, `/api/v1/improvement-items/${item.id}`, f.lawyerB), 404, 'not_found');

    const url = `/api/v1/improvement-items/${item.id}`;
    expectError(await send(t, 'PATCH', url, f.manager, { clientToldAt: '2027-01-01T00:00:00+08:00' }), 400, 'validation_failed');
    const told = await send(t, 'PATCH', url, f.manager, { status: 'done', clientTold: true });
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json()).toMatchObject({ status: 'done', clientTold: true, clientToldAt: t.clock.now().toISOString() });
    const list = (await get(t, `/api/v1/improvement-items?responseId=${r}`, f.lawyerA)).json() as { items: ImprovementItem[] };
    expect(list.items.map((x) => x.id)).toEqual([item.id]);
    expect((await get(t, '/api/v1/improvement-items', f.lawyerB)).json()).toMatchObject({ total: 0 });
  });
});
