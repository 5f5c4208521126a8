import { changePasswordSchema, loginSchema, mePreferencesSchema, meSchema } from '@retainer/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { changePassword, login, me, setLocale } from './auth.service.js';
import { deleteSession, SESSION_COOKIE, SESSION_MAX_MS } from './sessions.service.js';

const tags = ['auth'];

export function authRoutes(app: App, deps: Deps) {
  // Secure when configured, or when the request itself came over HTTPS.
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies || req.protocol === 'https',
      maxAge: SESSION_MAX_MS / 1000,
    });

  app.post(
    '/auth/login',
    { config: { access: 'public' }, schema: { tags, body: loginSchema, response: { 200: meSchema } } },
    async (req, reply) => {
      const result = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setCookie(req, reply, result.token);
      return result.me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(deps.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get('/auth/me', { config: { access: 'authenticated' }, schema: { tags, response: { 200: meSchema } } }, async (req) =>
    me(deps, req.actor!.id, req.sessionInfo!.csrfToken),
  );

  app.patch(
    '/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, body: mePreferencesSchema, response: { 200: meSchema } } },
    async (req) => {
      await setLocale(deps, req.ctx, req.body.locale);
      return me(deps, req.actor!.id, req.sessionInfo!.csrfToken);
    },
  );

  app.post(
    '/auth/change-password',
    { config: { access: 'authenticated' }, schema: { tags, body: changePasswordSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await changePassword(deps, req.ctx, req.sessionInfo!.id, req.body);
      return reply.code(204).send(null);
    },
  );
}
