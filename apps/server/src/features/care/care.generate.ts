// P-4: writes each client's plan for a year as the difference from what is stored, so running it
// twice creates nothing, and a grade, tier, owner or date change re-plans what has not happened yet.
import type { ClientStatus, Grade, ProgrammeRole, Tier } from '@retainer/shared';
import type { Kysely } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import { fnv1a } from '../../plugins/hash.js';
import { newId } from '../../plugins/ids.js';
import { birthdayOf } from '../contacts/contacts.service.js';
import type { CalendarDate } from '@retainer/shared';
import type { TouchpointsTable } from './care.table.js';
import { planYear, type OwnDate, type PlanClient, type Planned } from './care.plan.js';
import { loadRules } from './programmes.service.js';

/** Clients planned per batch, one transaction each: fewer commits, and the write lock is held a second or two at most. */
const BATCH = 5000;

type Deps = { db: Kysely<Database>; clock: Clock; timeZone: string };
export type GenerateResult = { year: number; clients: number; created: number; moved: number; cancelled: number; reopened: number };

type ClientRow = {
  id: string;
  kind: 'individual' | 'organisation';
  grade: Grade | null;
  tier: Tier | null;
  status: ClientStatus;
  owner_id: string;
  manager_id: string | null;
  team_id: string | null;
  founded_on: string | null;
  birthday_calendar: 'solar' | 'lunar' | null;
  birthday_year: number | null;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_leap: number;
};
const CLIENT_COLUMNS = [
  'id', 'kind', 'grade', 'tier', 'status', 'owner_id', 'manager_id', 'team_id', 'founded_on',
  'birthday_calendar', 'birthday_year', 'birthday_month', 'birthday_day', 'birthday_leap',
] as const;

/** Who holds a role for a client: P-4, with the owner lawyer standing in when nobody does. */
export type Staff = { assistantOfTeam: Map<string, string>; secretaryOfTeam: Map<string, string>; secretaries: string[] };

export async function loadStaff(db: Kysely<Database>): Promise<Staff> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'team_id'])
    .where('active', '=', 1)
    .where('role', 'in', ['assistant', 'secretary'])
    .orderBy('id')
    .execute();
  const staff: Staff = { assistantOfTeam: new Map(), secretaryOfTeam: new Map(), secretaries: [] };
  for (const u of users) {
    if (u.role === 'secretary') staff.secretaries.push(u.id);
    const map = u.role === 'assistant' ? staff.assistantOfTeam : staff.secretaryOfTeam;
    if (u.team_id && !map.has(u.team_id)) map.set(u.team_id, u.id);
  }
  return staff;
}

export function assigneeFor(role: ProgrammeRole, c: Pick<ClientRow, 'id' | 'owner_id' | 'manager_id' | 'team_id'>, staff: Staff): string {
  switch (role) {
    case 'lead_lawyer':
      return c.owner_id;
    case 'client_manager':
      return c.manager_id ?? c.owner_id;
    case 'assistant':
      return (c.team_id && staff.assistantOfTeam.get(c.team_id)) || c.owner_id;
    case 'secretary': {
      const ofTeam = c.team_id ? staff.secretaryOfTeam.get(c.team_id) : undefined;
      if (ofTeam) return ofTeam;
      // the firm's secretaries share the rest, each client always with the same one
      if (staff.secretaries.length) return staff.secretaries[fnv1a(c.id) % staff.secretaries.length]!;
      return c.manager_id ?? c.owner_id;
    }
  }
}

/** The clients' own dates (C-5): birthday or founding day, contacts' birthdays, stored important dates. */
async function ownDatesOf(db: Kysely<Database>, clients: ClientRow[]): Promise<Map<string, OwnDate[]>> {
  const out = new Map<string, OwnDate[]>(clients.map((c) => [c.id, []]));
  const ids = clients.map((c) => c.id);
  for (const c of clients) {
    if (c.kind === 'individual') {
      const b = birthdayOf(c);
      if (b) out.get(c.id)!.push({ key: 'birthday', label: 'birthday', date: b, principal: true });
    } else if (c.founded_on) {
      const [y, m, d] = c.founded_on.split('-').map(Number) as [number, number, number];
      out.get(c.id)!.push({ key: 'founding_day', label: 'founding_day', date: { calendar: 'solar', year: y, month: m, day: d, leapMonth: false }, principal: true });
    }
  }
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'client_id', 'name', 'birthday_calendar', 'birthday_year', 'birthday_month', 'birthday_day', 'birthday_leap'])
    .where('client_id', 'in', ids)
    .where('birthday_month', 'is not', null)
    .execute();
  for (const k of contacts) {
    const b = birthdayOf(k);
    if (b) out.get(k.client_id)?.push({ key: `contact:${k.id}`, label: `contact_birthday:${k.name}`, date: b, principal: false });
  }
  const dates = await db.selectFrom('important_dates').selectAll().where('client_id', 'in', ids).execute();
  for (const d of dates) {
    const date: CalendarDate = { calendar: d.calendar, year: d.year, month: d.month, day: d.day, leapMonth: d.leap_month === 1 };
    out.get(d.client_id)?.push({ key: `date:${d.id}`, label: `${d.kind}:${d.label ?? ''}`, date, principal: false });
  }
  return out;
}

