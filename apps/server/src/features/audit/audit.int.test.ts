import type { AuditEvent, ListResponse, Team, User } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['as']>>;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterEach(async () => {
  await t.close();
});

const IP = '192.168.10.20';
const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, remoteAddress: IP, ...(payload ? { payload } : {}) });

async function events(query = ''): Promise<ListResponse<AuditEvent>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?${query}`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListResponse<AuditEvent>;
}

/** Runs a write and returns the audit events it added (exactly those). */
async function audited(write: () => Promise<{ statusCode: number }>): Promise<AuditEvent[]> {
  const before = await events('limit=200');
  const res = await write();
  expect(res.statusCode).toBeLessThan(300);
  const after = await events('limit=200');
  const old = new Set(before.items.map((e) => e.id));
  return after.items.filter((e) => !old.has(e.id));
}

describe('audit trail of users and teams (X-7)', () => {
  it('records one event per write with actor, action, entity, before/after and ip', async () => {
    let team!: Team;
    const added = await audited(async () => {
      const res = await call('POST', '/teams', { name: '诉讼部', description: '民商事' });
      team = res.json() as Team;
      return res;
    });
    expect(added).toHaveLength(1);
    const created = added[0]!;
    expect(created).toMatchObject({
      actorId: admin.user.id,
      actorName: admin.user.name,
      action: 'create',
      entity: 'team',
      entityId: team.id,
      before: null,
      ip: IP,
      at: t.clock.now().toISOString(),
    });
    expect(created.after).toMatchObject({ name: '诉讼部', description: '民商事' });

    const updated = await audited(() => call('PATCH', `/teams/${team.id}`, { name: '争议解决部' }));
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ action: 'update', before: { name: '诉讼部' }, after: { name: '争议解决部' } });

    const deleted = await audited(() => call('DELETE', `/teams/${team.id}`));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ action: 'delete', entityId: team.id, after: null });
    expect(deleted[0]!.before).toMatchObject({ name: '争议解决部' });
  });

  it('never copies the password hash into user events', async () => {
    let user!: User;
    const [created] = await audited(async () => {
      const res = await call('POST', '/users', { name: '孙雨桐', email: 'syt@example.cn', role: 'assistant', password: 'Long-enough-1' });
      user = res.json() as User;
      return res;
    });
    expect(created).toMatchObject({ action: 'create', entity: 'user', entityId: user.id });
    expect(created!.after).toMatchObject({ name: '孙雨桐', email: 'syt@example.cn', role: 'assistant' });

    const writes = [
      () => call('PATCH', `/users/${user.id}`, { role: 'secretary', name: '孙雨彤' }),
      () => call('POST', `/users/${user.id}/deactivate`),
      () => call('POST', `/users/${user.id}/activate`),
      () => call('POST', `/users/${user.id}/reset-password`, { password: 'Another-passw0rd' }),
    ];
    const all = [created!];
    for (const write of writes) {
      const added = await audited(write);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ action: 'update', entity: 'user', entityId: user.id, actorId: admin.user.id, ip: IP });
      all.push(added[0]!);
    }
    expect(all[1]).toMatchObject({ before: { role: 'assistant', name: '孙雨桐' }, after: { role: 'secretary', name: '孙雨彤' } });
    expect(all[2]).toMatchObject({ before: { active: 1 }, after: { active: 0 } });
    const rows = await t.db.selectFrom('audit_events').select(['before', 'after']).execute();
    expect(JSON.stringify(rows)).not.toMatch(/password_hash|argon2/);
  });

  it('writes nothing to the trail when the write fails (409)', async () => {
    const a = await t.factory.user('lawyer', { email: 'a@example.cn' });
    await t.factory.user('lawyer', { email: 'b@example.cn' });
    const full = await t.factory.team('刑事部');
    await t.factory.user('lawyer', { teamId: full.id });
    const before = await t.count('audit_events');
    expectError(await call('PATCH', `/users/${a.id}`, { email: 'b@example.cn', name: '新名字' }), 409, 'conflict');
    expectError(await call('DELETE', `/teams/${full.id}`), 409, 'conflict');
    expectError(await call('POST', '/teams', { name: '刑事部' }), 409, 'conflict');
    expect(await t.count('audit_events')).toBe(before);
    const row = await t.db.selectFrom('users').select('name').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.name).not.toBe('新名字');
  });

  it('rolls the change back when its audit row cannot be written (same transaction)', async () => {
    const team = await t.factory.team('税务部');
    await t.db.schema.alterTable('audit_events').renameTo('audit_events_off').execute();
    try {
      const res = await call('PATCH', `/teams/${team.id}`, { name: '税务与海关部' });
      const err = expectError(res, 500, 'internal');
      expect(err.details).toBeNull();
      expect(res.body).not.toMatch(/audit_events|relation|table|stack|at .*\.ts/i);
      expectError(await call('POST', '/teams', { name: '新团队' }), 500, 'internal');
    } finally {
      await t.db.schema.alterTable('audit_events_off').renameTo('audit_events').execute();
    }
    const rows = await t.db.selectFrom('teams').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['税务部']);
  });

  it('does not record a no-op update', async () => {
    const team = await t.factory.team('房地产部');
    const added = await audited(() => call('PATCH', `/teams/${team.id}`, { name: '房地产部' }));
    expect(added).toEqual([]);
  });
});
