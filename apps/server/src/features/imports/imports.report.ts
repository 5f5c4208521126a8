import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import type { Locale } from '@retainer/shared';
import type { Config } from '../../plugins/config.js';
import { csvLine, UTF8_BOM } from '../exports/exports.csv.js';
import { filesDir } from './imports.files.js';
import { REPORT_HEADER, wordRowError } from './imports.messages.js';

// C-10: the full row report. The run appends each error, coded, as one JSON line; a download
// words it as CSV in the reader's language. Imports run before codes wrote a finished CSV.

/** The coded report the runner appends to (one JSON row error per line). */
export const reportPath = (config: Config, id: string) => path.join(filesDir(config, 'imports'), `${id}.report.ndjson`);

/** The Chinese CSV report of imports run before codes. */
export const legacyReportPath = (config: Config, id: string) => path.join(filesDir(config, 'imports'), `${id}.report.csv`);

export function reportFileName(fileName: string, locale: Locale): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  return locale === 'zh-CN' ? `导入错误报告-${base}.csv` : `import-errors-${base}.csv`;
}

const CHUNK = 64 * 1024;

async function* fromLines(file: string, locale: Locale): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(REPORT_HEADER[locale]);
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let chunk = '';
  for await (const line of lines) {
    if (!line.trim()) continue;
    let stored: unknown;
    try {
      stored = JSON.parse(line);
    } catch {
      // a line cut short when the process died mid-write
      continue;
    }
    const e = wordRowError(stored, locale);
    chunk += csvLine([e.row, e.column, e.reason]);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * The report as CSV (UTF-8 with BOM) in the reader's language: from the coded file, else the
 * old Chinese CSV as it is, else (files lost, e.g. a restored backup) the errors kept on the record.
 */
export function reportCsv(config: Config, id: string, kept: unknown[], locale: Locale): Readable | string {
  const coded = reportPath(config, id);
  if (fs.existsSync(coded)) return Readable.from(fromLines(coded, locale), { objectMode: false });
  const legacy = legacyReportPath(config, id);
  if (fs.existsSync(legacy)) return fs.createReadStream(legacy);
  const rows = kept.map((stored) => wordRowError(stored, locale));
  return UTF8_BOM + csvLine(REPORT_HEADER[locale]) + rows.map((e) => csvLine([e.row, e.column, e.reason])).join('');
}
