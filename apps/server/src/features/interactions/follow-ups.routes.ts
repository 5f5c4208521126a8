import {
  idParamsSchema,
  listResponseSchema,
  needCreateSchema,
  needListQuerySchema,
  needSchema,
  needUpdateSchema,
  taskListQuerySchema,
  taskSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { createNeed, listNeeds, updateNeed } from './needs.service.js';
import { completeTask, listMyTasks } from './tasks.service.js';

/** Follow-up tasks (the signed-in user's own) and the needs archive (I-3). */
export function followUpRoutes(app: App, deps: Deps) {
  const d = { ...deps, timeZone: deps.config.firmTimeZone };

  app.get(
    '/tasks',
    { config: { access: 'authenticated' }, schema: { tags: ['tasks'], querystring: taskListQuerySchema, response: { 200: listResponseSchema(taskSchema) } } },
    async (req) => listMyTasks(d, req.actor!, req.query),
  );

  app.post(
    '/tasks/:id/done',
    { config: { access: 'authenticated' }, schema: { tags: ['tasks'], params: idParamsSchema, response: { 200: taskSchema } } },
    async (req) => completeTask(d, req.ctx, req.params.id),
  );

  app.get(
    '/clients/:id/needs',
    {
      config: { access: 'clients:read' },
      schema: { tags: ['needs'], params: idParamsSchema, querystring: needListQuerySchema, response: { 200: listResponseSchema(needSchema) } },
    },
    async (req) => listNeeds(deps.db, req.actor!, req.params.id, req.query),
  );

  app.post(
    '/clients/:id/needs',
    { config: { access: 'interactions:log' }, schema: { tags: ['needs'], params: idParamsSchema, body: needCreateSchema, response: { 201: needSchema } } },
    async (req, reply) => reply.code(201).send(await createNeed(deps, req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/needs/:id',
    { config: { access: 'interactions:log' }, schema: { tags: ['needs'], params: idParamsSchema, body: needUpdateSchema, response: { 200: needSchema } } },
    async (req) => updateNeed(deps, req.ctx, req.params.id, req.body),
  );
}
