import fs from 'node:fs';
import type { Import } from '@retainer/shared';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, type TestApp } from '../../test/harness.js';
import { createFilesTestApp, form, fullWidth, idNumber, runImport, startImport, uscc, xlsx } from './imports.fixtures.js';
import { legacyReportPath, reportPath } from './imports.report.js';

let t: TestApp;
beforeEach(async () => {
  t = await createFilesTestApp();
});
afterEach(async () => {
  await t.close();
});

const HEADERS = ['客户名称', '类型', '统一社会信用代码', '身份证号', '电话', '邮箱', '成立日期', '小时费率(元)', '标签', '联系人', '联系人职务', '备注'];

async function lawyers() {
  const [teamA, teamB] = [await t.factory.team(), await t.factory.team()];
  const me = await t.as('lawyer', { teamId: teamA.id });
  const other = await t.as('lawyer', { teamId: teamB.id });
  const create = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/clients', headers, payload }).then((r) => r.json() as { id: string });
  const mine = await create(me.headers, { kind: 'organisation', name: '存量客户有限公司', uscc: uscc(3) });
  const theirs = await create(other.headers, { kind: 'organisation', name: '别家客户有限公司', uscc: uscc(4) });
  return { me, other, mine, theirs };
}

/** The spreadsheet the brief describes: formula, merged cell, empty row, bad codes and dates, duplicates. */
function mixedSheet() {
  return xlsx(
    [
      HEADERS,
      ['杭州云栖科技有限公司', '单位', uscc(1), null, '0571-88880001', 'Info@YunQi.cn', '2019-05-20', 3500, 'VIP、科技', '张经理', '法务总监', null],
      [{ formula: '"西湖"&"律师事务所"', result: '西湖律师事务所' }, '企业', fullWidth(uscc(2)), null, '１３８００００１１１１', null, null, 1500.5, null, null, null, null],
      ['李四', '个人', null, fullWidth(idNumber(1)), '13900002222', null, null, null, '个人客户', '王五', null, '合并单元格'],
      [],
      ['坏代码有限公司', '单位', '911101080000000010', null, null, null, null, null, null, null, null, null],
      ['日期有误有限公司', '单位', null, null, null, null, '2023-02-30', null, null, null, null, null],
      ['存量客户有限公司', '单位', uscc(3), null, '010-66668888', null, null, null, null, null, null, null],
      ['别家客户有限公司', '单位', uscc(4), null, null, null, null, null, null, null, null, null],
      ['费率有误有限公司', '单位', null, null, null, null, null, '1500.555', null, null, null, null],
    ],
    (ws) => ws.mergeCells('J4:K4'),
  );
}

describe('POST /api/v1/imports/preview', () => {
  it('returns the headers, the first five rows and a mapping suggested from Chinese and English names', async () => {
    const { headers } = await t.as('lawyer');
    const rows = Array.from({ length: 8 }, (_, i) => [`客户${i}`, `1380000000${i}`, 'a@b.cn', '张三', '标签一，标签二', 'x']);
    const file = await xlsx([['客户名称', '手机', 'E-mail', '联系人', '标签', '无关列'], ...rows]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/preview', headers, payload: form(file, '客户.xlsx') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      format: 'xlsx',
      headers: ['客户名称', '手机', 'E-mail', '联系人', '标签', '无关列'],
      sampleRows: rows.slice(0, 5),
      suggestedMapping: { 客户名称: 'name', 手机: 'phone', 'E-mail': 'email', 联系人: 'contactName', 标签: 'tags' },
    });
  });

  it('refuses duplicate headers, old .xls files and non-multipart bodies', async () => {
    const { headers } = await t.as('lawyer');
    const dup = await xlsx([['客户名称', '电话', '电话'], ['甲', '1', '2']]);
    const err = expectError(await t.app.inject({ method: 'POST', url: '/api/v1/imports/preview', headers, payload: form(dup, 'a.xlsx') }), 400, 'validation_failed');
    expect(err.message).toContain('表头重复');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const old = expectError(await t.app.inject({ method: 'POST', url: '/api/v1/imports/preview', headers, payload: form(xls, 'a.xls') }), 400, 'validation_failed');
    expect(old.message).toContain('.xls');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/imports/preview', headers, payload: { file: 'x' } }), 415, 'unsupported_media_type');
  });

  it('refuses a damaged xlsx with the reader’s reason, and an import of it creates no record', async () => {
    const { headers } = await t.as('lawyer');
    const good = await xlsx([['客户名称'], ['甲公司']]);
    const damaged = Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x41)]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/preview', headers, payload: form(damaged, '损坏.xlsx') });
    const err = expectError(res, 400, 'validation_failed');
    expect(err.message).toBe('无法读取文件：不是有效的 xlsx 文件');
    expect((res.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toMatch(/^Cannot read the file as xlsx: ./);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers, payload: form(damaged, '损坏.xlsx') }), 400, 'validation_failed');
    expect(await t.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });
});

