import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessLogRoutes } from './features/access-log/access-log.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { calendarRoutes } from './features/calendar/calendar.routes.js';
import { calendarFeedRoutes } from './features/calendar-feed/calendar-feed.routes.js';
import { careRoutes } from './features/care/care.routes.js';
import { classificationRoutes } from './features/classification/classification.routes.js';
import { workingDaysRoutes } from './features/calendar/working-days.routes.js';
import { clientsRoutes } from './features/clients/clients.routes.js';
import { conflictChecksRoutes } from './features/conflict-checks/conflict-checks.routes.js';
import { complaintsRoutes } from './features/complaints/complaints.routes.js';
import { contactsRoutes } from './features/contacts/contacts.routes.js';
import { exportsRoutes } from './features/exports/exports.routes.js';
import { importantDatesRoutes } from './features/important-dates/important-dates.routes.js';
import { importsRoutes } from './features/imports/imports.routes.js';
import { interactionsRoutes } from './features/interactions/interactions.routes.js';
import { matterProcessRoutes } from './features/matters/checklists.routes.js';
import { mattersRoutes } from './features/matters/matters.routes.js';
import { standardsRoutes } from './features/matters/standards.routes.js';
import { remindersRoutes } from './features/reminders/reminders.routes.js';
import { relationshipsRoutes } from './features/relationships/relationships.routes.js';
import { requestsRoutes } from './features/requests/requests.routes.js';
import { savedViewsRoutes } from './features/saved-views/saved-views.routes.js';
import { notificationsRoutes } from './features/notifications/notifications.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { surveyResponsesRoutes } from './features/surveys/responses.routes.js';
import { surveysRoutes } from './features/surveys/surveys.routes.js';
import { teamsRoutes } from './features/teams/teams.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import type { App, Deps } from './plugins/app-types.js';
import { installAuth } from './plugins/auth.js';
import { systemClock, type Clock } from './plugins/clock.js';
import type { Config } from './plugins/config.js';
import type { DbHandle } from './plugins/db.js';
import { clientErrorHandler, frameworkErrors, installErrorHandling, MAX_PARAM_LENGTH, sendNotFound } from './plugins/http-errors.js';

export type BuildOptions = {
  handle: DbHandle;
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app when it exists (off in API tests). */
  serveWeb?: boolean;
};

/** The one app that production, tests and benchmarks all build. */
export async function buildApp(options: BuildOptions) {
  const { handle, config } = options;
  const deps: Deps = { db: handle.db, dialect: handle.dialect, clock: options.clock ?? systemClock, config };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    trustProxy: config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(fastifyCookie);
  const routeAccess = installAuth(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Retainer (律维) API', version: config.version, description: 'Client-relationship system for law firms' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'retainer_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, deps);
  await app.register(
    async (api) => {
      const v1 = api as App;
      authRoutes(v1, deps);
      usersRoutes(v1, deps);
      teamsRoutes(v1, deps);
      auditRoutes(v1, deps);
      accessLogRoutes(v1, deps);
      settingsRoutes(v1, deps);
      notificationsRoutes(v1, deps);
      remindersRoutes(v1, deps);
      clientsRoutes(v1, deps);
      contactsRoutes(v1, deps);
      importantDatesRoutes(v1, deps);
      calendarRoutes(v1, deps);
      calendarFeedRoutes(v1, deps);
      workingDaysRoutes(v1, deps);
      relationshipsRoutes(v1, deps);
      savedViewsRoutes(v1, deps);
      importsRoutes(v1, deps);
      exportsRoutes(v1, deps);
      conflictChecksRoutes(v1, deps);
      interactionsRoutes(v1, deps);
      mattersRoutes(v1, deps);
      classificationRoutes(v1, deps);
      careRoutes(v1, deps);
      standardsRoutes(v1, deps);
      matterProcessRoutes(v1, deps);
      requestsRoutes(v1, deps);
      surveysRoutes(v1, deps);
      surveyResponsesRoutes(v1, deps);
      complaintsRoutes(v1, deps);
    },
    { prefix: '/api/v1' },
  );

  const webDir = config.webDir;
  const serveWeb = (options.serveWeb ?? true) && webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // The web app owns every other GET path (client-side routing).
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendNotFound(req, reply);
  });

  return { app, deps, routeAccess };
}
