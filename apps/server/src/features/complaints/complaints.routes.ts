import {
  complaintCreateSchema,
  complaintDetailSchema,
  complaintHandlerSchema,
  complaintListQuerySchema,
  complaintSchema,
  complaintStatsQuerySchema,
  complaintStatsSchema,
  complaintStepBodySchema,
  idParamsSchema,
  listResponseSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { createComplaint, getComplaint, listComplaints, setHandler } from './complaints.service.js';
import { complaintStats } from './complaints.stats.js';
import { postStep } from './complaints.steps.js';

/**
 * Q-1..Q-3. Anyone who can see the client records a complaint; steps 2–6 are decided in the
 * service (partner/admin or the handler, never the person complained about).
 */
export function complaintsRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };
  const tags = ['complaints'];

  app.get(
    '/complaints',
    { config: { access: 'clients:read' }, schema: { tags, querystring: complaintListQuerySchema, response: { 200: listResponseSchema(complaintSchema) } } },
    async (req) => listComplaints(d, req.actor!, req.query),
  );

  app.get(
    '/complaints/stats',
    { config: { access: 'clients:read' }, schema: { tags, querystring: complaintStatsQuerySchema, response: { 200: complaintStatsSchema } } },
    async (req) => complaintStats(d, req.actor!, req.query),
  );

  app.post(
    '/complaints',
    { config: { access: 'clients:read' }, schema: { tags, body: complaintCreateSchema, response: { 201: complaintDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createComplaint(d, req.ctx, req.body)),
  );

  app.get(
    '/complaints/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: complaintDetailSchema } } },
    async (req) => getComplaint(deps.db, req.actor!, req.params.id),
  );

  app.post(
    '/complaints/:id/steps',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, body: complaintStepBodySchema, response: { 200: complaintDetailSchema } } },
    async (req) => postStep(d, req.ctx, req.params.id, req.body),
  );

  app.put(
    '/complaints/:id/handler',
    { config: { access: 'complaints:handle' }, schema: { tags, params: idParamsSchema, body: complaintHandlerSchema, response: { 200: complaintDetailSchema } } },
    async (req) => setHandler(d, req.ctx, req.params.id, req.body.handlerId),
  );
}
