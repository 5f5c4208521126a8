import type { ListResponse, Team } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
let headers: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp();
  headers = (await t.as('admin')).headers;
});
afterEach(async () => {
  await t.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/teams${url}`, headers, ...(payload ? { payload } : {}) });

async function list(query: string): Promise<ListResponse<Team>> {
  const res = await call('GET', `?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListResponse<Team>;
}

describe('teams CRUD', () => {
  it('creates, gets and updates a team', async () => {
    const created = await call('POST', '', { name: ' 诉讼部 ', description: '民商事诉讼与仲裁' });
    expect(created.statusCode).toBe(201);
    const team = created.json() as Team;
    expect(team).toMatchObject({ name: '诉讼部', description: '民商事诉讼与仲裁', memberCount: 0, createdAt: t.clock.now().toISOString() });

    expect((await call('GET', `/${team.id}`)).json()).toEqual(team);
    t.clock.advance(60_000);
    const renamed = await call('PATCH', `/${team.id}`, { name: '争议解决部' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: team.id, name: '争议解决部', description: '民商事诉讼与仲裁', updatedAt: t.clock.now().toISOString() });
    const cleared = await call('PATCH', `/${team.id}`, { description: null });
    expect((cleared.json() as Team).description).toBeNull();
  });

  it('counts members', async () => {
    const team = await t.factory.team('公司商事部');
    await t.factory.user('lawyer', { teamId: team.id });
    await t.factory.user('assistant', { teamId: team.id });
    expect(((await call('GET', `/${team.id}`)).json() as Team).memberCount).toBe(2);
    const listed = await list('');
    expect(listed.items.find((x) => x.id === team.id)?.memberCount).toBe(2);
  });

  it('answers a duplicate name with 409, on create and on rename', async () => {
    await t.factory.team('知识产权部');
    const other = await t.factory.team('税务部');
    const err = expectError(await call('POST', '', { name: '知识产权部' }), 409, 'conflict');
    expect(err.details).toEqual([{ field: 'name', message: expect.any(String) }]);
    expectError(await call('PATCH', `/${other.id}`, { name: '知识产权部' }), 409, 'conflict');
    expect(await t.count('teams')).toBe(2);
    // Renaming a team to its own name is not a conflict.
    expect((await call('PATCH', `/${other.id}`, { name: '税务部' })).statusCode).toBe(200);
  });

  it('answers simultaneous creates of one name with one 201 and 409s, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(Array.from({ length: 4 }, () => call('POST', '', { name: `并发部${round}` })));
      expect(results.map((r) => r.statusCode).sort(), `round ${round}`).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'conflict');
    }
    expect(await t.count('teams')).toBe(5);
    expect(await t.count('audit_events')).toBe(1 + 5); // the admin's creation, then one per team
  });

  it('refuses to delete a team with members (409) and deletes an empty one (204)', async () => {
    const full = await t.factory.team('刑事部');
    const member = await t.factory.user('lawyer', { teamId: full.id });
    expectError(await call('DELETE', `/${full.id}`), 409, 'conflict');
    expect((await call('GET', `/${full.id}`)).statusCode).toBe(200);

    await t.db.updateTable('users').set({ team_id: null }).where('id', '=', member.id).execute();
    const res = await call('DELETE', `/${full.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectError(await call('GET', `/${full.id}`), 404, 'not_found');
    expectError(await call('DELETE', `/${full.id}`), 404, 'not_found');
  });

  it('404s an unknown team on get and update', async () => {
    expectError(await call('GET', '/0199b6a0-0000-7000-8000-000000000000'), 404, 'not_found');
    expectError(await call('PATCH', '/0199b6a0-0000-7000-8000-000000000000', { name: 'x' }), 404, 'not_found');
  });

  it('validates names: required, at most 50 characters, no unknown fields', async () => {
    const empty = expectError(await call('POST', '', { name: '   ' }), 400, 'validation_failed');
    expect((empty.details as { field: string }[]).map((d) => d.field)).toEqual(['name']);
    expectError(await call('POST', '', { name: '部'.repeat(51) }), 400, 'validation_failed');
    expect((await call('POST', '', { name: '部'.repeat(50) })).statusCode).toBe(201);
    const extra = expectError(await call('POST', '', { name: 'x', memberCount: 3 }), 400, 'validation_failed');
    expect((extra.details as { field: string }[]).map((d) => d.field)).toEqual(['memberCount']);
  });
});

describe('GET /api/v1/teams', () => {
  it('filters by q, case-insensitively and literally', async () => {
    const tax = await t.factory.team('Tax Group');
    const ip = await t.factory.team('知识产权部');
    await t.factory.team('100% 诉讼');
    await t.factory.team('Corporate');
    expect((await list('q=tax')).items.map((x) => x.id)).toEqual([tax.id]);
    expect((await list('q=TAX%20g')).total).toBe(1);
    expect((await list(`q=${encodeURIComponent('产权')}`)).items.map((x) => x.id)).toEqual([ip.id]);
    expect((await list('q=%25')).total).toBe(1);
    expect((await list('q=_')).total).toBe(0);
  });

  it('walks every team exactly once with the right total', async () => {
    for (let i = 0; i < 11; i++) await t.factory.team(`团队${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListResponse<Team> = await list(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(11);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(11);
    expectError(await call('GET', '?limit=201'), 400, 'validation_failed');
  });
});
