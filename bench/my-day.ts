// P-8 My day: the product's GET /api/v1/my-day as lawyer@retainer.test beside a bare Fastify route
// running the same queries as raw SQL on the driver (my-day.service.ts, with its own cadence).
import type SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { CADENCE_RULE } from '@retainer/shared';
import { cadenceMonth } from '../apps/server/src/features/interactions/cadence.service.js';
import { addDays } from '../apps/server/src/plugins/days.js';
import { firmDay, startOfFirmDay } from '../apps/server/src/plugins/clock.js';
import type { LoadSpec } from './load.js';
import type { BenchAccount } from './protocol.js';

const TZ = 'Asia/Shanghai';
const SECTION = 50;

/** X-1 for a lawyer: owned, the team's, and the clients of matters they are a member of. */
const MEMBER = 'c.id in (select m.client_id from matter_members mm join matters m on m.id = mm.matter_id where mm.user_id = @me)';
const VISIBLE = `(c.owner_id = @me or c.team_id = @team or ${MEMBER})`;
/**
 * PostgreSQL scans clients for a subquery inside an OR; like the product (memberClientIds), the
 * floor reads the member clients first and passes them as an array.
 */
const MEMBER_PG = 'c.id = any(@members)';
const MEMBERS_SQL = 'select distinct m.client_id from matter_members mm join matters m on m.id = mm.matter_id where mm.user_id = $1';
const TP = `from touchpoints t join clients c on c.id = t.client_id left join users a on a.id = t.assignee_id`;
const MINE = `${TP} where ${VISIBLE} and t.assignee_id = @me and t.status = 'open'`;
const COLUMNS = 't.*, c.name as client_name, a.name as assignee_name';

const QUERIES = {
  overdue: `select ${COLUMNS} ${MINE} and t.due_on < @today order by t.due_on, t.id limit ${SECTION}`,
  overdueCount: `select count(*) as n ${MINE} and t.due_on < @today`,
  upcoming: `select ${COLUMNS}, r.lead_days ${TP} join programme_rules r on r.id = t.rule_id
    where ${VISIBLE} and t.assignee_id = @me and t.status = 'open' and t.due_on >= @today and t.due_on <= @until order by t.due_on, t.id limit 1000`,
  care: `select ${COLUMNS} ${TP} where ${VISIBLE} and t.kind = 'care' and t.status in ('open', 'done')
    and t.occasion_on >= @today and t.occasion_on <= @careUntil and (c.owner_id = @me or c.manager_id = @me or t.assignee_id = @me)
    order by t.occasion_on limit ${SECTION}`,
  briefs: `select o.id, o.due_at, m.id as matter_id, m.title, c.id as client_id, c.name as client_name
    from service_obligations o join matters m on m.id = o.matter_id join clients c on c.id = m.client_id
    where o.kind = 'weekly_brief' and o.status = 'open' and m.lead_lawyer_id = @me and o.due_at < @briefsBefore and ${VISIBLE}
    order by o.due_at limit ${SECTION}`,
  personnel: `select p.id, p.client_id, c.name as client_name, k.name as contact_name, p.field, p.old_value, p.new_value, p.changed_at
    from personnel_changes p join clients c on c.id = p.client_id left join contacts k on k.id = p.contact_id
    where (c.owner_id = @me or c.manager_id = @me) and p.changed_at >= @personnelFrom and ${VISIBLE}
    order by p.changed_at desc limit ${SECTION}`,
  // I-2 cadence, the caller's own (my-day.service.ts myCadence): clients of open matters they lead or
  // whose manager they are, and the interactions they took part in there this month
  led: `select distinct c.id, c.name from matters m join clients c on c.id = m.client_id
    where m.status in ('engaged', 'in_progress') and m.opened_on <= @lastDay and m.lead_lawyer_id = @me and ${VISIBLE}`,
  managed: `select distinct c.id, c.name from matters m join clients c on c.id = m.client_id
    where m.status in ('engaged', 'in_progress') and m.opened_on <= @lastDay and c.manager_id = @me and ${VISIBLE}`,
  counts: `select i.client_id, count(*) as n from interactions i join interaction_participants p on p.interaction_id = i.id
    where p.user_id = @me and i.occurred_at >= @monthStart and i.occurred_at < @monthEnd and i.kind in (${CADENCE_RULE.countedKinds.map((k) => `'${k}'`).join(', ')})
    and i.client_id in (select m.client_id from matters m join clients c on c.id = m.client_id
      where m.status in ('engaged', 'in_progress') and m.opened_on <= @lastDay and (m.lead_lawyer_id = @me or c.manager_id = @me) and ${VISIBLE})
    group by i.client_id`,
  // S-4: the caller's open requests at 80% of a target or past it (requestsNearBreach)
  requests: `select r.*, c.name as client_name, ct.name as contact_name, u.name as assignee_name
    from requests r join clients c on c.id = r.client_id left join contacts ct on ct.id = r.contact_id left join users u on u.id = r.assignee_id
    where ${VISIBLE} and r.assignee_id = @me and r.status = 'open'
    and ((r.reply_done_at is null and (r.reply_late = 1 or r.reply_warn_at <= @now)) or (r.opinion_done_at is null and (r.opinion_late = 1 or r.opinion_warn_at <= @now)))
    order by r.next_due_at, r.id limit ${SECTION}`,
} as const;
type Query = keyof typeof QUERIES;
type Row = Record<string, unknown>;

