import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idNumberCheck, usccCheck, type Import } from '@retainer/shared';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/harness.js';

// Test spreadsheets and upload helpers for the import and export tests.

/** A test app whose uploaded and exported files go to a temporary data directory. */
export async function createFilesTestApp(): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-files-'));
  const t = await createTestApp({ config: { dataDir } });
  const close = t.close.bind(t);
  return Object.assign(t, {
    async close() {
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A valid USCC ending in the given serial (GB 32100 check character computed). */
export function uscc(serial: number): string {
  const first = `9111010800000${String(serial).padStart(4, '0')}`;
  return first + usccCheck(first);
}

/** A valid ID number of someone born 1985-03-08 (GB 11643 check character computed). */
export function idNumber(serial: number): string {
  const first = `11010519850308${String(serial).padStart(3, '0')}`;
  return first + idNumberCheck(first);
}

/** Full-width digits and letters, as Chinese input methods type them. */
export const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export type Sheet = (ExcelJS.CellValue | undefined)[][];

export async function xlsx(rows: Sheet, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function form(file: Buffer, name: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(file)]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

type Headers = Record<string, string>;

export async function startImport(t: TestApp, headers: Headers, file: Buffer, name: string, fields: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers, payload: form(file, name, fields) });
}

/** Polls until the background import has finished. */
export async function waitForImport(t: TestApp, headers: Headers, id: string): Promise<Import> {
  for (const deadline = Date.now() + 80_000; Date.now() < deadline; ) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
    const body = res.json() as Import;
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads and waits: the finished import. */
export async function runImport(t: TestApp, headers: Headers, file: Buffer, name: string, fields: Record<string, string> = {}) {
  const res = await startImport(t, headers, file, name, fields);
  if (res.statusCode !== 202) throw new Error(`import refused: ${res.statusCode} ${res.body}`);
  return waitForImport(t, headers, (res.json() as Import).id);
}
