import { timingSafeEqual } from 'node:crypto';
import { hasPermission, type RouteAccess } from '@retainer/shared';
import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../features/auth/sessions.service.js';
import type { Deps } from './app-types.js';
import { AppError, Forbidden, Unauthenticated } from './errors.js';
import { memberClientIds } from '../features/clients/clients.visibility.js';

export type RouteAccessEntry = { method: string; url: string; access: RouteAccess };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sessions, CSRF and permissions, decided before the body is read, so a refused
 * request writes nothing. Returns the route → access table for the snapshot test.
 */
export function installAuth(app: FastifyInstance, deps: Deps): RouteAccessEntry[] {
  const table: RouteAccessEntry[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionInfo', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && route.url !== '/api/health') return;
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, ip: req.ip };
    const access = req.routeOptions.config.access;
    if (!access) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(deps.db, deps.clock, token);
      if (s) {
        req.actor = { id: s.id, name: s.name, role: s.role, teamId: s.team_id, locale: s.locale };
        // lists and searches name a lawyer's matter clients; a route about one record (`/:id`)
        // checks that one client by itself (visibleClientOr404), cheaper than reading them all.
        if (s.role === 'lawyer' && !req.routeOptions.url?.includes('/:')) req.actor.memberClientIds = await memberClientIds(deps.db, req.actor);
        req.sessionInfo = { id: s.sessionId, csrfToken: s.csrf_token };
        req.ctx = { actor: req.actor, ip: req.ip };
      }
    }
    if (access === 'public') return;
    if (!req.actor || !req.sessionInfo) throw new Unauthenticated();
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, req.sessionInfo.csrfToken)) {
        throw new AppError('csrf_invalid', 403);
      }
    }
    if (access !== 'authenticated' && !hasPermission(req.actor.role, access)) throw new Forbidden();
  });

  return table;
}