function paramsFor(me: string, team: string) {
  const today = firmDay(new Date(), TZ);
  const win = cadenceMonth(today.slice(0, 7), TZ);
  return {
    me, team, today, now: new Date().toISOString(), until: addDays(today, 60), careUntil: addDays(today, 14),
    briefsBefore: startOfFirmDay(addDays(today, 4), TZ).toISOString(),
    personnelFrom: startOfFirmDay(addDays(today, -14), TZ).toISOString(),
    lastDay: win.lastDay, monthStart: win.start, monthEnd: win.end, flagFrom: win.flagFrom,
  };
}
type Params = ReturnType<typeof paramsFor>;

const touchpoint = (r: Row, today: string) => ({
  id: r.id, clientId: r.client_id, clientName: r.client_name, ruleId: r.rule_id, kind: r.kind, periodKey: r.period_key, occasion: r.occasion,
  occasionOn: r.occasion_on, windowStart: r.window_start, windowEnd: r.window_end, dueOn: r.due_on, role: r.role, channel: r.channel,
  guidance: r.guidance, assigneeId: r.assignee_id, assigneeName: r.assignee_name, status: r.status, doneAt: r.done_at,
  onTime: r.status === 'done' && r.done_on ? (r.done_on as string) <= (r.due_on as string) : null, interactionId: r.interaction_id,
  skipReason: r.skip_reason, overdue: r.status === 'open' && (r.due_on as string) < today,
});

/** The product's response shape from the raw rows. */
function toDay(p: Params, q: Record<Query, Row[]>, now: string) {
  const upcoming = q.upcoming.filter((r) => addDays(p.today, Number(r.lead_days)) >= (r.due_on as string));
  const done = new Map(q.counts.map((c) => [String(c.client_id), Number(c.n)]));
  const cadence = [
    ...q.led.map((c) => ({ clientId: c.id, clientName: c.name, role: 'lead_lawyer', count: done.get(String(c.id)) ?? 0, target: CADENCE_RULE.leadLawyerTarget })),
    ...q.managed.map((c) => ({ clientId: c.id, clientName: c.name, role: 'client_manager', count: done.get(String(c.id)) ?? 0, target: CADENCE_RULE.clientManagerTarget })),
  ]
    .filter((r) => r.count < r.target)
    .sort((x, y) => y.target - y.count - (x.target - x.count) || String(x.clientName).localeCompare(String(y.clientName), 'zh-CN'))
    .slice(0, SECTION);
  return {
    today: p.today,
    overdue: q.overdue.map((r) => touchpoint(r, p.today)),
    overdueTotal: Number(q.overdueCount[0]!.n),
    upcoming: upcoming.slice(0, SECTION).map((r) => touchpoint(r, p.today)),
    upcomingTotal: upcoming.length,
    careDates: q.care.map((r) => touchpoint(r, p.today)),
    briefs: q.briefs.map((b) => ({
      obligationId: b.id, matterId: b.matter_id, matterTitle: b.title, clientId: b.client_id, clientName: b.client_name, dueAt: b.due_at, overdue: (b.due_at as string) < now,
    })),
    personnelChanges: q.personnel.map((x) => ({
      id: x.id, clientId: x.client_id, clientName: x.client_name, contactName: x.contact_name, field: x.field, oldValue: x.old_value, newValue: x.new_value, changedAt: x.changed_at,
    })),
    cadence,
    cadenceFlagFrom: p.flagFrom,
    requests: q.requests as ({ id: unknown } & Row)[],
  };
}

