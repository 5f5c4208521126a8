import { breachReportQuerySchema, breachReportSchema, nearBreachSchema, slaSettingsSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { breachReport } from './requests.report.js';
import { requestsNearBreach } from './requests.service.js';
import { getSlaSettings, updateSlaSettings } from './requests.settings.js';

const tags = ['requests'];

/** S-2/S-4: My day's near-breach list, the breach report and the firm's SLA settings. */
export function requestReportRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };
  app.get(
    '/requests/near-breach',
    { config: { access: 'clients:read' }, schema: { tags, response: { 200: nearBreachSchema } } },
    async (req) => ({ items: await requestsNearBreach(deps.db, req.actor!, deps.clock.now()) }),
  );
  app.get(
    '/requests/breaches',
    { config: { access: 'reports:cadence' }, schema: { tags, querystring: breachReportQuerySchema, response: { 200: breachReportSchema } } },
    async (req) => breachReport(d, req.actor!, req.query, deps.clock.now()),
  );
  app.get(
    '/requests/sla-settings',
    { config: { access: 'clients:read' }, schema: { tags, response: { 200: slaSettingsSchema } } },
    async () => getSlaSettings(deps.db),
  );
  app.put(
    '/requests/sla-settings',
    { config: { access: 'settings:manage' }, schema: { tags, body: slaSettingsSchema, response: { 200: slaSettingsSchema } } },
    async (req) => updateSlaSettings(d, req.ctx, req.body),
  );
}
