import type { CalendarDate, ImportantDate } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ClientsTable } from '../clients/clients.table.js';
import { birthdayOf } from '../contacts/contacts.service.js';
import type { ContactsTable } from '../contacts/contacts.table.js';
import { nextOccurrenceOrNull } from './calendar-fields.js';

// C-5: birthdays and the founding day live on the client and contact records and are edited there;
// the dates list shows them read-only under ids that can never be a stored id (those are UUIDs):
//   client-birthday:<clientId>, founding-day:<clientId>, contact-birthday:<contactId>

export const clientBirthdayId = (clientId: string) => `client-birthday:${clientId}`;
export const foundingDayId = (clientId: string) => `founding-day:${clientId}`;
export const contactBirthdayId = (contactId: string) => `contact-birthday:${contactId}`;

export const isDerivedId = (id: string) => /^(client-birthday|founding-day|contact-birthday):/.test(id);

/** Whether a derived id names a date of this client (then it is read-only here, otherwise unknown). */
export async function derivedIdOfClient(db: Kysely<Database>, clientId: string, id: string): Promise<boolean> {
  if (id === clientBirthdayId(clientId) || id === foundingDayId(clientId)) return true;
  if (!id.startsWith('contact-birthday:')) return false;
  const contactId = id.slice('contact-birthday:'.length);
  return !!(await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('client_id', '=', clientId).executeTakeFirst());
}

function item(
  base: { id: string; clientId: string; contactId: string | null; contactName: string | null; kind: ImportantDate['kind']; createdAt: string; updatedAt: string },
  d: CalendarDate,
  today: string,
): ImportantDate {
  return {
    ...base,
    label: null,
    calendar: d.calendar,
    month: d.month,
    day: d.day,
    leapMonth: d.leapMonth,
    year: d.year ?? null,
    nextOccurrence: nextOccurrenceOrNull(d, today),
  };
}

/** The individual's birthday or the organisation's founding day, and every contact's birthday. */
export function derivedDates(client: ClientsTable, contacts: ContactsTable[], today: string): ImportantDate[] {
  const out: ImportantDate[] = [];
  const stamps = { clientId: client.id, createdAt: client.created_at, updatedAt: client.updated_at };
  if (client.kind === 'individual') {
    const birthday = birthdayOf(client);
    if (birthday) out.push(item({ ...stamps, id: clientBirthdayId(client.id), contactId: null, contactName: null, kind: 'birthday' }, birthday, today));
  }
  if (client.kind === 'organisation' && client.founded_on) {
    const [y, m, d] = client.founded_on.split('-').map(Number) as [number, number, number];
    const founded: CalendarDate = { calendar: 'solar', year: y, month: m, day: d, leapMonth: false };
    out.push(item({ ...stamps, id: foundingDayId(client.id), contactId: null, contactName: null, kind: 'founding_day' }, founded, today));
  }
  for (const c of contacts) {
    const birthday = birthdayOf(c);
    if (!birthday) continue;
    out.push(
      item(
        { id: contactBirthdayId(c.id), clientId: client.id, contactId: c.id, contactName: c.name, kind: 'birthday', createdAt: c.created_at, updatedAt: c.updated_at },
        birthday,
        today,
      ),
    );
  }
  return out;
}
