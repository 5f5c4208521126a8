import { idParamsSchema, listResponseSchema, teamCreateSchema, teamListQuerySchema, teamSchema, teamUpdateSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.js';

const tags = ['teams'];

export function teamsRoutes(app: App, deps: Deps) {
  app.get(
    '/teams',
    { config: { access: 'teams:read' }, schema: { tags, querystring: teamListQuerySchema, response: { 200: listResponseSchema(teamSchema) } } },
    async (req) => listTeams(deps, req.query),
  );

  app.post(
    '/teams',
    { config: { access: 'teams:manage' }, schema: { tags, body: teamCreateSchema, response: { 201: teamSchema } } },
    async (req, reply) => reply.code(201).send(await createTeam(deps, req.ctx, req.body)),
  );

  app.get(
    '/teams/:id',
    { config: { access: 'teams:read' }, schema: { tags, params: idParamsSchema, response: { 200: teamSchema } } },
    async (req) => getTeam(deps.db, req.params.id),
  );

  app.patch(
    '/teams/:id',
    { config: { access: 'teams:manage' }, schema: { tags, params: idParamsSchema, body: teamUpdateSchema, response: { 200: teamSchema } } },
    async (req) => updateTeam(deps, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/teams/:id',
    { config: { access: 'teams:manage' }, schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteTeam(deps, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
