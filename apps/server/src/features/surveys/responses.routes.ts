import {
  idParamsSchema,
  improvementCreateSchema,
  improvementItemSchema,
  improvementListQuerySchema,
  improvementUpdateSchema,
  listResponseSchema,
  responseListQuerySchema,
  responseRecordSchema,
  statsQuerySchema,
  surveyResponseDetailSchema,
  surveyResponseSchema,
  surveyStatsSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { createImprovement, listImprovements, readImprovement, updateImprovement } from './improvements.service.js';
import { listResponses, readResponse } from './responses.service.js';
import { recordResponse } from './responses.write.js';
import { surveyStats } from './stats.service.js';

const tags = ['surveys'];

/** V-3 responses and scores (visible clients only; secretaries included, X-1) and V-4 improvement items. */
export function surveyResponsesRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/survey-responses',
    { config: { access: 'clients:read' }, schema: { tags, querystring: responseListQuerySchema, response: { 200: listResponseSchema(surveyResponseSchema) } } },
    async (req) => listResponses(d, req.actor!, req.query),
  );

  app.get(
    '/survey-responses/stats',
    { config: { access: 'clients:read' }, schema: { tags, querystring: statsQuerySchema, response: { 200: surveyStatsSchema } } },
    async (req) => surveyStats(d, req.actor!, req.query),
  );

  app.get(
    '/survey-responses/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: surveyResponseDetailSchema } } },
    async (req) => readResponse(d, req.actor!, req.params.id),
  );

  app.post(
    '/survey-responses',
    { config: { access: 'interactions:log' }, schema: { tags, body: responseRecordSchema, response: { 201: surveyResponseDetailSchema } } },
    async (req, reply) => reply.code(201).send(await recordResponse(d, req.ctx, req.body)),
  );

  app.get(
    '/improvement-items',
    { config: { access: 'clients:read' }, schema: { tags, querystring: improvementListQuerySchema, response: { 200: listResponseSchema(improvementItemSchema) } } },
    async (req) => listImprovements(d, req.actor!, req.query),
  );

  app.get(
    '/improvement-items/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: improvementItemSchema } } },
    async (req) => readImprovement(d, req.actor!, req.params.id),
  );

  app.post(
    '/improvement-items',
    { config: { access: 'interactions:log' }, schema: { tags, body: improvementCreateSchema, response: { 201: improvementItemSchema } } },
    async (req, reply) => reply.code(201).send(await createImprovement(d, req.ctx, req.body)),
  );

  app.patch(
    '/improvement-items/:id',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: improvementUpdateSchema, response: { 200: improvementItemSchema } } },
    async (req) => updateImprovement(d, req.ctx, req.params.id, req.body),
  );
}
