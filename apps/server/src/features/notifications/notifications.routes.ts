import { idParamsSchema, listResponseSchema, notificationListQuerySchema, notificationSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { listNotifications, markRead } from './notifications.service.js';

const tags = ['notifications'];

export function notificationsRoutes(app: App, deps: Deps) {
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: notificationListQuerySchema, response: { 200: listResponseSchema(notificationSchema).extend({ unread: z.number().int() }) } },
    },
    async (req) => listNotifications(deps.db, req.actor!.id, req.query),
  );
  app.post(
    '/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await markRead(deps.db, deps.clock, req.actor!.id, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await markRead(deps.db, deps.clock, req.actor!.id, 'all');
      return reply.code(204).send(null);
    },
  );
}
