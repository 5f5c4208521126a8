import { idParamsSchema, idSchema, listResponseSchema, relationshipCreateSchema, relationshipSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createRelationship, deleteRelationship, listRelationships } from './relationships.service.js';

const tags = ['relationships'];
const relParamsSchema = z.strictObject({ id: idSchema, relId: idSchema });

export function relationshipsRoutes(app: App, deps: Deps) {
  app.get(
    '/clients/:id/relationships',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: listResponseSchema(relationshipSchema) } } },
    async (req) => listRelationships(deps.db, req.actor!, req.params.id),
  );

  app.post(
    '/clients/:id/relationships',
    {
      config: { access: 'clients:update' },
      schema: { tags, params: idParamsSchema, body: relationshipCreateSchema, response: { 201: relationshipSchema } },
    },
    async (req, reply) => reply.code(201).send(await createRelationship(deps, req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/clients/:id/relationships/:relId',
    { config: { access: 'clients:update' }, schema: { tags, params: relParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteRelationship(deps, req.ctx, req.params.id, req.params.relId);
      return reply.code(204).send(null);
    },
  );
}
