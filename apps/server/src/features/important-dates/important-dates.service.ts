import type { CalendarDate, ImportantDate, importantDateCreateSchema, importantDateUpdateSchema } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { AppError, Forbidden, NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { mayEdit, visibleClientOr404 } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { assertCalendarDate, nextOccurrenceOrNull } from './calendar-fields.js';
import { derivedDates, derivedIdOfClient, isDerivedId } from './derived-dates.js';
import type { ImportantDatesTable } from './important-dates.table.js';

type Deps = { db: Db; clock: Clock; timeZone: string };
type ImportantDateCreate = z.infer<typeof importantDateCreateSchema>;
type ImportantDateUpdate = z.infer<typeof importantDateUpdateSchema>;

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

const dateOf = (r: Pick<ImportantDatesTable, 'calendar' | 'year' | 'month' | 'day' | 'leap_month'>): CalendarDate => ({
  calendar: r.calendar,
  year: r.year,
  month: r.month,
  day: r.day,
  leapMonth: r.leap_month === 1,
});

function toImportantDate(r: ImportantDatesTable, contactName: string | null, today: string): ImportantDate {
  return {
    id: r.id,
    clientId: r.client_id,
    contactId: r.contact_id,
    contactName,
    kind: r.kind,
    label: r.label,
    calendar: r.calendar,
    month: r.month,
    day: r.day,
    leapMonth: r.leap_month === 1,
    year: r.year,
    nextOccurrence: nextOccurrenceOrNull(dateOf(r), today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const byNext = (a: ImportantDate, b: ImportantDate) =>
  (a.nextOccurrence ?? '9999') < (b.nextOccurrence ?? '9999') ? -1 : (a.nextOccurrence ?? '9999') > (b.nextOccurrence ?? '9999') ? 1 : a.id < b.id ? -1 : 1;

/**
 * C-5: the client's stored dates plus, read-only, the birthdays and founding day kept on the
 * client and contact records; soonest next occurrence (firm-local today) first.
 */
export async function listImportantDates({ db, clock, timeZone }: Deps, actor: Actor, clientId: string) {
  const client = await visibleClientOr404(db, actor, clientId);
  const today = firmDay(clock.now(), timeZone);
  const [rows, contacts] = await Promise.all([
    db
      .selectFrom('important_dates')
      .leftJoin('contacts', 'contacts.id', 'important_dates.contact_id')
      .selectAll('important_dates')
      .select('contacts.name as contact_name')
      .where('important_dates.client_id', '=', clientId)
      .execute(),
    db.selectFrom('contacts').selectAll().where('client_id', '=', clientId).where('birthday_calendar', 'is not', null).execute(),
  ]);
  const items = [...rows.map((r) => toImportantDate(r, r.contact_name, today)), ...derivedDates(client, contacts, today)].sort(byNext);
  return { items, nextCursor: null, total: items.length };
}

async function readImportantDate({ db, clock, timeZone }: Deps, actor: Actor, clientId: string, id: string): Promise<ImportantDate> {
  await visibleClientOr404(db, actor, clientId);
  const row = await db
    .selectFrom('important_dates')
    .leftJoin('contacts', 'contacts.id', 'important_dates.contact_id')
    .selectAll('important_dates')
    .select('contacts.name as contact_name')
    .where('important_dates.id', '=', id)
    .where('important_dates.client_id', '=', clientId)
    .executeTakeFirstOrThrow();
  return toImportantDate(row, row.contact_name, firmDay(clock.now(), timeZone));
}

async function assertContactOfClient(trx: Kysely<Database>, clientId: string, contactId: string | null) {
  if (!contactId) return;
  const found = await trx.selectFrom('contacts').select('id').where('id', '=', contactId).where('client_id', '=', clientId).executeTakeFirst();
  if (!found) throw new ValidationFailed([{ field: 'contactId', message: 'not a contact of this client' }]);
}

/** The date row if it belongs to this visible client; dates derived from client or contact records are edited there. */
async function storedDateOr404(trx: Kysely<Database>, actor: Actor, clientId: string, id: string): Promise<ImportantDatesTable> {
  await visibleClientOr404(trx, actor, clientId);
  if (!mayEdit(actor)) throw new Forbidden();
  if (isDerivedId(id)) {
    if (!(await derivedIdOfClient(trx, clientId, id))) throw new NotFound();
    throw new AppError('bad_request', 400, {
      'zh-CN': '这个日子来自客户或联系人的资料，请在客户或联系人资料中修改',
      'en-US': "This date comes from the client's or contact's record; edit it there",
    });
  }
  const row = await trx.selectFrom('important_dates').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

export async function createImportantDate(deps: Deps, ctx: Ctx, clientId: string, input: ImportantDateCreate): Promise<ImportantDate> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  const id = await db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const now = clock.now().toISOString();
    const row: ImportantDatesTable = {
      id: newId(),
      client_id: clientId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      label: input.label ?? null,
      calendar: input.calendar,
      month: input.month,
      day: input.day,
      leap_month: input.leapMonth ? 1 : 0,
      year: input.year ?? null,
      created_at: now,
      updated_at: now,
    };
    assertCalendarDate(dateOf(row));
    await assertContactOfClient(trx, clientId, row.contact_id);
    await trx.insertInto('important_dates').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'important_date', entityId: row.id, after: row });
    await addTimelineEvent(trx, clock, {
      clientId,
      kind: 'important_date_added',
      actorId: actor.id,
      data: { dateId: row.id, kind: row.kind, label: row.label, contactId: row.contact_id, date: dateOf(row) },
    });
    return row.id;
  });
  return readImportantDate(deps, actor, clientId, id);
}

