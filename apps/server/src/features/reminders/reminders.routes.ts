import {
  deliveryListQuerySchema,
  deliverySchema,
  digestPreferenceSchema,
  digestPreferenceUpdateSchema,
  emailSettingsSchema,
  emailSettingsUpdateSchema,
  emailTestResultSchema,
  emailTestSchema,
  listResponseSchema,
  webhookSettingsSchema,
  webhookSettingsUpdateSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { getDigestPreference, listDeliveries, sendTestEmail, setDigestPreference } from './reminders.service.js';
import { getEmailSettings, getWebhookSettings, updateEmailSettings, updateWebhookSettings } from './reminders.settings.js';

const tags = ['reminders'];

/** P-10, N-4: email and webhook settings, the delivery log, and each user's digest switch. */
export function remindersRoutes(app: App, deps: Deps) {
  app.get('/settings/email', { config: { access: 'settings:manage' }, schema: { tags, response: { 200: emailSettingsSchema } } }, async () =>
    getEmailSettings(deps.db),
  );
  app.put(
    '/settings/email',
    { config: { access: 'settings:manage' }, schema: { tags, body: emailSettingsUpdateSchema, response: { 200: emailSettingsSchema } } },
    async (req) => updateEmailSettings(deps, req.ctx, req.body),
  );
  app.post(
    '/settings/email/test',
    { config: { access: 'settings:manage' }, schema: { tags, body: emailTestSchema, response: { 200: emailTestResultSchema } } },
    async (req) => sendTestEmail(deps, req.actor!, req.body.to),
  );
  app.get('/settings/webhook', { config: { access: 'settings:manage' }, schema: { tags, response: { 200: webhookSettingsSchema } } }, async () =>
    getWebhookSettings(deps.db),
  );
  app.put(
    '/settings/webhook',
    { config: { access: 'settings:manage' }, schema: { tags, body: webhookSettingsUpdateSchema, response: { 200: webhookSettingsSchema } } },
    async (req) => updateWebhookSettings(deps, req.ctx, req.body),
  );
  app.get(
    '/deliveries',
    { config: { access: 'settings:manage' }, schema: { tags, querystring: deliveryListQuerySchema, response: { 200: listResponseSchema(deliverySchema) } } },
    async (req) => listDeliveries(deps.db, req.query),
  );
  app.get('/me/digest', { config: { access: 'authenticated' }, schema: { tags, response: { 200: digestPreferenceSchema } } }, async (req) =>
    getDigestPreference(deps.db, req.actor!.id),
  );
  app.put(
    '/me/digest',
    { config: { access: 'authenticated' }, schema: { tags, body: digestPreferenceUpdateSchema, response: { 200: digestPreferenceSchema } } },
    async (req) => setDigestPreference(deps, req.actor!.id, req.body.enabled),
  );
}
