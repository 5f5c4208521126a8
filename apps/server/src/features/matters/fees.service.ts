import { LATE_FEE_DAYS, type Fee, type FeeCreate, type FeeList } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { Conflict, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { recomputeClients } from '../classification/classification.recompute.js';
import { visibleMatterOr404 } from './matters.service.js';
import { addDays } from '../../plugins/days.js';
import { actorOf, fieldError } from './matters.rules.js';
import type { FeesTable } from './matters.table.js';
import { assertWriter, type Deps } from './matters.write.js';

type Row = Selectable<FeesTable> & { created_by_name: string | null };

const toFee = (r: Row): Fee => ({
  id: r.id,
  matterId: r.matter_id,
  clientId: r.client_id,
  amountFen: r.amount_fen,
  receivedOn: r.received_on,
  note: r.note,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
});

const withCreator = (db: Kysely<Database>) =>
  db.selectFrom('fees').leftJoin('users', 'users.id', 'fees.created_by').selectAll('fees').select('users.name as created_by_name');

/** M-2: a matter's receipts, latest first, with the matter's total. */
export async function listFees(db: Kysely<Database>, actor: Actor, matterId: string, query: { limit: number; cursor?: string | undefined }): Promise<FeeList> {
  await visibleMatterOr404(db, actor, matterId);
  const after = decodeCursor(query.cursor, 2);
  const [rows, sum] = await Promise.all([
    withCreator(db)
      .where('fees.matter_id', '=', matterId)
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('fees.received_on', '<', String(after![0])),
            eb.and([eb('fees.received_on', '=', String(after![0])), eb('fees.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('fees.received_on', 'desc')
      .orderBy('fees.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    db
      .selectFrom('fees')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('total')])
      .where('matter_id', '=', matterId)
      .executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.received_on, r.id]);
  return { items: items.map(toFee), nextCursor, total: Number(sum.n), totalFen: Number(sum.total ?? 0) };
}

/**
 * M-2 rules: never in the future (firm's today), never before the matter opened; a closed matter
 * still takes late payments received within LATE_FEE_DAYS of closing.
 */
export async function addFee({ db, clock, timeZone }: Deps, ctx: Ctx, matterId: string, input: FeeCreate): Promise<Fee> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  const id = await db.transaction().execute(async (trx) => {
    const matter = await visibleMatterOr404(trx, actor, matterId);
    const today = firmDay(clock.now(), timeZone);
    if (input.receivedOn > today) throw fieldError(actor, 'receivedOn', { 'zh-CN': '收款日期不能晚于今天', 'en-US': 'cannot be in the future' });
    if (input.receivedOn < matter.opened_on) {
      throw fieldError(actor, 'receivedOn', {
        'zh-CN': `收款日期不能早于收案日期 ${matter.opened_on}`,
        'en-US': `cannot be before the matter was opened (${matter.opened_on})`,
      });
    }
    if (matter.status === 'closed' && matter.closed_on && input.receivedOn > addDays(matter.closed_on, LATE_FEE_DAYS)) {
      throw new Conflict({
        'zh-CN': `该事项已于 ${matter.closed_on} 结案，结案 ${LATE_FEE_DAYS} 天后不能再登记收费`,
        'en-US': `This matter closed on ${matter.closed_on}; fees received more than ${LATE_FEE_DAYS} days after closing cannot be recorded`,
      });
    }
    const now = clock.now();
    const row: FeesTable = {
      id: newId(now.getTime()),
      matter_id: matterId,
      client_id: matter.client_id,
      amount_fen: input.amountFen,
      received_on: input.receivedOn,
      note: input.note ?? null,
      created_by: actor.id,
      created_at: now.toISOString(),
    };
    await trx.insertInto('fees').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'fee', entityId: row.id, after: row });
    await addTimelineEvent(trx, clock, {
      clientId: matter.client_id,
      kind: 'fee_received',
      actorId: actor.id,
      data: { matterId, title: matter.title, feeId: row.id, amountFen: row.amount_fen, receivedOn: row.received_on },
    });
    await recomputeClients({ db: trx, clock, timeZone }, [matter.client_id]); // K-1/K-2 re-grade at once
    return row.id;
  });
  const created = await withCreator(db).where('fees.id', '=', id).executeTakeFirstOrThrow();
  return toFee(created);
}

export async function deleteFee({ db, clock, timeZone }: Deps, ctx: Ctx, matterId: string, feeId: string): Promise<void> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    const matter = await visibleMatterOr404(trx, actor, matterId);
    const row = await trx.selectFrom('fees').selectAll().where('id', '=', feeId).where('matter_id', '=', matterId).executeTakeFirst();
    if (!row) throw new NotFound();
    await trx.deleteFrom('fees').where('id', '=', feeId).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'fee', entityId: feeId, before: row });
    await addTimelineEvent(trx, clock, {
      clientId: matter.client_id,
      kind: 'fee_deleted',
      actorId: actor.id,
      data: { matterId, title: matter.title, feeId, amountFen: row.amount_fen, receivedOn: row.received_on },
    });
    await recomputeClients({ db: trx, clock, timeZone }, [matter.client_id]); // K-1/K-2 re-grade at once
  });
}
