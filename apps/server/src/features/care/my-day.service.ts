import { CADENCE_RULE, type MyDay } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { cadenceMonth } from '../interactions/cadence.service.js';
import { requestsNearBreach } from '../requests/requests.service.js';
import { addDays } from '../../plugins/days.js';
import { toTouchpoint } from './touchpoints.service.js';

type Deps = { db: Kysely<Database>; clock: Clock; timeZone: string };

/** Items per section; each section says how many there are in all. */
const SECTION = 50;
const CARE_DAYS = 14;
const PERSONNEL_DAYS = 14;
const BRIEF_DAYS_AHEAD = 3;

function touchpoints(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('touchpoints')
    .innerJoin('clients', 'clients.id', 'touchpoints.client_id')
    .leftJoin('users as assignee', 'assignee.id', 'touchpoints.assignee_id')
    .where(visibleTo(actor) as never);
}

/**
 * P-8: the caller's day — overdue touchpoints, those due today or within their lead time, care
 * dates of their clients in the next 14 days, weekly briefs due, personnel changes at their
 * clients, this month's cadence shortfalls, and their requests near or past their SLA (S-4).
 */
export async function myDay(deps: Deps, actor: Actor): Promise<MyDay> {
  const { db } = deps;
  const today = firmDay(deps.clock.now(), deps.timeZone);
  const mine = touchpoints(db, actor).where('touchpoints.assignee_id', '=', actor.id).where('touchpoints.status', '=', 'open');
  const rows = (q: typeof mine) =>
    q.selectAll('touchpoints').select(['clients.name as client_name', 'assignee.name as assignee_name']).orderBy('touchpoints.due_on').orderBy('touchpoints.id').limit(SECTION);
  const count = async (q: typeof mine) => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const overdueQ = mine.where('touchpoints.due_on', '<', today);
  // due today or within its rule's lead time (at most 60 days)
  const upcomingQ = mine
    .innerJoin('programme_rules as r', 'r.id', 'touchpoints.rule_id')
    .selectAll('touchpoints')
    .select(['clients.name as client_name', 'assignee.name as assignee_name', 'r.lead_days'])
    .where('touchpoints.due_on', '>=', today)
    .where('touchpoints.due_on', '<=', addDays(today, 60))
    .orderBy('touchpoints.due_on')
    .orderBy('touchpoints.id')
    .limit(1000);
  const careQ = touchpoints(db, actor)
    .where('touchpoints.kind', '=', 'care')
    .where('touchpoints.status', 'in', ['open', 'done'])
    .where('touchpoints.occasion_on', '>=', today)
    .where('touchpoints.occasion_on', '<=', addDays(today, CARE_DAYS))
    .where((eb) => eb.or([eb('clients.owner_id', '=', actor.id), eb('clients.manager_id', '=', actor.id), eb('touchpoints.assignee_id', '=', actor.id)]));

  const [overdue, overdueTotal, upcomingRows, care, briefs, personnel, cadence, requests] = await Promise.all([
    rows(overdueQ).execute(),
    count(overdueQ),
    upcomingQ.execute(),
    careQ
      .selectAll('touchpoints')
      .select(['clients.name as client_name', 'assignee.name as assignee_name'])
      .orderBy('touchpoints.occasion_on')
      .limit(SECTION)
      .execute(),
    actor.role === 'secretary'
      ? Promise.resolve([])
      : db
          .selectFrom('service_obligations as o')
          .innerJoin('matters as m', 'm.id', 'o.matter_id')
          .innerJoin('clients', 'clients.id', 'm.client_id')
          .select(['o.id', 'o.due_at', 'm.id as matter_id', 'm.title', 'clients.id as client_id', 'clients.name as client_name'])
          .where('o.kind', '=', 'weekly_brief')
          .where('o.status', '=', 'open')
          .where('m.lead_lawyer_id', '=', actor.id)
          .where('o.due_at', '<', startOfFirmDay(addDays(today, BRIEF_DAYS_AHEAD + 1), deps.timeZone).toISOString())
          .where(visibleTo(actor) as never)
          .orderBy('o.due_at')
          .limit(SECTION)
          .execute(),
    db
      .selectFrom('personnel_changes as p')
      .innerJoin('clients', 'clients.id', 'p.client_id')
      .leftJoin('contacts as k', 'k.id', 'p.contact_id')
      .select(['p.id', 'p.client_id', 'clients.name as client_name', 'k.name as contact_name', 'p.field', 'p.old_value', 'p.new_value', 'p.changed_at'])
      .where((eb) => eb.or([eb('clients.owner_id', '=', actor.id), eb('clients.manager_id', '=', actor.id)]))
      .where('p.changed_at', '>=', startOfFirmDay(addDays(today, -PERSONNEL_DAYS), deps.timeZone).toISOString())
      .where(visibleTo(actor) as never)
      .orderBy('p.changed_at', 'desc')
      .limit(SECTION)
      .execute(),
    myCadence(deps, actor, today),
    requestsNearBreach(db, actor, deps.clock.now(), { limit: SECTION }),
  ]);
  const upcoming = upcomingRows.filter((r) => addDays(today, Number(r.lead_days)) >= r.due_on);
  const now = deps.clock.now().toISOString();
  return {
    today,
    overdue: overdue.map((r) => toTouchpoint(r, today)),
    overdueTotal,
    upcoming: upcoming.slice(0, SECTION).map((r) => toTouchpoint(r, today)),
    upcomingTotal: upcoming.length,
    careDates: care.map((r) => toTouchpoint(r, today)),
    briefs: briefs.map((b) => ({ obligationId: b.id, matterId: b.matter_id, matterTitle: b.title, clientId: b.client_id, clientName: b.client_name, dueAt: b.due_at, overdue: b.due_at < now })),
    personnelChanges: personnel.map((p) => ({
      id: p.id, clientId: p.client_id, clientName: p.client_name, contactName: p.contact_name, field: p.field, oldValue: p.old_value, newValue: p.new_value, changedAt: p.changed_at,
    })),
    cadence: cadence.rows,
    cadenceFlagFrom: cadence.flagFrom,
    requests,
  };
}

