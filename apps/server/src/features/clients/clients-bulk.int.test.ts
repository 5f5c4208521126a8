import type { Client, ClientBulkResponse, ClientListResponse } from '@retainer/shared';
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

const URL = '/api/v1/clients/bulk';
type Who = { headers: Record<string, string> };

async function bulk(who: Who, body: unknown, locale?: string) {
  const headers = locale ? { ...who.headers, 'accept-language': locale } : who.headers;
  const res = await t.app.inject({ method: 'POST', url: URL, headers, payload: body as object });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClientBulkResponse;
}

async function read(id: string, who: Who = f.partner) {
  const res = await get(t, `/api/v1/clients/${id}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Client;
}

async function auditOf(id: string) {
  const rows = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'client').where('entity_id', '=', id).orderBy('at').execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor_id, before: JSON.parse(r.before ?? 'null'), after: JSON.parse(r.after ?? 'null') }));
}

async function timelineOf(id: string, kind: string) {
  const res = await get(t, `/api/v1/clients/${id}/timeline?kind=${kind}`, f.partner);
  return (res.json() as { items: { kind: string; actorId: string | null; data: Record<string, unknown> }[] }).items;
}

async function search(who: Who, q: string) {
  const res = await get(t, `/api/v1/clients?q=${encodeURIComponent(q)}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ClientListResponse).items.map((c) => c.id).sort();
}

