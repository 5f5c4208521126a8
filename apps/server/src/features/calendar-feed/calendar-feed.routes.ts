import { calendarFeedSchema, calendarFeedTokenParamsSchema } from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { renderFeed } from './calendar-feed.ics.js';
import { feedOwner, readOrCreateFeed, rotateFeed } from './calendar-feed.service.js';

const tags = ['calendar feed'];

/** P-9: the caller's private feed URL, its rotation, and the feed itself (by token, no session). */
export function calendarFeedRoutes(app: App, deps: Deps) {
  app.get(
    '/me/calendar-feed',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: calendarFeedSchema } } },
    async (req) => readOrCreateFeed(deps.db, deps.clock, req.actor!.id),
  );

  app.post(
    '/me/calendar-feed/rotate',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: calendarFeedSchema } } },
    async (req) => rotateFeed(deps.db, deps.clock, req.actor!.id),
  );

  // Public: the token in the path is the credential (calendar apps send no cookie). Under /api/v1
  // so that it is in the route → access snapshot like every other route.
  app.get(
    '/calendar-feed/:token.ics',
    { config: { access: 'public' }, schema: { tags, params: calendarFeedTokenParamsSchema } },
    async (req, reply) => {
      const actor = await feedOwner(deps.db, req.params.token);
      const body = await renderFeed({ db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone }, actor);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline; filename="retainer.ics"')
        .send(body);
    },
  );
}