/** The month-day of each client's retainer in force on `today`, for the annual report. */
async function anniversariesOf(db: Kysely<Database>, ids: string[], today: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('matters')
    .select(['client_id', 'retainer_expires_on'])
    .where('client_id', 'in', ids)
    .where('retainer_expires_on', '>=', today)
    .orderBy('retainer_expires_on')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.client_id)) out.set(r.client_id, r.retainer_expires_on!.slice(5));
  return out;
}

const keyOf = (ruleId: string, periodKey: string) => `${ruleId}|${periodKey}`;

/** An open touchpoint not yet due keeps a due day it was given after its planned one had passed. */
const dueOf = (p: Planned, s: { due_on: string }, today: string) => (p.dueOn < today ? s.due_on : p.dueOn);

/**
 * P-4 for one year and every client (or the given ones). Only touchpoints that can still be done
 * (window not over) are created; open ones not yet due follow the plan (re-dated, moved to the
 * role's holder, cancelled when their rule no longer applies, reopened when it applies again);
 * an open overdue one moves to the new holder but keeps its plan; done and skipped ones are history.
 */
export async function generateYear(deps: Deps, year: number, clientIds?: readonly string[]): Promise<GenerateResult> {
  const { db, clock } = deps;
  const now = clock.now().toISOString();
  const today = firmDay(clock.now(), deps.timeZone);
  const rules = await loadRules(db);
  const staff = await loadStaff(db);
  const result: GenerateResult = { year, clients: 0, created: 0, moved: 0, cancelled: 0, reopened: 0 };

  const batch = async (clients: ClientRow[]) => {
    if (!clients.length) return;
    result.clients += clients.length;
    const ids = clients.map((c) => c.id);
    const [own, anniversaries, stored] = await Promise.all([
      ownDatesOf(db, clients),
      anniversariesOf(db, ids, today),
      db
        .selectFrom('touchpoints')
        .select(['id', 'client_id', 'rule_id', 'period_key', 'status', 'due_on', 'window_start', 'window_end', 'assignee_id', 'role'])
        .where('client_id', 'in', ids)
        .where('period_key', '>=', String(year))
        .where('period_key', '<', String(year + 1))
        .execute(),
    ]);
    const storedOf = new Map<string, (typeof stored)[number]>();
    const storedOfClient = new Map<string, (typeof stored)[number][]>();
    for (const s of stored) {
      storedOf.set(`${s.client_id}|${keyOf(s.rule_id, s.period_key)}`, s);
      const list = storedOfClient.get(s.client_id);
      if (list) list.push(s);
      else storedOfClient.set(s.client_id, [s]);
    }

    const inserts: TouchpointsTable[] = [];
    const updates: { id: string; set: Partial<TouchpointsTable> }[] = [];
    for (const c of clients) {
      const plan: PlanClient = { id: c.id, grade: c.grade, tier: c.tier, status: c.status, retainerAnniversary: anniversaries.get(c.id) ?? null, ownDates: own.get(c.id) ?? [] };
      const wanted = new Set<string>();
      for (const p of planYear(plan, rules, year)) {
        const k = `${c.id}|${keyOf(p.ruleId, p.periodKey)}`;
        wanted.add(k);
        const assignee = assigneeFor(p.role, c, staff);
        const s = storedOf.get(k);
        if (!s) {
          // planned late (a first plan in mid-year): due the day it is made, not born overdue
          if (p.windowEnd >= today) inserts.push(row(c.id, p.dueOn < today ? { ...p, dueOn: today } : p, assignee, now));
          continue;
        }
        if (s.status === 'cancelled' && p.dueOn >= today) {
          updates.push({ id: s.id, set: { ...planned(p), assignee_id: assignee, status: 'open', updated_at: now } });
          result.reopened++;
        } else if (s.status === 'open' && s.due_on >= today && (s.due_on !== dueOf(p, s, today) || s.window_start !== p.windowStart || s.assignee_id !== assignee)) {
          updates.push({ id: s.id, set: { ...planned(p), due_on: dueOf(p, s, today), assignee_id: assignee, updated_at: now } });
          if (s.assignee_id !== assignee) result.moved++;
        } else if (s.status === 'open' && s.assignee_id !== assignee) {
          updates.push({ id: s.id, set: { assignee_id: assignee, updated_at: now } });
          result.moved++;
        }
      }
      for (const s of storedOfClient.get(c.id) ?? []) {
        if (s.status !== 'open' || wanted.has(`${c.id}|${keyOf(s.rule_id, s.period_key)}`)) continue;
        if (s.due_on >= today) {
          updates.push({ id: s.id, set: { status: 'cancelled', updated_at: now } });
          result.cancelled++;
        } else if (s.assignee_id !== assigneeFor(s.role, c, staff)) {
          // overdue under a rule that no longer applies: still owed, by whoever now holds the role
          updates.push({ id: s.id, set: { assignee_id: assigneeFor(s.role, c, staff), updated_at: now } });
          result.moved++;
        }
      }
    }
    await db.transaction().execute(async (trx) => {
      // two generators at once: the plan key is unique, the second insert of a key does nothing
      result.created += await bulkInsert(trx, 'touchpoints', inserts, { conflictColumns: ['client_id', 'rule_id', 'period_key'] });
      for (const u of updates) await trx.updateTable('touchpoints').set(u.set).where('id', '=', u.id).execute();
    });
  };

  if (clientIds) {
    for (let i = 0; i < clientIds.length; i += BATCH) {
      await batch(await db.selectFrom('clients').select(CLIENT_COLUMNS).where('id', 'in', clientIds.slice(i, i + BATCH)).execute());
    }
    return result;
  }
  let after: string | null = null;
  for (;;) {
    const rows: ClientRow[] = await db
      .selectFrom('clients')
      .select(CLIENT_COLUMNS)
      .$if(after !== null, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    await batch(rows);
    after = rows[rows.length - 1]!.id;
  }
  return result;
}

function planned(p: Planned): Partial<TouchpointsTable> {
  return {
    kind: p.kind,
    occasion: p.occasion,
    occasion_on: p.occasionOn,
    window_start: p.windowStart,
    window_end: p.windowEnd,
    due_on: p.dueOn,
    role: p.role,
    channel: p.channel,
    guidance: p.guidance,
  };
}

function row(clientId: string, p: Planned, assignee: string, now: string): TouchpointsTable {
  return {
    id: newId(),
    client_id: clientId,
    rule_id: p.ruleId,
    period_key: p.periodKey,
    ...(planned(p) as Omit<TouchpointsTable, 'id' | 'client_id' | 'rule_id' | 'period_key'>),
    assignee_id: assignee,
    status: 'open',
    done_at: null,
    done_on: null,
    interaction_id: null,
    skip_reason: null,
    skipped_by: null,
    overdue_flagged_at: null,
    escalated_at: null,
    created_at: now,
    updated_at: now,
  };
}

/** The years the daily run keeps planned: this one, and the next within 90 days of its start (P-4). */
export function yearsToPlan(today: string): number[] {
  const year = Number(today.slice(0, 4));
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 90);
  return d.getUTCFullYear() > year ? [year, year + 1] : [year];
}

/** P-4: the given clients' plans follow a change of grade, tier, status, owner or manager at once. */
export async function replan(deps: Deps, clientIds: readonly string[]): Promise<void> {
  if (!clientIds.length) return;
  for (const year of yearsToPlan(firmDay(deps.clock.now(), deps.timeZone))) await generateYear(deps, year, clientIds);
}

/**
 * After a reclassification: re-plan the changed clients, but only once the firm has plans (a
 * first classification of a whole firm must not plan it client by client; the daily run does).
 */
export async function replanIfPlanned(deps: Deps, clientIds: readonly string[]): Promise<void> {
  if (!clientIds.length) return;
  const any = await deps.db.selectFrom('touchpoints').select('id').limit(1).executeTakeFirst();
  if (any) await replan(deps, clientIds);
}
