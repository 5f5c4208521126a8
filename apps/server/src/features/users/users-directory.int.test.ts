import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /users/directory', () => {
  it('lists active people with names, roles and teams only, for anyone who works with clients', async () => {
    const team = await t.factory.team('知识产权部');
    const lawyer = await t.as('lawyer', { teamId: team.id });
    const manager = await t.factory.user('client_manager', { teamId: team.id, name: '客户经理甲' });
    const gone = await t.factory.user('lawyer', { name: '已离职律师' });
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', gone.id).execute();

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/directory?role=client_manager', headers: lawyer.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Record<string, unknown>[]; total: number };
    expect(body.items).toEqual([{ id: manager.id, name: '客户经理甲', role: 'client_manager', teamId: team.id, teamName: '知识产权部' }]);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/users/directory', headers: lawyer.headers })).json() as { items: { id: string }[] };
    expect(all.items.map((u) => u.id)).not.toContain(gone.id);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users/directory' }), 401, 'unauthenticated');
  });
});
