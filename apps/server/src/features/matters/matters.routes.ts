import {
  idParamsSchema,
  matterCreateSchema,
  matterListQuerySchema,
  matterListResponseSchema,
  matterSchema,
  matterTransitionSchema,
  matterUpdateSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { feesRoutes } from './fees.routes.js';
import { matterTeamRoutes } from './matter-team.routes.js';
import { listMatters, readMatter } from './matters.service.js';
import { createMatter, transitionMatter, updateMatter } from './matters.write.js';

const tags = ['matters'];

/** M-1 matters, their team and opposing parties, and M-2 fee receipts. */
export function mattersRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/matters',
    { config: { access: 'matters:read' }, schema: { tags, querystring: matterListQuerySchema, response: { 200: matterListResponseSchema } } },
    async (req) => listMatters(deps.db, req.actor!, req.query),
  );

  app.post(
    '/matters',
    { config: { access: 'matters:write' }, schema: { tags, body: matterCreateSchema, response: { 201: matterSchema } } },
    async (req, reply) => reply.code(201).send(await createMatter(d, req.ctx, req.body)),
  );

  app.get(
    '/matters/:id',
    { config: { access: 'matters:read' }, schema: { tags, params: idParamsSchema, response: { 200: matterSchema } } },
    async (req) => readMatter(deps.db, req.actor!, req.params.id),
  );

  app.patch(
    '/matters/:id',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: matterUpdateSchema, response: { 200: matterSchema } } },
    async (req) => updateMatter(d, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/matters/:id/transition',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: matterTransitionSchema, response: { 200: matterSchema } } },
    async (req) => transitionMatter(d, req.ctx, req.params.id, req.body),
  );

  matterTeamRoutes(app, d);
  feesRoutes(app, d);
}
