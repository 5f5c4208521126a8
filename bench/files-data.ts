// The spreadsheet the import scenarios read, and the check that the product's export and the
// floor's hold the same rows. Run in child processes of bench/files.ts (not measured).
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { generateClients } from '../apps/server/src/demo/clients.js';
import { generateFirm } from '../apps/server/src/demo/firm.js';
import { FILE_COLUMNS, FILE_FIRM_SCALE, INDUSTRY_BY_LETTER, type CompareResult, type GenerateResult } from './files-protocol.js';
import { Utf8WorkbookReader } from '../apps/server/src/features/imports/xlsx-utf8.js';

/** The file's clients come from their own random stream: none of them is in the database before the import. */
const FILE_SEED = 50_000;

type CellValue = string | number | null;

/**
 * 50,000 demo clients (companies with valid USCCs and their first contact, individuals with valid
 * ID numbers) as 15 columns, written by exceljs's streaming writer with shared strings, as Excel
 * saves a workbook. Owners are the demo firm's lawyers and partners, by e-mail.
 */
export async function generateFile(file: string, rows: number): Promise<GenerateResult> {
  const started = performance.now();
  const firm = generateFirm(FILE_FIRM_SCALE);
  const emailOf = new Map(firm.users.map((u) => [u.id, u.email]));
  const out = fs.createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: true });
  const ws = wb.addWorksheet('客户');
  ws.addRow(FILE_COLUMNS.map(([header]) => header)).commit();
  let written = 0;
  let contacts = 0;
  let tagCount = 0;
  for (const batch of generateClients(firm, FILE_FIRM_SCALE, { count: rows, seed: FILE_SEED, batchSize: 1000 })) {
    const contactOf = new Map<string, { name: string; phone: string | null }>();
    for (const c of batch.contacts) if (!contactOf.has(c.client_id)) contactOf.set(c.client_id, { name: c.name, phone: c.phone });
    const tagsOf = new Map<string, string[]>();
    for (const t of batch.tags) tagsOf.set(t.client_id, [...(tagsOf.get(t.client_id) ?? []), t.tag]);
    for (const c of batch.clients) {
      const contact = contactOf.get(c.id);
      const tags = tagsOf.get(c.id) ?? [];
      const values: Record<(typeof FILE_COLUMNS)[number][1], CellValue> = {
        name: c.name,
        kind: c.kind === 'organisation' ? '单位' : '自然人',
        uscc: c.uscc,
        idNumber: c.id_number,
        industry: c.industry ? (INDUSTRY_BY_LETTER[c.industry] ?? c.industry) : null,
        city: c.city,
        address: c.address,
        phone: c.phone,
        email: c.email,
        tags: tags.length ? tags.join('、') : null,
        hourlyRateYuan: c.hourly_rate_fen === null ? null : c.hourly_rate_fen / 100,
        legalRepresentative: c.legal_representative,
        ownerEmail: emailOf.get(c.owner_id) ?? null,
        contactName: contact?.name ?? null,
        contactPhone: contact?.phone ?? null,
      };
      ws.addRow(FILE_COLUMNS.map(([, field]) => values[field])).commit();
      written++;
      if (contact) contacts++;
      tagCount += tags.length;
    }
    // Let the zip stream drain.
    await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await wb.commit();
  if (!out.writableFinished) await finished(out);
  return { rows: written, contacts, tags: tagCount, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started) };
}

/** The first worksheet's rows as plain values (no styles, no formulas in these files). */
async function* sheetRows(file: string): AsyncGenerator<CellValue[]> {
  const input = fs.createReadStream(file);
  const reader = new Utf8WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) {
          const v = values[i];
          cells.push(v === undefined || v === null || v === '' ? null : typeof v === 'number' ? v : String(v));
        }
        while (cells.length && cells[cells.length - 1] === null) cells.pop();
        yield cells;
      }
      break;
    }
  } finally {
    input.destroy();
  }
}

/**
 * The product's export (banner, header, data, footer) and the floor's (header, data) must hold
 * the same header and the same data rows in the same order, cell for cell.
 */
export async function compareExports(productFile: string, floorFile: string): Promise<CompareResult> {
  const product = sheetRows(productFile);
  const floor = sheetRows(floorFile);
  const next = async (g: AsyncGenerator<CellValue[]>) => {
    const r = await g.next();
    return r.done ? null : r.value;
  };
  const banner = await next(product);
  if (!banner || banner.length !== 1 || !String(banner[0]).startsWith('导出人')) throw new Error(`the product's export does not start with its banner: ${JSON.stringify(banner)}`);
  const productHeader = await next(product);
  const floorHeader = await next(floor);
  if (JSON.stringify(productHeader) !== JSON.stringify(floorHeader)) {
    throw new Error(`export headers differ: ${JSON.stringify(productHeader)} vs ${JSON.stringify(floorHeader)}`);
  }
  let productRows = 0;
  let floorRows = 0;
  let pending: CellValue[] | null = await next(product);
  for (;;) {
    const f = await next(floor);
    const p = pending;
    pending = p ? await next(product) : null;
    // The product's last row is its footer, not data.
    const pData = p && pending !== null ? p : null;
    if (pData) productRows++;
    if (f) floorRows++;
    if (!pData && !f) {
      if (!p || p.length !== 1 || !String(p[0]).startsWith('导出人')) throw new Error(`the product's export does not end with its footer: ${JSON.stringify(p)}`);
      break;
    }
    if (JSON.stringify(pData) !== JSON.stringify(f)) {
      throw new Error(`export data row ${productRows} differs:\n  product ${JSON.stringify(pData)}\n  floor   ${JSON.stringify(f)}`);
    }
  }
  return { rows: productRows, productRows, floorRows };
}
