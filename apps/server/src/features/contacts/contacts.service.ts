import type { CalendarDate, Contact, ContactCreate, ContactUnmaskableField, ContactUnmasked, ContactUpdate } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { logAccess } from '../access-log/access-log.service.js';
import { reindexClient } from '../clients/clients.search.js';
import { mayEdit, seesUnmasked, visibleClientOr404 } from '../clients/clients.visibility.js';
import { maskEmail, maskPhone } from '../clients/masking.js';
import { assertCalendarDate } from '../important-dates/calendar-fields.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import type { ContactsTable } from './contacts.table.js';
import { recordPersonnelChanges } from './personnel-changes.service.js';

type Deps = { db: Db; clock: Clock };

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

// Names sort the way Chinese readers expect (pinyin), the same on both dialects.
const byName = new Intl.Collator('zh-CN');

export function birthdayOf(row: Pick<ContactsTable, 'birthday_calendar' | 'birthday_year' | 'birthday_month' | 'birthday_day' | 'birthday_leap'>): CalendarDate | null {
  if (!row.birthday_calendar || !row.birthday_month || !row.birthday_day) return null;
  return { calendar: row.birthday_calendar, year: row.birthday_year, month: row.birthday_month, day: row.birthday_day, leapMonth: row.birthday_leap === 1 };
}

function toContact(row: ContactsTable, clear: boolean): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    department: row.department,
    title: row.title,
    decisionRole: row.decision_role,
    phone: clear ? row.phone : maskPhone(row.phone),
    email: clear ? row.email : maskEmail(row.email),
    wechat: row.wechat,
    birthday: birthdayOf(row),
    hobbies: row.hobbies,
    tags: JSON.parse(row.tags) as string[],
    isPrimary: row.is_primary === 1,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    masked: !clear,
  };
}

/** Column values for the fields present in the input (undefined = untouched). */
function columnsFrom(input: ContactUpdate): Partial<ContactsTable> {
  const out: Partial<ContactsTable> = {};
  const set = <K extends keyof ContactsTable>(k: K, v: ContactsTable[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('name', input.name);
  set('department', input.department);
  set('title', input.title);
  set('decision_role', input.decisionRole);
  set('phone', input.phone);
  set('email', input.email);
  set('wechat', input.wechat);
  set('hobbies', input.hobbies);
  set('status', input.status);
  if (input.tags !== undefined) out.tags = JSON.stringify([...new Set(input.tags)]);
  if (input.isPrimary !== undefined) out.is_primary = input.isPrimary ? 1 : 0;
  if (input.birthday !== undefined) {
    const b = input.birthday;
    if (b) assertCalendarDate(b, 'birthday.');
    out.birthday_calendar = b?.calendar ?? null;
    out.birthday_year = b?.year ?? null;
    out.birthday_month = b?.month ?? null;
    out.birthday_day = b?.day ?? null;
    out.birthday_leap = b?.leapMonth ? 1 : 0;
  }
  return out;
}

/** Timeline field names: columns, with the birthday's five as one. */
const fieldNames = (cols: string[]) => [...new Set(cols.map((c) => (c.startsWith('birthday_') ? 'birthday' : c)))];

async function contactOr404(db: Kysely<Database>, clientId: string, contactId: string): Promise<ContactsTable> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).where('client_id', '=', clientId).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

/** C-4: one primary contact per client. */
async function clearOtherPrimaries(trx: Kysely<Database>, clientId: string, keepId: string, now: string) {
  await trx
    .updateTable('contacts')
    .set({ is_primary: 0, updated_at: now })
    .where('client_id', '=', clientId)
    .where('id', '!=', keepId)
    .where('is_primary', '=', 1)
    .execute();
}

/** Primary first, then by name. */
/** A new contact with every column at its default (in post, not primary, no tags). */
export function blankContact(clientId: string, name: string, now: string): ContactsTable {
  return {
    id: newId(),
    client_id: clientId,
    name,
    department: null,
    title: null,
    decision_role: null,
    phone: null,
    email: null,
    wechat: null,
    birthday_calendar: null,
    birthday_year: null,
    birthday_month: null,
    birthday_day: null,
    birthday_leap: 0,
    hobbies: null,
    tags: '[]',
    is_primary: 0,
    status: 'in_post',
    created_at: now,
    updated_at: now,
  };
}

export async function listContacts(db: Db, actor: Actor, clientId: string) {
  const client = await visibleClientOr404(db, actor, clientId);
  const rows = await db.selectFrom('contacts').selectAll().where('client_id', '=', clientId).execute();
  rows.sort((a, b) => b.is_primary - a.is_primary || byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  const clear = seesUnmasked(actor, client);
  return { items: rows.map((r) => toContact(r, clear)), nextCursor: null, total: rows.length };
}

export async function readContact(db: Db, actor: Actor, clientId: string, contactId: string): Promise<Contact> {
  const client = await visibleClientOr404(db, actor, clientId);
  return toContact(await contactOr404(db, clientId, contactId), seesUnmasked(actor, client));
}

/** a contact's clear phone/email for anyone who may see the client, each unmasking logged. */
export async function unmaskContact(
  deps: Deps & { timeZone: string },
  ctx: Ctx,
  clientId: string,
  contactId: string,
  fields: ContactUnmaskableField[],
): Promise<ContactUnmasked> {
  const actor = actorOf(ctx);
  await visibleClientOr404(deps.db, actor, clientId);
  const row = await contactOr404(deps.db, clientId, contactId);
  const wanted = [...new Set(fields)];
  await logAccess(deps, ctx, { clientId, action: 'unmask', detail: `contact:${contactId}:${wanted.join(',')}` });
  return Object.fromEntries(wanted.map((f) => [f, row[f]]));
}

export async function createContact({ db, clock }: Deps, ctx: Ctx, clientId: string, input: ContactCreate): Promise<Contact> {
  const actor = actorOf(ctx);
  const id = await db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const now = clock.now().toISOString();
    const row: ContactsTable = {
      ...blankContact(clientId, input.name, now),
      ...columnsFrom(input),
    };
    await trx.insertInto('contacts').values(row).execute();
    if (row.is_primary === 1) await clearOtherPrimaries(trx, clientId, row.id, now);
    await reindexClient(trx, clientId);
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'contact', entityId: row.id, after: row });
    await addTimelineEvent(trx, clock, { clientId, kind: 'contact_added', actorId: actor.id, data: { contactId: row.id, name: row.name } });
    return row.id;
  });
  return readContact(db, actor, clientId, id);
}

