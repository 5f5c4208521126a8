import type { ChecklistTemplate, MatterChecklist } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { SHIPPED_CHECKLISTS } from './checklist-defaults.data.js';
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

type Who = { headers: Record<string, string> };
const put = (url: string, who: Who, payload: unknown) => t.app.inject({ method: 'PUT', url, headers: who.headers, payload: payload as object });
const fieldsOf = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field);
const checklist = async (who: Who, matterId: string) => {
  const res = await get(t, `/api/v1/matters/${matterId}/checklist`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MatterChecklist;
};

describe('checklist templates (M-3)', () => {
  it('ships a template for every matter type, readable and replaceable by admins only', async () => {
    for (const type of Object.keys(SHIPPED_CHECKLISTS) as (keyof typeof SHIPPED_CHECKLISTS)[]) {
      const res = await get(t, `/api/v1/checklist-templates/${type}`, f.admin);
      expect(res.statusCode, res.body).toBe(200);
      const tpl = res.json() as ChecklistTemplate;
      expect(tpl.steps.map((s) => [s.position, s.title, s.dueDays])).toEqual(SHIPPED_CHECKLISTS[type].map((s, i) => [i + 1, s.title, s.dueDays]));
      expect(tpl.updatedBy).toBeNull();
    }
    const lit = (await get(t, '/api/v1/checklist-templates/litigation', f.admin)).json() as ChecklistTemplate;
    expect(lit.steps.map((s) => s.title)).toContain('接案与利益冲突审查');
    for (const who of [f.partner, f.lawyerA, f.manager, f.assistantA, f.secretary]) {
      expectError(await get(t, '/api/v1/checklist-templates/litigation', who), 403, 'forbidden');
      expectError(await put('/api/v1/checklist-templates/litigation', who, { steps: [{ title: 'x', dueDays: 0 }] }), 403, 'forbidden');
    }
    expectError(await get(t, '/api/v1/checklist-templates/divorce', f.admin), 400, 'validation_failed');
  });

  it('validates a replacement: 1..50 steps, non-empty titles, whole days ≥ 0', async () => {
    const url = '/api/v1/checklist-templates/consultation';
    expect(fieldsOf(expectError(await put(url, f.admin, { steps: [] }), 400, 'validation_failed'))).toEqual(['steps']);
    const many = Array.from({ length: 51 }, (_, i) => ({ title: `步骤${i}`, dueDays: i }));
    expect(fieldsOf(expectError(await put(url, f.admin, { steps: many }), 400, 'validation_failed'))).toEqual(['steps']);
    const bad = await put(url, f.admin, { steps: [{ title: '  ', dueDays: 1 }, { title: '出具意见', dueDays: -1 }, { title: '归档', dueDays: 1.5 }] });
    expect(fieldsOf(expectError(bad, 400, 'validation_failed')).sort()).toEqual(['steps.0.title', 'steps.1.dueDays', 'steps.2.dueDays']);
    expect(fieldsOf(expectError(await put(url, f.admin, { steps: [{ title: 'x' }] }), 400, 'validation_failed'))).toEqual(['steps.0.dueDays']);
    const unchanged = (await get(t, url, f.admin)).json() as ChecklistTemplate;
    expect(unchanged.steps).toHaveLength(SHIPPED_CHECKLISTS.consultation.length);
  });

  it('applies an edited template to matters opened afterwards only, and audits the edit', async () => {
    const before = await f.open(f.lawyerA, { type: 'consultation', title: '股权咨询' });
    const res = await put('/api/v1/checklist-templates/consultation', f.admin, {
      steps: [
        { title: ' 受理咨询 ', guidance: '登记咨询人与问题', dueDays: 0 },
        { title: '出具书面意见', guidance: '  ', dueDays: 7 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const tpl = res.json() as ChecklistTemplate;
    expect(tpl.steps).toEqual([
      { position: 1, title: '受理咨询', guidance: '登记咨询人与问题', dueDays: 0 },
      { position: 2, title: '出具书面意见', guidance: null, dueDays: 7 },
    ]);
    expect(tpl.updatedBy).toEqual({ id: f.admin.user.id, name: f.admin.user.name });
    const after = await f.open(f.lawyerA, { type: 'consultation', title: '劳动咨询' });

    expect((await checklist(f.lawyerA, before.id)).steps.map((s) => s.title)).toEqual(SHIPPED_CHECKLISTS.consultation.map((s) => s.title));
    expect((await checklist(f.lawyerA, after.id)).steps.map((s) => [s.title, s.dueOn])).toEqual([
      ['受理咨询', '2026-01-10'],
      ['出具书面意见', '2026-01-17'],
    ]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'checklist_template').execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_id])).toEqual([['update', 'consultation', f.admin.user.id]]);
  });
});

describe('matter checklist (M-3)', () => {
  it('gives a new matter its type\'s steps with due days from opening, overdue ones flagged', async () => {
    // the firm's today is 2026-11-25; opened 2026-11-01, so 0..20-day steps are overdue, 30 is not
    const m = await f.open(f.lawyerA, { openedOn: '2026-11-01' });
    const c = await checklist(f.lawyerA, m.id);
    expect(c.matterId).toBe(m.id);
    expect(c.steps.map((s) => [s.title, s.dueOn, s.overdue])).toEqual(
      SHIPPED_CHECKLISTS.litigation.map((s) => {
        const due = new Date(Date.UTC(2026, 10, 1 + s.dueDays)).toISOString().slice(0, 10);
        return [s.title, due, due < '2026-11-25'];
      }),
    );
    expect(c.steps[0]).toMatchObject({ done: false, doneAt: null, doneBy: null, note: null, guidance: SHIPPED_CHECKLISTS.litigation[0]!.guidance });
    expect(c.progress).toEqual({ done: 0, total: 9, percent: 0 });
    // moving the opening date moves every due day
    const moved = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { openedOn: '2026-11-10' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await checklist(f.lawyerA, m.id)).steps[0]!.dueOn).toBe('2026-11-10');
  });

  it('ticks and unticks steps with who and when, keeps the first tick, and counts progress', async () => {
    const m = await f.open(f.lawyerA);
    const timeline = async () => ((await get(t, `/api/v1/clients/${f.client.id}/timeline`, f.lawyerA)).json() as { items: { id: string }[] }).items.map((e) => e.id);
    const timelineBefore = await timeline();
    const [s1, s2] = (await checklist(f.lawyerA, m.id)).steps;
    const tick = (who: Who, stepId: string, body: object) => send(t, 'PATCH', `/api/v1/matters/${m.id}/checklist/${stepId}`, who, body);

    const res = await tick(f.lawyerA, s1!.id, { done: true, note: '冲突检索无命中' });
    expect(res.statusCode, res.body).toBe(200);
    let c = res.json() as MatterChecklist;
    expect(c.steps[0]).toMatchObject({ done: true, doneAt: t.clock.now().toISOString(), doneBy: { id: f.lawyerA.user.id, name: f.lawyerA.user.name }, note: '冲突检索无命中', overdue: false });
    expect(c.progress).toEqual({ done: 1, total: 9, percent: 11 });

    t.clock.advance(60_000);
    await tick(f.assistantA, s2!.id, { done: true });
    // ticking again (by someone else) keeps the first who and when
    c = (await tick(f.lawyerA2, s1!.id, { done: true })).json() as MatterChecklist;
    expect(c.steps[0]!.doneBy!.id).toBe(f.lawyerA.user.id);
    expect(c.steps[0]!.note).toBe('冲突检索无命中');
    expect(c.progress).toEqual({ done: 2, total: 9, percent: 22 });

    c = (await tick(f.lawyerA, s2!.id, { done: false })).json() as MatterChecklist;
    expect(c.steps[1]).toMatchObject({ done: false, doneAt: null, doneBy: null });
    expect(c.progress.done).toBe(1);

    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity', '=', 'matter_checklist_step').orderBy('at').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([s1!.id, s2!.id, s2!.id]);
    // too chatty for the client's timeline: ticking adds nothing there
    expect(await timeline()).toEqual(timelineBefore);
  });

  it('is 404 for a matter one cannot see, and for a step of another matter; 400 on a bad body', async () => {
    const m = await f.open(f.lawyerA);
    const other = await f.open(f.lawyerA, { title: '另一案件' });
    const [step] = (await checklist(f.lawyerA, m.id)).steps;
    for (const who of [f.lawyerB, f.assistantB, f.otherManager]) {
      expectError(await get(t, `/api/v1/matters/${m.id}/checklist`, who), 404, 'not_found');
      expectError(await send(t, 'PATCH', `/api/v1/matters/${m.id}/checklist/${step!.id}`, who, { done: true }), 404, 'not_found');
    }
    expectError(await get(t, `/api/v1/matters/${m.id}/checklist`, f.secretary), 403, 'forbidden');
    expectError(await send(t, 'PATCH', `/api/v1/matters/${other.id}/checklist/${step!.id}`, f.lawyerA, { done: true }), 404, 'not_found');
    expectError(await get(t, '/api/v1/matters/no-such-matter/checklist', f.lawyerA), 404, 'not_found');
    const bad = await send(t, 'PATCH', `/api/v1/matters/${m.id}/checklist/${step!.id}`, f.lawyerA, { done: 'yes', extra: 1 });
    expect(fieldsOf(expectError(bad, 400, 'validation_failed')).sort()).toEqual(['done', 'extra']);
    expect((await checklist(f.lawyerA, m.id)).progress.done).toBe(0);
  });
});
