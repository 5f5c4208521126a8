import type { Client } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { clientFirm, get, send } from './clients-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof clientFirm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await clientFirm(t);
});
afterEach(async () => {
  await t.close();
});

describe('creating clients (C-1..C-3, K-1)', () => {
  it('stores a lawyer-owned organisation with its grade from the hourly rate, audit and timeline', async () => {
    const c = f.client;
    expect(c.ownerId).toBe(f.lawyerA.user.id);
    expect(c.teamId).toBe(f.teamA.id);
    expect(c.managerId).toBe(f.manager.user.id);
    expect(c.grade).toBe('A');
    expect(c.status).toBe('prospect');
    expect(c.tags).toEqual(['VIP', '高新技术']);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'client').where('entity_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const tl = (await get(t, `/api/v1/clients/${c.id}/timeline`, f.lawyerA)).json() as { items: { kind: string }[] };
    expect(tl.items.map((e) => e.kind)).toEqual(['client_created']);
  });

  it('normalises full-width digits and grades B and C by the thresholds', async () => {
    const b = await f.create(f.lawyerA, { kind: 'organisation', name: '乙公司', uscc: '９１３５０１００Ｍ０００１００Ｙ４３', hourlyRateFen: 150_000 });
    expect(b.uscc).toBe('91350100M000100Y43');
    expect(b.grade).toBe('B');
    const c = await f.create(f.lawyerA, { kind: 'individual', name: '王五', hourlyRateFen: 149_999 });
    expect(c.grade).toBe('C');
  });

  it('refuses bad check characters and impossible birth dates, naming the field, writing nothing', async () => {
    const before = await t.db.selectFrom('clients').select('id').execute();
    const bad = await send(t, 'POST', '/api/v1/clients', f.lawyerA, { kind: 'organisation', name: '坏公司', uscc: '91350100M000100Y44' });
    const e = expectError(bad, 400, 'validation_failed');
    expect(e.details).toEqual([{ field: 'uscc', message: '统一社会信用代码无效（校验位不正确）' }]);
    // 2023-02-30 inside an ID number
    const id = await send(t, 'POST', '/api/v1/clients', f.lawyerA, { kind: 'individual', name: '赵六', idNumber: '110105202302300012' });
    expect((expectError(id, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('idNumber');
    const money = await send(t, 'POST', '/api/v1/clients', f.lawyerA, { kind: 'individual', name: '钱七', hourlyRateFen: 12.5 });
    expect((expectError(money, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('hourlyRateFen');
    // 2024 has no leap 2nd month in the lunar calendar; 2023 has one.
    const leap = await send(t, 'POST', '/api/v1/clients', f.lawyerA, {
      kind: 'individual',
      name: '孙八',
      birthday: { calendar: 'lunar', year: 2024, month: 2, day: 1, leapMonth: true },
    });
    expect((expectError(leap, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('birthday.leapMonth');
    expect(await t.db.selectFrom('clients').select('id').execute()).toEqual(before);
    const ok = await f.create(f.lawyerA, { kind: 'individual', name: '孙八', birthday: { calendar: 'lunar', year: 2023, month: 2, day: 1, leapMonth: true } });
    expect(ok.birthday).toEqual({ calendar: 'lunar', year: 2023, month: 2, day: 1, leapMonth: true });
  });

  it('lets lawyers create only clients they own; assistants only in their team', async () => {
    const other = await send(t, 'POST', '/api/v1/clients', f.lawyerA, { kind: 'individual', name: '某人', ownerId: f.lawyerB.user.id });
    expect((expectError(other, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('ownerId');
    const ok = await f.create(f.assistantA, { kind: 'individual', name: '助理录入', ownerId: f.lawyerA2.user.id });
    expect(ok.teamId).toBe(f.teamA.id);
    const cross = await send(t, 'POST', '/api/v1/clients', f.assistantA, { kind: 'individual', name: '跨团队', ownerId: f.lawyerB.user.id });
    expect((expectError(cross, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('teamId');
    expectError(await send(t, 'POST', '/api/v1/clients', f.secretary, { kind: 'individual', name: '秘书' }), 403, 'forbidden');
  });

  it('rejects unknown fields and ownership fields in an update', async () => {
    const res = await send(t, 'PATCH', `/api/v1/clients/${f.client.id}`, f.lawyerA, { ownerId: f.lawyerB.user.id });
    const e = expectError(res, 400, 'validation_failed');
    expect((e.details as { field: string }[]).map((d) => d.field)).toEqual(['ownerId']);
  });
});

describe('updating and the timeline (C-6, C-8)', () => {
  it('records field changes, re-grades by rate, and a new legal representative as a personnel change', async () => {
    const res = await send(t, 'PATCH', `/api/v1/clients/${f.client.id}`, f.partner, {
      hourlyRateFen: 100_000,
      legalRepresentative: '李四',
      tags: ['VIP'],
    });
    expect(res.statusCode).toBe(200);
    const c = res.json() as Client;
    expect(c.grade).toBe('C');
    expect(c.legalRepresentative).toBe('李四');
    expect(c.tags).toEqual(['VIP']);
    const pc = await t.db.selectFrom('personnel_changes').selectAll().where('client_id', '=', c.id).execute();
    expect(pc).toMatchObject([{ field: 'legal_representative', old_value: '张三', new_value: '李四', changed_by: f.partner.user.id }]);
    const notes = await t.db.selectFrom('notifications').select(['user_id', 'kind']).where('kind', '=', 'personnel_change').execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([f.lawyerA.user.id, f.manager.user.id].sort());
    const kinds = ((await get(t, `/api/v1/clients/${c.id}/timeline`, f.lawyerA)).json() as { items: { kind: string }[] }).items.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['client_updated', 'grade_changed', 'personnel_changed', 'client_created']));
    const filtered = (await get(t, `/api/v1/clients/${c.id}/timeline?kind=grade_changed`, f.lawyerA)).json() as { items: { kind: string; data: Record<string, unknown> }[] };
    expect(filtered.items).toHaveLength(1);
    expect(filtered.items[0]!.data).toMatchObject({ from: 'A', to: 'C', cause: 'rule:hourly_rate' });
  });

  it('writes nothing when nothing changes', async () => {
    const before = await t.count('audit_events');
    const res = await send(t, 'PATCH', `/api/v1/clients/${f.client.id}`, f.lawyerA, { name: f.client.name, tags: ['高新技术', 'VIP'] });
    expect(res.statusCode).toBe(200);
    expect(await t.count('audit_events')).toBe(before);
  });
});

describe('grade, status and transfer actions (K-1, K-5, K-6)', () => {
  it('keeps a manual grade with its reason over the rate until cleared', async () => {
    const url = `/api/v1/clients/${f.client.id}`;
    const manual = await send(t, 'POST', `${url}/grade`, f.lawyerA, { grade: 'B', reason: '战略合作，暂按B级服务' });
    expect(manual.json()).toMatchObject({ grade: 'B', gradeManual: true, gradeReason: '战略合作，暂按B级服务' });
    await send(t, 'PATCH', url, f.lawyerA, { hourlyRateFen: 500_000 });
    expect(((await get(t, url, f.lawyerA)).json() as Client).grade).toBe('B');
    const cleared = await send(t, 'POST', `${url}/grade`, f.lawyerA, { grade: null, reason: '恢复按费率' });
    expect(cleared.json()).toMatchObject({ grade: 'A', gradeManual: false });
    expectError(await send(t, 'POST', `${url}/grade`, f.lawyerA2, { grade: 'C', reason: 'x' }), 403, 'forbidden');
    expectError(await send(t, 'POST', `${url}/grade`, f.lawyerA, { grade: 'B' }), 400, 'validation_failed');
  });

  it('marks a client lost with a reason and back', async () => {
    const url = `/api/v1/clients/${f.client.id}/status`;
    const lost = await send(t, 'POST', url, f.partner, { status: 'lost', reason: '转投其他律所' });
    expect(lost.json()).toMatchObject({ status: 'lost', statusManual: true, statusReason: '转投其他律所' });
    expectError(await send(t, 'POST', url, f.lawyerA, { status: 'active', reason: 'x' }), 400, 'validation_failed');
    const back = await send(t, 'POST', url, f.lawyerA, { status: null, reason: '重新合作' });
    expect(back.json()).toMatchObject({ status: 'prospect', statusManual: false });
  });

  it('transfers ownership (partners only); the team follows the new owner', async () => {
    const url = `/api/v1/clients/${f.client.id}`;
    expectError(await send(t, 'POST', `${url}/transfer`, f.lawyerA, { ownerId: f.lawyerB.user.id }), 403, 'forbidden');
    const moved = await send(t, 'POST', `${url}/transfer`, f.partner, { ownerId: f.lawyerB.user.id, reason: '律师离职' });
    expect(moved.json()).toMatchObject({ ownerId: f.lawyerB.user.id, teamId: f.teamB.id, managerId: f.manager.user.id });
    expectError(await get(t, url, f.lawyerA), 404, 'not_found');
    expect((await get(t, url, f.lawyerB)).statusCode).toBe(200);
    // the timeline names who held the client before and after, as they were called then
    const feed = (await get(t, `${url}/timeline?kind=owner_changed`, f.partner)).json() as { items: { data: Record<string, unknown> }[] };
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.data).toMatchObject({
      fromNames: { owner: f.lawyerA.user.name, manager: f.manager.user.name, team: '诉讼部' },
      toNames: { owner: f.lawyerB.user.name, manager: f.manager.user.name, team: '公司商事部' },
      reason: '律师离职',
    });
    const bad = await send(t, 'POST', `${url}/transfer`, f.partner, { ownerId: f.assistantA.user.id });
    expect((expectError(bad, 400, 'validation_failed').details as { field: string }[])[0]!.field).toBe('ownerId');
  });
});
