import {
  idParamsSchema,
  idSchema,
  importantDateCreateSchema,
  importantDateSchema,
  importantDateUpdateSchema,
  listResponseSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createImportantDate, deleteImportantDate, listImportantDates, updateImportantDate } from './important-dates.service.js';

const tags = ['important-dates'];
const dateParamsSchema = z.strictObject({ id: idSchema, dateId: idSchema });

export function importantDatesRoutes(app: App, deps: Deps) {
  const d = { ...deps, timeZone: deps.config.firmTimeZone };

  app.get(
    '/clients/:id/important-dates',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: listResponseSchema(importantDateSchema) } } },
    async (req) => listImportantDates(d, req.actor!, req.params.id),
  );

  app.post(
    '/clients/:id/important-dates',
    {
      config: { access: 'clients:update' },
      schema: { tags, params: idParamsSchema, body: importantDateCreateSchema, response: { 201: importantDateSchema } },
    },
    async (req, reply) => reply.code(201).send(await createImportantDate(d, req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/clients/:id/important-dates/:dateId',
    {
      config: { access: 'clients:update' },
      schema: { tags, params: dateParamsSchema, body: importantDateUpdateSchema, response: { 200: importantDateSchema } },
    },
    async (req) => updateImportantDate(d, req.ctx, req.params.id, req.params.dateId, req.body),
  );

  app.delete(
    '/clients/:id/important-dates/:dateId',
    { config: { access: 'clients:update' }, schema: { tags, params: dateParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteImportantDate(d, req.ctx, req.params.id, req.params.dateId);
      return reply.code(204).send(null);
    },
  );
}
