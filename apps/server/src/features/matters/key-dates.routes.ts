import { idParamsSchema, keyDateCreateSchema, keyDateListSchema, keyDateSchema, keyDateUpdateSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App } from '../../plugins/app-types.js';
import { createKeyDate, deleteKeyDate, listKeyDates, updateKeyDate } from './key-dates.service.js';
import type { Deps } from './matters.write.js';

const tags = ['key-dates'];

/** M-5: hearings, deadlines, limitation periods and renewals of a matter, reminded to its lead lawyer. */
export function keyDatesRoutes(app: App, d: Deps) {
  app.get(
    '/matters/:id/key-dates',
    { config: { access: 'matters:read' }, schema: { tags, params: idParamsSchema, response: { 200: keyDateListSchema } } },
    async (req) => listKeyDates(d.db, req.actor!, req.params.id),
  );

  app.post(
    '/matters/:id/key-dates',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: keyDateCreateSchema, response: { 201: keyDateSchema } } },
    async (req, reply) => reply.code(201).send(await createKeyDate(d, req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/key-dates/:id',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: keyDateUpdateSchema, response: { 200: keyDateSchema } } },
    async (req) => updateKeyDate(d, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/key-dates/:id',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteKeyDate(d, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
