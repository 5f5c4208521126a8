import fs from 'node:fs';
import { exportCreateSchema, exportDecisionSchema, exportListQuerySchema, exportSchema, idParamsSchema, listResponseSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { attachment, CONTENT_TYPES } from './exports.download.js';
import { expireExports } from './exports.expiry.js';
import { createExport, decideExport, exportDownload, listExports } from './exports.service.js';

const tags = ['exports'];

export function exportsRoutes(app: App, deps: Deps) {
  app.post(
    '/exports',
    { config: { access: 'clients:export' }, schema: { tags, body: exportCreateSchema, response: { 201: exportSchema } } },
    async (req, reply) => reply.code(201).send(await createExport(deps, req.ctx, req.body)),
  );

  app.get(
    '/exports',
    { config: { access: 'clients:export' }, schema: { tags, querystring: exportListQuerySchema, response: { 200: listResponseSchema(exportSchema) } } },
    async (req) => {
      // the daily step may not have run yet today: a list never offers a file past the retention
      await expireExports(deps, (msg) => req.log.warn(msg));
      return listExports(deps.db, req.actor!, req.query);
    },
  );

  app.post(
    '/exports/:id/approve',
    { config: { access: 'exports:approve' }, schema: { tags, params: idParamsSchema, body: exportDecisionSchema, response: { 200: exportSchema } } },
    async (req) => decideExport(deps, req.ctx, req.params.id, true, req.body.note ?? null),
  );

  app.post(
    '/exports/:id/reject',
    { config: { access: 'exports:approve' }, schema: { tags, params: idParamsSchema, body: exportDecisionSchema, response: { 200: exportSchema } } },
    async (req) => decideExport(deps, req.ctx, req.params.id, false, req.body.note ?? null),
  );

  app.get(
    '/exports/:id/download',
    { config: { access: 'clients:export' }, schema: { tags, params: idParamsSchema, description: 'The file (xlsx or CSV), to the requester, once ready; 410 once past the retention' } },
    async (req, reply) => {
      const { file, format, fileName } = await exportDownload(deps, req.actor!, req.params.id);
      return reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', attachment(fileName)).send(fs.createReadStream(file));
    },
  );
}
