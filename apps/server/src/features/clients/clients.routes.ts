import {
  accessLogEntrySchema,
  accessLogQuerySchema,
  clientBulkResponseSchema,
  clientBulkSchema,
  clientCreateSchema,
  clientGradeSchema,
  clientListResponseSchema,
  clientListQuerySchema,
  clientSchema,
  clientStatusChangeSchema,
  clientTransferSchema,
  clientUnmaskedSchema,
  clientUnmaskSchema,
  clientUpdateSchema,
  COMPLAINT_TIMELINE_KINDS,
  idParamsSchema,
  listResponseSchema,
  MATTER_TIMELINE_KINDS,
  timelineEventSchema,
  timelineQuerySchema,
  hasPermission,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { requestLocale } from '../../plugins/http-errors.js';
import { listAccessLog, logAccess } from '../access-log/access-log.service.js';
import { listTimeline } from '../timeline/timeline.service.js';
import { setGrade, setStatus, transferClient, unmask } from './clients.actions.js';
import { runClientBulk } from './clients.bulk.js';
import { listClients, readClient } from './clients.service.js';
import { seesFees, visibleClientOr404 } from './clients.visibility.js';
import { createClient, updateClient } from './clients.write.js';

const tags = ['clients'];

export function clientsRoutes(app: App, deps: Deps) {
  const d = { ...deps, timeZone: deps.config.firmTimeZone };

  app.get(
    '/clients',
    { config: { access: 'clients:read' }, schema: { tags, querystring: clientListQuerySchema, response: { 200: clientListResponseSchema } } },
    async (req) => listClients({ db: deps.db, now: deps.clock.now() }, req.actor!, req.query),
  );

  app.post(
    '/clients',
    { config: { access: 'clients:create' }, schema: { tags, body: clientCreateSchema, response: { 201: clientSchema } } },
    async (req, reply) => reply.code(201).send(await createClient(deps, req.ctx, req.body)),
  );

  // C-9: the least privileged of its actions; each client is checked as its single action would be
  app.post(
    '/clients/bulk',
    { config: { access: 'clients:update' }, schema: { tags, body: clientBulkSchema, response: { 200: clientBulkResponseSchema } } },
    async (req) => runClientBulk(d, req.ctx, req.body, requestLocale(req), (err, id) => req.log.error({ err, clientId: id }, 'bulk item failed')),
  );

  app.get(
    '/clients/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: clientSchema } } },
    async (req) => {
      const client = await readClient(deps.db, req.actor!, req.params.id);
      await logAccess(d, req.ctx, { clientId: client.id, action: 'view' });
      return client;
    },
  );

  app.patch(
    '/clients/:id',
    { config: { access: 'clients:update' }, schema: { tags, params: idParamsSchema, body: clientUpdateSchema, response: { 200: clientSchema } } },
    async (req) => updateClient(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/clients/:id/transfer',
    { config: { access: 'clients:transfer' }, schema: { tags, params: idParamsSchema, body: clientTransferSchema, response: { 200: clientSchema } } },
    async (req) => transferClient(d, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/clients/:id/grade',
    { config: { access: 'clients:classify' }, schema: { tags, params: idParamsSchema, body: clientGradeSchema, response: { 200: clientSchema } } },
    async (req) => setGrade(d, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/clients/:id/status',
    { config: { access: 'clients:classify' }, schema: { tags, params: idParamsSchema, body: clientStatusChangeSchema, response: { 200: clientSchema } } },
    async (req) => setStatus(d, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/clients/:id/unmask',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, body: clientUnmaskSchema, response: { 200: clientUnmaskedSchema } } },
    async (req) => unmask(d, req.ctx, req.params.id, req.body.fields),
  );

  app.get(
    '/clients/:id/timeline',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, querystring: timelineQuerySchema, response: { 200: listResponseSchema(timelineEventSchema) } } },
    async (req) => {
      const actor = req.actor!;
      const client = await visibleClientOr404(deps.db, actor, req.params.id);
      // secretaries see no matters or fees, in the timeline either; complaints are for those
      // who may see every complaint of the client (Q-1: confidential beyond client visibility)
      const hideKinds = [
        ...(seesFees(actor) ? [] : MATTER_TIMELINE_KINDS),
        ...(hasPermission(actor.role, 'complaints:handle') || client.owner_id === actor.id || client.manager_id === actor.id ? [] : COMPLAINT_TIMELINE_KINDS),
      ];
      return listTimeline(deps.db, req.params.id, { ...req.query, hideKinds });
    },
  );

  app.get(
    '/clients/:id/access-log',
    { config: { access: 'access-log:read' }, schema: { tags, params: idParamsSchema, querystring: accessLogQuerySchema, response: { 200: listResponseSchema(accessLogEntrySchema) } } },
    async (req) => {
      await visibleClientOr404(deps.db, req.actor!, req.params.id);
      return listAccessLog(deps.db, req.params.id, req.query);
    },
  );
}
