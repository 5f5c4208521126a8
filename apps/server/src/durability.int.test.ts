import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect } from './test/harness.js';
import { TEST_DATABASE_URL } from './test/pg-url.js';
import { freePort, spawnServer, waitHealthy, type Spawned } from './test/spawn-server.js';

const PASSWORD = 'Durable-Passw0rd!';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-durable-'));
const schema = `d_${randomBytes(5).toString('hex')}`;
const env: Record<string, string> = { DATA_DIR: dataDir, RETAINER_DEMO_PASSWORD: PASSWORD };
if (dialect === 'postgres') {
  env.DATABASE_URL = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function signIn(s: Spawned) {
  const res = await fetch(`${s.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin@retainer.test', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

async function teamNames(s: Spawned, headers: Record<string, string>): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor: string | null = null;
  do {
    const url = `${s.url}/api/v1/teams?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const body = (await (await fetch(url, { headers })).json()) as { items: { name: string }[]; nextCursor: string | null };
    for (const t of body.items) names.add(t.name);
    cursor = body.nextCursor;
  } while (cursor);
  return names;
}

describe('Z-4 durability: kill -9 loses no acknowledged write', () => {
  beforeAll(async () => {
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
    }
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  });

  it('finds every acknowledged write after SIGKILL mid-load and a restart', async () => {
    const first = spawnServer(env, await freePort());
    await waitHealthy(first);
    const headers = await signIn(first);

    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const name = `耐久团队-${++n}`;
        try {
          const res = await fetch(`${first.url}/api/v1/teams`, { method: 'POST', headers, body: JSON.stringify({ name }) });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.exited;

    const second = spawnServer(env, await freePort());
    try {
      await waitHealthy(second);
      const names = await teamNames(second, await signIn(second));
      const missing = acknowledged.filter((name) => !names.has(name));
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);
      expect(missing).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    if (dialect === 'postgres') {
      // Z-2: on PostgreSQL several instances may share the database by design.
      const a = spawnServer(env, await freePort());
      const b = spawnServer(env, await freePort());
      try {
        await Promise.all([waitHealthy(a), waitHealthy(b)]);
      } finally {
        a.child.kill('SIGTERM');
        b.child.kill('SIGTERM');
        await Promise.all([a.exited, b.exited]);
      }
      return;
    }
    const a = spawnServer(env, await freePort());
    try {
      await waitHealthy(a);
      const b = spawnServer(env, await freePort());
      const code = await b.exited;
      expect(code).toBe(2);
      expect(b.output()).toContain('Another Retainer process');
      expect(b.output()).toContain(dataDir);
      // The first server is unharmed.
      expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
    } finally {
      a.child.kill('SIGTERM');
      await a.exited;
    }
  });
});
