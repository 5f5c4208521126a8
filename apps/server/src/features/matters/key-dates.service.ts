import type { KeyDate, KeyDateCreate, KeyDateList, KeyDateUpdate } from '@retainer/shared';
import { KEY_DATE_DEFAULT_REMIND_DAYS } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import type { MatterKeyDatesTable } from './matter-process.table.js';
import { visibleMatterOr404, visibleMatters } from './matters.service.js';
import { actorOf } from './matters.rules.js';
import { assertWriter, type Deps } from './matters.write.js';

type Db = Kysely<Database>;

export const toKeyDate = (r: Selectable<MatterKeyDatesTable>): KeyDate => ({
  id: r.id,
  matterId: r.matter_id,
  kind: r.kind,
  date: r.date,
  time: r.time,
  title: r.title,
  note: r.note,
  remindDaysBefore: Number(r.remind_days_before),
  remindedAt: r.reminded_at,
  auto: r.source !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** M-5: a matter's key dates in date order; 404 unless the matter is visible. */
export async function listKeyDates(db: Db, actor: Actor, matterId: string): Promise<KeyDateList> {
  await visibleMatterOr404(db, actor, matterId);
  const rows = await db
    .selectFrom('matter_key_dates')
    .selectAll()
    .where('matter_id', '=', matterId)
    .orderBy('date')
    .orderBy('time')
    .orderBy('id')
    .execute();
  return { items: rows.map(toKeyDate) };
}

/** The key date if the actor may see its matter; 404 otherwise. */
async function visibleKeyDateOr404(db: Db, actor: Actor, id: string) {
  const row = await visibleMatters(db, actor)
    .innerJoin('matter_key_dates as k', 'k.matter_id', 'matters.id')
    .selectAll('k')
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

export async function createKeyDate({ db, clock }: Deps, ctx: Ctx, matterId: string, input: KeyDateCreate): Promise<KeyDate> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  const now = clock.now();
  const row: MatterKeyDatesTable = {
    id: newId(now.getTime()),
    matter_id: matterId,
    kind: input.kind,
    date: input.date,
    time: input.time ?? null,
    title: input.title,
    note: input.note?.trim() || null,
    remind_days_before: input.remindDaysBefore ?? KEY_DATE_DEFAULT_REMIND_DAYS,
    reminded_at: null,
    source: null,
    created_by: actor.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    await trx.insertInto('matter_key_dates').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'matter_key_date', entityId: row.id, after: row });
  });
  return toKeyDate(row);
}

export async function updateKeyDate({ db, clock }: Deps, ctx: Ctx, id: string, input: KeyDateUpdate): Promise<KeyDate> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  return db.transaction().execute(async (trx) => {
    const before = await visibleKeyDateOr404(trx, actor, id);
    const wanted: Partial<MatterKeyDatesTable> = {};
    if (input.kind !== undefined) wanted.kind = input.kind;
    if (input.date !== undefined) wanted.date = input.date;
    if (input.time !== undefined) wanted.time = input.time;
    if (input.title !== undefined) wanted.title = input.title;
    if (input.note !== undefined) wanted.note = input.note?.trim() || null;
    if (input.remindDaysBefore !== undefined) wanted.remind_days_before = input.remindDaysBefore;
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof MatterKeyDatesTable] !== v),
    ) as Partial<MatterKeyDatesTable>;
    if (!Object.keys(changed).length) return toKeyDate(before);
    // a moved date or lead time is reminded afresh
    if ('date' in changed || 'time' in changed || 'remind_days_before' in changed) changed.reminded_at = null;
    changed.updated_at = clock.now().toISOString();
    await trx.updateTable('matter_key_dates').set(changed).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof MatterKeyDatesTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'matter_key_date', entityId: id, before: prior, after: changed });
    return toKeyDate({ ...before, ...changed });
  });
}

export async function deleteKeyDate({ db, clock }: Deps, ctx: Ctx, id: string): Promise<void> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    const before = await visibleKeyDateOr404(trx, actor, id);
    // the renewal link forgets it (set null); a later change of the expiry adds a new one
    await trx.deleteFrom('matter_key_dates').where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'matter_key_date', entityId: id, before });
  });
}
