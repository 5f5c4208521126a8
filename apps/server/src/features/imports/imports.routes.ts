import fs from 'node:fs';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import {
  idParamsSchema,
  importMappingSchema,
  importPreviewSchema,
  importReportQuerySchema,
  importSchema,
  listQuerySchema,
  listResponseSchema,
  type ImportField,
} from '@retainer/shared';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../plugins/app-types.js';
import { AppError } from '../../plugins/errors.js';
import { requestLocale } from '../../plugins/http-errors.js';
import { attachment, CONTENT_TYPES } from '../exports/exports.download.js';
import { filesDir, inspectFile, receiveUpload, refused } from './imports.files.js';
import { columnsFor, FileRefused, suggestMapping } from './imports.headers.js';
import { estimateRows } from './imports.reader.js';
import { reportCsv, reportFileName } from './imports.report.js';
import { ImportRunner } from './imports.runner.js';
import { createImportRecord, failAbandoned, importRowFor, keptErrors, listImports, toImport } from './imports.service.js';

const tags = ['imports'];
/** C-10: spreadsheets up to 50 MB (the JSON body limit elsewhere stays 1 MB). */
export const IMPORT_FILE_LIMIT = 50 * 1024 * 1024;
/** A running import refreshes its heartbeat with every batch; one silent this long has died. */
const STALE_MS = 2 * 60_000;
const SAMPLE_ROWS = 5;

function parseForm(fields: Record<string, string>, headers: string[]): { mapping: Record<string, ImportField>; dryRun: boolean } {
  let mapping: Record<string, ImportField> = suggestMapping(headers);
  if (fields.mapping !== undefined && fields.mapping.trim() !== '') {
    let raw: unknown;
    try {
      raw = JSON.parse(fields.mapping);
    } catch {
      throw refused('列映射不是有效的 JSON', 'mapping is not valid JSON', 'mapping');
    }
    const parsed = importMappingSchema.safeParse(raw);
    if (!parsed.success) throw refused('列映射有误：每个表头只能映射到一个可导入的字段', 'mapping must map headers to import fields', 'mapping');
    mapping = parsed.data;
  }
  const flag = (fields.dryRun ?? '').trim().toLowerCase();
  if (!['', 'true', 'false', '1', '0', 'on', 'off'].includes(flag)) throw refused('dryRun 只能是 true 或 false', 'dryRun must be true or false', 'dryRun');
  return { mapping, dryRun: ['true', '1', 'on'].includes(flag) };
}

async function upload(req: FastifyRequest, dir: string) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 415);
  return receiveUpload(req.parts(), dir);
}

export function importsRoutes(app: App, deps: Deps) {
  // The multipart parser applies to these routes only.
  void app.register(async (instance) => {
    const scope = instance as App;
    await scope.register(fastifyMultipart, {
      limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 20 },
    });
    const runner = new ImportRunner({ db: deps.db, clock: deps.clock, config: deps.config, log: (err) => scope.log.error({ err }, 'import failed') });
    // Embedded mode runs one process per data directory (plugins/lock.ts): whatever was left
    // running at start-up died with the last one. On PostgreSQL other instances may be importing.
    scope.addHook('onReady', async () => failAbandoned(deps.db, deps.clock, runner.active, deps.dialect === 'sqlite' ? 0 : STALE_MS));
    scope.addHook('onClose', async () => runner.stop());
    const dir = () => filesDir(deps.config, 'imports');

    scope.post(
      '/imports/preview',
      { config: { access: 'clients:import' }, schema: { tags, description: 'multipart/form-data: file', response: { 200: importPreviewSchema } } },
      async (req) => {
        const file = await upload(req, dir());
        try {
          const { format, header, sampleRows } = await inspectFile(file.path, SAMPLE_ROWS);
          return { format, headers: header.headers, sampleRows, suggestedMapping: suggestMapping(header.headers) };
        } finally {
          fs.rmSync(file.path, { force: true });
        }
      },
    );

    scope.post(
      '/imports',
      {
        config: { access: 'clients:import' },
        schema: { tags, description: 'multipart/form-data: file, mapping (JSON: header → field), dryRun', response: { 202: importSchema } },
      },
      async (req, reply) => {
        const actor = req.actor!;
        const file = await upload(req, dir());
        let kept = false;
        try {
          const { format, header } = await inspectFile(file.path, 0);
          const { mapping, dryRun } = parseForm(file.fields, header.headers);
          try {
            columnsFor(header.headers, mapping);
          } catch (e) {
            if (e instanceof FileRefused) throw refused(e.zh, e.en, 'mapping');
            throw e;
          }
          const estimated = await estimateRows(file.path, format);
          const row = await createImportRecord(deps.db, deps.clock, actor, {
            fileName: file.fileName,
            format,
            dryRun,
            mapping,
            totalRows: Math.max(0, estimated - header.row),
          });
          const stored = path.join(dir(), `${row.id}.${format}`);
          fs.renameSync(file.path, stored);
          kept = true;
          runner.start({ id: row.id, file: stored, format, mapping, dryRun, estimatedRows: row.total_rows, ctx: { actor, ip: req.ip } });
          return reply.code(202).send(toImport(row, requestLocale(req)));
        } finally {
          if (!kept) fs.rmSync(file.path, { force: true });
        }
      },
    );

    scope.get(
      '/imports',
      { config: { access: 'clients:import' }, schema: { tags, querystring: listQuerySchema, response: { 200: listResponseSchema(importSchema) } } },
      async (req) => {
        await failAbandoned(deps.db, deps.clock, runner.active, STALE_MS);
        return listImports(deps.db, req.actor!, req.query, requestLocale(req));
      },
    );

    scope.get(
      '/imports/:id',
      { config: { access: 'clients:import' }, schema: { tags, params: idParamsSchema, response: { 200: importSchema } } },
      async (req) => {
        await failAbandoned(deps.db, deps.clock, runner.active, STALE_MS);
        return toImport(await importRowFor(deps.db, req.actor!, req.params.id), requestLocale(req));
      },
    );

    scope.get(
      '/imports/:id/report',
      {
        config: { access: 'clients:import' },
        schema: {
          tags,
          params: idParamsSchema,
          querystring: importReportQuerySchema,
          description: 'CSV (UTF-8 with BOM): row, column, reason — in ?locale=, else the request\'s language',
        },
      },
      async (req, reply) => {
        const row = await importRowFor(deps.db, req.actor!, req.params.id);
        // A plain download link carries the browser's language, not the one chosen in the app.
        const locale = req.query.locale ?? requestLocale(req);
        reply.header('content-type', CONTENT_TYPES.csv).header('content-disposition', attachment(reportFileName(row.file_name, locale)));
        return reply.send(reportCsv(deps.config, row.id, keptErrors(row), locale));
      },
    );
  });
}
