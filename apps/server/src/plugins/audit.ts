import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { Ctx } from './context.js';
import { newId } from './ids.js';

type Change = {
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
};

// Never copy secrets into the audit trail.
const HIDDEN = new Set(['password_hash', 'passwordHash', 'csrf_token']);

function clean(row: object | null | undefined): string | null {
  if (!row) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !HIDDEN.has(k))));
}

/** written inside the caller's transaction, so the change and its audit row commit together. */
export async function recordAudit(trx: Transaction<Database>, ctx: Ctx, clock: Clock, change: Change): Promise<void> {
  const now = clock.now();
  await trx
    .insertInto('audit_events')
    .values({
      id: newId(now.getTime()),
      at: now.toISOString(),
      actor_id: ctx.actor?.id ?? null,
      action: change.action,
      entity: change.entity,
      entity_id: change.entityId,
      before: clean(change.before),
      after: clean(change.after),
      ip: ctx.ip,
    })
    .execute();
}
