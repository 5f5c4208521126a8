import type { CalendarDate } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { lunarLabel, occurrencesInYear, validateCalendarDate } from '../calendar/lunar.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { birthdayOf } from '../contacts/contacts.service.js';
import { clientBirthdayId, contactBirthdayId, foundingDayId } from '../important-dates/derived-dates.js';
import { visibleMatters } from '../matters/matters.service.js';
import { feedLabels, occasionLabel } from './calendar-feed.labels.js';
import { addDays } from '../../plugins/days.js';

type Db = Kysely<Database>;

/** One all-day event of the feed. */
export type FeedEvent = { uid: string; day: string; summary: string; description: string };

/** P-9 windows, in firm-local days from today. */
export const FEED_WINDOW = { touchpointsBack: 60, touchpointsAhead: 400, keyDatesBack: 60, keyDatesAhead: 400, careAhead: 365 } as const;


const lines = (...xs: (string | null | undefined | false)[]) => xs.filter((x): x is string => !!x).join('\n');

/** (a) Open and done touchpoints assigned to the user, among the clients they see. */
export async function touchpointEvents(db: Db, actor: Actor, today: string): Promise<FeedEvent[]> {
  const l = feedLabels(actor.locale);
  const rows = await db
    .selectFrom('touchpoints')
    .innerJoin('clients', 'clients.id', 'touchpoints.client_id')
    .select(['touchpoints.id', 'touchpoints.kind', 'touchpoints.due_on', 'touchpoints.status', 'touchpoints.guidance', 'touchpoints.occasion', 'touchpoints.occasion_on'])
    .select('clients.name as client_name')
    .where('touchpoints.assignee_id', '=', actor.id)
    .where('touchpoints.status', 'in', ['open', 'done'])
    .where('touchpoints.due_on', '>=', addDays(today, -FEED_WINDOW.touchpointsBack))
    .where('touchpoints.due_on', '<=', addDays(today, FEED_WINDOW.touchpointsAhead))
    .where(visibleTo(actor, 'clients') as never)
    .orderBy('touchpoints.due_on')
    .orderBy('touchpoints.id')
    .execute();
  return rows.map((r) => ({
    uid: `touchpoint-${r.id}@retainer`,
    day: r.due_on,
    // done stays on the calendar (the record of the year's care), marked as such
    summary: `${r.status === 'done' ? `${l.done} · ` : ''}${l.touchpoint[r.kind]} · ${r.client_name}`,
    description: lines(
      r.occasion && `${l.occasion}: ${occasionLabel(r.occasion, l)}${r.occasion_on ? ` ${r.occasion_on}` : ''}`,
      r.guidance,
    ),
  }));
}

/** (b) Key dates of matters the user leads or is a member of (none for secretaries, who see no matters). */
export async function keyDateEvents(db: Db, actor: Actor, today: string): Promise<FeedEvent[]> {
  const l = feedLabels(actor.locale);
  const rows = await visibleMatters(db, actor)
    .innerJoin('matter_key_dates as k', 'k.matter_id', 'matters.id')
    .select(['k.id', 'k.kind', 'k.date', 'k.time', 'k.title', 'k.note', 'matters.title as matter_title', 'clients.name as client_name'])
    .where((eb) =>
      eb.or([
        eb('matters.lead_lawyer_id', '=', actor.id),
        eb.exists(eb.selectFrom('matter_members as mm').select('mm.matter_id').whereRef('mm.matter_id', '=', 'matters.id').where('mm.user_id', '=', actor.id)),
      ]),
    )
    .where('matters.status', '!=', 'closed')
    .where('k.date', '>=', addDays(today, -FEED_WINDOW.keyDatesBack))
    .where('k.date', '<=', addDays(today, FEED_WINDOW.keyDatesAhead))
    .orderBy('k.date')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    uid: `key-date-${r.id}@retainer`,
    day: r.date,
    summary: `${r.time ? `${r.time} ` : ''}${l.keyDate[r.kind]} · ${r.title}`,
    description: lines(`${l.matter}: ${r.matter_title}`, `${l.client}: ${r.client_name}`, r.note),
  }));
}

