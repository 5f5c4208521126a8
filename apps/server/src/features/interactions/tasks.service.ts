import type { FollowUp, Locale, Role, Task, TaskListQuery } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { notify } from '../notifications/notifications.service.js';
import { invalid } from './interactions.messages.js';
import type { TasksTable } from './interactions.table.js';

type Db = Kysely<Database>;
type Deps = { db: Db; clock: Clock; timeZone: string };
type Row = Selectable<TasksTable> & { client_name: string; assignee_name: string | null; author_name: string | null };

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** The assignee as an actor if they are active and could see the client: a task they cannot open would be lost. */
async function assigneeSeeing(db: Db, userId: string, clientId: string): Promise<Actor | null> {
  const u = await db.selectFrom('users').select(['id', 'name', 'role', 'team_id', 'active', 'locale']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.active !== 1) return null;
  const as: Actor = { id: u.id, name: u.name, role: u.role as Role, teamId: u.team_id, locale: u.locale };
  const hit = await db.selectFrom('clients').select('id').where('id', '=', clientId).where(visibleTo(as, 'clients', 'one')).executeTakeFirst();
  return hit ? as : null;
}

const ASSIGNED_TEXT: Record<Locale, (by: string, title: string, client: string, due: string) => string> = {
  'zh-CN': (by, title, client, due) => `${by} 给您分配了待办「${title}」（${client}），截止 ${due}`,
  'en-US': (by, title, client, due) => `${by} assigned you "${title}" (${client}), due ${due}`,
};

/** I-1 follow-ups become tasks (assignee defaults to the actor), each assignee but the actor told in-app. */
export async function insertTasks(
  trx: Transaction<Database>,
  clock: Clock,
  ctx: Ctx,
  target: { clientId: string; clientName: string; interactionId: string | null },
  followUps: FollowUp[],
): Promise<string[]> {
  const actor = actorOf(ctx);
  const now = clock.now().toISOString();
  const rows: TasksTable[] = [];
  const others = new Map<string, Actor>();
  for (const [i, f] of followUps.entries()) {
    const assignee = f.assigneeId ?? actor.id;
    if (assignee !== actor.id && !others.has(assignee)) {
      const as = await assigneeSeeing(trx, assignee, target.clientId);
      if (!as) throw invalid(actor, [`followUps.${i}.assigneeId`, 'assignee']);
      others.set(assignee, as);
    }
    rows.push({
      id: newId(clock.now().getTime()),
      client_id: target.clientId,
      interaction_id: target.interactionId,
      title: f.title,
      due_on: f.dueOn,
      assignee_id: assignee,
      status: 'open',
      done_at: null,
      created_by: actor.id,
      created_at: now,
    });
  }
  if (!rows.length) return [];
  await trx.insertInto('tasks').values(rows).execute();
  for (const row of rows) {
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'task', entityId: row.id, after: row });
    const to = others.get(row.assignee_id);
    if (to) {
      const message = ASSIGNED_TEXT[to.locale](actor.name, row.title, target.clientName, row.due_on);
      await notify(trx, clock, [to.id], {
        kind: 'task_assigned',
        data: { taskId: row.id, title: row.title, dueOn: row.due_on, clientId: target.clientId, clientName: target.clientName, byName: actor.name, message },
        link: '/tasks',
      });
    }
  }
  return rows.map((r) => r.id);
}

function toTask(r: Row, today: string): Task {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    interactionId: r.interaction_id,
    title: r.title,
    dueOn: r.due_on,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    doneAt: r.done_at,
    createdBy: r.created_by,
    createdByName: r.author_name,
    createdAt: r.created_at,
    overdue: r.status === 'open' && r.due_on < today,
  };
}

function tasksOf(db: Db, actor: Actor) {
  return db
    .selectFrom('tasks')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .where(visibleTo(actor) as never)
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .leftJoin('users as author', 'author.id', 'tasks.created_by')
    .selectAll('tasks')
    .select(['clients.name as client_name', 'assignee.name as assignee_name', 'author.name as author_name']);
}

/** My tasks: open ones by due day (oldest first), done ones most recent due first; within visible clients. */
export async function listMyTasks({ db, clock, timeZone }: Deps, actor: Actor, query: TaskListQuery) {
  let q = tasksOf(db, actor).where('tasks.assignee_id', '=', actor.id).where('tasks.status', '=', query.status);
  if (query.dueFrom) q = q.where('tasks.due_on', '>=', query.dueFrom);
  if (query.dueTo) q = q.where('tasks.due_on', '<=', query.dueTo);
  const asc = query.status === 'open';
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('tasks.due_on', asc ? '>' : '<', String(after![0])),
            eb.and([eb('tasks.due_on', '=', String(after![0])), eb('tasks.id', asc ? '>' : '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('tasks.due_on', asc ? 'asc' : 'desc')
      .orderBy('tasks.id', asc ? 'asc' : 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const today = firmDay(clock.now(), timeZone);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.due_on, r.id]);
  return { items: items.map((r) => toTask(r, today)), nextCursor, total: Number(count.n) };
}

/** Done by the assignee, the creator, a partner or an admin; doing it twice changes nothing. */
export async function completeTask({ db, clock, timeZone }: Deps, ctx: Ctx, id: string): Promise<Task> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const row = await tasksOf(trx, actor).where('tasks.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound();
    const allowed = row.assignee_id === actor.id || row.created_by === actor.id || actor.role === 'partner' || actor.role === 'admin';
    if (!allowed) throw new Forbidden();
    if (row.status === 'done') return;
    const doneAt = clock.now().toISOString();
    await trx.updateTable('tasks').set({ status: 'done', done_at: doneAt }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'task', entityId: id, before: { status: 'open' }, after: { status: 'done', done_at: doneAt } });
  });
  const row = await tasksOf(db, actor).where('tasks.id', '=', id).executeTakeFirstOrThrow();
  return toTask(row, firmDay(clock.now(), timeZone));
}
