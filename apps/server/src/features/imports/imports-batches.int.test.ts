import type { Import } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.js';
import { createFilesTestApp, runImport, startImport, uscc, xlsx } from './imports.fixtures.js';
import { BATCH_ROWS } from './imports.runner.js';
import { createImportRecord, failAbandoned, heartbeatKey } from './imports.service.js';

let t: TestApp;
beforeEach(async () => {
  t = await createFilesTestApp();
});
afterEach(async () => {
  await t.close();
});

const clientCount = async () => Number((await t.db.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('large imports', () => {
  it('imports 3,000 rows in whole batches, reporting progress as it goes', async () => {
    const { headers } = await t.as('lawyer');
    const rows = Array.from({ length: 3000 }, (_, i) => [`批量客户${i}有限公司`, '单位', uscc(i), `0571-${String(10_000_000 + i)}`, '制造业', 1000 + i, '批量']);
    const file = await xlsx([['客户名称', '类型', '统一社会信用代码', '电话', '行业', '小时费率(元)', '标签'], ...rows]);
    const res = await startImport(t, headers, file, '三千行.xlsx');
    expect(res.statusCode).toBe(202);
    const started = res.json() as Import;
    expect(started.totalRows).toBe(3000);

    const seen = new Set<number>();
    let current = started;
    while (current.status === 'queued' || current.status === 'running') {
      seen.add(current.processedRows);
      await new Promise((r) => setTimeout(r, 20));
      current = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${started.id}`, headers })).json() as Import;
    }
    expect(current).toMatchObject({ status: 'done', processedRows: 3000, totalRows: 3000, createdCount: 3000, errorCount: 0 });
    for (const n of seen) expect(n % BATCH_ROWS, `progress ${n}`).toBe(0);
    expect(await clientCount()).toBe(3000);
    const sample = await t.db.selectFrom('clients').selectAll().where('uscc', '=', uscc(2999)).executeTakeFirstOrThrow();
    expect(sample).toMatchObject({ name: '批量客户2999有限公司', industry: 'C', hourly_rate_fen: 399_900, phone: '0571-10002999' });
    expect(await t.count('audit_events')).toBeGreaterThanOrEqual(3000);

    // the same file again: every row found by its USCC, nothing written
    const again = await runImport(t, headers, file, '三千行.xlsx');
    expect(again).toMatchObject({ status: 'done', createdCount: 0, updatedCount: 0, unchangedCount: 3000 });
  }, 90_000);

  it('keeps the whole batches written before a file fails part-way, and says so', async () => {
    const { headers } = await t.as('lawyer');
    const lines = Array.from({ length: 1200 }, (_, i) => `客户${i}有限公司,0571-${10_000_000 + i}`);
    // an opening quote never closed: the CSV cannot be read past this point
    const csv = Buffer.from(['客户名称,电话', ...lines, '"未闭合的引号,1'].join('\r\n'));
    const done = await runImport(t, headers, csv, 'broken.csv');
    expect(done).toMatchObject({ status: 'failed', processedRows: 2 * BATCH_ROWS, createdCount: 2 * BATCH_ROWS, finishedAt: expect.any(String) });
    expect(done.message).toContain(`前 ${2 * BATCH_ROWS} 行`);
    expect(await clientCount()).toBe(2 * BATCH_ROWS);
  });
});

describe('shutdown', () => {
  it('stops a running import after its current batch when the server closes, and marks it failed', async () => {
    const { headers } = await t.as('lawyer');
    const rows = Array.from({ length: 2000 }, (_, i) => [`停机客户${i}有限公司`, `0571-${10_000_000 + i}`]);
    const res = await startImport(t, headers, await xlsx([['客户名称', '电话'], ...rows]), 'a.xlsx');
    const { id } = res.json() as Import;
    await t.app.close();
    const row = await t.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', message: expect.stringContaining('服务停止') });
    expect(row.processed_rows % BATCH_ROWS).toBe(0);
    expect(await clientCount()).toBe(row.created_count);
  });
});

describe('imports left behind by a dead process', () => {
  it('marks a running import failed once its heartbeat is stale, but not one that is alive', async () => {
    const user = await t.factory.user('lawyer');
    const actor = { id: user.id, name: user.name, role: 'lawyer' as const, teamId: null, locale: 'zh-CN' as const };
    const record = (fileName: string) => createImportRecord(t.db, t.clock, actor, { fileName, format: 'xlsx', dryRun: false, mapping: { 客户名称: 'name' }, totalRows: 10 });
    const dead = await record('dead.xlsx');
    const alive = await record('alive.xlsx');
    await t.db.updateTable('imports').set({ status: 'running', processed_rows: 500 }).execute();

    await failAbandoned(t.db, t.clock, new Set(), 120_000);
    expect((await t.db.selectFrom('imports').select('status').execute()).map((r) => r.status)).toEqual(['running', 'running']);

    t.clock.advance(5 * 60_000);
    await t.db.updateTable('meta').set({ value: t.clock.now().toISOString() }).where('key', '=', heartbeatKey(alive.id)).execute();
    const session = await t.login(user.email);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${dead.id}`, headers });
    expect(res.json()).toMatchObject({ status: 'failed', processedRows: 500, message: expect.stringContaining('前 500 行已保存') });
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${alive.id}`, headers });
    expect(other.json()).toMatchObject({ status: 'running' });
    expect(await t.db.selectFrom('meta').select('key').where('key', '=', heartbeatKey(dead.id)).execute()).toEqual([]);
  });
});
