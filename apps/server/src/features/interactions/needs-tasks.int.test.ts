import type { ListResponse, Need, Task, TimelineEvent } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { interactionFirm } from './interactions-fixture.js';

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

describe('needs archive (I-3)', () => {
  it('adds needs, lists open ones first, and keeps each status change on the timeline', async () => {
    const url = `/api/v1/clients/${f.client.id}/needs`;
    const created = await send(t, 'POST', url, f.manager, { area: '知识产权', description: '新产品商标布局', source: 'survey' });
    expect(created.statusCode, created.body).toBe(201);
    const need = created.json() as Need;
    expect(need).toMatchObject({ area: '知识产权', source: 'survey', sourceId: null, status: 'open', createdBy: f.manager.user.id });
    // a second apart, so the timeline's order is the order of events
    t.clock.advance(1000);
    await f.log(f.lawyerA, { occurredAt: '2026-11-24T02:00:00.000Z', needs: [{ area: '合同审查', description: '供应商合同模板更新' }] });
    t.clock.advance(1000);
    const offered = await send(t, 'PATCH', `/api/v1/needs/${need.id}`, f.lawyerA, { status: 'offered' });
    expect(offered.json()).toMatchObject({ status: 'offered' });
    t.clock.advance(1000);
    expect((await send(t, 'PATCH', `/api/v1/needs/${need.id}`, f.lawyerA, { status: 'won', description: '商标布局（已签约）' })).statusCode).toBe(200);
    // the same status again is no change
    expect((await send(t, 'PATCH', `/api/v1/needs/${need.id}`, f.lawyerA, { status: 'won' })).statusCode).toBe(200);

    const list = (await get(t, url, f.lawyerA)).json() as ListResponse<Need>;
    expect(list.items.map((n) => [n.area, n.status])).toEqual([
      ['合同审查', 'open'],
      ['知识产权', 'won'],
    ]);
    expect(((await get(t, `${url}?status=open`, f.lawyerA)).json() as ListResponse<Need>).total).toBe(1);

    const feed = (await get(t, `/api/v1/clients/${f.client.id}/timeline?kind=need_added,need_status_changed`, f.lawyerA)).json() as ListResponse<TimelineEvent>;
    expect(feed.items.map((e) => [e.kind, e.data.from ?? null, e.data.to ?? null])).toEqual([
      ['need_status_changed', 'offered', 'won'],
      ['need_status_changed', 'open', 'offered'],
      ['need_added', null, null],
      ['need_added', null, null],
    ]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'need').where('entity_id', '=', need.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('answers 404 for a client one cannot see, refuses bad statuses and sources', async () => {
    const url = `/api/v1/clients/${f.client.id}/needs`;
    expectError(await get(t, url, f.lawyerB), 404, 'not_found');
    expectError(await send(t, 'POST', url, f.lawyerB, { area: '税务', description: '筹划' }), 404, 'not_found');
    const need = (await send(t, 'POST', url, f.lawyerA, { area: '税务', description: '股权转让税务筹划' })).json() as Need;
    expect(need.source).toBe('other');
    expectError(await send(t, 'PATCH', `/api/v1/needs/${need.id}`, f.lawyerB, { status: 'won' }), 404, 'not_found');
    expectError(await send(t, 'PATCH', `/api/v1/needs/${need.id}`, f.lawyerA, { status: 'lost' }), 400, 'validation_failed');
    expectError(await send(t, 'POST', url, f.lawyerA, { area: '税务', description: 'x', source: 'interaction' }), 400, 'validation_failed');
    // secretaries record needs on their return visits (active clients only, X-1)
    expectError(await send(t, 'POST', url, f.secretary, { area: '合规', description: '数据合规' }), 404, 'not_found');
    await t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', f.client.id).execute();
    expect((await send(t, 'POST', url, f.secretary, { area: '合规', description: '数据合规' })).statusCode).toBe(201);
  });
});

describe('follow-up tasks', () => {
  it('lists my own tasks by due day with overdue marked, filters by range, and completes them once', async () => {
    await f.log(f.lawyerA, {
      occurredAt: '2026-11-20T02:00:00.000Z',
      followUps: [
        { title: '补充证据清单', dueOn: '2026-11-24' },
        { title: '提交法律意见书', dueOn: '2026-11-27' },
        { title: '回访', dueOn: '2026-11-26', assigneeId: f.manager.user.id },
      ],
    });
    const mine = (await get(t, '/api/v1/tasks', f.lawyerA)).json() as ListResponse<Task>;
    expect(mine.items.map((x) => [x.title, x.overdue])).toEqual([
      ['补充证据清单', true],
      ['提交法律意见书', false],
    ]);
    expect(mine.items[0]).toMatchObject({ clientName: f.client.name, assigneeId: f.lawyerA.user.id, status: 'open' });
    const ranged = (await get(t, '/api/v1/tasks?dueFrom=2026-11-25&dueTo=2026-11-30', f.lawyerA)).json() as ListResponse<Task>;
    expect(ranged.items.map((x) => x.title)).toEqual(['提交法律意见书']);
    const paged = (await get(t, '/api/v1/tasks?limit=1', f.lawyerA)).json() as ListResponse<Task>;
    const next = (await get(t, `/api/v1/tasks?limit=1&cursor=${paged.nextCursor}`, f.lawyerA)).json() as ListResponse<Task>;
    expect([...paged.items, ...next.items].map((x) => x.title)).toEqual(['补充证据清单', '提交法律意见书']);

    const target = mine.items[0]!;
    // the manager sees the client but neither holds nor created the task; lawyer B cannot see it at all
    expectError(await send(t, 'POST', `/api/v1/tasks/${target.id}/done`, f.manager), 403, 'forbidden');
    expectError(await send(t, 'POST', `/api/v1/tasks/${target.id}/done`, f.lawyerB), 404, 'not_found');
    const done = await send(t, 'POST', `/api/v1/tasks/${target.id}/done`, f.lawyerA);
    expect(done.json()).toMatchObject({ status: 'done', doneAt: '2026-11-25T02:00:00.000Z', overdue: false });
    t.clock.advance(60_000);
    expect((await send(t, 'POST', `/api/v1/tasks/${target.id}/done`, f.lawyerA)).json()).toMatchObject({ doneAt: '2026-11-25T02:00:00.000Z' });

    expect(((await get(t, '/api/v1/tasks', f.lawyerA)).json() as ListResponse<Task>).total).toBe(1);
    const finished = (await get(t, '/api/v1/tasks?status=done', f.lawyerA)).json() as ListResponse<Task>;
    expect(finished.items.map((x) => x.title)).toEqual(['补充证据清单']);
    const theirs = (await get(t, '/api/v1/tasks', f.manager)).json() as ListResponse<Task>;
    expect(theirs.items.map((x) => x.title)).toEqual(['回访']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'task').where('entity_id', '=', target.id).orderBy('at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });
});
