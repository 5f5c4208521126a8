import fs from 'node:fs';
import path from 'node:path';
import type { ClientListItem, Export, Notification } from '@retainer/shared';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilesTestApp } from '../imports/imports.fixtures.js';
import { expectError, type TestApp } from '../../test/harness.js';
import { expireExports } from './exports.expiry.js';
import { createScheduler, runDueJobs } from '../../plugins/scheduler.js';
import { exportHousekeepingJob } from './exports.jobs.js';

let t: TestApp;
beforeEach(async () => {
  t = await createFilesTestApp();
});
afterEach(async () => {
  await t.close();
});

type Headers = Record<string, string>;
const post = (headers: Headers, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
const get = (headers: Headers, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

async function client(headers: Headers, payload: object) {
  const res = await post(headers, '/clients', payload);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

/** Two lawyers of one team (each sees the other's clients) and their clients. */
async function firm() {
  const team = await t.factory.team('公司业务部');
  const a = await t.as('lawyer', { teamId: team.id });
  const b = await t.as('lawyer', { teamId: team.id });
  await client(a.headers, { kind: 'organisation', name: '甲方科技有限公司', phone: '13800001111', email: 'jia@example.cn' });
  await client(a.headers, { kind: 'individual', name: '张三', phone: '13900002222', tags: ['老客户'], hourlyRateFen: 150_000 });
  await client(b.headers, { kind: 'organisation', name: '乙方贸易有限公司', phone: '13700003333' });
  return { team, a, b };
}

function csvRows(body: Buffer): string[][] {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return body
    .subarray(3)
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));
}

async function setThreshold(rows: number) {
  const admin = await t.as('admin');
  expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers: admin.headers, payload: { exportApprovalRows: rows } })).statusCode).toBe(200);
  return admin;
}

