import type { CommitmentCreate, RequestCreate, RequestMilestone, RequestUpdate, ServiceRequestDetail, SlaTarget } from '@retainer/shared';
import { requestCreateSchema } from '@retainer/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Conflict, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { visibleClientOr404 } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { slaContext } from './requests.settings.js';
import { commitmentWarnAt, nextDueAt, targetTimes } from './requests.sla.js';
import { detailOf, visibleRequestOr404, type RequestRow } from './requests.service.js';
import type { RequestsTable } from './requests.table.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

async function assertContact(trx: Kysely<Database>, clientId: string, contactId: string | null | undefined) {
  if (!contactId) return;
  const c = await trx.selectFrom('contacts').select('id').where('id', '=', contactId).where('client_id', '=', clientId).executeTakeFirst();
  if (!c) throw new ValidationFailed([{ field: 'contactId', message: 'not a contact of this client' }]);
}

async function assertAssignee(trx: Kysely<Database>, userId: string) {
  const u = await trx.selectFrom('users').select('id').where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  if (!u) throw new ValidationFailed([{ field: 'assigneeId', message: 'no such active user' }]);
}

function notInFuture(field: string, at: string | undefined, now: Date) {
  if (at && Date.parse(at) > now.getTime()) throw new ValidationFailed([{ field, message: 'cannot be in the future' }]);
}

async function reread(deps: Deps, ctx: Ctx, id: string): Promise<ServiceRequestDetail> {
  return detailOf(deps.db, await visibleRequestOr404(deps.db, ctx.actor!, id), deps.clock.now());
}

/** S-1/S-2: records a request; its targets come from the client's grade now and the firm's SLA settings. */
export async function createRequest(deps: Deps, ctx: Ctx, input: RequestCreate): Promise<ServiceRequestDetail> {
  const body = requestCreateSchema.parse(input);
  const actor = ctx.actor!;
  const now = deps.clock.now();
  notInFuture('receivedAt', body.receivedAt, now);
  const { settings, options } = await slaContext(deps);
  const id = newId(now.getTime());
  await deps.db.transaction().execute(async (trx) => {
    const client = await visibleClientOr404(trx, actor, body.clientId);
    await assertContact(trx, client.id, body.contactId);
    const assigneeId = body.assigneeId ?? actor.id;
    await assertAssignee(trx, assigneeId);
    const grade = client.grade ?? 'C';
    const targets = settings.targets[grade];
    const received = new Date(body.receivedAt);
    const reply = targetTimes(received, targets.replyMinutes, settings.warnPercent, options);
    const opinion = targetTimes(received, targets.opinionMinutes, settings.warnPercent, options);
    const row: RequestsTable = {
      id,
      client_id: client.id,
      contact_id: body.contactId ?? null,
      channel: body.channel,
      received_at: received.toISOString(),
      subject: body.subject,
      details: body.details || null,
      priority: body.priority,
      assignee_id: assigneeId,
      status: 'open',
      grade,
      sla_mode: settings.mode,
      next_due_at: reply.dueAt.toISOString(),
      reply_minutes: targets.replyMinutes,
      reply_base_due_at: reply.dueAt.toISOString(),
      reply_due_at: reply.dueAt.toISOString(),
      reply_warn_at: reply.warnAt.toISOString(),
      reply_done_at: null,
      reply_note: null,
      reply_late: 0,
      reply_warned_at: null,
      reply_breach_flagged_at: null,
      opinion_minutes: targets.opinionMinutes,
      opinion_base_due_at: opinion.dueAt.toISOString(),
      opinion_due_at: opinion.dueAt.toISOString(),
      opinion_warn_at: opinion.warnAt.toISOString(),
      opinion_done_at: null,
      opinion_note: null,
      opinion_late: 0,
      opinion_warned_at: null,
      opinion_breach_flagged_at: null,
      closed_at: null,
      close_note: null,
      created_by: actor.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    row.next_due_at = nextDueAt(row);
    await trx.insertInto('requests').values(row).execute();
    await addTimelineEvent(trx, deps.clock, {
      clientId: client.id,
      kind: 'request_received',
      actorId: actor.id,
      data: { requestId: id, subject: row.subject, channel: row.channel, priority: row.priority, receivedAt: row.received_at },
    });
    await recordAudit(trx, ctx, deps.clock, { action: 'create', entity: 'request', entityId: id, after: row });
  });
  return reread(deps, ctx, id);
}

/** The request (visible, else 404) inside a transaction, and a helper to save a change with its audit row. */
async function change(
  deps: Deps,
  ctx: Ctx,
  id: string,
  fn: (trx: Transaction<Database>, row: RequestRow, now: Date) => Promise<Partial<RequestsTable> | null>,
): Promise<ServiceRequestDetail> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await visibleRequestOr404(trx, ctx.actor!, id);
    const patch = await fn(trx, row, now);
    if (!patch) return;
    const next = { ...row, ...patch };
    const values = { ...patch, next_due_at: nextDueAt(next), updated_at: now.toISOString() };
    await trx.updateTable('requests').set(values).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof RequestRow]]));
    await recordAudit(trx, ctx, deps.clock, { action: 'update', entity: 'request', entityId: id, before, after: patch });
  });
  return reread(deps, ctx, id);
}