export async function updateImportantDate(deps: Deps, ctx: Ctx, clientId: string, id: string, input: ImportantDateUpdate): Promise<ImportantDate> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await storedDateOr404(trx, actor, clientId, id);
    const calendar = input.calendar ?? before.calendar;
    const wanted: Partial<ImportantDatesTable> = {
      contact_id: input.contactId === undefined ? before.contact_id : (input.contactId ?? null),
      kind: input.kind ?? before.kind,
      label: input.label === undefined ? before.label : (input.label ?? null),
      calendar,
      month: input.month ?? before.month,
      day: input.day ?? before.day,
      // Switching to solar without saying otherwise drops the (lunar-only) leap flag.
      leap_month: input.leapMonth !== undefined ? (input.leapMonth ? 1 : 0) : calendar === 'solar' ? 0 : before.leap_month,
      year: input.year === undefined ? before.year : (input.year ?? null),
    };
    assertCalendarDate(dateOf({ ...before, ...wanted }));
    if (wanted.contact_id !== before.contact_id) await assertContactOfClient(trx, clientId, wanted.contact_id ?? null);
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof ImportantDatesTable] !== v),
    ) as Partial<ImportantDatesTable>;
    if (!Object.keys(changed).length) return;
    await trx.updateTable('important_dates').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof ImportantDatesTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'important_date', entityId: id, before: prior, after: changed });
    await addTimelineEvent(trx, clock, {
      clientId,
      kind: 'important_date_updated',
      actorId: actor.id,
      data: { dateId: id, kind: wanted.kind, label: wanted.label, fields: Object.keys(changed) },
    });
  });
  return readImportantDate(deps, actor, clientId, id);
}

export async function deleteImportantDate({ db, clock }: Deps, ctx: Ctx, clientId: string, id: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await storedDateOr404(trx, actor, clientId, id);
    await trx.deleteFrom('important_dates').where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'important_date', entityId: id, before });
    await addTimelineEvent(trx, clock, {
      clientId,
      kind: 'important_date_removed',
      actorId: actor.id,
      data: { dateId: id, kind: before.kind, label: before.label, contactId: before.contact_id, date: dateOf(before) },
    });
  });
}
