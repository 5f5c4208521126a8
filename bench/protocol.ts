// Messages between bench/run.ts (the load generator) and bench/target.ts (the servers under load).
import type { Scale } from '../apps/server/src/demo/firm.js';

export type TargetDb = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string };

export type ToTarget = { type: 'init'; db: TargetDb; scale: Scale; password: string } | { type: 'close' };

export type TargetPorts = {
  /** The product: buildApp on the seeded database. */
  product: number;
  /** Bare Fastify, GET /api/health → {status:'ok'}. */
  healthFloor: number;
  /** Bare Fastify, POST /login → one argon2 verify of the stored hash. */
  loginFloor: number;
  /** Bare Fastify, GET /users → the raw page query + count through the driver. */
  usersFloor: number;
};

export type FromTarget =
  | {
      type: 'ready';
      ports: TargetPorts;
      seeded: { teams: number; users: number };
      setupMs: number;
      dbVersion: string;
    }
  | { type: 'closed'; rssBytes: number }
  | { type: 'error'; message: string };

export const BENCH_LOGIN = 'admin@retainer.test';
