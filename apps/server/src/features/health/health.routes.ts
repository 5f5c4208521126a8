import { healthSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { ping } from '../../plugins/db.js';

export function healthRoutes(app: App, deps: Deps) {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: healthSchema } } },
    async () => {
      await ping(deps.db);
      return { status: 'ok' as const, db: deps.dialect, version: deps.config.version };
    },
  );
}
