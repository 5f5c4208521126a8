import {
  classificationSummarySchema,
  clientClassificationSchema,
  clientTierSchema,
  idParamsSchema,
  recomputeRequestSchema,
  recomputeResultSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { requestLocale } from '../../plugins/http-errors.js';
import { recomputeAll } from './classification.recompute.js';
import { classificationSummary, readClassification, setTier } from './classification.service.js';

const tags = ['classification'];

export function classificationRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/clients/:id/classification',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: clientClassificationSchema } } },
    async (req) => readClassification(d, req.actor!, req.params.id, requestLocale(req)),
  );

  // K-3: as for grade, the owner, a partner or an admin (checked in the service)
  app.put(
    '/clients/:id/tier',
    { config: { access: 'clients:classify' }, schema: { tags, params: idParamsSchema, body: clientTierSchema, response: { 200: clientClassificationSchema } } },
    async (req) => {
      await setTier(d, req.ctx, req.params.id, req.body);
      return readClassification(d, req.actor!, req.params.id, requestLocale(req));
    },
  );

  app.post(
    '/classification/recompute',
    { config: { access: 'classification:recompute' }, schema: { tags, body: recomputeRequestSchema, response: { 200: recomputeResultSchema } } },
    async (req) => {
      const started = Date.now();
      const ids = req.body?.clientIds;
      const result = await recomputeAll(deps, ids ? { clientIds: ids } : undefined);
      return { ...result, ms: Date.now() - started };
    },
  );

  app.get(
    '/classification/summary',
    { config: { access: 'clients:read' }, schema: { tags, response: { 200: classificationSummarySchema } } },
    async (req) => classificationSummary(deps.db, req.actor!),
  );
}
