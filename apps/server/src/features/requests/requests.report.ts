import type { BreachReport, BreachReportQuery, BreachReportRow } from '@retainer/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { ValidationFailed } from '../../plugins/errors.js';
import { visibleRequests } from './requests.service.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;

/**
 * S-4: each target (first reply, first opinion) whose due time in force falls in the period counts
 * once: met on time, breached (met late, still unmet after its due time, or breached before a
 * commitment), or still open. A target left unmet by closing the request before it fell due is not counted.
 */
export async function breachReport(deps: { db: Kysely<Database>; timeZone: string }, actor: Actor, query: BreachReportQuery, now: Date): Promise<BreachReport> {
  const from = startOfFirmDay(query.from, deps.timeZone);
  const to = new Date(startOfFirmDay(query.to, deps.timeZone).getTime() + DAY_MS);
  if (to <= from) throw new ValidationFailed([{ field: 'to', message: 'must not be before from' }]);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new ValidationFailed([{ field: 'to', message: 'at most two years' }]);
  const at = now.toISOString();
  const rows = new Map<string, BreachReportRow>();
  for (const p of ['reply', 'opinion'] as const) {
    const ref = (c: string) => sql.ref(`r.${p}_${c}`);
    const done = ref('done_at');
    const due = ref('due_at');
    const late = ref('late');
    const met = sql<number>`sum(case when ${done} is not null and ${late} = 0 and ${done} <= ${due} then 1 else 0 end)`;
    const missed = sql`(${late} = 1 or (${done} is not null and ${done} > ${due}) or (${done} is null and ${due} < coalesce(${sql.ref('r.closed_at')}, ${at})))`;
    const breached = sql<number>`sum(case when ${missed} then 1 else 0 end)`;
    const committed = sql`${due} <> ${ref('base_due_at')}`;
    const commitments = sql<number>`sum(case when ${committed} then 1 else 0 end)`;
    const commitmentsMissed = sql<number>`sum(case when ${committed} and ((${done} is not null and ${done} > ${due}) or (${done} is null and ${due} < coalesce(${sql.ref('r.closed_at')}, ${at}))) then 1 else 0 end)`;
    const [key, label] =
      query.by === 'person'
        ? [sql<string>`${sql.ref('r.assignee_id')}`, sql<string | null>`max(${sql.ref('u.name')})`]
        : query.by === 'team'
          ? [sql<string | null>`${sql.ref('u.team_id')}`, sql<string | null>`max(${sql.ref('t.name')})`]
          : [sql<string>`${sql.ref('r.grade')}`, sql<string>`${sql.ref('r.grade')}`];
    const found = await visibleRequests(deps.db, actor)
      .leftJoin('teams as t', 't.id', 'u.team_id')
      .where(`r.${p}_due_at`, '>=', from.toISOString())
      .where(`r.${p}_due_at`, '<', to.toISOString())
      // closed before falling due, never met: no longer owed
      .where((eb) => eb.not(eb.and([eb(`r.${p}_done_at`, 'is', null), eb(`r.${p}_late`, '=', 0), eb('r.closed_at', 'is not', null), eb('r.closed_at', '<=', eb.ref(`r.${p}_due_at`))])))
      .select([
        key.as('key'),
        label.as('label'),
        (eb) => eb.fn.countAll<number>().as('due'),
        met.as('met'),
        breached.as('breached'),
        commitments.as('commitments'),
        commitmentsMissed.as('commitments_missed'),
      ])
      .groupBy(key)
      .execute();
    for (const r of found) {
      const k = r.key ?? '';
      const row = rows.get(k) ?? { key: k, label: r.label ?? '', due: 0, metOnTime: 0, breached: 0, open: 0, breachRate: null, commitments: 0, commitmentsMissed: 0 };
      row.due += Number(r.due);
      row.metOnTime += Number(r.met);
      row.breached += Number(r.breached);
      row.commitments += Number(r.commitments);
      row.commitmentsMissed += Number(r.commitments_missed);
      rows.set(k, row);
    }
  }
  const total: BreachReportRow = { key: 'total', label: '', due: 0, metOnTime: 0, breached: 0, open: 0, breachRate: null, commitments: 0, commitmentsMissed: 0 };
  const out = [...rows.values()].map(finish).sort((a, b) => b.breached - a.breached || b.due - a.due || a.label.localeCompare(b.label));
  for (const r of out) {
    total.due += r.due;
    total.metOnTime += r.metOnTime;
    total.breached += r.breached;
    total.commitments += r.commitments;
    total.commitmentsMissed += r.commitmentsMissed;
  }
  return { from: query.from, to: query.to, by: query.by, rows: out, total: finish(total) };
}

function finish(r: BreachReportRow): BreachReportRow {
  const decided = r.metOnTime + r.breached;
  return { ...r, open: r.due - decided, breachRate: decided ? Math.round((r.breached / decided) * 1000) / 1000 : null };
}