describe('bulk tags (C-9)', () => {
  it('adds and removes tags on several clients through the single edit: audit, timeline and search follow', async () => {
    const a = f.client; // VIP, 高新技术
    const b = await f.create(f.lawyerA, { kind: 'organisation', name: '宁波海港物流有限公司', tags: ['VIP'] });
    const c = await f.create(f.lawyerA, { kind: 'individual', name: '王小明' });

    // audit rows are read in time order: each step happens a minute after the last
    t.clock.advance(60_000);
    const added = await bulk(f.lawyerA, { action: 'addTags', ids: [a.id, b.id, c.id], tags: ['重点维护', 'VIP'] });
    expect(added).toEqual({
      succeeded: 3,
      failed: 0,
      results: [a.id, b.id, c.id].map((id) => ({ id, ok: true })),
    });
    expect((await read(a.id)).tags.sort()).toEqual(['VIP', '重点维护', '高新技术'].sort());
    expect((await read(b.id)).tags.sort()).toEqual(['VIP', '重点维护'].sort());
    expect((await read(c.id)).tags.sort()).toEqual(['VIP', '重点维护'].sort());

    const auditB = await auditOf(b.id);
    expect(auditB.map((r) => r.action)).toEqual(['create', 'update']);
    expect(auditB[1]).toMatchObject({ actor: f.lawyerA.user.id, before: { tags: ['VIP'] }, after: { tags: ['VIP', '重点维护'] } });
    const updated = await timelineOf(c.id, 'client_updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ actorId: f.lawyerA.user.id, data: { fields: ['tags'] } });
    // the search index knows the new tag
    expect(await search(f.lawyerA, '重点维护')).toEqual([a.id, b.id, c.id].sort());

    t.clock.advance(60_000);
    const removed = await bulk(f.lawyerA, { action: 'removeTags', ids: [a.id, c.id], tags: ['VIP', '重点维护'] });
    expect(removed.succeeded).toBe(2);
    expect((await read(a.id)).tags).toEqual(['高新技术']);
    expect((await read(c.id)).tags).toEqual([]);
    const lastA = (await auditOf(a.id)).at(-1)!;
    expect([...lastA.before.tags].sort()).toEqual(['VIP', '重点维护', '高新技术'].sort());
    expect(lastA.after).toEqual({ tags: ['高新技术'] });
    expect(await search(f.lawyerA, '重点维护')).toEqual([b.id]);
  });

  it('a client that already has the tag succeeds without a new audit row', async () => {
    const before = await t.count('audit_events');
    const res = await bulk(f.lawyerA, { action: 'addTags', ids: [f.client.id], tags: [' VIP '] });
    expect(res).toEqual({ succeeded: 1, failed: 0, results: [{ id: f.client.id, ok: true }] });
    expect(await t.count('audit_events')).toBe(before);
  });

  it('answers not_found for clients the user may not see, never their details, while the others succeed', async () => {
    const hidden = await f.create(f.lawyerB, { kind: 'organisation', name: '深圳保密科技有限公司', tags: ['机密'] });
    const mine = await f.create(f.lawyerA, { kind: 'individual', name: '李娜' });
    const ids = [f.client.id, hidden.id, 'no-such-client', mine.id];

    const res = await bulk(f.lawyerA, { action: 'addTags', ids, tags: ['年度回访'] });
    expect(res.succeeded).toBe(2);
    expect(res.failed).toBe(2);
    expect(res.results.map((r) => r.id)).toEqual(ids);
    const notFound = { ok: false, error: { code: 'not_found', message: '记录不存在或您无权查看' } };
    expect(res.results[1]).toEqual({ id: hidden.id, ...notFound });
    // a hidden client reads exactly like one that does not exist
    expect(res.results[2]).toEqual({ id: 'no-such-client', ...notFound });
    expect(JSON.stringify(res)).not.toContain('深圳保密');
    expect(JSON.stringify(res)).not.toContain('机密');

    expect((await read(hidden.id)).tags).toEqual(['机密']);
    expect((await auditOf(hidden.id)).map((r) => r.action)).toEqual(['create']);
    expect((await read(mine.id)).tags).toEqual(['年度回访']);
    expect((await read(f.client.id)).tags).toContain('年度回访');

    // messages follow the request's language like every other error
    const en = await bulk(f.lawyerA, { action: 'removeTags', ids: [hidden.id], tags: ['机密'] }, 'en-US');
    expect(en.results).toEqual([{ id: hidden.id, ok: false, error: { code: 'not_found', message: 'Not found' } }]);
    expect((await read(hidden.id)).tags).toEqual(['机密']);
  });

  it('refuses only the client whose tag list would pass 30; the others are kept', async () => {
    const full = await f.create(f.lawyerA, {
      kind: 'individual',
      name: '标签很多的客户',
      tags: Array.from({ length: 30 }, (_, i) => `标签${i + 1}`),
    });
    const res = await bulk(f.lawyerA, { action: 'addTags', ids: [full.id, f.client.id], tags: ['新标签'] });
    expect(res.succeeded).toBe(1);
    expect(res.results[0]).toEqual({ id: full.id, ok: false, error: { code: 'validation_failed', message: '添加后标签将超过 30 个上限' } });
    expect(res.results[1]).toEqual({ id: f.client.id, ok: true });
    expect((await read(full.id)).tags).toHaveLength(30);
    expect((await read(f.client.id)).tags).toContain('新标签');
  });
});

describe('bulk transfer (X-5)', () => {
  it('is forbidden per client for a lawyer and changes nothing', async () => {
    const mine = await f.create(f.lawyerA, { kind: 'individual', name: '赵六' });
    const before = await t.count('audit_events');
    const res = await bulk(f.lawyerA, { action: 'transfer', ids: [f.client.id, mine.id], ownerId: f.lawyerB.user.id, reason: '调整分工' });
    const forbidden = { ok: false, error: { code: 'forbidden', message: '您没有执行此操作的权限' } };
    expect(res).toEqual({ succeeded: 0, failed: 2, results: [{ id: f.client.id, ...forbidden }, { id: mine.id, ...forbidden }] });
    expect(await t.count('audit_events')).toBe(before);
    expect((await read(mine.id)).ownerId).toBe(f.lawyerA.user.id);
  });

  it('moves each client for a partner, with reason in audit and timeline; a bad owner is validation_failed', async () => {
    const second = await f.create(f.lawyerA, { kind: 'individual', name: '钱七' });
    // audit rows are read in id order: the transfer's must come after the creation's
    t.clock.advance(1000);
    const res = await bulk(f.partner, {
      action: 'transfer',
      ids: [f.client.id, second.id],
      ownerId: f.lawyerB.user.id,
      managerId: f.otherManager.user.id,
      reason: '律师离职',
    });
    expect(res).toEqual({ succeeded: 2, failed: 0, results: [{ id: f.client.id, ok: true }, { id: second.id, ok: true }] });
    for (const id of [f.client.id, second.id]) {
      expect(await read(id)).toMatchObject({ ownerId: f.lawyerB.user.id, managerId: f.otherManager.user.id, teamId: f.teamB.id });
      const feed = await timelineOf(id, 'owner_changed');
      expect(feed).toHaveLength(1);
      expect(feed[0]!.data).toMatchObject({ reason: '律师离职', toNames: { owner: f.lawyerB.user.name } });
      expect((await auditOf(id)).at(-1)).toMatchObject({ actor: f.partner.user.id, after: { owner_id: f.lawyerB.user.id, reason: '律师离职' } });
    }
    // the former owner no longer sees them
    expect(await search(f.lawyerA, '钱七')).toEqual([]);

    const bad = await bulk(f.partner, { action: 'transfer', ids: [second.id], ownerId: f.assistantA.user.id, reason: '测试' });
    expect(bad.results).toEqual([
      { id: second.id, ok: false, error: { code: 'validation_failed', message: '新主办律师须为在职的律师或合伙人' } },
    ]);
    expect((await read(second.id)).ownerId).toBe(f.lawyerB.user.id);
  });

  it('requires a non-empty reason', async () => {
    const body = { action: 'transfer', ids: [f.client.id], ownerId: f.lawyerB.user.id };
    expectError(await send(t, 'POST', URL, f.partner, body), 400, 'validation_failed');
    const blank = expectError(await send(t, 'POST', URL, f.partner, { ...body, reason: '   ' }), 400, 'validation_failed');
    expect((blank.details as { field: string }[]).map((d) => d.field)).toEqual(['reason']);
    expect((await read(f.client.id)).ownerId).toBe(f.lawyerA.user.id);
  });
});

describe('bulk request validation', () => {
  it('answers 400 for empty, too many, duplicate ids, unknown actions and fields, writing nothing', async () => {
    const before = await t.count('audit_events');
    const tags = ['VIP2'];
    const cases: { body: unknown; field: string }[] = [
      { body: { action: 'addTags', ids: [], tags }, field: 'ids' },
      { body: { action: 'addTags', ids: Array.from({ length: 201 }, (_, i) => `id-${i}`), tags }, field: 'ids' },
      { body: { action: 'addTags', ids: [f.client.id, f.client.id], tags }, field: 'ids' },
      { body: { action: 'delete', ids: [f.client.id] }, field: 'action' },
      { body: { action: 'addTags', ids: [f.client.id], tags: [] }, field: 'tags' },
      { body: { action: 'addTags', ids: [f.client.id], tags, ownerId: f.lawyerB.user.id }, field: 'ownerId' },
    ];
    for (const c of cases) {
      const err = expectError(await send(t, 'POST', URL, f.lawyerA, c.body), 400, 'validation_failed');
      expect((err.details as { field: string }[]).map((d) => d.field), JSON.stringify(c.body).slice(0, 80)).toContain(c.field);
    }
    // 200 ids is the limit, not an error
    const ok = await bulk(f.lawyerA, { action: 'addTags', ids: [f.client.id, ...Array.from({ length: 199 }, (_, i) => `id-${i}`)], tags });
    expect(ok.succeeded).toBe(1);
    expect(ok.failed).toBe(199);
    expect(await t.count('audit_events')).toBe(before + 1);
  });

  it('is forbidden outright to roles that may not edit clients', async () => {
    expectError(await send(t, 'POST', URL, f.secretary, { action: 'addTags', ids: [f.client.id], tags: ['x'] }), 403, 'forbidden');
    expect((await read(f.client.id)).tags).toEqual(['VIP', '高新技术']);
  });
});
