import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { copyChecklist } from './checklists.service.js';
import type { MattersTable } from './matters.table.js';
import { syncRenewal } from './renewal.service.js';

type Deps = { clock: Clock; timeZone: string };

/** M-3, M-5: inside the transaction that creates a matter: its checklist, and a retainer's renewal. */
export async function startMatterProcess(trx: Transaction<Database>, { clock, timeZone }: Deps, ctx: Ctx, matter: Pick<MattersTable, 'id' | 'type'>) {
  await copyChecklist(trx, clock, matter);
  await syncRenewal(trx, clock, timeZone, ctx, matter.id);
}

/** M-5: after a matter's fields changed (expiry, type, lead), in the same transaction. */
export async function followMatterChange(trx: Transaction<Database>, { clock, timeZone }: Deps, ctx: Ctx, matterId: string) {
  await syncRenewal(trx, clock, timeZone, ctx, matterId);
}