describe('POST /api/v1/imports', () => {
  it('imports the good rows, reports each bad one by row, column and reason, and updates visible duplicates', async () => {
    const { me, other, mine } = await lawyers();
    const auditBefore = await t.count('audit_events');
    const done = await runImport(t, me.headers, await mixedSheet(), '客户名单.xlsx');
    expect(done).toMatchObject({ status: 'done', fileName: '客户名单.xlsx', format: 'xlsx', dryRun: false, processedRows: 8, totalRows: 8 });
    expect({ created: done.createdCount, updated: done.updatedCount, unchanged: done.unchangedCount, errors: done.errorCount }).toEqual({
      created: 3,
      updated: 1,
      unchanged: 0,
      errors: 4,
    });
    expect(done.errors).toEqual([
      { row: 6, column: '统一社会信用代码', code: 'field_message', params: { field: 'uscc', message: 'uscc_invalid' }, reason: '统一社会信用代码无效（校验位不正确）' },
      { row: 7, column: '成立日期', code: 'date_nonexistent', params: { value: '2023-02-30' }, reason: '日期不存在（2023-02-30）' },
      {
        row: 9,
        column: '统一社会信用代码',
        code: 'duplicate_hidden',
        params: { key: 'uscc', owner: other.user.name },
        reason: expect.stringContaining(`由 ${other.user.name} 负责`),
      },
      { row: 10, column: '小时费率(元)', code: 'amount_decimals', params: {}, reason: expect.stringContaining('两位小数') },
    ]);

    const rows = await t.db.selectFrom('clients').selectAll().where('owner_id', '=', me.user.id).orderBy('name').execute();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['存量客户有限公司', '李四', '杭州云栖科技有限公司', '西湖律师事务所'].sort());
    expect(byName['杭州云栖科技有限公司']).toMatchObject({ kind: 'organisation', uscc: uscc(1), email: 'info@yunqi.cn', founded_on: '2019-05-20', hourly_rate_fen: 350_000, grade: 'A' });
    // formula → its cached result; full-width digits → ASCII
    expect(byName['西湖律师事务所']).toMatchObject({ uscc: uscc(2), phone: '13800001111', hourly_rate_fen: 150_050, grade: 'B' });
    expect(byName['李四']).toMatchObject({ kind: 'individual', id_number: idNumber(1), notes: '合并单元格' });
    expect(byName['存量客户有限公司']).toMatchObject({ id: mine.id, phone: '010-66668888' });

    const contacts = await t.db.selectFrom('contacts').select(['client_id', 'name', 'title']).orderBy('name').execute();
    // merged J4:K4: the value sits in the first cell only
    expect(contacts).toEqual([
      { client_id: byName['杭州云栖科技有限公司']!.id, name: '张经理', title: '法务总监' },
      { client_id: byName['李四']!.id, name: '王五', title: null },
    ]);
    const tags = await t.db.selectFrom('client_tags').select('tag').where('client_id', '=', byName['杭州云栖科技有限公司']!.id).orderBy('tag').execute();
    expect(tags.map((x) => x.tag)).toEqual(['VIP', '科技']);

    // audit and timeline like the API: 3 creates + 2 contacts + 1 update
    expect((await t.count('audit_events')) - auditBefore).toBe(6);
    const events = await t.db.selectFrom('timeline_events').select(['client_id', 'kind']).where('client_id', '=', mine.id).execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['client_created', 'client_updated']);
    // found by search through the gram index, contacts included
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/clients?q=${encodeURIComponent('张经理')}`, headers: me.headers });
    expect((search.json() as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['杭州云栖科技有限公司']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { me } = await lawyers();
    const file = await mixedSheet();
    await runImport(t, me.headers, file, 'a.xlsx');
    const before = { audit: await t.count('audit_events'), clients: await t.db.selectFrom('clients').selectAll().orderBy('id').execute() };
    t.clock.advance(60_000);
    const again = await runImport(t, me.headers, file, 'a.xlsx');
    expect(again).toMatchObject({ status: 'done', createdCount: 0, updatedCount: 0, unchangedCount: 4, errorCount: 4 });
    expect(await t.count('audit_events')).toBe(before.audit);
    expect(await t.db.selectFrom('clients').selectAll().orderBy('id').execute()).toEqual(before.clients);
  });

  it('updates a contact of the same name, adds a new one, and records a new title as a personnel change', async () => {
    const { headers, user } = await t.as('lawyer');
    const head = ['客户名称', '统一社会信用代码', '联系人', '联系人职务', '联系人电话', '标签'];
    await runImport(t, headers, await xlsx([head, ['云栖科技有限公司', uscc(7), '张经理', '法务经理', '13800001111', '甲']]), 'a.xlsx');
    t.clock.advance(60_000);
    const second = await xlsx([
      head,
      ['云栖科技有限公司', uscc(7), '张经理', '法务总监', null, '乙'],
      ['云栖科技有限公司', uscc(7), '李秘书', null, '13900002222', null],
    ]);
    const done = await runImport(t, headers, second, 'b.xlsx');
    expect(done).toMatchObject({ createdCount: 0, updatedCount: 2, errorCount: 0 });
    const client = await t.db.selectFrom('clients').select('id').executeTakeFirstOrThrow();
    const contacts = await t.db.selectFrom('contacts').select(['name', 'title', 'phone']).where('client_id', '=', client.id).orderBy('name').execute();
    expect(contacts).toEqual([
      { name: '张经理', title: '法务总监', phone: '13800001111' },
      { name: '李秘书', title: null, phone: '13900002222' },
    ]);
    const tags = await t.db.selectFrom('client_tags').select('tag').where('client_id', '=', client.id).orderBy('tag').execute();
    expect(tags.map((x) => x.tag)).toEqual(['乙', '甲']);
    const changes = await t.db.selectFrom('personnel_changes').select(['field', 'old_value', 'new_value', 'changed_by']).execute();
    expect(changes).toEqual([{ field: 'title', old_value: '法务经理', new_value: '法务总监', changed_by: user.id }]);
    const kinds = await t.db.selectFrom('timeline_events').select('kind').where('client_id', '=', client.id).where('at', '=', t.clock.now().toISOString()).execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['client_updated', 'contact_added', 'contact_updated', 'personnel_changed']);
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/clients?q=${encodeURIComponent('李秘书')}`, headers });
    expect((found.json() as { total: number }).total).toBe(1);
  });

  it('finds a duplicate by ID number, else by name and phone (digits compared)', async () => {
    const { headers } = await t.as('lawyer');
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/clients', headers, payload }).then((r) => r.json() as { id: string });
    const byId = await create({ kind: 'individual', name: '赵六', idNumber: idNumber(2) });
    const byPhone = await create({ kind: 'individual', name: '王小明', phone: '138 0000 1111' });
    const file = await xlsx([
      ['姓名', '身份证号', '手机', '微信'],
      ['赵六（改名）', idNumber(2), null, 'zhao6'],
      ['王小明', null, '13800001111', 'wxm'],
      ['王小明', null, '13900009999', null],
    ]);
    const done = await runImport(t, headers, file, 'people.xlsx');
    expect(done).toMatchObject({ createdCount: 1, updatedCount: 2, errorCount: 0 });
    const rows = await t.db.selectFrom('clients').select(['id', 'name', 'wechat', 'phone']).orderBy('created_at').orderBy('phone').execute();
    expect(rows.find((r) => r.id === byId.id)).toMatchObject({ name: '赵六（改名）', wechat: 'zhao6' });
    expect(rows.find((r) => r.id === byPhone.id)).toMatchObject({ wechat: 'wxm', phone: '13800001111' });
    expect(rows).toHaveLength(3);
  });

  it('counts what a dry run would do and writes nothing but the import record', async () => {
    const { me } = await lawyers();
    const before = { audit: await t.count('audit_events'), clients: await t.db.selectFrom('clients').selectAll().orderBy('id').execute() };
    const dry = await runImport(t, me.headers, await mixedSheet(), 'a.xlsx', { dryRun: 'true' });
    expect(dry).toMatchObject({ status: 'done', dryRun: true, createdCount: 3, updatedCount: 1, errorCount: 4 });
    expect(await t.count('audit_events')).toBe(before.audit);
    expect(await t.db.selectFrom('clients').selectAll().orderBy('id').execute()).toEqual(before.clients);
    expect(await t.db.selectFrom('contacts').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('timeline_events').select('id').where('kind', '!=', 'client_created').execute()).toEqual([]);
  });

  it('refuses a file with duplicate headers up front and writes nothing', async () => {
    const { headers } = await t.as('lawyer');
    const file = await xlsx([['客户名称', '电话', '备注', '电话'], ['甲公司', '13800001111', null, '13900002222']]);
    const err = expectError(await startImport(t, headers, file, 'dup.xlsx'), 400, 'validation_failed');
    expect(err.message).toBe('表头重复：“电话”同时出现在第 B 列和第 D 列，请修改表头后重新上传');
    expect(await t.db.selectFrom('imports').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('clients').select('id').execute()).toEqual([]);
  });

  it('refuses a mapping to an unknown header or without the client name', async () => {
    const { headers } = await t.as('lawyer');
    const file = await xlsx([['客户名称', '电话'], ['甲公司', '13800001111']]);
    const unknown = expectError(await startImport(t, headers, file, 'a.xlsx', { mapping: JSON.stringify({ 名字: 'name' }) }), 400, 'validation_failed');
    expect(unknown.details).toEqual([{ field: 'mapping', message: expect.any(String) }]);
    const noName = expectError(await startImport(t, headers, file, 'a.xlsx', { mapping: JSON.stringify({ 电话: 'phone' }) }), 400, 'validation_failed');
    expect(noName.message).toContain('客户名称');
    expect(await t.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });

  it('reads CSV in UTF-8 with BOM, UTF-8 without, GBK and UTF-16', async () => {
    const { headers } = await t.as('lawyer');
    const text = '客户名称,电话,标签\r\n"北京某某科技有限公司",010-12345678,"甲，乙"\r\n张三丰,13800001111,\r\n';
    const files = {
      'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('北京', '上海'))]),
      'plain.csv': Buffer.from(text.replace('北京', '广州').replace('张三丰', '李四光')),
      'gbk.csv': iconv.encode(text.replace('北京', '深圳').replace('张三丰', '王五常'), 'gbk'),
      // Excel's "Unicode text": UTF-16 with BOM, tab-separated
      'unicode.txt': iconv.encode(text.replace('北京', '成都').replace('张三丰', '赵六顺').replace(/,/g, '\t').replace('"甲，乙"', '甲，乙'), 'utf16le', { addBOM: true }),
    };
    for (const [name, buf] of Object.entries(files)) {
      const done = await runImport(t, headers, buf, name);
      expect(done, name).toMatchObject({ status: 'done', format: 'csv', createdCount: 2, errorCount: 0 });
    }
    const names = (await t.db.selectFrom('clients').select('name').orderBy('name').execute()).map((r) => r.name);
    expect(names.sort()).toEqual(['上海某某科技有限公司', '广州某某科技有限公司', '成都某某科技有限公司', '深圳某某科技有限公司', '张三丰', '李四光', '王五常', '赵六顺'].sort());
    const tags = await t.db.selectFrom('client_tags').select('tag').distinct().orderBy('tag').execute();
    expect(tags.map((x) => x.tag)).toEqual(['乙', '甲']);
  });

  it('reports a 10 MB cell as that row’s error and imports the rest', async () => {
    const { headers } = await t.as('lawyer');
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = Buffer.from(`客户名称,备注\r\n甲公司,短\r\n乙公司,"${huge}"\r\n丙公司,\r\n`);
    const done = await runImport(t, headers, csv, 'big.csv');
    expect(done).toMatchObject({ status: 'done', createdCount: 2, errorCount: 1 });
    expect(done.errors).toEqual([{ row: 3, column: '备注', code: 'cell_too_long', params: { max: 32_767 }, reason: '单元格内容过长（超过 32767 个字符）' }]);
  });

  it('serves the full error report as CSV with a BOM, to the importer only', async () => {
    const { me, other } = await lawyers();
    const done = await runImport(t, me.headers, await mixedSheet(), '客户名单.xlsx');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report`, headers: me.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('导入错误报告-客户名单.csv')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('行号,列,原因');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['6,统一社会信用代码', '7,成立日期', '9,统一社会信用代码', '10,小时费率(元)']);
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report`, headers: other.headers }), 404, 'not_found');
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: other.headers }), 404, 'not_found');
    const admin = await t.as('admin');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: admin.headers })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: other.headers });
    expect(list.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('places new clients like the API: lawyers own theirs, others name an owner lawyer', async () => {
    const team = await t.factory.team();
    const owner = await t.factory.user('lawyer', { teamId: team.id, email: 'owner@example.cn' });
    const file = await xlsx([
      ['客户名称', '主办律师邮箱'],
      ['有主办律师有限公司', 'OWNER@example.cn'],
      ['无主办律师有限公司', null],
      ['查无此人有限公司', 'nobody@example.cn'],
    ]);
    const assistant = await t.as('assistant', { teamId: team.id });
    const done = await runImport(t, assistant.headers, file, 'a.xlsx');
    expect(done).toMatchObject({ createdCount: 1, errorCount: 2 });
    expect(done.errors.map((e) => [e.row, e.column])).toEqual([[3, '主办律师邮箱'], [4, '主办律师邮箱']]);
    const row = await t.db.selectFrom('clients').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '有主办律师有限公司', owner_id: owner.id, team_id: team.id });

    const lawyer = await t.as('lawyer');
    const theirs = await runImport(t, lawyer.headers, file, 'a.xlsx');
    // a lawyer imports only clients they own
    expect(theirs).toMatchObject({ createdCount: 1, errorCount: 2 });
    expect(theirs.errors[0]).toMatchObject({ row: 2, column: '主办律师邮箱', reason: expect.stringContaining('本人') });
    const created = await t.db.selectFrom('clients').select(['name', 'owner_id']).where('owner_id', '=', lawyer.user.id).execute();
    expect(created).toEqual([{ name: '无主办律师有限公司', owner_id: lawyer.user.id }]);
  });
});

