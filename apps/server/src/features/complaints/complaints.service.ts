import { hasPermission, type Complaint, type Locale, type ComplaintCreate, type ComplaintDetail, type ComplaintListQuery, type ComplaintStep, type Role } from '@retainer/shared';
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { seesFees, visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { addDays } from '../../plugins/days.js';
import { notify } from '../notifications/notifications.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { invalid } from './complaints.messages.js';
import { mayAct } from './complaints.rules.js';
import type { ComplaintsTable } from './complaints.table.js';

type Db = Kysely<Database>;
export type ComplaintDeps = { db: Db; clock: Clock; timeZone: string };

export const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

export const mayHandle = (role: Role) => hasPermission(role, 'complaints:handle');

/**
 * Complaints are confidential about people: beyond seeing the client, a user sees a complaint
 * when they handle complaints (partner, admin), recorded or handle it, are its target or the person
 * found responsible, or own or manage the client. Team colleagues and assistants do not.
 */
function involved(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'complaints' | 'clients'>) =>
    mayHandle(actor.role)
      ? eb.lit(true)
      : eb.or([
          eb('complaints.recorded_by', '=', actor.id),
          eb('complaints.handler_id', '=', actor.id),
          eb('complaints.target_user_id', '=', actor.id),
          eb('complaints.responsible_user_id', '=', actor.id),
          eb('clients.owner_id', '=', actor.id),
          eb('clients.manager_id', '=', actor.id),
        ]);
}

/** Every read of complaints goes through here: client visibility and involvement in the query. */
export function visibleComplaints(db: Db, actor: Actor, reach: 'rows' | 'one' = 'rows') {
  return db
    .selectFrom('complaints')
    .innerJoin('clients', 'clients.id', 'complaints.client_id')
    .where(visibleTo(actor, 'clients', reach) as never)
    .where(involved(actor));
}

function withNames(db: Db, actor: Actor, reach: 'rows' | 'one' = 'rows') {
  return visibleComplaints(db, actor, reach)
    .leftJoin('users as tu', 'tu.id', 'complaints.target_user_id')
    .leftJoin('matters as tm', 'tm.id', 'complaints.target_matter_id')
    .leftJoin('users as ru', 'ru.id', 'complaints.responsible_user_id')
    .leftJoin('users as hu', 'hu.id', 'complaints.handler_id')
    .leftJoin('users as rb', 'rb.id', 'complaints.recorded_by')
    .selectAll('complaints')
    .select([
      'clients.name as client_name',
      'tu.name as target_user_name',
      'tm.title as target_matter_title',
      'ru.name as responsible_user_name',
      'hu.name as handler_name',
      'rb.name as recorded_by_name',
    ]);
}

type Row = Selectable<ComplaintsTable> & {
  client_name: string;
  target_user_name: string | null;
  target_matter_title: string | null;
  responsible_user_name: string | null;
  handler_name: string | null;
  recorded_by_name: string | null;
};

const personOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const bool = (v: number | null) => (v === null ? null : v === 1);

export function toComplaint(r: Row, actor: Actor): Complaint {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    complainantContactId: r.complainant_contact_id,
    complainantName: r.complainant_name,
    receivedAt: r.received_at,
    channel: r.channel,
    targetUser: personOf(r.target_user_id, r.target_user_name),
    // secretaries see no matters
    targetMatter: r.target_matter_id && seesFees(actor) ? { id: r.target_matter_id, title: r.target_matter_title ?? '' } : null,
    content: r.content,
    demands: r.demands,
    statement: r.statement,
    step: r.step,
    stage: r.stage,
    valid: bool(r.valid),
    cause: r.cause,
    responsibleUser: personOf(r.responsible_user_id, r.responsible_user_name),
    accepted: bool(r.accepted),
    handler: personOf(r.handler_id, r.handler_name),
    recordedBy: personOf(r.recorded_by, r.recorded_by_name),
    stageSince: r.stage_since,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    canAct: r.stage !== 'closed' && mayAct(actor, { handlerId: r.handler_id, targetUserId: r.target_user_id }, mayHandle(actor.role)),
  };
}

