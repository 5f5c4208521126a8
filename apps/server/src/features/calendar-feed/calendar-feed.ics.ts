import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { feedLabels } from './calendar-feed.labels.js';
import { addDays } from '../../plugins/days.js';
import { careDateEvents, keyDateEvents, touchpointEvents } from './calendar-feed.sources.js';

type Deps = { db: Kysely<Database>; clock: Clock; timeZone: string };

/** A firm-local day as the UTC midnight ical-generator writes back as that VALUE=DATE. */
const utcMidnight = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * P-9: the user's touchpoints, matter key dates and care dates as an RFC 5545 calendar of
 * all-day events (ical-generator folds lines and escapes commas, semicolons and newlines).
 */
export async function renderFeed(deps: Deps, actor: Actor): Promise<string> {
  const now = deps.clock.now();
  const today = firmDay(now, deps.timeZone);
  const l = feedLabels(actor.locale);
  const [touchpoints, keyDates, care] = await Promise.all([
    touchpointEvents(deps.db, actor, today),
    keyDateEvents(deps.db, actor, today),
    careDateEvents(deps.db, actor, today),
  ]);
  const cal = ical({
    name: `${l.calendar} · ${actor.name}`,
    prodId: { company: 'Retainer', product: 'Retainer', language: actor.locale === 'en-US' ? 'EN' : 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // calendar apps poll at about this interval (REFRESH-INTERVAL, X-PUBLISHED-TTL)
    ttl: 60 * 60,
  });
  for (const e of [...touchpoints, ...keyDates, ...care]) {
    cal.createEvent({
      id: e.uid,
      start: utcMidnight(e.day),
      end: utcMidnight(addDays(e.day, 1)),
      allDay: true,
      stamp: now,
      summary: e.summary,
      description: e.description || null,
    });
  }
  return withTimeZone(cal.toString(), deps.timeZone);
}

/**
 * X-WR-TIMEZONE (where the firm is; every event is a date, so nothing converts) among the
 * calendar's properties, which RFC 5545 puts before the first component: ical-generator's
 * custom properties would follow the events.
 */
function withTimeZone(ics: string, timeZone: string): string {
  const at = ics.search(/\r\n(BEGIN:VEVENT|END:VCALENDAR)/);
  return `${ics.slice(0, at)}\r\nX-WR-TIMEZONE:${timeZone}${ics.slice(at)}`;
}
