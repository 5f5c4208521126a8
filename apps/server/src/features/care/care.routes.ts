import {
  complianceQuerySchema,
  complianceSchema,
  gradeParamsSchema,
  myDaySchema,
  listResponseSchema,
  programmeSchema,
  programmeUpdateSchema,
  touchpointGenerateResultSchema,
  touchpointGenerateSchema,
  touchpointIdParamsSchema,
  touchpointQuerySchema,
  touchpointSchema,
  touchpointSkipSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { generateYear } from './care.generate.js';
import { compliance } from './compliance.service.js';
import { myDay } from './my-day.service.js';
import { getProgramme, listProgrammes, replaceProgramme } from './programmes.service.js';
import { listTouchpoints, readTouchpoint, skipTouchpoint } from './touchpoints.service.js';

const tags = ['care programme'];

/** P-1 programmes (read by all, edited by admins); P-4/P-6 touchpoints. */
export function careRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/programmes',
    { config: { access: 'clients:read' }, schema: { tags, response: { 200: z.object({ items: z.array(programmeSchema) }) } } },
    async () => ({ items: await listProgrammes(deps.db) }),
  );

  app.get(
    '/programmes/:grade',
    { config: { access: 'clients:read' }, schema: { tags, params: gradeParamsSchema, response: { 200: programmeSchema } } },
    async (req) => getProgramme(deps.db, req.params.grade),
  );

  app.put(
    '/programmes/:grade',
    { config: { access: 'settings:manage' }, schema: { tags, params: gradeParamsSchema, body: programmeUpdateSchema, response: { 200: programmeSchema } } },
    async (req) => replaceProgramme(d, req.ctx, req.params.grade, req.body),
  );

  app.get(
    '/touchpoints',
    { config: { access: 'clients:read' }, schema: { tags, querystring: touchpointQuerySchema, response: { 200: listResponseSchema(touchpointSchema) } } },
    async (req) => listTouchpoints(d, req.actor!, req.query),
  );

  app.post(
    '/touchpoints/generate',
    { config: { access: 'touchpoints:generate' }, schema: { tags, body: touchpointGenerateSchema, response: { 200: touchpointGenerateResultSchema } } },
    async (req) => generateYear(d, req.body.year),
  );

  app.get(
    '/touchpoints/compliance',
    { config: { access: 'clients:read' }, schema: { tags, querystring: complianceQuerySchema, response: { 200: complianceSchema } } },
    async (req) => compliance(d, req.actor!, req.query),
  );

  app.get(
    '/my-day',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: myDaySchema } } },
    async (req) => myDay(d, req.actor!),
  );

  app.get(
    '/touchpoints/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: touchpointIdParamsSchema, response: { 200: touchpointSchema } } },
    async (req) => readTouchpoint(d, req.actor!, req.params.id),
  );

  app.post(
    '/touchpoints/:id/skip',
    { config: { access: 'clients:read' }, schema: { tags, params: touchpointIdParamsSchema, body: touchpointSkipSchema, response: { 200: touchpointSchema } } },
    async (req) => skipTouchpoint(d, req.ctx, req.params.id, req.body.reason),
  );
}
