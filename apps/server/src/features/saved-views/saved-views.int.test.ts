import type { ListResponse, SavedView } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
let me: Awaited<ReturnType<TestApp['as']>>;
let colleague: Awaited<ReturnType<TestApp['as']>>;
beforeEach(async () => {
  t = await createTestApp();
  me = await t.as('lawyer');
  colleague = await t.as('secretary');
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const list = async (who: Who) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/saved-views?scope=clients', headers: who.headers })).json() as ListResponse<SavedView>;
const create = (who: Who, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/saved-views', headers: who.headers, payload });
const remove = (who: Who, id: string) => t.app.inject({ method: 'DELETE', url: `/api/v1/saved-views/${id}`, headers: who.headers });
const aGrade = { scope: 'clients', name: '优质客户', query: { grade: 'A', sort: '-updatedAt', noContactDays: 90, q: null } };

describe('saved views (C-9)', () => {
  it("creates, lists and deletes the caller's own views", async () => {
    const res = await create(me, aGrade);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as SavedView;
    expect(view).toMatchObject({ scope: 'clients', name: '优质客户', query: aGrade.query, createdAt: t.clock.now().toISOString() });
    await create(me, { ...aGrade, name: '久未联系', query: { noContactDays: 180 } });
    expect((await list(me)).items.map((v) => v.name)).toEqual(['久未联系', '优质客户']);
    expect((await remove(me, view.id)).statusCode).toBe(204);
    expect((await list(me)).items.map((v) => v.name)).toEqual(['久未联系']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'saved_view').where('entity_id', '=', view.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });

  it("keeps each person's views apart: others neither see nor delete them", async () => {
    const view = (await create(me, aGrade)).json() as SavedView;
    expect(await list(colleague)).toEqual({ items: [], nextCursor: null, total: 0 });
    expectError(await remove(colleague, view.id), 404, 'not_found');
    // the same name is free for someone else
    expect((await create(colleague, aGrade)).statusCode).toBe(201);
    expect((await list(me)).total).toBe(1);
  });

  it('answers 409 to a duplicate name, 400 to a bad scope or query and 401 to anonymous callers', async () => {
    await create(me, aGrade);
    const dup = expectError(await create(me, { ...aGrade, query: {} }), 409, 'conflict');
    expect(dup.details).toEqual([{ field: 'name', message: expect.any(String) }]);
    const bad = expectError(await create(me, { scope: 'matters', name: ' ', query: { nested: { a: 1 } } }), 400, 'validation_failed');
    expect((bad.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['name', 'query.nested', 'scope']);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/saved-views', headers: me.headers }), 400, 'validation_failed');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/saved-views?scope=clients' }), 401, 'unauthenticated');
    expect((await list(me)).total).toBe(1);
  });
});
