import { idParamsSchema, listResponseSchema, savedViewCreateSchema, savedViewListQuerySchema, savedViewSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views.service.js';

const tags = ['saved-views'];

export function savedViewsRoutes(app: App, deps: Deps) {
  app.get(
    '/saved-views',
    { config: { access: 'authenticated' }, schema: { tags, querystring: savedViewListQuerySchema, response: { 200: listResponseSchema(savedViewSchema) } } },
    async (req) => listSavedViews(deps.db, req.actor!, req.query.scope),
  );

  app.post(
    '/saved-views',
    { config: { access: 'authenticated' }, schema: { tags, body: savedViewCreateSchema, response: { 201: savedViewSchema } } },
    async (req, reply) => reply.code(201).send(await createSavedView(deps, req.ctx, req.body)),
  );

  app.delete(
    '/saved-views/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteSavedView(deps, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
