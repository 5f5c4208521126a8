import {
  idParamsSchema,
  listResponseSchema,
  publicAnsweredSchema,
  publicAnswerSchema,
  publicSurveySchema,
  surveyCreateSchema,
  surveyDetailSchema,
  surveyListQuerySchema,
  surveySchema,
  surveySentSchema,
  surveyTemplateSchema,
  surveyTemplateUpdateSchema,
  surveyTokenParamsSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { answerByToken, openByToken } from './responses.write.js';
import { listSurveys, readSurvey, sendSurvey } from './surveys.service.js';
import { listTemplates, readTemplate, updateTemplate } from './templates.service.js';

const tags = ['surveys'];

/** V-1 templates, V-2 surveys by personal link, and the public (no-login) survey page's API. */
export function surveysRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/survey-templates',
    { config: { access: 'clients:read' }, schema: { tags, response: { 200: z.object({ items: z.array(surveyTemplateSchema) }) } } },
    async () => ({ items: await listTemplates(deps.db) }),
  );

  app.get(
    '/survey-templates/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: surveyTemplateSchema } } },
    async (req) => readTemplate(deps.db, req.params.id),
  );

  app.put(
    '/survey-templates/:id',
    { config: { access: 'settings:manage' }, schema: { tags, params: idParamsSchema, body: surveyTemplateUpdateSchema, response: { 200: surveyTemplateSchema } } },
    async (req) => updateTemplate(d, req.ctx, req.params.id, req.body),
  );

  // V-2: whoever may log a return visit may send a survey (secretaries included)
  app.post(
    '/surveys',
    { config: { access: 'interactions:log' }, schema: { tags, body: surveyCreateSchema, response: { 201: surveySentSchema } } },
    async (req, reply) => reply.code(201).send(await sendSurvey(d, req.ctx, req.body)),
  );

  app.get(
    '/surveys',
    { config: { access: 'clients:read' }, schema: { tags, querystring: surveyListQuerySchema, response: { 200: listResponseSchema(surveySchema) } } },
    async (req) => listSurveys(d, req.actor!, req.query),
  );

  app.get(
    '/surveys/:id',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: surveyDetailSchema } } },
    async (req) => readSurvey(d, req.actor!, req.params.id),
  );

  // Public: the token in the path is the credential. Forged 404, answered 409, expired 410; nothing recorded.
  app.get(
    '/public/surveys/:token',
    { config: { access: 'public' }, schema: { tags, params: surveyTokenParamsSchema, response: { 200: publicSurveySchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return openByToken(d, req.params.token);
    },
  );

  app.post(
    '/public/surveys/:token',
    { config: { access: 'public' }, schema: { tags, params: surveyTokenParamsSchema, body: publicAnswerSchema, response: { 201: publicAnsweredSchema } } },
    async (req, reply) => reply.code(201).send(await answerByToken(d, req.params.token, req.body.answers, req.ip)),
  );
}
