import { accessLogListEntrySchema, accessLogListQuerySchema, listResponseSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { listFirmAccessLog } from './access-log.list.js';

export function accessLogRoutes(app: App, deps: Deps) {
  // the same permission as a client's own access log (/clients/:id/access-log)
  app.get(
    '/access-log',
    {
      config: { access: 'access-log:read' },
      schema: { tags: ['access-log'], querystring: accessLogListQuerySchema, response: { 200: listResponseSchema(accessLogListEntrySchema) } },
    },
    async (req) => listFirmAccessLog(deps.db, req.query),
  );
}