/** Only the listed fields; received-at, client and the SLA change through their own actions. */
export async function updateRequest(deps: Deps, ctx: Ctx, id: string, body: RequestUpdate): Promise<ServiceRequestDetail> {
  return change(deps, ctx, id, async (trx, row) => {
    const patch: Partial<RequestsTable> = {};
    if (body.contactId !== undefined) {
      await assertContact(trx, row.client_id, body.contactId);
      patch.contact_id = body.contactId;
    }
    if (body.assigneeId !== undefined && body.assigneeId !== row.assignee_id) {
      await assertAssignee(trx, body.assigneeId);
      patch.assignee_id = body.assigneeId;
    }
    if (body.channel !== undefined) patch.channel = body.channel;
    if (body.subject !== undefined) patch.subject = body.subject;
    if (body.details !== undefined) patch.details = body.details || null;
    if (body.priority !== undefined) patch.priority = body.priority;
    return Object.keys(patch).length ? patch : null;
  });
}

const TIMELINE_OF = { reply: 'request_replied', opinion: 'request_opinion_given' } as const;

/** S-2: the first reply or first opinion, once; `at` (default now) may be earlier, never before received-at nor in the future. */
export async function recordMilestone(deps: Deps, ctx: Ctx, id: string, target: SlaTarget, body: RequestMilestone): Promise<ServiceRequestDetail> {
  return change(deps, ctx, id, async (trx, row, now) => {
    notInFuture('at', body.at, now);
    const at = body.at ? new Date(body.at).toISOString() : now.toISOString();
    if (at < row.received_at) throw new ValidationFailed([{ field: 'at', message: 'cannot be before the request was received' }]);
    if (row.status !== 'open') throw new Conflict({ 'zh-CN': '需求已关闭，请先重新打开', 'en-US': 'The request is closed; reopen it first' });
    if (row[`${target}_done_at`]) throw new Conflict({ 'zh-CN': target === 'reply' ? '已记录首次回复' : '已记录初步意见', 'en-US': `The first ${target} is already recorded` });
    const onTime = !Number(row[`${target}_late`]) && at <= row[`${target}_due_at`];
    await addTimelineEvent(trx, deps.clock, {
      clientId: row.client_id,
      kind: TIMELINE_OF[target],
      actorId: ctx.actor!.id,
      data: { requestId: row.id, subject: row.subject, at, dueAt: row[`${target}_due_at`], onTime, note: body.note ?? null },
    });
    return target === 'reply' ? { reply_done_at: at, reply_note: body.note ?? null } : { opinion_done_at: at, opinion_note: body.note ?? null };
  });
}

/** S-3: a time told to the client replaces the target's due time and is tracked itself. */
export async function addCommitment(deps: Deps, ctx: Ctx, id: string, body: CommitmentCreate): Promise<ServiceRequestDetail> {
  const { settings, options } = await slaContext(deps);
  return change(deps, ctx, id, async (trx, row, now) => {
    notInFuture('toldAt', body.toldAt, now);
    const told = body.toldAt ? new Date(body.toldAt) : now;
    const committed = new Date(body.committedAt);
    if (committed <= told) throw new ValidationFailed([{ field: 'committedAt', message: 'must be after the time the client was told' }]);
    if (told.toISOString() < row.received_at) throw new ValidationFailed([{ field: 'toldAt', message: 'cannot be before the request was received' }]);
    if (row.status !== 'open') throw new Conflict({ 'zh-CN': '需求已关闭，请先重新打开', 'en-US': 'The request is closed; reopen it first' });
    const t = body.target;
    if (row[`${t}_done_at`]) throw new Conflict({ 'zh-CN': '该项已完成，无需承诺时间', 'en-US': 'That target is already met' });
    // told after the base due time (or an earlier commitment) had passed: the breach stands
    const late = Number(row[`${t}_late`]) === 1 || told.toISOString() > row[`${t}_due_at`] ? 1 : 0;
    const warnAt = commitmentWarnAt(told, committed, settings.warnPercent, options).toISOString();
    const c = { id: newId(now.getTime()), request_id: row.id, target: t, committed_at: committed.toISOString(), told_at: told.toISOString(), note: body.note ?? null, created_by: ctx.actor!.id, created_at: now.toISOString() };
    await trx.insertInto('request_commitments').values(c).execute();
    await addTimelineEvent(trx, deps.clock, {
      clientId: row.client_id,
      kind: 'request_committed',
      actorId: ctx.actor!.id,
      data: { requestId: row.id, subject: row.subject, target: t, committedAt: c.committed_at, toldAt: c.told_at, note: c.note },
    });
    // a new due time earns its own warning and breach notice
    return t === 'reply'
      ? { reply_due_at: c.committed_at, reply_warn_at: warnAt, reply_late: late, reply_warned_at: null, reply_breach_flagged_at: null }
      : { opinion_due_at: c.committed_at, opinion_warn_at: warnAt, opinion_late: late, opinion_warned_at: null, opinion_breach_flagged_at: null };
  });
}

export async function closeRequest(deps: Deps, ctx: Ctx, id: string, note: string | null | undefined): Promise<ServiceRequestDetail> {
  return change(deps, ctx, id, async (trx, row, now) => {
    if (row.status === 'closed') throw new Conflict({ 'zh-CN': '需求已关闭', 'en-US': 'The request is already closed' });
    await addTimelineEvent(trx, deps.clock, { clientId: row.client_id, kind: 'request_closed', actorId: ctx.actor!.id, data: { requestId: row.id, subject: row.subject, note: note ?? null } });
    return { status: 'closed', closed_at: now.toISOString(), close_note: note ?? null };
  });
}

export async function reopenRequest(deps: Deps, ctx: Ctx, id: string): Promise<ServiceRequestDetail> {
  return change(deps, ctx, id, async (_trx, row) => {
    if (row.status === 'open') throw new Conflict({ 'zh-CN': '需求未关闭', 'en-US': 'The request is open' });
    return { status: 'open', closed_at: null, close_note: null };
  });
}