type Viewer = { me: string; team: string };
const viewerOf = (query: unknown): Viewer => {
  const q = (query ?? {}) as { viewer?: string; team?: string };
  return { me: q.viewer ?? '', team: q.team ?? '' };
};
const names = Object.keys(QUERIES) as Query[];

export function myDayFloorSqlite(sqlite: SQLite.Database): FastifyInstance {
  const stmts = Object.fromEntries(names.map((k) => [k, sqlite.prepare(QUERIES[k])])) as Record<Query, SQLite.Statement>;
  const app = Fastify({ logger: false });
  app.get('/my-day', async (req) => {
    const v = viewerOf(req.query);
    const p = paramsFor(v.me, v.team);
    const q = Object.fromEntries(names.map((k) => [k, stmts[k].all(pick(QUERIES[k], p)) as Row[]])) as Record<Query, Row[]>;
    return toDay(p, q, new Date().toISOString());
  });
  return app;
}

/** `@name` → `$n` for pg, with the values in order. */
function positional(text: string) {
  const order: string[] = [];
  const sqlText = text.replace(/@(\w+)/g, (_, n: string) => {
    if (!order.includes(n)) order.push(n);
    return `$${order.indexOf(n) + 1}`;
  });
  return { text: sqlText, order };
}

const pick = (text: string, p: Params) => Object.fromEntries([...text.matchAll(/@(\w+)/g)].map((m) => [m[1]!, p[m[1] as keyof Params]]));

export function myDayFloorPostgres(pool: pg.Pool): FastifyInstance {
  const compiled = Object.fromEntries(names.map((k) => [k, positional(QUERIES[k].replaceAll(MEMBER, MEMBER_PG))])) as Record<Query, { text: string; order: string[] }>;
  const app = Fastify({ logger: false });
  app.get('/my-day', async (req) => {
    const v = viewerOf(req.query);
    const p = paramsFor(v.me, v.team);
    const members = (await pool.query<{ client_id: string }>({ name: 'bench_myday_members', text: MEMBERS_SQL, values: [v.me] })).rows.map((r) => r.client_id);
    const values = { ...p, members } as Record<string, unknown>;
    const results = await Promise.all(
      names.map((k) => pool.query({ name: `bench_myday_${k}`, text: compiled[k].text, values: compiled[k].order.map((n) => values[n]) })),
    );
    const q = Object.fromEntries(names.map((k, i) => [k, results[i]!.rows as Row[]])) as Record<Query, Row[]>;
    return toDay(p, q, new Date().toISOString());
  });
  return app;
}

type Scenario = { name: string; product: LoadSpec; floor: LoadSpec; check: 'myday' };

export function myDayScenarios(
  at: (port: number, path: string) => string,
  ports: { product: number; myDayFloor: number },
  cookie: string,
  lawyer: BenchAccount,
): Scenario[] {
  return [
    {
      name: 'my day lawyer',
      check: 'myday',
      product: { url: at(ports.product, '/api/v1/my-day'), headers: { cookie } },
      floor: { url: at(ports.myDayFloor, `/my-day?viewer=${lawyer.id}&team=${lawyer.teamId ?? ''}`) },
    },
  ];
}

type Day = ReturnType<typeof toDay>;

/** The same day from both sides: the section totals and ids (care dates as a set: the product orders them by date only). */
export function sameDay(name: string, a: Day, b: Day) {
  const ids = (x: { id: unknown }[]) => x.map((i) => String(i.id));
  const same = (x: string[], y: string[]) => x.join() === y.join();
  const problems = [
    a.today !== b.today && 'today',
    (a.overdueTotal !== b.overdueTotal || !same(ids(a.overdue), ids(b.overdue))) && 'overdue',
    (a.upcomingTotal !== b.upcomingTotal || !same(ids(a.upcoming), ids(b.upcoming))) && 'upcoming',
    !same(ids(a.careDates).sort(), ids(b.careDates).sort()) && 'care dates',
    !same(a.briefs.map((x) => String(x.obligationId)), b.briefs.map((x) => String(x.obligationId))) && 'briefs',
    !same(ids(a.personnelChanges), ids(b.personnelChanges)) && 'personnel changes',
    a.cadence.length !== b.cadence.length && 'cadence',
    !same(ids(a.requests), ids(b.requests)) && 'requests',
  ].filter(Boolean);
  if (problems.length) throw new Error(`${name}: the floor's day differs from the product's in ${problems.join(', ')}`);
  if (!a.overdueTotal || !a.upcomingTotal) throw new Error(`${name}: nothing overdue or upcoming — the demo should have both`);
}
