import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { Config } from '../../plugins/config.js';
import { AppError } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { FileRefused, headerFrom, type Header } from './imports.headers.js';
import { cellText, detectFormat, isBannerRow, isEmptyRow, readRows, type FileFormat } from './imports.reader.js';

/** Where uploads and generated files live: `${dataDir}/files/<feature>/`. */
export function filesDir(config: Config, feature: 'imports' | 'exports'): string {
  const dir = path.join(config.dataDir, 'files', feature);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const refused = (zh: string, en: string, field = 'file') =>
  new AppError('validation_failed', 400, { 'zh-CN': zh, 'en-US': en }, [{ field, message: en }]);

export type Upload = { path: string; fileName: string; fields: Record<string, string> };

/** Streams the one file part to disk (never into memory) and collects the text fields. */
export async function receiveUpload(parts: AsyncIterableIterator<Multipart>, dir: string): Promise<Upload> {
  const fields: Record<string, string> = {};
  let upload: { path: string; fileName: string } | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload) {
          part.file.resume();
          continue;
        }
        const target = path.join(dir, `upload-${newId()}.part`);
        upload = { path: target, fileName: part.filename || 'upload' };
        await pipeline(part.file, fs.createWriteStream(target));
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    if (upload) fs.rmSync(upload.path, { force: true });
    throw e;
  }
  if (!upload) throw refused('请选择要导入的文件（字段名 file）', 'Attach the spreadsheet as the "file" field');
  return { ...upload, fields };
}

export type Inspected = { format: FileFormat; header: Header; sampleRows: string[][] };

/** The format, header row and first data rows; refuses what cannot be imported at all. */
export async function inspectFile(file: string, samples: number): Promise<Inspected> {
  const format = await detectFormat(file);
  if (format === 'empty') throw refused('文件是空的', 'The file is empty');
  if (format === 'xls') throw refused('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入', 'Old .xls files are not supported; save as .xlsx or CSV');
  // The streaming xlsx reader once failed on a valid file under load (cause unknown); a file
  // that is really unreadable fails the second read too, so it is read once more before refusing.
  let failure: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const { header, sampleRows } = await headerAndSamples(file, format, samples);
      if (!header) throw refused('文件中没有表头行', 'The file has no header row');
      return { format, header, sampleRows };
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof FileRefused) throw refused(e.zh, e.en);
      failure = e;
    }
  }
  // The reader's own words stay in the details: they tell support what was wrong with the file.
  const why = failure instanceof Error ? `: ${failure.message.slice(0, 200)}` : '';
  throw refused(`无法读取文件：${format === 'xlsx' ? '不是有效的 xlsx 文件' : '不是有效的 CSV 文件'}`, `Cannot read the file as ${format}${why}`);
}

async function headerAndSamples(file: string, format: FileFormat, samples: number) {
  let header: Header | null = null;
  const sampleRows: string[][] = [];
  for await (const row of readRows(file, format)) {
    if (!header) {
      header = headerFrom(row);
      continue;
    }
    if (sampleRows.length >= samples) break;
    if (isEmptyRow(row.cells) || isBannerRow(row.cells)) continue;
    sampleRows.push(header.headers.map((_h, i) => cellText(row.cells[i] ?? null).slice(0, 200)));
  }
  return { header, sampleRows };
}
