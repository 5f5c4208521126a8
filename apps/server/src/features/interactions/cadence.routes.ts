import { cadenceQuerySchema, cadenceReportSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { computeCadence, flagShortfalls } from './cadence.service.js';

export function cadenceRoutes(app: App, deps: Deps) {
  const d = { ...deps, timeZone: deps.config.firmTimeZone };

  // I-2: computing the current month inside the flag window also tells those short of a target (once a month).
  app.get(
    '/reports/cadence',
    { config: { access: 'reports:cadence' }, schema: { tags: ['reports'], querystring: cadenceQuerySchema, response: { 200: cadenceReportSchema } } },
    async (req) => {
      const report = await computeCadence(d, req.actor!, req.query);
      await flagShortfalls(d, report);
      return report;
    },
  );
}
