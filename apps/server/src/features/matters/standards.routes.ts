import {
  adverseEventCreateSchema,
  adverseEventUpdateSchema,
  firmStandardListSchema,
  firmStandardsQuerySchema,
  idParamsSchema,
  standardCompleteSchema,
  standardListSchema,
  standardParamsSchema,
  standardSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { listFirmStandards, listMatterStandards } from './standards.service.js';
import { completeStandard, recordAdverseEvent, updateAdverseEvent } from './standards.write.js';

const tags = ['service-standards'];

/** M-4 service standards: a matter's obligations, adverse events, and the firm-wide list. */
export function standardsRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/matters/:id/standards',
    { config: { access: 'matters:read' }, schema: { tags, params: idParamsSchema, response: { 200: standardListSchema } } },
    async (req) => listMatterStandards(d, req.actor!, req.params.id),
  );

  app.post(
    '/matters/:id/standards/:obligationId/complete',
    { config: { access: 'matters:write' }, schema: { tags, params: standardParamsSchema, body: standardCompleteSchema, response: { 200: standardSchema } } },
    async (req) => completeStandard(d, req.ctx, req.params.id, req.params.obligationId, req.body),
  );

  app.post(
    '/matters/:id/adverse-events',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: adverseEventCreateSchema, response: { 201: standardSchema } } },
    async (req, reply) => reply.code(201).send(await recordAdverseEvent(d, req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/adverse-events/:id',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: adverseEventUpdateSchema, response: { 200: standardSchema } } },
    async (req) => updateAdverseEvent(d, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/service-standards',
    { config: { access: 'matters:read' }, schema: { tags, querystring: firmStandardsQuerySchema, response: { 200: firmStandardListSchema } } },
    async (req) => listFirmStandards(d, req.actor!, req.query),
  );
}