/** The complaint row if the actor may see it; 404 otherwise, never 403. */
export async function visibleComplaintOr404(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await withNames(db, actor, 'one').where('complaints.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

export async function getComplaint(db: Db, actor: Actor, id: string): Promise<ComplaintDetail> {
  const row = await visibleComplaintOr404(db, actor, id);
  const steps = await db
    .selectFrom('complaint_steps')
    .leftJoin('users', 'users.id', 'complaint_steps.actor_id')
    .selectAll('complaint_steps')
    .select('users.name as actor_name')
    .where('complaint_steps.complaint_id', '=', id)
    .orderBy('complaint_steps.seq')
    .execute();
  const complaint = toComplaint(row, actor);
  return {
    ...complaint,
    steps: steps.map((s) => {
      const data = JSON.parse(s.data) as Record<string, unknown>;
      // a secretary reading the record step sees no matter
      if (!seesFees(actor)) delete data.targetMatterId;
      return { id: s.id, step: s.step, at: s.at, actor: personOf(s.actor_id, s.actor_name), data };
    }),
  };
}

/** step 1, recorded by anyone who can see the client, with the client's own statement. */
export async function createComplaint(deps: ComplaintDeps, ctx: Ctx, body: ComplaintCreate): Promise<ComplaintDetail> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  const client = await visibleClientOr404(db, actor, body.clientId);
  const now = clock.now().toISOString();
  if (Date.parse(body.receivedAt) > clock.now().getTime()) throw invalid(actor, ['receivedAt', 'future']);
  let complainantName = body.complainantName ?? null;
  if (body.complainantContactId) {
    const contact = await db.selectFrom('contacts').select(['id', 'name']).where('id', '=', body.complainantContactId).where('client_id', '=', client.id).executeTakeFirst();
    if (!contact) throw invalid(actor, ['complainantContactId', 'contact']);
    complainantName ??= contact.name;
  }
  if (body.targetUserId) {
    const user = await db.selectFrom('users').select('id').where('id', '=', body.targetUserId).executeTakeFirst();
    if (!user) throw invalid(actor, ['targetUserId', 'user']);
  }
  if (body.targetMatterId) {
    if (!seesFees(actor)) throw invalid(actor, ['targetMatterId', 'matterHidden']);
    const matter = await db.selectFrom('matters').select('id').where('id', '=', body.targetMatterId).where('client_id', '=', client.id).executeTakeFirst();
    if (!matter) throw invalid(actor, ['targetMatterId', 'matter']);
  }
  const row: ComplaintsTable = {
    id: newId(clock.now().getTime()),
    client_id: client.id,
    complainant_contact_id: body.complainantContactId ?? null,
    complainant_name: complainantName!,
    received_at: new Date(body.receivedAt).toISOString(),
    channel: body.channel,
    target_user_id: body.targetUserId ?? null,
    target_matter_id: body.targetMatterId ?? null,
    content: body.content,
    demands: body.demands,
    statement: body.statement,
    step: 1,
    stage: 'validity',
    steps_done: 1,
    valid: null,
    cause: null,
    responsible_user_id: null,
    accepted: null,
    handler_id: null,
    recorded_by: actor.id,
    stage_since: now,
    closed_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('complaints').values(row).execute();
    const data = { complainantName: row.complainant_name, receivedAt: row.received_at, channel: row.channel, targetUserId: row.target_user_id, targetMatterId: row.target_matter_id };
    await insertStep(trx, clock, { complaintId: row.id, seq: 1, step: 1, actorId: actor.id, data });
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'complaint', entityId: row.id, after: row });
    await addTimelineEvent(trx, clock, { clientId: client.id, kind: 'complaint_recorded', actorId: actor.id, data: { complaintId: row.id, channel: row.channel } });
  });
  return getComplaint(db, actor, row.id);
}

