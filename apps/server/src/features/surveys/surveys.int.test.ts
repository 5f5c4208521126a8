import type { PublicSurvey, SurveyResponseDetail, SurveySent, SurveyTemplate } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { interactionFirm, timelineKinds } from '../interactions/interactions-fixture.js';
import { matterFirm, moveTo } from '../matters/matters-fixture.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const GOOD = { competence: 5, responsiveness: 4, communication: 5, outcome: 4, value: 4, overall: 5, recommend: 9, comments: '律师很专业' };

async function templates(who: Who) {
  const res = await get(t, '/api/v1/survey-templates', who);
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as { items: SurveyTemplate[] }).items;
  return { satisfaction: items.find((x) => x.kind === 'satisfaction')!, needs: items.find((x) => x.kind === 'needs')! };
}

async function sendOne(who: Who, body: Record<string, unknown>) {
  const res = await send(t, 'POST', '/api/v1/surveys', who, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SurveySent;
}

const publicGet = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` });
const publicPost = (token: string, answers: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { answers } });
/** Secretaries see active clients only. */
const activate = (clientId: string) => t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', clientId).execute();
const rows = async (table: 'survey_responses' | 'needs' | 'tasks') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('V-1 templates', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('ships both questionnaires; admins edit them, keeping the scored items; old surveys keep their questions', async () => {
    const f = await interactionFirm(t);
    const { satisfaction, needs } = await templates(f.lawyerA);
    expect(satisfaction.name).toBe('法律服务质量满意度调查表');
    expect(satisfaction.questions.map((q) => q.key)).toEqual(['competence', 'responsiveness', 'communication', 'outcome', 'value', 'overall', 'recommend', 'comments']);
    expect(needs.questions.map((q) => q.key)).toEqual(['areas', 'plans', 'plans_note', 'service_mode']);

    const sent = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id });
    const url = `/api/v1/survey-templates/${satisfaction.id}`;
    const withoutOverall = satisfaction.questions.filter((q) => q.key !== 'overall');
    expectError(await send(t, 'PATCH', url, f.admin, {}), 404, 'not_found');
    const put = (who: Who, questions: unknown) => t.app.inject({ method: 'PUT', url, headers: who.headers, payload: { name: satisfaction.name, intro: '新的说明', questions } });
    expectError(await put(f.lawyerA, satisfaction.questions), 403, 'forbidden');
    const removed = expectError(await put(f.admin, withoutOverall), 400, 'validation_failed');
    expect(JSON.stringify(removed.details)).toContain('overall');
    const retyped = satisfaction.questions.map((q) => (q.key === 'recommend' ? { ...q, type: 'rating' } : q));
    expectError(await put(f.admin, retyped), 400, 'validation_failed');
    expectError(await put(f.admin, [...satisfaction.questions, satisfaction.questions[0]]), 400, 'validation_failed');

    const edited = [...satisfaction.questions.filter((q) => q.key !== 'value'), { key: 'fees_clear', type: 'rating', label: '收费透明', required: true }];
    const ok = await put(f.admin, edited);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, intro: '新的说明' });
    const versions = await t.db.selectFrom('survey_template_versions').select('version').where('template_id', '=', satisfaction.id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);

    // the survey sent before the edit still asks (and validates) its own questions
    const opened = (await publicGet(sent.token)).json() as PublicSurvey;
    expect(opened.questions.map((q) => q.key)).toContain('value');
    expect(opened.questions.map((q) => q.key)).not.toContain('fees_clear');
    expect((await publicPost(sent.token, GOOD)).statusCode).toBe(201);
    const next = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id });
    expect(next.templateVersion).toBe(2);
  });
});

describe('V-2 personal links', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('gives an unguessable link, stores only its hash, and takes one submission; bad tokens record nothing', async () => {
    const f = await interactionFirm(t);
    const { satisfaction } = await templates(f.lawyerA);
    const sent = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id, contactId: f.contactX.id, expiresInDays: 10 });
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.path).toBe(`/s/${sent.token}`);
    expect(sent).toMatchObject({ status: 'sent', contactName: '王总', expiresAt: '2026-12-05T02:00:00.000Z', channel: 'link' });
    const stored = await t.db.selectFrom('surveys').select('token_hash').where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(sent.token);
    expect(stored.token_hash).toHaveLength(64);

    // forged
    expectError(await publicGet('x'.repeat(43)), 404, 'not_found');
    expectError(await publicPost('x'.repeat(43), GOOD), 404, 'not_found');

    const opened = await publicGet(sent.token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ kind: 'satisfaction', clientName: f.client.name, contactName: '王总' });
    expect((await get(t, `/api/v1/surveys/${sent.id}`, f.lawyerA)).json()).toMatchObject({ status: 'opened' });

    // out of range, wrong type, unknown question, missing required: 400 with field details, nothing recorded
    const bad = expectError(await publicPost(sent.token, { ...GOOD, overall: 6, recommend: 11, competence: 2.5, value: '5', extra: 1, outcome: null }), 400, 'validation_failed');
    expect(bad.details).toEqual(
      expect.arrayContaining([
        { field: 'answers.overall', message: '请选择 1–5 分' },
        { field: 'answers.recommend', message: '请选择 0–10 分' },
        { field: 'answers.competence', message: '请选择 1–5 分' },
        { field: 'answers.value', message: '请选择 1–5 分' },
        { field: 'answers.extra', message: '问卷中没有这道题' },
        { field: 'answers.outcome', message: '此题必答' },
      ]),
    );
    expect(await rows('survey_responses')).toBe(0);

    const ok = await publicPost(sent.token, GOOD);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await rows('survey_responses')).toBe(1);
    expect((await get(t, `/api/v1/surveys/${sent.id}`, f.lawyerA)).json()).toMatchObject({ status: 'answered', score: 100, responseId: expect.any(String) });
    // reused link: the page says so, and a second submission writes nothing
    expect(expectError(await publicGet(sent.token), 409, 'conflict').details).toEqual({ reason: 'answered' });
    expectError(await publicPost(sent.token, { ...GOOD, overall: 1 }), 409, 'conflict');
    expect(await rows('survey_responses')).toBe(1);
    expect(await timelineKinds(t, f.client.id)).toEqual(expect.arrayContaining(['survey_sent', 'survey_answered']));
    const answered = (await t.db.selectFrom('timeline_events').select('data').where('kind', '=', 'survey_answered').executeTakeFirstOrThrow()).data;
    expect(JSON.parse(answered)).toMatchObject({ score: 100, recommend: 9, mode: 'link' });
  });

  it('expires the link: a clear 410, nothing recorded, listed as expired', async () => {
    const f = await interactionFirm(t);
    const { satisfaction } = await templates(f.lawyerA);
    const sent = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id, expiresInDays: 1 });
    t.clock.advance(86_400_000 + 1000);
    expect(expectError(await publicGet(sent.token), 410, 'gone').details).toEqual({ reason: 'expired' });
    expectError(await publicPost(sent.token, GOOD), 410, 'gone');
    expect(await rows('survey_responses')).toBe(0);
    const s = await t.db.selectFrom('surveys').select(['opened_at', 'status']).where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(s).toEqual({ opened_at: null, status: 'sent' });
    await t.login(f.lawyerA.user.email).then((x) => Object.assign(f.lawyerA.headers, { cookie: x.cookie, 'x-csrf-token': x.csrf }));
    const list = await get(t, `/api/v1/surveys?status=expired`, f.lawyerA);
    expect((list.json() as { items: { id: string }[] }).items.map((x) => x.id)).toEqual([sent.id]);
  });

  it('answers one of two simultaneous submissions', async () => {
    const f = await interactionFirm(t);
    const { satisfaction } = await templates(f.lawyerA);
    const sent = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id });
    const codes = (await Promise.all([publicPost(sent.token, GOOD), publicPost(sent.token, GOOD)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    expect(await rows('survey_responses')).toBe(1);
  });

  it('applies visibility: an invisible client, contact of another client, or matter is refused', async () => {
    const f = await interactionFirm(t);
    const { satisfaction } = await templates(f.lawyerA);
    expectError(await send(t, 'POST', '/api/v1/surveys', f.lawyerB, { templateId: satisfaction.id, clientId: f.client.id }), 404, 'not_found');
    const wrongContact = await send(t, 'POST', '/api/v1/surveys', f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id, contactId: f.contactY.id });
    expect(expectError(wrongContact, 400, 'validation_failed').details).toEqual([{ field: 'contactId', message: '联系人不属于此客户' }]);
    expectError(await send(t, 'POST', '/api/v1/surveys', f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id, matterId: f.matterY }), 400, 'validation_failed');
    expectError(await send(t, 'POST', '/api/v1/surveys', f.secretary, { templateId: satisfaction.id, clientId: f.client.id }), 404, 'not_found');
    await activate(f.client.id);
    const sent = await sendOne(f.secretary, { templateId: satisfaction.id, clientId: f.client.id });
    expectError(await get(t, `/api/v1/surveys/${sent.id}`, f.lawyerB), 404, 'not_found');
    expect((await get(t, `/api/v1/surveys?clientId=${f.client.id}`, f.lawyerB)).json()).toMatchObject({ total: 0 });
    expect((await get(t, `/api/v1/surveys/${sent.id}`, f.secretary)).statusCode).toBe(200);
    // recording answers: an invisible survey is 404, a new one needs its template and client
    const answers = { ...GOOD, overall: 4 };
    expectError(await send(t, 'POST', '/api/v1/survey-responses', f.lawyerB, { mode: 'recorded', surveyId: sent.id, answers }), 404, 'not_found');
    const missing = expectError(await send(t, 'POST', '/api/v1/survey-responses', f.secretary, { mode: 'recorded', answers }), 400, 'validation_failed');
    expect((missing.details as { field: string }[]).map((d) => d.field)).toEqual(['templateId', 'clientId']);
    const recorded = await send(t, 'POST', '/api/v1/survey-responses', f.secretary, { mode: 'recorded', surveyId: sent.id, answers });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ mode: 'recorded', score: 80, recordedByName: expect.any(String) });
    // the link it was sent with is now used
    expectError(await publicGet(sent.token), 409, 'conflict');
  });
});

describe('V-4 loop and recorded answers', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('opens a follow-up task for the client manager on overall ≤ 3; needs answers become needs-archive items', async () => {
    const f = await interactionFirm(t);
    const { satisfaction, needs } = await templates(f.lawyerA);
    const low = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id });
    expect((await publicPost(low.token, { ...GOOD, overall: 3, recommend: 5 })).statusCode).toBe(201);
    const task = await t.db.selectFrom('tasks').selectAll().executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignee_id: f.manager.user.id, client_id: f.client.id, due_on: '2026-11-28', status: 'open', title: `跟进低分满意度调查：${f.client.name}（60 分）` });
    const response = await t.db.selectFrom('survey_responses').selectAll().executeTakeFirstOrThrow();
    expect(response).toMatchObject({ task_id: task.id, score: 60, overall: 3, recommend: 5, lawyer_id: f.lawyerA.user.id, team_id: f.teamA.id, mode: 'link' });

    // a high score opens nothing
    const high = await sendOne(f.lawyerA, { templateId: satisfaction.id, clientId: f.client.id });
    expect((await publicPost(high.token, GOOD)).statusCode).toBe(201);
    expect(await rows('tasks')).toBe(1);

    // the secretary records the needs form on a return visit
    await activate(f.client.id);
    const recorded = await send(t, 'POST', '/api/v1/survey-responses', f.secretary, {
      mode: 'recorded',
      templateId: needs.id,
      clientId: f.client.id,
      answers: { areas: ['ip', 'labour'], plans: ['financing'], plans_note: '明年计划 A 轮融资', service_mode: 'retainer' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const detail = recorded.json() as SurveyResponseDetail;
    expect(detail).toMatchObject({ mode: 'recorded', kind: 'needs', score: null });
    expect(detail.needIds).toHaveLength(3);
    const archive = await t.db.selectFrom('needs').select(['area', 'source', 'source_id', 'status']).where('client_id', '=', f.client.id).orderBy('id').execute();
    expect(archive.map((n) => n.area).sort()).toEqual(['知识产权', '劳动人事', '融资'].sort());
    expect(archive.every((n) => n.source === 'survey' && n.source_id === detail.id && n.status === 'open')).toBe(true);
    const bad = await send(t, 'POST', '/api/v1/survey-responses', f.secretary, { mode: 'recorded', templateId: needs.id, clientId: f.client.id, answers: { areas: ['space'] } });
    expectError(bad, 400, 'validation_failed');
    expect(await rows('needs')).toBe(3);
  });

  it('falls back to the owner when the client has no manager', async () => {
    const f = await interactionFirm(t);
    const { satisfaction } = await templates(f.lawyerB);
    const sent = await sendOne(f.lawyerB, { templateId: satisfaction.id, clientId: f.clientY.id });
    expect((await publicPost(sent.token, { ...GOOD, overall: 2 })).statusCode).toBe(201);
    expect((await t.db.selectFrom('tasks').select('assignee_id').executeTakeFirstOrThrow()).assignee_id).toBe(f.lawyerB.user.id);
  });
});

describe('M-4 survey after closing', () => {
  it('sending the satisfaction survey for the closed matter completes its obligation and task', async () => {
    t = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
    const f = await matterFirm(t);
    const m = await f.open(f.lawyerA);
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }, { to: 'closed', at: '2026-11-23', outcome: '一审胜诉' }]);
    const { satisfaction, needs } = await templates(f.lawyerA);
    const obligation = () => t.db.selectFrom('service_obligations').selectAll().where('matter_id', '=', m.id).where('kind', '=', 'satisfaction_survey').executeTakeFirstOrThrow();
    // the needs form is not the closing survey
    expect((await sendOne(f.lawyerA, { templateId: needs.id, clientId: f.client.id, matterId: m.id })).obligationCompleted).toBe(false);
    expect((await obligation()).status).toBe('open');

    const sent = await sendOne(f.manager, { templateId: satisfaction.id, clientId: f.client.id, matterId: m.id });
    expect(sent).toMatchObject({ obligationCompleted: true, matterTitle: m.title });
    const done = await obligation();
    expect(done).toMatchObject({ status: 'done', done_by: f.manager.user.id, breached_at: null });
    expect((await t.db.selectFrom('tasks').select('status').where('id', '=', done.task_id!).executeTakeFirstOrThrow()).status).toBe('done');
    expect((await sendOne(f.manager, { templateId: satisfaction.id, clientId: f.client.id, matterId: m.id })).obligationCompleted).toBe(false);

    // the response counts for the matter's lead lawyer and type
    expect((await publicPost(sent.token, GOOD)).statusCode).toBe(201);
    const r = await t.db.selectFrom('survey_responses').selectAll().executeTakeFirstOrThrow();
    expect(r).toMatchObject({ matter_id: m.id, matter_type: 'litigation', lawyer_id: f.lawyerA.user.id });
    // secretaries may not link matters
    await activate(f.client.id);
    expectError(await send(t, 'POST', '/api/v1/surveys', f.secretary, { templateId: satisfaction.id, clientId: f.client.id, matterId: m.id }), 400, 'validation_failed');
  });
});
