import {
  idParamsSchema,
  interactionCreateSchema,
  interactionListQuerySchema,
  interactionSchema,
  interactionUpdateSchema,
  listResponseSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { cadenceRoutes } from './cadence.routes.js';
import { followUpRoutes } from './follow-ups.routes.js';
import { listInteractions, readInteraction } from './interactions.service.js';
import { createInteraction, deleteInteraction, updateInteraction } from './interactions.write.js';

const tags = ['interactions'];

/** I-1 interactions; tasks, needs (I-3) and the cadence report (I-2) register beside them. */
export function interactionsRoutes(app: App, deps: Deps) {
  app.get(
    '/interactions',
    { config: { access: 'clients:read' }, schema: { tags, querystring: interactionListQuerySchema, response: { 200: listResponseSchema(interactionSchema) } } },
    async (req) => listInteractions(deps.db, req.actor!, req.query, deps.config.firmTimeZone),
  );

  app.post(
    '/interactions',
    { config: { access: 'interactions:log' }, schema: { tags, body: interactionCreateSchema, response: { 201: interactionSchema } } },
    async (req, reply) => reply.code(201).send(await createInteraction(deps, req.ctx, req.body)),
  );

  app.get(
    '/interactions/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: interactionSchema } } },
    async (req) => readInteraction(deps.db, req.actor!, req.params.id),
  );

  app.patch(
    '/interactions/:id',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: interactionUpdateSchema, response: { 200: interactionSchema } } },
    async (req) => updateInteraction(deps, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/interactions/:id',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteInteraction(deps, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  followUpRoutes(app, deps);
  cadenceRoutes(app, deps);
}
