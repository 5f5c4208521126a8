import { conflictCheckCreateSchema, conflictCheckSchema, idParamsSchema, listQuerySchema, listResponseSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { listChecks, readCheck, runConflictCheck } from './conflict-checks.service.js';

const tags = ['conflict-checks'];

export function conflictChecksRoutes(app: App, deps: Deps) {
  app.post(
    '/conflict-checks',
    { config: { access: 'conflicts:check' }, schema: { tags, body: conflictCheckCreateSchema, response: { 201: conflictCheckSchema } } },
    async (req, reply) => reply.code(201).send(await runConflictCheck(deps, req.actor!, req.body)),
  );

  app.get(
    '/conflict-checks',
    { config: { access: 'conflicts:check' }, schema: { tags, querystring: listQuerySchema, response: { 200: listResponseSchema(conflictCheckSchema) } } },
    async (req) => listChecks(deps.db, req.actor!, req.query),
  );

  app.get(
    '/conflict-checks/:id',
    { config: { access: 'conflicts:check' }, schema: { tags, params: idParamsSchema, response: { 200: conflictCheckSchema } } },
    async (req) => readCheck(deps.db, req.actor!, req.params.id),
  );
}
