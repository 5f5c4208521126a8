import { COMPLETING_KINDS, TOUCHPOINT_KINDS, type InteractionKind, type Touchpoint, type TouchpointKind, type TouchpointQuery } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { Conflict, Forbidden, NotFound } from '../../plugins/errors.js';
import { visibleTo } from '../clients/clients.visibility.js';
import type { TouchpointsTable } from './care.table.js';

type Db = Kysely<Database>;
type Deps = { db: Db; clock: Clock; timeZone: string };
type Row = Selectable<TouchpointsTable> & { client_name: string; assignee_name: string | null };

/** The touchpoint kinds an interaction of this kind completes (P-6). */
export const completedBy = (kind: InteractionKind): TouchpointKind[] => TOUCHPOINT_KINDS.filter((k) => COMPLETING_KINDS[k].includes(kind));

/** a touchpoint is visible with its client. */
function visibleTouchpoints(db: Db, actor: Actor, reach: 'rows' | 'one' = 'rows') {
  return db
    .selectFrom('touchpoints')
    .innerJoin('clients', 'clients.id', 'touchpoints.client_id')
    .leftJoin('users as assignee', 'assignee.id', 'touchpoints.assignee_id')
    .selectAll('touchpoints')
    .select(['clients.name as client_name', 'assignee.name as assignee_name'])
    .where(visibleTo(actor, 'clients', reach) as never);
}

export function toTouchpoint(r: Row, today: string): Touchpoint {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    ruleId: r.rule_id,
    kind: r.kind,
    periodKey: r.period_key,
    occasion: r.occasion,
    occasionOn: r.occasion_on,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    dueOn: r.due_on,
    role: r.role,
    channel: r.channel,
    guidance: r.guidance,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    doneAt: r.done_at,
    onTime: r.status === 'done' && r.done_on ? r.done_on <= r.due_on : null,
    interactionId: r.interaction_id,
    skipReason: r.skip_reason,
    overdue: r.status === 'open' && r.due_on < today,
  };
}

/** P-4 list: by due date, filtered; visibility as the client's. */
export async function listTouchpoints(deps: Deps, actor: Actor, q: TouchpointQuery) {
  const today = firmDay(deps.clock.now(), deps.timeZone);
  let base = visibleTouchpoints(deps.db, actor);
  const assignee = q.assignee === 'me' ? actor.id : q.assigneeId;
  if (assignee) base = base.where('touchpoints.assignee_id', '=', assignee);
  if (q.clientId) base = base.where('touchpoints.client_id', '=', q.clientId);
  if (q.kind) base = base.where('touchpoints.kind', '=', q.kind);
  if (q.status === 'overdue') base = base.where('touchpoints.status', '=', 'open').where('touchpoints.due_on', '<', today);
  else if (q.status) base = base.where('touchpoints.status', '=', q.status);
  if (q.from) base = base.where('touchpoints.due_on', '>=', q.from);
  if (q.to) base = base.where('touchpoints.due_on', '<=', q.to);
  const after = decodeCursor(q.cursor, 2);
  const [rows, count] = await Promise.all([
    base
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('touchpoints.due_on', '>', String(after![0])),
            eb.and([eb('touchpoints.due_on', '=', String(after![0])), eb('touchpoints.id', '>', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('touchpoints.due_on')
      .orderBy('touchpoints.id')
      .limit(q.limit + 1)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows as Row[], q.limit, (r) => [r.due_on, r.id]);
  return { items: items.map((r) => toTouchpoint(r, today)), nextCursor, total: Number(count.n) };
}

export async function readTouchpoint(deps: Deps, actor: Actor, id: string): Promise<Touchpoint> {
  const row = await visibleTouchpoints(deps.db, actor, 'one').where('touchpoints.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return toTouchpoint(row as Row, firmDay(deps.clock.now(), deps.timeZone));
}

/** Who may skip: the assignee, the client's owner, a partner or an admin. */
function maySkip(actor: Actor, t: { assignee_id: string | null }, ownerId: string): boolean {
  return actor.role === 'admin' || actor.role === 'partner' || t.assignee_id === actor.id || ownerId === actor.id;
}

/** P-6: skipped with a reason; only an open touchpoint. */
export async function skipTouchpoint(deps: Deps, ctx: Ctx, id: string, reason: string): Promise<Touchpoint> {
  const actor = ctx.actor;
  if (!actor) throw new Forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const t = await trx
      .selectFrom('touchpoints')
      .innerJoin('clients', 'clients.id', 'touchpoints.client_id')
      .selectAll('touchpoints')
      .select('clients.owner_id')
      .where('touchpoints.id', '=', id)
      .where(visibleTo(actor, 'clients', 'one') as never)
      .executeTakeFirst();
    if (!t) throw new NotFound();
    if (!maySkip(actor, t, t.owner_id)) throw new Forbidden();
    if (t.status !== 'open') throw new Conflict(undefined, { status: t.status });
    const now = deps.clock.now().toISOString();
    await trx.updateTable('touchpoints').set({ status: 'skipped', skip_reason: reason, skipped_by: actor.id, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, deps.clock, { action: 'update', entity: 'touchpoint', entityId: id, before: { status: t.status }, after: { status: 'skipped', reason } });
  });
  return readTouchpoint(deps, actor, id);
}

/**
 * P-6, inside the transaction that logs the interaction: the touchpoint it was logged from, or
 * for each touchpoint kind it completes, the client's earliest-due open one whose window holds the
 * interaction's day. Returns the ids completed.
 */
export async function completeByInteraction(
  trx: Transaction<Database>,
  deps: { clock: Clock; timeZone: string },
  i: { id: string; clientId: string; kind: InteractionKind; occurredAt: string },
  touchpointId?: string,
): Promise<string[]> {
  const doneAt = i.occurredAt;
  const doneOn = firmDay(new Date(i.occurredAt), deps.timeZone);
  const done: string[] = [];
  const complete = async (id: string) => {
    await trx
      .updateTable('touchpoints')
      .set({ status: 'done', done_at: doneAt, done_on: doneOn, interaction_id: i.id, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    done.push(id);
  };
  if (touchpointId) {
    const t = await trx.selectFrom('touchpoints').select(['id', 'status', 'client_id']).where('id', '=', touchpointId).executeTakeFirst();
    if (!t || t.client_id !== i.clientId) throw new NotFound();
    if (t.status !== 'open') throw new Conflict(undefined, { touchpointStatus: t.status });
    await complete(t.id);
    return done;
  }
  const kinds = completedBy(i.kind);
  if (!kinds.length) return done;
  const day = doneOn;
  const open = await trx
    .selectFrom('touchpoints')
    .select(['id', 'kind'])
    .where('client_id', '=', i.clientId)
    .where('status', '=', 'open')
    .where('kind', 'in', kinds)
    .where('window_start', '<=', day)
    .where('window_end', '>=', day)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  for (const t of open) {
    if (seen.has(t.kind)) continue;
    seen.add(t.kind);
    await complete(t.id);
  }
  return done;
}

/** An interaction removed: what it completed is open again. */
export async function reopenByInteraction(trx: Transaction<Database>, clock: Clock, interactionId: string): Promise<void> {
  await trx
    .updateTable('touchpoints')
    .set({ status: 'open', done_at: null, done_on: null, interaction_id: null, updated_at: clock.now().toISOString() })
    .where('interaction_id', '=', interactionId)
    .where('status', '=', 'done')
    .execute();
}