describe('POST /api/v1/exports', () => {
  it('gives a lawyer only their own clients, as the list shows them, with who and when in the file', async () => {
    const { a } = await firm();
    // the lawyer sees the teammate's client in the list…
    const list = (await get(a.headers, '/clients?sort=name')).json() as { items: ClientListItem[] };
    expect(list.items).toHaveLength(3);
    const res = await post(a.headers, '/exports', { entity: 'clients', format: 'csv', query: { sort: 'name' } });
    expect(res.statusCode).toBe(201);
    const exp = res.json() as Export;
    expect(exp).toMatchObject({ status: 'ready', rowCount: 2, userId: a.user.id, userName: a.user.name, format: 'csv' });

    const file = await get(a.headers, `/exports/${exp.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(file.headers['content-disposition']).split("''")[1]!)).toBe('客户导出-20261125-1000.csv');
    const rows = csvRows(file.rawPayload);
    expect(rows[0]![0]).toBe(`导出人: ${a.user.name} · 导出时间: 2026-11-25 10:00 (Asia/Shanghai)`);
    expect(rows[1]!.slice(0, 3)).toEqual(['客户名称', '类型', '状态']);
    // …but exports only the two they own, phone and e-mail exactly as the list gives them
    const data = rows.slice(2, -1);
    expect(data.map((r) => r[0])).toEqual(['张三', '甲方科技有限公司']);
    const phone = rows[1]!.indexOf('电话');
    const mine = list.items.filter((i) => i.ownerId === a.user.id);
    expect(data.map((r) => r[phone])).toEqual(mine.map((i) => i.phone));
    expect(data[0]![rows[1]!.indexOf('小时费率(元)')]).toBe('1500.00');
    expect(data[0]![rows[1]!.indexOf('标签')]).toBe('老客户');
    expect(rows.at(-1)![0]).toBe(`导出人: ${a.user.name} · 共 2 行 · 内部资料，请勿外传`);

    expectError(await post(a.headers, '/exports', { entity: 'clients', format: 'csv', query: { ownerId: 'someone-else' } }), 403, 'forbidden');
  });

  it('logs each export in the access log with its row count', async () => {
    const { a } = await firm();
    const exp = (await post(a.headers, '/exports', { entity: 'clients', format: 'xlsx', query: { kind: 'individual' } })).json() as Export;
    expect(exp.rowCount).toBe(1);
    const log = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'export').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ user_id: a.user.id, client_id: null, ip: '127.0.0.1' });
    expect(JSON.parse(log[0]!.detail!)).toMatchObject({ exportId: exp.id, rows: 1, format: 'xlsx', query: { kind: 'individual', ownerId: a.user.id } });
  });

  it('writes an xlsx with the exporting user in its properties and in the first and last rows', async () => {
    const { a } = await firm();
    const exp = (await post(a.headers, '/exports', { entity: 'clients', format: 'xlsx', query: {} })).json() as Export;
    const res = await get(a.headers, `/exports/${exp.id}/download`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.creator).toBe(a.user.name);
    expect(wb.lastModifiedBy).toBe(a.user.name);
    expect(wb.created.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    const ws = wb.worksheets[0]!;
    expect(ws.headerFooter.oddHeader).toContain(a.user.name);
    expect(ws.getRow(1).getCell(1).value).toBe(`导出人: ${a.user.name} · 导出时间: 2026-11-25 10:00 (Asia/Shanghai)`);
    expect(ws.getRow(2).getCell(1).value).toBe('客户名称');
    expect([ws.getRow(3).getCell(1).value, ws.getRow(4).getCell(1).value].sort()).toEqual(['张三', '甲方科技有限公司']);
    expect(ws.getRow(5).getCell(1).value).toBe(`导出人: ${a.user.name} · 共 2 行 · 内部资料，请勿外传`);
  });

  it('refuses roles without the export permission', async () => {
    const { headers } = await t.as('assistant');
    expectError(await post(headers, '/exports', { entity: 'clients', format: 'csv' }), 403, 'forbidden');
  });
});

describe('export approval (X-3)', () => {
  it('holds a large export for a partner, who approves it; the requester downloads it with their own visibility', async () => {
    const { a } = await firm();
    const admin = await setThreshold(1);
    const partner = await t.as('partner');
    const res = await post(a.headers, '/exports', { entity: 'clients', format: 'xlsx', query: {} });
    expect(res.statusCode).toBe(201);
    const pending = res.json() as Export;
    expect(pending).toMatchObject({ status: 'pending_approval', rowCount: 2, approverId: null, finishedAt: null });
    expectError(await get(a.headers, `/exports/${pending.id}/download`), 409, 'conflict');
    expect(await t.db.selectFrom('access_log').select('id').where('action', '=', 'export').execute()).toEqual([]);

    for (const who of [partner, admin]) {
      const notes = (await get(who.headers, '/notifications')).json() as { items: Notification[] };
      expect(notes.items.map((n) => [n.kind, n.data.exportId])).toEqual([['export_approval', pending.id]]);
    }
    const queue = (await get(partner.headers, '/exports?pending=true')).json() as { items: Export[]; total: number };
    expect(queue.items.map((e) => e.id)).toEqual([pending.id]);
    expect((await get(partner.headers, '/exports')).json()).toMatchObject({ total: 0 });
    expectError(await post(a.headers, `/exports/${pending.id}/approve`, {}), 403, 'forbidden');

    t.clock.advance(3600_000);
    const approved = await post(partner.headers, `/exports/${pending.id}/approve`, { note: '同意，用于年度回访' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'ready', rowCount: 2, approverId: partner.user.id, approverName: partner.user.name, decisionNote: '同意，用于年度回访' });

    // only the requester downloads; the file holds what the requester may export, not the partner
    expectError(await get(partner.headers, `/exports/${pending.id}/download`), 404, 'not_found');
    const file = await get(a.headers, `/exports/${pending.id}/download`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.creator).toBe(a.user.name);
    expect(wb.worksheets[0]!.rowCount).toBe(5);
    const log = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'export').execute();
    expect(log.map((l) => [l.user_id, JSON.parse(l.detail!).rows])).toEqual([[a.user.id, 2]]);
    const notes = (await get(a.headers, '/notifications')).json() as { items: Notification[] };
    expect(notes.items.map((n) => [n.kind, n.data.approved])).toEqual([['export_decided', true]]);
  });

  it('lets a partner reject, once', async () => {
    const team = await t.factory.team();
    const lawyer = await t.factory.user('lawyer', { teamId: team.id });
    const manager = await t.as('client_manager', { teamId: team.id });
    for (const name of ['甲公司', '乙公司']) await client(manager.headers, { kind: 'organisation', name, ownerId: lawyer.id });
    await setThreshold(1);
    const partner = await t.as('partner');
    const pending = (await post(manager.headers, '/exports', { entity: 'clients', format: 'csv', query: {} })).json() as Export;
    expect(pending.status).toBe('pending_approval');
    const rejected = await post(partner.headers, `/exports/${pending.id}/reject`, { note: '数量过多，请按行业分批导出' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', approverId: partner.user.id, decisionNote: '数量过多，请按行业分批导出', finishedAt: null });
    expectError(await post(partner.headers, `/exports/${pending.id}/approve`, {}), 409, 'conflict');
    expectError(await get(manager.headers, `/exports/${pending.id}/download`), 409, 'conflict');
    const mine = (await get(manager.headers, '/exports')).json() as { items: Export[] };
    expect(mine.items.map((e) => e.status)).toEqual(['rejected']);
    expect(await t.db.selectFrom('exports').select('file_path').execute()).toEqual([{ file_path: null }]);
  });

  it('does not hold a partner’s export, whatever its size', async () => {
    await firm();
    await setThreshold(1);
    const partner = await t.as('partner');
    const exp = (await post(partner.headers, '/exports', { entity: 'clients', format: 'csv', query: {} })).json() as Export;
    expect(exp).toMatchObject({ status: 'ready', rowCount: 3 });
  });
});

describe('export file retention (X-3)', () => {
  const DAY = 86_400_000;
  const fileOf = (id: string, format = 'csv') => path.join(t.config.dataDir, 'files', 'exports', `${id}.${format}`);
  const expire = () => expireExports({ db: t.db, clock: t.clock, config: t.config });
  const exportNow = async (headers: Headers) => (await post(headers, '/exports', { entity: 'clients', format: 'csv', query: {} })).json() as Export;
  /** Sessions end after 12 idle hours: sign in again after the clock has moved on by days. */
  const again = async (who: { user: { email: string } }) => {
    const s = await t.login(who.user.email);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  };

  it('deletes the files of exports older than the retention, marks them expired and answers 410 for them', async () => {
    const { a } = await firm();
    const old = await exportNow(a.headers);
    expect(old).toMatchObject({ status: 'ready', expiresAt: '2026-12-02T02:00:00.000Z', expiredAt: null });
    expect(fs.existsSync(fileOf(old.id))).toBe(true);

    t.clock.advance(6 * DAY);
    expect(await expire()).toBe(0);
    let headers = await again(a);
    const recent = await exportNow(headers);
    expect((await get(headers, `/exports/${old.id}/download`)).statusCode).toBe(200);

    t.clock.advance(DAY);
    headers = await again(a);
    expect(await expire()).toBe(1);
    expect(fs.existsSync(fileOf(old.id))).toBe(false);
    expect(fs.existsSync(fileOf(recent.id))).toBe(true);
    const rows = await t.db.selectFrom('exports').select(['id', 'status', 'file_path', 'expired_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: old.id, status: 'expired', file_path: null, expired_at: '2026-12-02T02:00:00.000Z' },
      { id: recent.id, status: 'ready', file_path: path.join('exports', `${recent.id}.csv`), expired_at: null },
    ]);

    const gone = expectError(await get(headers, `/exports/${old.id}/download`), 410, 'gone');
    expect(gone.message).toBe('导出文件已超过保留期限（7 天）并已删除，请重新导出');
    const en = expectError(await get({ ...headers, 'accept-language': 'en-US' }, `/exports/${old.id}/download`), 410, 'gone');
    expect(en.message).toBe('The export file was kept for 7 days and has been deleted; please export again');
    expect((await get(headers, `/exports/${recent.id}/download`)).statusCode).toBe(200);

    const list = (await get(headers, '/exports')).json() as { items: Export[] };
    expect(list.items.map((e) => [e.id, e.status, e.expiresAt, e.expiredAt])).toEqual([
      [recent.id, 'ready', '2026-12-08T02:00:00.000Z', null],
      [old.id, 'expired', null, '2026-12-02T02:00:00.000Z'],
    ]);
    // a second run finds nothing more to do
    expect(await expire()).toBe(0);
  });

  it('expires an export whose file is already gone', async () => {
    const { a } = await firm();
    const exp = await exportNow(a.headers);
    fs.rmSync(fileOf(exp.id));
    t.clock.advance(8 * DAY);
    expect(await expire()).toBe(1);
    expect(await t.db.selectFrom('exports').select(['status', 'file_path']).execute()).toEqual([{ status: 'expired', file_path: null }]);
    expectError(await get(await again(a), `/exports/${exp.id}/download`), 410, 'gone');
  });

  it('answers 410 past the retention even before the daily step has run, and lists the export as expired', async () => {
    const { a, b } = await firm();
    const first = await exportNow(a.headers);
    const second = await exportNow(b.headers);
    t.clock.advance(7 * DAY + 60_000);
    expectError(await get(await again(a), `/exports/${first.id}/download`), 410, 'gone');
    expect(fs.existsSync(fileOf(first.id))).toBe(false);
    expect((await get(await again(b), '/exports')).json()).toMatchObject({ items: [{ id: second.id, status: 'expired', expiresAt: null }] });
    expect(fs.existsSync(fileOf(second.id))).toBe(false);
  });

  it('keeps files for the retention an admin sets, from 1 to 90 days', async () => {
    const { a } = await firm();
    const admin = await t.as('admin');
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers: admin.headers, payload });
    expect((await get(admin.headers, '/settings')).json()).toMatchObject({ exportRetentionDays: 7 });
    for (const days of [0, 91, 2.5]) expectError(await patch({ exportRetentionDays: days }), 400, 'validation_failed');
    expect((await patch({ exportRetentionDays: 30 })).json()).toMatchObject({ exportRetentionDays: 30 });

    const exp = await exportNow(a.headers);
    expect(exp.expiresAt).toBe('2026-12-25T02:00:00.000Z');
    t.clock.advance(29 * DAY);
    expect(await expire()).toBe(0);
    t.clock.advance(DAY);
    expect(await expire()).toBe(1);
    const gone = expectError(await get(await again(a), `/exports/${exp.id}/download`), 410, 'gone');
    expect(gone.message).toBe('导出文件已超过保留期限（30 天）并已删除，请重新导出');
  });

  it('runs at start-up, then once per firm-local day, on the given clock', async () => {
    const { a } = await firm();
    const first = await exportNow(a.headers);
    t.clock.advance(10 * DAY);
    const said: string[] = [];
    const deps = { db: t.db, clock: t.clock, config: t.config, log: (m: string) => said.push(m) };
    const scheduler = createScheduler({ deps, jobs: [exportHousekeepingJob] });
    try {
      await scheduler.start();
      await scheduler.settled();
      expect(said).toContain('export-housekeeping: deleted the files of 1 expired export(s)');
      expect(fs.existsSync(fileOf(first.id))).toBe(false);
      const second = await exportNow(await again(a));
      t.clock.advance(10 * DAY);
      expect(await runDueJobs(deps, [exportHousekeepingJob], 'test')).toMatchObject([{ status: 'done', message: 'deleted the files of 1 expired export(s)' }]);
      expect(fs.existsSync(fileOf(second.id))).toBe(false);
      // the same day again: already done
      expect(await runDueJobs(deps, [exportHousekeepingJob], 'test')).toMatchObject([{ status: 'skipped' }]);
    } finally {
      await scheduler.stop();
    }
  });
});