/** Field edits; title, department and status changes are personnel changes (C-6). */
export async function updateContact({ db, clock }: Deps, ctx: Ctx, clientId: string, contactId: string, input: ContactUpdate): Promise<Contact> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const client = await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const before = await contactOr404(trx, clientId, contactId);
    const wanted = columnsFrom(input);
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof ContactsTable] !== v),
    ) as Partial<ContactsTable>;
    if (!Object.keys(changed).length) return;

    const now = clock.now().toISOString();
    await trx.updateTable('contacts').set({ ...changed, updated_at: now }).where('id', '=', contactId).execute();
    if (changed.is_primary === 1) await clearOtherPrimaries(trx, clientId, contactId, now);
    if (changed.name !== undefined) await reindexClient(trx, clientId);

    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof ContactsTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'contact', entityId: contactId, before: prior, after: changed });
    const name = changed.name ?? before.name;
    await addTimelineEvent(trx, clock, {
      clientId,
      kind: 'contact_updated',
      actorId: actor.id,
      data: { contactId, name, fields: fieldNames(Object.keys(changed)) },
    });
    await recordPersonnelChanges(trx, clock, actor, client, { id: contactId, name }, before, changed);
  });
  return readContact(db, actor, clientId, contactId);
}

/** Removes the contact and the important dates kept on them (both in the audit row). */
export async function deleteContact({ db, clock }: Deps, ctx: Ctx, clientId: string, contactId: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const before = await contactOr404(trx, clientId, contactId);
    const dates = await trx.selectFrom('important_dates').selectAll().where('contact_id', '=', contactId).execute();
    await trx.deleteFrom('important_dates').where('contact_id', '=', contactId).execute();
    await trx.deleteFrom('contacts').where('id', '=', contactId).execute();
    await reindexClient(trx, clientId);
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'contact', entityId: contactId, before: { ...before, important_dates: dates } });
    await addTimelineEvent(trx, clock, { clientId, kind: 'contact_removed', actorId: actor.id, data: { contactId, name: before.name } });
  });
}