export async function insertStep(
  trx: Transaction<Database>,
  clock: Clock,
  s: { complaintId: string; seq: number; step: ComplaintStep; actorId: string; data: Record<string, unknown> },
) {
  await trx
    .insertInto('complaint_steps')
    .values({ id: newId(clock.now().getTime()), complaint_id: s.complaintId, seq: s.seq, step: s.step, data: JSON.stringify(s.data), actor_id: s.actorId, at: clock.now().toISOString() })
    .execute();
}

const SORTS = {
  receivedAt: 'complaints.received_at',
  stageSince: 'complaints.stage_since',
} as const;

/** Q-1 list: visible complaints, filtered, keyset-paged on the sort column and id. */
export async function listComplaints(deps: ComplaintDeps, actor: Actor, query: ComplaintListQuery) {
  let q = withNames(deps.db, actor);
  if (query.stage) q = q.where('complaints.stage', '=', query.stage);
  if (query.status === 'open') q = q.where('complaints.stage', '!=', 'closed');
  if (query.status === 'closed') q = q.where('complaints.stage', '=', 'closed');
  if (query.targetUserId) q = q.where('complaints.target_user_id', '=', query.targetUserId);
  if (query.targetMatterId) q = q.where('complaints.target_matter_id', '=', query.targetMatterId);
  if (query.clientId) q = q.where('complaints.client_id', '=', query.clientId);
  if (query.cause) q = q.where('complaints.cause', '=', query.cause);
  if (query.from) q = q.where('complaints.received_at', '>=', startOfFirmDay(query.from, deps.timeZone).toISOString());
  if (query.to) q = q.where('complaints.received_at', '<', startOfFirmDay(addDays(query.to, 1), deps.timeZone).toISOString());
  const desc = query.sort.startsWith('-');
  const col = SORTS[query.sort.replace('-', '') as keyof typeof SORTS];
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb(col, desc ? '<' : '>', String(after![0])),
            eb.and([eb(col, '=', String(after![0])), eb('complaints.id', desc ? '<' : '>', String(after![1]))]),
          ]),
        ),
      )
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('complaints.id', desc ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const key = query.sort.replace('-', '') === 'receivedAt' ? (r: Row) => [r.received_at, r.id] : (r: Row) => [r.stage_since, r.id];
  const { items, nextCursor } = page(rows, query.limit, key);
  return { items: items.map((r) => toComplaint(r, actor)), nextCursor, total: Number(count.n) };
}

const HANDLER_TEXT: Record<Locale, (by: string, client: string) => string> = {
  'zh-CN': (by, client) => `${by} 指定您处理「${client}」的投诉`,
  'en-US': (by, client) => `${by} asked you to handle a complaint from ${client}`,
};

/** Partners and admins name who handles a complaint (an active user who can see the client, never its target). */
export async function setHandler(deps: ComplaintDeps, ctx: Ctx, id: string, handlerId: string | null): Promise<ComplaintDetail> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  const row = await visibleComplaintOr404(db, actor, id);
  let handler: Actor | null = null;
  if (handlerId) {
    const u = await db.selectFrom('users').select(['id', 'name', 'role', 'team_id', 'active', 'locale']).where('id', '=', handlerId).executeTakeFirst();
    handler = u && u.active === 1 ? { id: u.id, name: u.name, role: u.role as Role, teamId: u.team_id, locale: u.locale } : null;
    const sees = handler && (await db.selectFrom('clients').select('id').where('id', '=', row.client_id).where(visibleTo(handler, 'clients', 'one') as never).executeTakeFirst());
    if (!sees || handlerId === row.target_user_id) throw invalid(actor, ['handlerId', 'handler']);
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('complaints').set({ handler_id: handlerId, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'complaint', entityId: id, before: { handler_id: row.handler_id }, after: { handler_id: handlerId } });
    if (handler && handler.id !== actor.id && handler.id !== row.handler_id) {
      const message = HANDLER_TEXT[handler.locale](actor.name, row.client_name);
      await notify(trx, clock, [handler.id], { kind: 'complaint_assigned', data: { complaintId: id, clientName: row.client_name, byName: actor.name, message }, link: `/complaints?id=${id}` });
    }
  });
  return getComplaint(db, actor, id);
}

