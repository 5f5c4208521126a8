import {
  calendarYearParamsSchema,
  calendarYearSchema,
  calendarYearsSchema,
  calendarYearUpdateSchema,
  workingDaysQuerySchema,
  workingDaysSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { requestLocale } from '../../plugins/http-errors.js';
import { getCalendarYear, listCalendarYears, replaceCalendarYear, workingDaysRange } from './working-days.service.js';

const tags = ['calendar'];

// M-6: the holiday table is an admin setting; whether a day is a working day is for everyone.
export function workingDaysRoutes(app: App, deps: Deps) {
  app.get(
    '/calendar/years',
    { config: { access: 'settings:manage' }, schema: { tags, response: { 200: calendarYearsSchema } } },
    async () => ({ items: await listCalendarYears(deps.db) }),
  );

  app.get(
    '/calendar/years/:year',
    { config: { access: 'settings:manage' }, schema: { tags, params: calendarYearParamsSchema, response: { 200: calendarYearSchema } } },
    async (req) => getCalendarYear(deps.db, req.params.year),
  );

  app.put(
    '/calendar/years/:year',
    {
      config: { access: 'settings:manage' },
      schema: { tags, params: calendarYearParamsSchema, body: calendarYearUpdateSchema, response: { 200: calendarYearSchema } },
    },
    async (req) => replaceCalendarYear(deps, req.ctx, req.params.year, req.body, requestLocale(req)),
  );

  app.get(
    '/calendar/working-days',
    { config: { access: 'authenticated' }, schema: { tags, querystring: workingDaysQuerySchema, response: { 200: workingDaysSchema } } },
    async (req) => workingDaysRange(deps, req.query.from, req.query.to, requestLocale(req)),
  );
}
