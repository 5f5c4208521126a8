import { auditEventSchema, auditListQuerySchema, listResponseSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { listAuditEvents } from './audit.service.js';

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/audit-events',
    {
      config: { access: 'audit:read' },
      schema: { tags: ['audit'], querystring: auditListQuerySchema, response: { 200: listResponseSchema(auditEventSchema) } },
    },
    async (req) => listAuditEvents({ ...deps, timeZone: deps.config.firmTimeZone }, req.query),
  );
}
