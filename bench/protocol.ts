// Messages between bench/run.ts (the load generator) and bench/target.ts (the servers under load).
import type { Scale } from '../apps/server/src/demo/firm.js';
import type { PlanResult } from './plan.js';
import type { RecomputeResult } from './recompute.js';
import type { BusyClients } from './timeline.js';

/** `reuse`: a database the CLI already seeded at this scale (BENCH_SQLITE_FILE): not seeded again. */
export type TargetDb = { dialect: 'sqlite'; file: string; reuse?: boolean } | { dialect: 'postgres'; url: string; schema: string };

export type ToTarget =
  | { type: 'init'; db: TargetDb; scale: Scale; password: string }
  | { type: 'recompute'; runs: number }
  | { type: 'plan'; runs: number }
  | { type: 'close' };

export type TargetPorts = {
  /** The product: buildApp on the seeded database. */
  product: number;
  /** Bare Fastify, GET /api/health → {status:'ok'}. */
  healthFloor: number;
  /** Bare Fastify, POST /login → one argon2 verify of the stored hash. */
  loginFloor: number;
  /** Bare Fastify, GET /users → the raw page query + count through the driver. */
  usersFloor: number;
  /** Bare Fastify, GET /clients?q= | ?cursor= and GET /clients/:id → raw search, list page and point read. */
  clientsFloor: number;
  /** Bare Fastify, GET /timeline/:id → the raw timeline page + count (bench/timeline.ts). */
  timelineFloor: number;
  /** Bare Fastify, GET /my-day → the raw queries of My day (bench/my-day.ts). */
  myDayFloor: number;
};

/** A demo account the client scenarios sign in as, and what the floors need to apply its visibility. */
export type BenchAccount = { email: string; id: string; teamId: string | null };

export type FromTarget =
  | {
      type: 'ready';
      ports: TargetPorts;
      seeded: { teams: number; users: number; clients: number; contacts: number; grams: number; matters: number; interactions: number; timeline: number };
      accounts: { partner: BenchAccount; lawyer: BenchAccount };
      /** Clients lawyer@retainer.test may see, for the detail scenario to walk through. */
      lawyerClientIds: string[];
      /** The clients with the most timeline events, firm-wide and among the lawyer's. */
      busyClients: BusyClients;
      setupMs: number;
      dbVersion: string;
    }
  | { type: 'recomputed'; result: RecomputeResult }
  | { type: 'planned'; result: PlanResult }
  | { type: 'closed'; rssBytes: number }
  | { type: 'error'; message: string };

export const BENCH_LOGIN = 'admin@retainer.test';
export const BENCH_PARTNER = 'partner@retainer.test';
export const BENCH_LAWYER = 'lawyer@retainer.test';
