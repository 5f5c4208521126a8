import {
  commitmentCreateSchema,
  idParamsSchema,
  requestCloseSchema,
  requestCreateSchema,
  requestDetailSchema,
  requestListQuerySchema,
  requestListSchema,
  requestMilestoneSchema,
  requestUpdateSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { requestReportRoutes } from './requests.report.routes.js';
import { getRequest, listRequests } from './requests.service.js';
import { addCommitment, closeRequest, createRequest, recordMilestone, reopenRequest, updateRequest } from './requests.write.js';

const tags = ['requests'];
const emptyBody = z.strictObject({}).optional();

/** S-1..S-4: client requests, their SLA actions, the breach report and the SLA settings. */
export function requestsRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };
  const detail = { 200: requestDetailSchema };

  app.get(
    '/requests',
    { config: { access: 'clients:read' }, schema: { tags, querystring: requestListQuerySchema, response: { 200: requestListSchema } } },
    async (req) => listRequests(d, req.actor!, req.query, deps.clock.now()),
  );
  app.post(
    '/requests',
    { config: { access: 'interactions:log' }, schema: { tags, body: requestCreateSchema, response: { 201: requestDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createRequest(d, req.ctx, req.body)),
  );
  requestReportRoutes(app, deps);
  app.get(
    '/requests/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: detail } },
    async (req) => getRequest(d, req.actor!, req.params.id, deps.clock.now()),
  );
  app.patch(
    '/requests/:id',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: requestUpdateSchema, response: detail } },
    async (req) => updateRequest(d, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/requests/:id/reply',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: requestMilestoneSchema, response: detail } },
    async (req) => recordMilestone(d, req.ctx, req.params.id, 'reply', req.body),
  );
  app.post(
    '/requests/:id/opinion',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: requestMilestoneSchema, response: detail } },
    async (req) => recordMilestone(d, req.ctx, req.params.id, 'opinion', req.body),
  );
  app.post(
    '/requests/:id/commitments',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: commitmentCreateSchema, response: detail } },
    async (req) => addCommitment(d, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/requests/:id/close',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: requestCloseSchema, response: detail } },
    async (req) => closeRequest(d, req.ctx, req.params.id, req.body.note),
  );
  app.post(
    '/requests/:id/reopen',
    { config: { access: 'interactions:log' }, schema: { tags, params: idParamsSchema, body: emptyBody, response: detail } },
    async (req) => reopenRequest(d, req.ctx, req.params.id),
  );
}
