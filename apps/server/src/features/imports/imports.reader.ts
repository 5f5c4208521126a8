import fs from 'node:fs';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { Utf8WorkbookReader } from './xlsx-utf8.js';

// C-10: spreadsheets are read as streams (PERFORMANCE.md: the in-memory xlsx reader needs
// twice the memory), one row at a time, with cell values reduced to what an import needs.

export type FileFormat = 'xlsx' | 'csv';

/** A cell Excel shows as an error (#N/A, #DIV/0!…), kept apart from text. */
export class CellError {
  constructor(readonly code: string) {}
}
export type Cell = string | number | boolean | CellError | null;
export type SheetRow = { row: number; cells: Cell[] };

/** Decided from the first bytes, not the name: a renamed file is still what it is. */
export async function detectFormat(path: string): Promise<FileFormat | 'xls' | 'empty'> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead === 0) return 'empty';
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
    return 'csv';
  } finally {
    await fh.close();
  }
}

export type CsvEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/**
 * UTF-8 (with or without BOM) when every byte sequence is valid UTF-8, else GB18030 (a superset
 * of GBK and GB2312, what Excel on Chinese Windows saves); UTF-16 by its BOM (Excel's "Unicode
 * text"). Also counts line breaks, for progress.
 */
export async function scanCsv(path: string): Promise<{ encoding: CsvEncoding; lines: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let utf16: CsvEncoding | null = null;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (lines === 0 && utf16 === null && chunk.length >= 2) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) utf16 = 'utf16le';
      if (chunk[0] === 0xfe && chunk[1] === 0xff) utf16 = 'utf16be';
    }
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encoding: utf16 ?? (utf8 ? 'utf8' : 'gb18030'), lines: lines + (last === 0x0a ? 0 : 1) };
}

/** The most frequent of comma, tab and semicolon in the first line (Excel writes ; in some locales). */
function delimiterOf(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

async function firstLine(path: string, encoding: CsvEncoding): Promise<string> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return iconv.decode(buf.subarray(0, bytesRead), encoding).split(/\r?\n/)[0] ?? '';
  } finally {
    await fh.close();
  }
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const { encoding } = await scanCsv(path);
  const delimiter = delimiterOf(await firstLine(path, encoding));
  const input = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  // iconv strips a UTF-8 BOM; relaxed quotes and column counts keep one odd row from failing a file.
  const parser = input.pipe(iconv.decodeStream(encoding)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record.map((v) => (v === '' ? null : v)) };
    }
  } finally {
    input.destroy();
  }
}

/** exceljs' cell value (formula, rich text, hyperlink, error…) as the plain value it shows. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : new CellError('#NUM!');
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return new CellError(String(v.error));
    // Formulas: the value Excel cached when the file was saved.
    if ('formula' in v || 'sharedFormula' in v) {
      if (typeof v.result === 'number' && Number.isNaN(v.result)) return new CellError('#VALUE!');
      return plainCell(v.result);
    }
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in v) return plainCell(v.text);
  }
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const input = fs.createReadStream(path);
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    // Only the first worksheet is imported; merged cells keep their value in the first cell only.
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { row: row.number, cells };
      }
      break;
    }
  } finally {
    input.destroy();
  }
}

export function readRows(path: string, format: FileFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(path) : csvRows(path);
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof CellError) return cell.code;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export const isEmptyRow = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The header and footer lines of Retainer's own exports begin with this. */
export const EXPORT_BANNER = '导出人';

/** A row holding only an export's banner text is not data. */
export function isBannerRow(cells: Cell[]): boolean {
  const filled = cells.filter((c) => c !== null && cellText(c).trim() !== '');
  return filled.length === 1 && cellText(filled[0]!).trim().startsWith(EXPORT_BANNER);
}

/** About how many rows a file holds, for the progress bar; exact once the import ends. */
export async function estimateRows(path: string, format: FileFormat): Promise<number> {
  if (format === 'csv') return (await scanCsv(path)).lines;
  try {
    return (await xlsxDimensionRows(path)) ?? 0;
  } catch {
    return 0;
  }
}

/**
 * The last row of the first worksheet's <dimension ref="A1:O50001">, read from the zip's central
 * directory and the first inflated bytes of the sheet, without unpacking the workbook.
 */
async function xlsxDimensionRows(path: string): Promise<number | null> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff) return null;
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50; ) {
      const method = dir.readUInt16LE(p + 10);
      const compressed = dir.readUInt32LE(p + 20);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const local = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const header = Buffer.alloc(30);
      await fh.read(header, 0, 30, local);
      const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const chunk = Buffer.alloc(Math.min(compressed, 16 * 1024));
      await fh.read(chunk, 0, chunk.length, start);
      const xml = (method === 8 ? zlib.inflateRawSync(chunk, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : chunk).toString('utf8');
      const m = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(xml);
      return m?.[1] ? Number(m[1]) : null;
    }
    return null;
  } finally {
    await fh.close();
  }
}
