import type { RouteAccess } from '@retainer/shared';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Actor, Ctx } from './context.js';
import type { Db, Dialect } from './db.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every feature's routes are given. */
export type Deps = {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Config;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares who may call it (snapshot-tested). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionInfo: { id: string; csrfToken: string } | null;
    ctx: Ctx;
  }
}