type CareDate = { id: string; clientName: string; summary: string; date: CalendarDate };

/** Every day in [from, to] on which the date falls (lunar dates converted per year, lunar.ts rules). */
function daysWithin(d: CalendarDate, from: string, to: string): string[] {
  if (validateCalendarDate(d) !== null) return [];
  const years = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].filter((y, i, a) => a.indexOf(y) === i);
  return years.flatMap((y) => occurrencesInYear(d, y)).filter((day) => day >= from && day <= to);
}

/**
 * (c) Care dates of the clients the user owns or manages: their stored important dates and the
 * birthdays and founding days kept on client and contact records, for the next 365 days.
 */
export async function careDateEvents(db: Db, actor: Actor, today: string): Promise<FeedEvent[]> {
  const l = feedLabels(actor.locale);
  const theirs = db
    .selectFrom('clients')
    .where((eb) => eb.or([eb('clients.owner_id', '=', actor.id), eb('clients.manager_id', '=', actor.id)]))
    .where('clients.status', 'not in', ['lost', 'dismissed'])
    .where(visibleTo(actor, 'clients') as never);
  const [clients, contacts, stored] = await Promise.all([
    theirs.selectAll('clients').execute(),
    theirs
      .innerJoin('contacts', 'contacts.client_id', 'clients.id')
      .select(['contacts.id', 'contacts.name', 'contacts.birthday_calendar', 'contacts.birthday_year', 'contacts.birthday_month', 'contacts.birthday_day', 'contacts.birthday_leap'])
      .select('clients.name as client_name')
      .where('contacts.birthday_month', 'is not', null)
      .execute(),
    theirs
      .innerJoin('important_dates as d', 'd.client_id', 'clients.id')
      .leftJoin('contacts', 'contacts.id', 'd.contact_id')
      .select(['d.id', 'd.kind', 'd.label', 'd.calendar', 'd.year', 'd.month', 'd.day', 'd.leap_month'])
      .select(['clients.name as client_name', 'contacts.name as contact_name'])
      .execute(),
  ]);
  const dates: CareDate[] = [];
  for (const c of clients) {
    const birthday = c.kind === 'individual' ? birthdayOf(c) : null;
    if (birthday) dates.push({ id: clientBirthdayId(c.id), clientName: c.name, summary: `${l.date.birthday} · ${c.name}`, date: birthday });
    if (c.kind === 'organisation' && c.founded_on) {
      const [year, month, day] = c.founded_on.split('-').map(Number) as [number, number, number];
      dates.push({ id: foundingDayId(c.id), clientName: c.name, summary: `${l.date.founding_day} · ${c.name}`, date: { calendar: 'solar', year, month, day, leapMonth: false } });
    }
  }
  for (const k of contacts) {
    const birthday = birthdayOf(k);
    if (birthday) dates.push({ id: contactBirthdayId(k.id), clientName: k.client_name, summary: `${l.date.birthday} · ${l.of(k.name, k.client_name)}`, date: birthday });
  }
  for (const d of stored) {
    // the label people gave it says it best (合作纪念日); the kind when there is none
    const who = d.contact_name ? l.of(d.contact_name, d.client_name) : d.client_name;
    dates.push({ id: d.id, clientName: d.client_name, summary: `${d.label || l.date[d.kind]} · ${who}`, date: { calendar: d.calendar, year: d.year, month: d.month, day: d.day, leapMonth: d.leap_month === 1 } });
  }
  const until = addDays(today, FEED_WINDOW.careAhead);
  return dates.flatMap((d) =>
    daysWithin(d.date, today, until).map((day) => ({
      // one event per occurrence: the same date in another year is another event
      uid: `care-${d.id.replace(/:/g, '-')}-${day}@retainer`,
      day,
      summary: d.summary,
      description: lines(`${l.client}: ${d.clientName}`, d.date.calendar === 'lunar' && lunarLabel(d.date, actor.locale)),
    })),
  );
}