/**
 * I-2 for the caller alone: clients with an open matter they lead (3 a month) or whose manager
 * they are (1 a month), and how many interactions they took part in there this month; only the
 * clients still short. The firm-wide report (cadence.service.ts) reads every visible client.
 */
async function myCadence(deps: Deps, actor: Actor, today: string) {
  const { db } = deps;
  const win = cadenceMonth(today.slice(0, 7), deps.timeZone);
  const open = (role: 'lead' | 'manager') =>
    db
      .selectFrom('matters')
      .innerJoin('clients', 'clients.id', 'matters.client_id')
      .select(['clients.id', 'clients.name'])
      .distinct()
      .where('matters.status', 'in', ['engaged', 'in_progress'])
      .where('matters.opened_on', '<=', win.lastDay)
      .where(role === 'lead' ? 'matters.lead_lawyer_id' : 'clients.manager_id', '=', actor.id)
      .where(visibleTo(actor) as never)
      .execute();
  const [led, managed] = await Promise.all([open('lead'), open('manager')]);
  const ids = [...new Set([...led, ...managed].map((c) => c.id))];
  const done = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('interactions')
      .innerJoin('interaction_participants as p', 'p.interaction_id', 'interactions.id')
      .select(['interactions.client_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.user_id', '=', actor.id)
      .where('interactions.client_id', 'in', ids.slice(i, i + 500))
      .where('interactions.occurred_at', '>=', win.start)
      .where('interactions.occurred_at', '<', win.end)
      .where('interactions.kind', 'in', [...CADENCE_RULE.countedKinds])
      .groupBy('interactions.client_id')
      .execute();
    for (const r of rows) done.set(r.client_id, Number(r.n));
  }
  const rows = [
    ...led.map((c) => ({ clientId: c.id, clientName: c.name, role: 'lead_lawyer', count: done.get(c.id) ?? 0, target: CADENCE_RULE.leadLawyerTarget })),
    ...managed.map((c) => ({ clientId: c.id, clientName: c.name, role: 'client_manager', count: done.get(c.id) ?? 0, target: CADENCE_RULE.clientManagerTarget })),
  ]
    .filter((r) => r.count < r.target)
    .sort((a, b) => b.target - b.count - (a.target - a.count) || a.clientName.localeCompare(b.clientName, 'zh-CN'))
    .slice(0, SECTION);
  return { rows, flagFrom: win.flagFrom };
}
