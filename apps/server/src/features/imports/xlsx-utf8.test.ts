import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows } from './imports.reader.js';

// exceljs alone loses a character whose UTF-8 bytes straddle two inflated chunks (U+FFFD).
// Files big enough to span many chunks, all in three-byte characters, must read back intact.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-xlsx-utf8-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CHARS = '律师事务所有限公司科技发展集团股份北京上海广州深圳杭州南京成都武汉西安重庆天津苏州云帆智源';
/** 4,000 distinct names of 11–17 Chinese characters. */
const names = Array.from({ length: 4000 }, (_, i) => {
  let s = '';
  for (let k = 0; k < 11 + (i % 7); k++) s += CHARS[(i * 7 + k * 13 + (i >> 3)) % CHARS.length];
  return `${s}${i}`;
});

async function write(file: string, useSharedStrings: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称', '地址']).commit();
  for (const name of names) ws.addRow([name, `${name}路${name.length}号`]).commit();
  ws.commit();
  await wb.commit();
}

describe('xlsx reading across chunk boundaries', () => {
  for (const shared of [true, false]) {
    it(`reads every Chinese character of a large file (${shared ? 'shared strings' : 'inline strings'})`, async () => {
      const file = path.join(dir, `names-${shared}.xlsx`);
      await write(file, shared);
      const read: string[] = [];
      for await (const row of readRows(file, 'xlsx')) if (row.row > 1) read.push(String(row.cells[0]), String(row.cells[1]));
      expect(read.filter((v) => v.includes('\uFFFD'))).toEqual([]);
      expect(read).toEqual(names.flatMap((n) => [n, `${n}路${n.length}号`]));
    });
  }
});
