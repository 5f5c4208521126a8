import type { Team, User } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../test/harness.js';
import { Conflict } from './errors.js';

let t: TestApp;
let headers: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({
    setup: (app) => {
      app.get('/api/v1/test/boom', { config: { access: 'public' } }, async () => {
        throw new Error('connection to 10.0.0.5:5432 failed; password=hunter2');
      });
      app.get('/api/v1/test/conflict', { config: { access: 'public' } }, async () => {
        throw new Conflict(undefined, [{ field: 'x', message: 'taken' }]);
      });
    },
  });
  headers = (await t.as('admin')).headers;
});
afterEach(async () => {
  await t.close();
});

const postTeam = (payload: string | object, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { ...headers, 'content-type': 'application/json', ...extra }, payload });

describe('request bodies', () => {
  it('answers malformed JSON with 400 bad_request', async () => {
    const before = await t.count('teams');
    const err = expectError(await postTeam('{"name": "诉讼部",'), 400, 'bad_request');
    expect(err.details).toBeNull();
    expect(await t.count('teams')).toBe(before);
  });

  it('answers wrong types with 400 validation_failed and one detail per field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { name: 42, email: true, role: 'lawyer', password: 'Long-enough-1' } });
    const err = expectError(res, 400, 'validation_failed');
    const details = err.details as { field: string; message: string }[];
    expect(details.map((d) => d.field).sort()).toEqual(['email', 'name']);
    for (const d of details) {
      expect(Object.keys(d).sort()).toEqual(['field', 'message']);
      expect(d.message.length).toBeGreaterThan(0);
    }
  });

  it('names unknown body fields instead of dropping them silently', async () => {
    const err = expectError(await postTeam({ name: '诉讼部', colour: 'red' }), 400, 'validation_failed');
    expect(err.details).toEqual([{ field: 'colour', message: expect.any(String) }]);
    expect(await t.count('teams')).toBe(0);
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const res = await postTeam({ name: '诉讼部', description: 'x'.repeat(1024 * 1024) });
    expectError(res, 413, 'payload_too_large');
    expect(await t.count('teams')).toBe(0);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { ...headers, 'content-type': 'application/xml' }, payload: '<name>x</name>' });
    expectError(res, 415, 'unsupported_media_type');
    expect(await t.count('teams')).toBe(0);
  });
});

describe('URLs', () => {
  it('answers an unknown /api route with 404 not_found, signed in or not', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/nothing-here'],
      ['GET', '/api/nothing'],
      ['DELETE', '/api/v1/users'],
    ] as const) {
      expectError(await t.app.inject({ method, url, headers }), 404, 'not_found');
      expectError(await t.app.inject({ method, url }), 404, 'not_found');
    }
  });

  it('answers an over-long path parameter with 414 uri_too_long', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/users/${'a'.repeat(201)}`, headers });
    expectError(res, 414, 'uri_too_long');
    // At the limit the route is found and the id validated instead.
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/users/${'a'.repeat(200)}`, headers }), 400, 'validation_failed');
  });

  it('answers a bad URL escape with 400 bad_request', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users/%E0%A4%A', headers }), 400, 'bad_request');
  });
});

describe('unexpected errors', () => {
  it('answers 500 internal without the message, stack or internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    const err = expectError(res, 500, 'internal');
    expect(err.details).toBeNull();
    expect(res.body).not.toMatch(/hunter2|5432|10\.0\.0\.5|stack|Error:|\.ts/);
  });

  it('passes a domain error through with its status, code and details', async () => {
    const err = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/test/conflict' }), 409, 'conflict');
    expect(err.details).toEqual([{ field: 'x', message: 'taken' }]);
  });
});

describe('hostile text is stored as text', () => {
  it('keeps SQL and HTML verbatim, and the users table survives', async () => {
    const sqlName = "'; drop table users; --";
    const html = '<script>alert("x")</script>';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { name: sqlName, email: 'robert@example.cn', role: 'lawyer', password: 'Long-enough-1' },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json() as User;
    expect(user.name).toBe(sqlName);
    const team = (await postTeam({ name: html, description: `${sqlName} ${html}` })).json() as Team;
    expect(team.name).toBe(html);

    const back = (await t.app.inject({ method: 'GET', url: `/api/v1/teams/${team.id}`, headers })).json() as Team;
    expect(back.description).toBe(`${sqlName} ${html}`);
    expect(await t.db.selectFrom('users').select('name').where('id', '=', user.id).executeTakeFirstOrThrow()).toEqual({ name: sqlName });
    expect(await t.count('users')).toBe(2);
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent("'; drop")}`, headers });
    expect((found.json() as { items: User[] }).items.map((u) => u.id)).toEqual([user.id]);
  });
});

describe('message language', () => {
  it('follows Accept-Language: en-US in English, zh-CN in Chinese', async () => {
    const en = expectError(await postTeam({ name: 5 }, { 'accept-language': 'en-US,en;q=0.9' }), 400, 'validation_failed');
    expect(en.message).toBe('Some fields are invalid; please check them');
    expect((en.details as { message: string }[])[0]!.message).toMatch(/expected string/i);
    const zh = expectError(await postTeam({ name: 5 }, { 'accept-language': 'zh-CN' }), 400, 'validation_failed');
    expect(zh.message).toBe('提交的内容有误，请检查标出的字段');
    expect((zh.details as { message: string }[])[0]!.message).toMatch(/[\u4e00-\u9fff]/);

    const anon = { 'accept-language': 'en-US' };
    expect(expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: anon }), 401, 'unauthenticated').message).toBe('Please sign in');
    expect(expectError(await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: anon }), 404, 'not_found').message).toBe('Not found');
  });

  it('defaults to Chinese', async () => {
    const err = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/users' }), 401, 'unauthenticated');
    expect(err.message).toBe('请先登录');
  });
});
