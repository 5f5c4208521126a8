import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Client } from '@retainer/shared';
import ExcelJS from 'exceljs';
import { EXPORT_BANNER } from '../imports/imports.reader.js';
import { INDUSTRY_NAMES } from '../imports/imports.values.js';
import { csvLine, UTF8_BOM, writeChunk } from './exports.csv.js';

// exported files say who exported them and when, in the first and last lines and in the
// workbook's properties. Headers are the import's own names, so an export can be re-imported.

const KINDS = { individual: '自然人', organisation: '单位' } as const;
const STATUSES = { prospect: '潜在客户', active: '合作中', dormant: '短期未合作', lost: '流失', dismissed: '主动解除' } as const;
const TIERS = { strategic: '战略客户', core: '核心客户', potential: '潜力客户', basic: '基础客户' } as const;
const SOURCES = { referral: '转介绍', website: '网站', event: '活动', walk_in: '自行上门', other: '其他' } as const;
const INDUSTRY = Object.fromEntries(Object.entries(INDUSTRY_NAMES).map(([name, letter]) => [letter, name]));

export type ExportMeta = { userName: string; at: Date; timeZone: string };

// Building a formatter costs far more than using one: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** 2026-11-25 10:00 in the firm's time zone. */
export function firmTime(at: Date, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

type Column = { header: string; width: number; value: (c: Client, tz: string) => string | number | null };
const when = (v: string | null, tz: string) => (v ? firmTime(new Date(v), tz) : null);

const COLUMNS: Column[] = [
  { header: '客户名称', width: 32, value: (c) => c.name },
  { header: '类型', width: 8, value: (c) => KINDS[c.kind] },
  { header: '状态', width: 10, value: (c) => STATUSES[c.status] },
  { header: '等级', width: 6, value: (c) => c.grade },
  { header: '分层', width: 10, value: (c) => (c.tier ? TIERS[c.tier] : null) },
  { header: '行业', width: 20, value: (c) => (c.industry ? (INDUSTRY[c.industry] ?? c.industry) : null) },
  { header: '地区', width: 10, value: (c) => c.region },
  { header: '城市', width: 10, value: (c) => c.city },
  { header: '地址', width: 30, value: (c) => c.address },
  { header: '电话', width: 16, value: (c) => c.phone },
  { header: '邮箱', width: 24, value: (c) => c.email },
  { header: '统一社会信用代码', width: 22, value: (c) => c.uscc },
  { header: '身份证号', width: 22, value: (c) => c.idNumber },
  { header: '法定代表人', width: 10, value: (c) => c.legalRepresentative },
  { header: '主办律师', width: 10, value: (c) => c.ownerName },
  { header: '客户经理', width: 10, value: (c) => c.managerName },
  { header: '团队', width: 14, value: (c) => c.teamName },
  { header: '标签', width: 20, value: (c) => c.tags.join('、') },
  { header: '小时费率(元)', width: 12, value: (c) => (c.hourlyRateFen === null ? null : c.hourlyRateFen / 100) },
  { header: '来源', width: 10, value: (c) => (c.source ? SOURCES[c.source] : null) },
  { header: '最近联系', width: 17, value: (c, tz) => when(c.lastContactAt, tz) },
  { header: '创建时间', width: 17, value: (c, tz) => when(c.createdAt, tz) },
];
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header);

const banner = (m: ExportMeta) => `${EXPORT_BANNER}: ${m.userName} · 导出时间: ${firmTime(m.at, m.timeZone)} (${m.timeZone})`;
const footer = (m: ExportMeta, rows: number) => `${EXPORT_BANNER}: ${m.userName} · 共 ${rows} 行 · 内部资料，请勿外传`;

async function writeCsv(file: string, meta: ExportMeta, pages: AsyncIterable<Client[]>): Promise<number> {
  const out = fs.createWriteStream(file);
  let rows = 0;
  try {
    await writeChunk(out, UTF8_BOM + csvLine([banner(meta)]) + csvLine(EXPORT_HEADERS));
    for await (const page of pages) {
      await writeChunk(out, page.map((c) => csvLine(COLUMNS.map((col) => moneyText(col, col.value(c, meta.timeZone))))).join(''));
      rows += page.length;
    }
    out.end(csvLine([footer(meta, rows)]));
    await finished(out);
    return rows;
  } catch (e) {
    out.destroy();
    throw e;
  }
}

const moneyText = (col: Column, v: string | number | null) => (typeof v === 'number' && col.header.includes('(元)') ? v.toFixed(2) : v);

async function writeXlsx(file: string, meta: ExportMeta, pages: AsyncIterable<Client[]>): Promise<number> {
  const out = fs.createWriteStream(file);
  // Without styles (a third of the writing time) and shared strings (memory): PERFORMANCE.md.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = meta.userName;
  wb.lastModifiedBy = meta.userName;
  wb.created = meta.at;
  wb.modified = meta.at;
  wb.title = '客户导出';
  wb.description = banner(meta);
  const ws = wb.addWorksheet('客户', {
    headerFooter: {
      oddHeader: `&L${banner(meta).replace(/&/g, '&&')}`,
      oddFooter: '&L内部资料，请勿外传&R第 &P 页，共 &N 页',
    },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.addRow([banner(meta)]).commit();
  ws.addRow(EXPORT_HEADERS).commit();
  let rows = 0;
  for await (const page of pages) {
    for (const c of page) ws.addRow(COLUMNS.map((col) => col.value(c, meta.timeZone))).commit();
    rows += page.length;
    // Let the zip stream drain between pages: memory stays flat on 50,000 rows.
    await new Promise((resolve) => setImmediate(resolve));
  }
  ws.addRow([footer(meta, rows)]).commit();
  ws.commit();
  await wb.commit();
  return rows;
}

/** Streams the pages into an xlsx or CSV file; returns the number of client rows written. */
export function writeClientsFile(file: string, format: 'xlsx' | 'csv', meta: ExportMeta, pages: AsyncIterable<Client[]>): Promise<number> {
  return format === 'xlsx' ? writeXlsx(file, meta, pages) : writeCsv(file, meta, pages);
}