describe('row reports in the reader’s language', () => {
  const reportLines = (body: Buffer) => {
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    return body.subarray(3).toString('utf8').trim().split('\r\n');
  };

  it('words the same stored errors in English for an en-US reader and in Chinese for a zh-CN one', async () => {
    const { me, other } = await lawyers();
    const done = await runImport(t, me.headers, await mixedSheet(), '客户名单.xlsx');
    const stored = await t.db.selectFrom('imports').select('errors').where('id', '=', done.id).executeTakeFirstOrThrow();
    // stored coded, without words in either language
    expect(JSON.parse(stored.errors)[1]).toEqual({ row: 7, column: '成立日期', code: 'date_nonexistent', params: { value: '2023-02-30' } });

    // the importer switches to English; an admin reads with a zh-CN account
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: me.headers, payload: { locale: 'en-US' } });
    expect(patched.statusCode).toBe(200);
    const en = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: me.headers })).json() as Import;
    expect(en.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [6, '统一社会信用代码', 'Not a valid unified social credit code (check character)'],
      [7, '成立日期', 'No such date (2023-02-30)'],
      [9, '统一社会信用代码', `Duplicates an existing client (same unified social credit code) handled by ${other.user.name}, which you may not view or change; ask that lawyer to update it`],
      [10, '小时费率(元)', 'The amount may have at most two decimals (to the fen)'],
    ]);
    const admin = await t.as('admin');
    const zh = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: admin.headers })).json() as Import;
    expect(zh.errors.map((e) => e.reason)).toEqual([
      '统一社会信用代码无效（校验位不正确）',
      '日期不存在（2023-02-30）',
      `与系统中已有客户重复（统一社会信用代码相同），该客户由 ${other.user.name} 负责，您无权查看或修改；如需更新请联系该律师`,
      '金额最多保留两位小数（精确到分）',
    ]);
    // the list words them too; an explicit Accept-Language wins over the saved choice
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: { ...me.headers, 'accept-language': 'zh-CN' } });
    expect((list.json() as { items: Import[] }).items[0]!.errors[1]!.reason).toBe('日期不存在（2023-02-30）');

    // the CSV report: in the saved language, or the one the link asks for
    const enReport = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report`, headers: me.headers });
    expect(enReport.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('import-errors-客户名单.csv')}`);
    const enLines = reportLines(enReport.rawPayload);
    expect(enLines[0]).toBe('Row,Column,Reason');
    expect(enLines[2]).toBe('7,成立日期,No such date (2023-02-30)');
    const zhReport = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report?locale=zh-CN`, headers: me.headers });
    const zhLines = reportLines(zhReport.rawPayload);
    expect(zhLines[0]).toBe('行号,列,原因');
    expect(zhLines[2]).toBe('7,成立日期,日期不存在（2023-02-30）');
    expect(zhLines).toHaveLength(enLines.length);
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report?locale=fr-FR`, headers: me.headers }), 400, 'validation_failed');
  });

  it('words the import’s failure message in the reader’s language', async () => {
    const { headers } = await t.as('lawyer');
    const csv = Buffer.from(['客户名称,电话', '甲公司,0571-1', '"未闭合的引号,1'].join('\r\n'));
    const done = await runImport(t, headers, csv, 'broken.csv');
    expect(done).toMatchObject({ status: 'failed', message: expect.stringContaining('未写入任何客户') });
    const en = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: { ...headers, 'accept-language': 'en-US,en;q=0.9' } });
    expect((en.json() as Import).message).toMatch(/^Reading or writing failed.*No client was written\.$/);
  });

  it('shows errors and reports stored before codes as they were written', async () => {
    const { headers } = await t.as('lawyer');
    const done = await runImport(t, headers, await xlsx([['客户名称'], ['甲公司']]), 'old.xlsx');
    const old = [{ row: 5, column: '电话', reason: '电话号码格式不正确' }];
    await t.db.updateTable('imports').set({ errors: JSON.stringify(old), error_count: 1, message: '导入被中断（服务重启或异常退出）。' }).where('id', '=', done.id).execute();
    // a report written then: a finished Chinese CSV, served as it is
    fs.rmSync(reportPath(t.config, done.id), { force: true });
    const en = { ...headers, 'accept-language': 'en-US' };
    const fromRecord = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report`, headers: en });
    expect(reportLines(fromRecord.rawPayload)).toEqual(['Row,Column,Reason', '5,电话,电话号码格式不正确']);
    fs.writeFileSync(legacyReportPath(t.config, done.id), '\uFEFF行号,列,原因\r\n5,电话,电话号码格式不正确\r\n');
    const legacy = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/report`, headers: en });
    expect(reportLines(legacy.rawPayload)).toEqual(['行号,列,原因', '5,电话,电话号码格式不正确']);

    const body = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}`, headers: en })).json() as Import;
    expect(body.errors).toEqual([{ row: 5, column: '电话', code: null, params: {}, reason: '电话号码格式不正确' }]);
    expect(body.message).toBe('导入被中断（服务重启或异常退出）。');
  });
});

describe('GET /api/v1/imports', () => {
  it('lists the importer’s own imports, newest first', async () => {
    const { headers } = await t.as('lawyer');
    const file = await xlsx([['客户名称'], ['甲公司']]);
    const first = await runImport(t, headers, file, '一.xlsx');
    t.clock.advance(1000);
    const second = await runImport(t, headers, file, '二.xlsx', { dryRun: 'true' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports?limit=1', headers });
    const body = res.json() as { items: Import[]; nextCursor: string; total: number };
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.id)).toEqual([second.id]);
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/imports?limit=1&cursor=${body.nextCursor}`, headers });
    expect((next.json() as { items: Import[] }).items.map((i) => i.id)).toEqual([first.id]);
  });
});
