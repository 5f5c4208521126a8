import type { Compliance, ComplianceQuery, ComplianceRow } from '@retainer/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { visibleTo } from '../clients/clients.visibility.js';

type Deps = { db: Kysely<Database>; clock: Clock; timeZone: string };
type Counts = { due: number | string; on_time: number | string; late: number | string; missed: number | string; skipped: number | string };

function row(id: string | null, name: string | null, c: Counts): ComplianceRow {
  const due = Number(c.due);
  const onTime = Number(c.on_time);
  return { id, name, due, onTime, late: Number(c.late), missed: Number(c.missed), skipped: Number(c.skipped), rate: due ? onTime / due : null };
}

/**
 * P-7: done on time ÷ due, for touchpoints due in [from, to] up to today, over the clients the
 * caller may see. An open touchpoint counts as due once its day has passed (one due today is not
 * missed yet); skipped ones are shown apart and left out of the rate; cancelled ones are not counted.
 */
export async function compliance(deps: Deps, actor: Actor, q: ComplianceQuery): Promise<Compliance> {
  const today = firmDay(deps.clock.now(), deps.timeZone);
  const to = q.to < today ? q.to : today;
  const base = deps.db
    .selectFrom('touchpoints as t')
    .innerJoin('clients', 'clients.id', 't.client_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .where(visibleTo(actor) as never)
    .where('t.due_on', '>=', q.from)
    .where('t.due_on', '<=', to)
    .where('t.status', '<>', 'cancelled')
    .$if(q.kind !== undefined, (qb) => qb.where('t.kind', '=', q.kind!));
  const counts = [
    sql<number>`sum(case when t.status = 'done' or (t.status = 'open' and t.due_on < ${today}) then 1 else 0 end)`.as('due'),
    sql<number>`sum(case when t.status = 'done' and t.done_on <= t.due_on then 1 else 0 end)`.as('on_time'),
    sql<number>`sum(case when t.status = 'done' and t.done_on > t.due_on then 1 else 0 end)`.as('late'),
    sql<number>`sum(case when t.status = 'open' and t.due_on < ${today} then 1 else 0 end)`.as('missed'),
    sql<number>`sum(case when t.status = 'skipped' then 1 else 0 end)`.as('skipped'),
  ] as const;
  const totalRow = await base.select(counts).executeTakeFirst();
  const total = row(null, null, (totalRow ?? { due: 0, on_time: 0, late: 0, missed: 0, skipped: 0 }) as Counts);
  let rows: ComplianceRow[] = [];
  if (q.groupBy === 'assignee') {
    const r = await base.select(['t.assignee_id as id', 'a.name as name', ...counts]).groupBy(['t.assignee_id', 'a.name']).orderBy('a.name').limit(q.limit).execute();
    rows = r.map((x) => row(x.id, x.name, x as Counts));
  } else if (q.groupBy === 'team') {
    const r = await base
      .leftJoin('teams as tm', 'tm.id', 'a.team_id')
      .select(['a.team_id as id', 'tm.name as name', ...counts])
      .groupBy(['a.team_id', 'tm.name'])
      .orderBy('tm.name')
      .limit(q.limit)
      .execute();
    rows = r.map((x) => row(x.id, x.name, x as Counts));
  } else if (q.groupBy === 'client') {
    // the clients needing attention first
    const r = await base
      .select(['t.client_id as id', 'clients.name as name', ...counts])
      .groupBy(['t.client_id', 'clients.name'])
      .orderBy(sql`sum(case when t.status = 'open' and t.due_on < ${today} then 1 else 0 end)`, 'desc')
      .orderBy('clients.name')
      .limit(q.limit)
      .execute();
    rows = r.map((x) => row(x.id, x.name, x as Counts));
  }
  return { from: q.from, to, groupBy: q.groupBy, total, rows };
}
