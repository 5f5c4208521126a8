import {
  CADENCE_CLIENT_LIMIT,
  CADENCE_RULE,
  type CadenceClient,
  type CadenceEntry,
  type CadencePerson,
  type CadenceReport,
  type CadenceRole,
  type Locale,
} from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { addDays } from '../../plugins/days.js';
import { notify } from '../notifications/notifications.service.js';
import { nextDay } from '../../plugins/days.js';

type Db = Kysely<Database>;
type Deps = { db: Db; clock: Clock; timeZone: string };

// I-2: a matter counts while it is engaged or in progress.
const OPEN_MATTER = ['engaged', 'in_progress'] as const;
const byName = new Intl.Collator('zh-CN');

/** The month's days and instants in the firm's time zone, and the day flagging starts. */
export function cadenceMonth(month: string, timeZone: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const firstDay = `${month}-01`;
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return {
    firstDay,
    lastDay,
    start: startOfFirmDay(firstDay, timeZone).toISOString(),
    end: startOfFirmDay(nextDay(lastDay), timeZone).toISOString(),
    // "5 days before month end": the 25th of a 30-day month, leaving five full days to catch up
    flagFrom: addDays(lastDay, -CADENCE_RULE.flagDaysBeforeMonthEnd),
  };
}

export function cadencePhase(month: string, now: Date, timeZone: string): CadenceReport['phase'] {
  const today = firmDay(now, timeZone);
  const current = today.slice(0, 7);
  if (month < current) return 'past';
  if (month > current) return 'future';
  return today >= cadenceMonth(month, timeZone).flagFrom ? 'flagging' : 'open';
}

/** Open matters of the actor's visible clients that were opened by the month's end. */
function openMatters(db: Db, actor: Actor, lastDay: string) {
  return db
    .selectFrom('matters')
    .innerJoin('clients', 'clients.id', 'matters.client_id')
    .where(visibleTo(actor) as never)
    .where('matters.status', 'in', [...OPEN_MATTER])
    .where('matters.opened_on', '<=', lastDay);
}

