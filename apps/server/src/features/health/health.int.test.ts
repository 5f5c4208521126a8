import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, dialect, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /api/health', () => {
  it('reports ok, the dialect in use and the version, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: dialect, version: t.config.version });
    expect(t.config.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the /api/v1 routes as OpenAPI 3', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/teams', '/api/v1/audit-events']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
