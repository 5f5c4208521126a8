import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { newId } from '../../plugins/ids.js';
import { readCalendarTable, workingDayCalendar, type WorkingDayCalendar } from '../calendar/working-days.js';
import { insertTasks } from '../interactions/tasks.service.js';
import type { MattersTable } from './matters.table.js';
import { briefsDue, surveyDue, timelineDue } from './standards.rules.js';
import type { ServiceObligationsTable } from './standards.table.js';

type Deps = { clock: Clock; timeZone: string };
const SURVEY_TASK_TITLE = '发送满意度调查';

function obligation(clock: Clock, matterId: string, o: Pick<ServiceObligationsTable, 'kind' | 'key' | 'due_at'> & Partial<ServiceObligationsTable>): ServiceObligationsTable {
  const now = clock.now();
  return {
    id: newId(now.getTime()),
    matter_id: matterId,
    done_at: null,
    status: 'open',
    breached_at: null,
    breach_notified_at: null,
    note: null,
    task_id: null,
    done_by: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...o,
  };
}

/** Weekly briefs of in-progress matters for this and next week; idempotent (the key is the week). */
export async function ensureBriefs(db: Kysely<Database>, clock: Clock, cal: WorkingDayCalendar, matterIds: readonly string[]): Promise<void> {
  const weeks = briefsDue(cal, clock.now());
  if (!weeks.length || !matterIds.length) return;
  const rows = matterIds.flatMap((id) => weeks.map((w) => obligation(clock, id, { kind: 'weekly_brief', key: w.weekOf, due_at: w.dueAt.toISOString() })));
  await db
    .insertInto('service_obligations')
    .values(rows)
    .onConflict((oc) => oc.columns(['matter_id', 'kind', 'key']).doNothing())
    .execute();
}

/** The survey task goes to the client's manager when there is an active one (R-4 keeps the relationship), else the lead lawyer. */
async function surveyAssignee(trx: Transaction<Database>, matter: Selectable<MattersTable>, fallback: string): Promise<string> {
  const people = await trx
    .selectFrom('clients')
    .leftJoin('users as manager', 'manager.id', 'clients.manager_id')
    .innerJoin('users as lead', (j) => j.on('lead.id', '=', matter.lead_lawyer_id))
    .select(['manager.id as manager_id', 'manager.active as manager_active', 'lead.active as lead_active'])
    .where('clients.id', '=', matter.client_id)
    .executeTakeFirst();
  if (people?.manager_id && people.manager_active === 1) return people.manager_id;
  if (people?.lead_active === 1) return matter.lead_lawyer_id;
  return fallback;
}

async function onClosed(trx: Transaction<Database>, deps: Deps, ctx: Ctx, matter: Selectable<MattersTable>, at: Date) {
  const day = matter.closed_on!;
  // briefs and an undue timeline stop with the matter; they are cancelled, never deleted
  await trx
    .updateTable('service_obligations')
    .set({ status: 'cancelled', updated_at: deps.clock.now().toISOString() })
    .where('matter_id', '=', matter.id)
    .where('kind', 'in', ['weekly_brief', 'project_timeline'])
    .where('status', '=', 'open')
    .where('due_at', '>', at.toISOString())
    .execute();
  const { dueOn, dueAt } = surveyDue(day, deps.timeZone);
  const client = await trx.selectFrom('clients').select('name').where('id', '=', matter.client_id).executeTakeFirstOrThrow();
  const assigneeId = await surveyAssignee(trx, matter, ctx.actor!.id);
  const [taskId] = await insertTasks(trx, deps.clock, ctx, { clientId: matter.client_id, clientName: client.name, interactionId: null }, [
    { title: `${SURVEY_TASK_TITLE}：${matter.title}`.slice(0, 200), dueOn, assigneeId },
  ]);
  await trx
    .insertInto('service_obligations')
    .values(obligation(deps.clock, matter.id, { kind: 'satisfaction_survey', key: 'closing', due_at: dueAt.toISOString(), task_id: taskId ?? null }))
    .onConflict((oc) => oc.columns(['matter_id', 'kind', 'key']).doNothing())
    .execute();
}

/**
 * M-4: the obligations a status change brings, written in the transition's own transaction.
 * `matter` is the row after the change; `at` the instant the change took effect.
 */
export async function applyServiceStandards(trx: Transaction<Database>, deps: Deps, ctx: Ctx, matter: Selectable<MattersTable>, at: Date): Promise<void> {
  // read through the transaction: on SQLite another connection would wait for this one
  const calendar = async () => workingDayCalendar(await readCalendarTable(trx), deps.timeZone);
  if (matter.status === 'engaged') {
    const due = timelineDue(await calendar(), at);
    await trx
      .insertInto('service_obligations')
      .values(obligation(deps.clock, matter.id, { kind: 'project_timeline', key: 'engagement', due_at: due.toISOString() }))
      .onConflict((oc) => oc.columns(['matter_id', 'kind', 'key']).doNothing())
      .execute();
  } else if (matter.status === 'in_progress') {
    await ensureBriefs(trx, deps.clock, await calendar(), [matter.id]);
  } else if (matter.status === 'closed') {
    await onClosed(trx, deps, ctx, matter, at);
  }
}