/** I-2 report: per client with an open matter, the lead lawyers' and the manager's interactions that month. */
export async function computeCadence({ db, clock, timeZone }: Deps, actor: Actor, query: { month?: string | undefined; userId?: string | undefined }): Promise<CadenceReport> {
  const now = clock.now();
  const month = query.month ?? firmDay(now, timeZone).slice(0, 7);
  const win = cadenceMonth(month, timeZone);
  const phase = cadencePhase(month, now, timeZone);

  const [matters, counts] = await Promise.all([
    openMatters(db, actor, win.lastDay)
      .select(['matters.client_id', 'matters.lead_lawyer_id', 'clients.name as client_name', 'clients.manager_id'])
      .execute(),
    db
      .selectFrom('interactions')
      .innerJoin('interaction_participants as p', 'p.interaction_id', 'interactions.id')
      .where('interactions.occurred_at', '>=', win.start)
      .where('interactions.occurred_at', '<', win.end)
      .where('interactions.kind', 'in', [...CADENCE_RULE.countedKinds])
      .where('interactions.client_id', 'in', openMatters(db, actor, win.lastDay).select('matters.client_id'))
      .select(['interactions.client_id', 'p.user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['interactions.client_id', 'p.user_id'])
      .execute(),
  ]);
  const done = new Map(counts.map((c) => [`${c.client_id}|${c.user_id}`, Number(c.n)]));

  const byClient = new Map<string, { name: string; managerId: string | null; leads: Set<string>; matters: number }>();
  for (const m of matters) {
    const c = byClient.get(m.client_id) ?? { name: m.client_name, managerId: m.manager_id, leads: new Set<string>(), matters: 0 };
    c.leads.add(m.lead_lawyer_id);
    c.matters += 1;
    byClient.set(m.client_id, c);
  }

  const entry = (clientId: string, userId: string, role: CadenceRole): CadenceEntry => {
    const target = role === 'lead_lawyer' ? CADENCE_RULE.leadLawyerTarget : CADENCE_RULE.clientManagerTarget;
    const count = done.get(`${clientId}|${userId}`) ?? 0;
    const shortfall = Math.max(0, target - count);
    return { userId, name: null, role, count, target, shortfall, flagged: shortfall > 0 && phase === 'flagging' };
  };
  let clients: CadenceClient[] = [...byClient].map(([clientId, c]) => ({
    clientId,
    clientName: c.name,
    openMatters: c.matters,
    people: [
      ...[...c.leads].map((u) => entry(clientId, u, 'lead_lawyer')),
      ...(c.managerId ? [entry(clientId, c.managerId, 'client_manager')] : []),
    ],
  }));

  const people = new Map<string, CadencePerson>();
  for (const c of clients) {
    for (const e of c.people) {
      const key = `${e.userId}|${e.role}`;
      const p = people.get(key) ?? { userId: e.userId, name: null, role: e.role, clients: 0, shortClients: 0, interactions: 0, expected: 0, shortfall: 0, flagged: false };
      p.clients += 1;
      p.shortClients += e.shortfall > 0 ? 1 : 0;
      p.interactions += e.count;
      p.expected += e.target;
      p.shortfall += e.shortfall;
      p.flagged ||= e.flagged;
      people.set(key, p);
    }
  }
  const names = await namesOf(db, [...new Set([...people.values()].map((p) => p.userId))]);
  for (const p of people.values()) p.name = names.get(p.userId) ?? null;
  for (const c of clients) for (const e of c.people) e.name = names.get(e.userId) ?? null;

  if (query.userId) clients = clients.filter((c) => c.people.some((e) => e.userId === query.userId));
  const short = (c: CadenceClient) => c.people.reduce((n, e) => n + e.shortfall, 0);
  clients.sort((a, b) => short(b) - short(a) || byName.compare(a.clientName, b.clientName));
  return {
    month,
    phase,
    flagFrom: win.flagFrom,
    targets: { leadLawyer: CADENCE_RULE.leadLawyerTarget, clientManager: CADENCE_RULE.clientManagerTarget },
    clients: clients.slice(0, CADENCE_CLIENT_LIMIT),
    clientsTotal: clients.length,
    people: [...people.values()].sort((a, b) => b.shortfall - a.shortfall || byName.compare(a.name ?? '', b.name ?? '')),
  };
}

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

const FLAG_TEXT: Record<Locale, (month: string) => string> = {
  'zh-CN': (month) => `${month} 月度沟通未达标：本月临近结束，请查看沟通频次报告并补足与客户的沟通`,
  'en-US': (month) => `Cadence shortfall for ${month}: the month is nearly over; see the cadence report and catch up with your clients`,
};

/**
 * I-2: when a report of the current month is computed inside the flag window, each person it shows
 * short of a target is told once that month (cadence_flags' key makes "once" hold across instances).
 */
export async function flagShortfalls({ db, clock }: Deps, report: CadenceReport): Promise<string[]> {
  if (report.phase !== 'flagging') return [];
  const short = [...new Set(report.people.filter((p) => p.shortfall > 0).map((p) => p.userId))];
  if (!short.length) return [];
  return db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    const told: string[] = [];
    for (let i = 0; i < short.length; i += 500) {
      const rows = await trx
        .insertInto('cadence_flags')
        .values(short.slice(i, i + 500).map((user_id) => ({ month: report.month, user_id, flagged_at: now })))
        .onConflict((oc) => oc.columns(['month', 'user_id']).doNothing())
        .returning('user_id')
        .execute();
      told.push(...rows.map((r) => r.user_id));
    }
    if (!told.length) return told;
    const users = await trx.selectFrom('users').select(['id', 'locale']).where('id', 'in', told).execute();
    for (const u of users) {
      await notify(trx, clock, [u.id], {
        kind: 'cadence_shortfall',
        data: { month: report.month, message: FLAG_TEXT[u.locale](report.month) },
        link: `/reports/cadence?month=${report.month}`,
      });
    }
    return told;
  });
}
