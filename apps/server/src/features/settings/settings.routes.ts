import { settingsSchema, settingsUpdateSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { getSettings, updateSettings } from './settings.service.js';

export function settingsRoutes(app: App, deps: Deps) {
  app.get('/settings', { config: { access: 'settings:manage' }, schema: { tags: ['settings'], response: { 200: settingsSchema } } }, async () =>
    getSettings(deps.db),
  );
  app.patch(
    '/settings',
    { config: { access: 'settings:manage' }, schema: { tags: ['settings'], body: settingsUpdateSchema, response: { 200: settingsSchema } } },
    async (req) => updateSettings(deps, req.ctx, req.body),
  );
}
