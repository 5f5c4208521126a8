import type { AdverseEventCreate, AdverseEventUpdate, Standard, StandardComplete } from '@retainer/shared';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { Conflict, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { visibleMatterOr404 } from './matters.service.js';
import { actorOf, fieldError } from './matters.rules.js';
import type { MattersTable } from './matters.table.js';
import { assertWriter } from './matters.write.js';
import { breachToTimeline } from './standards.breaches.js';
import { adverseEventDue, breachOnCompletion } from './standards.rules.js';
import { toStandard, withEvents, type StandardsDeps } from './standards.service.js';
import type { AdverseEventsTable, ServiceObligationsTable } from './standards.table.js';

type Trx = Transaction<Database>;

/** An instant given by a person: never in the future, never before `floor`. */
function assertInstant(actor: Actor, field: string, at: Date, now: Date, floor: { at: Date; zh: string; en: string }) {
  if (at.getTime() > now.getTime()) throw fieldError(actor, field, { 'zh-CN': '不能晚于现在', 'en-US': 'cannot be in the future' });
  if (at.getTime() < floor.at.getTime()) throw fieldError(actor, field, { 'zh-CN': floor.zh, 'en-US': floor.en });
}

/** Work for a matter counts from its engagement (or its opening day when never engaged). */
function engagementFloor(matter: Selectable<MattersTable>, timeZone: string) {
  return matter.engaged_at
    ? { at: new Date(matter.engaged_at), zh: '不能早于委托时间', en: 'cannot be before the engagement' }
    : { at: startOfFirmDay(matter.opened_on, timeZone), zh: `不能早于收案日期 ${matter.opened_on}`, en: `cannot be before the opening date ${matter.opened_on}` };
}

async function readStandard(deps: StandardsDeps, id: string): Promise<Standard> {
  const row = await withEvents(deps.db).where('service_obligations.id', '=', id).executeTakeFirstOrThrow();
  return toStandard(row, deps.clock.now().toISOString());
}

/** Marks an obligation done at `doneAt`; late is a breach, on time clears a provisional one. */
async function markDone(trx: Trx, deps: StandardsDeps, ctx: Ctx, matter: Selectable<MattersTable>, row: Selectable<ServiceObligationsTable>, doneAt: string, note: string | null) {
  const now = deps.clock.now().toISOString();
  const after = { status: 'done' as const, done_at: doneAt, done_by: ctx.actor!.id, note, breached_at: breachOnCompletion(row, doneAt, now), updated_at: now };
  await trx.updateTable('service_obligations').set(after).where('id', '=', row.id).execute();
  if (after.breached_at && !row.breached_at) await breachToTimeline(trx, deps.clock, matter, row);
  const before = { status: row.status, done_at: row.done_at, done_by: row.done_by, note: row.note, breached_at: row.breached_at };
  await recordAudit(trx, ctx, deps.clock, { action: 'update', entity: 'service_obligation', entityId: row.id, before, after });
  if (row.task_id) {
    // the survey task is the same piece of work: done with it
    await trx.updateTable('tasks').set({ status: 'done', done_at: now }).where('id', '=', row.task_id).where('status', '=', 'open').execute();
  }
}

/** M-4: sending the closing satisfaction survey (features/surveys) completes its obligation and task; false when none is open. */
export async function completeSurveyObligation(trx: Trx, deps: StandardsDeps, ctx: Ctx, matter: Selectable<MattersTable>): Promise<boolean> {
  const row = await trx
    .selectFrom('service_obligations')
    .selectAll()
    .where('matter_id', '=', matter.id)
    .where('kind', '=', 'satisfaction_survey')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!row) return false;
  await markDone(trx, deps, ctx, matter, row, deps.clock.now().toISOString(), row.note);
  return true;
}

export async function completeStandard(deps: StandardsDeps, ctx: Ctx, matterId: string, obligationId: string, input: StandardComplete): Promise<Standard> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await deps.db.transaction().execute(async (trx) => {
    const matter = await visibleMatterOr404(trx, actor, matterId);
    const row = await trx.selectFrom('service_obligations').selectAll().where('id', '=', obligationId).where('matter_id', '=', matterId).executeTakeFirst();
    if (!row) throw new NotFound();
    if (row.status !== 'open') {
      throw new Conflict(
        row.status === 'done'
          ? { 'zh-CN': '该项服务标准已完成', 'en-US': 'This obligation is already done' }
          : { 'zh-CN': '该项服务标准已取消，无需完成', 'en-US': 'This obligation was cancelled' },
      );
    }
    const now = deps.clock.now();
    const doneAt = input.doneAt ? new Date(input.doneAt) : now;
    assertInstant(actor, 'doneAt', doneAt, now, engagementFloor(matter, deps.timeZone));
    if (row.kind === 'adverse_event') {
      // completing the notice is recording when the client was told
      const event = await trx.selectFrom('adverse_events').selectAll().where('id', '=', row.key).executeTakeFirstOrThrow();
      assertInstant(actor, 'doneAt', doneAt, now, { at: new Date(event.occurred_at), zh: '不能早于事件发生时间', en: 'cannot be before the event' });
      await trx.updateTable('adverse_events').set({ notified_at: doneAt.toISOString(), updated_at: now.toISOString() }).where('id', '=', event.id).execute();
    }
    await markDone(trx, deps, ctx, matter, row, doneAt.toISOString(), input.note ?? null);
  });
  return readStandard(deps, obligationId);
}

/** M-4: an adverse event must be told to the client within one hour; the notice is tracked as an obligation. */
export async function recordAdverseEvent(deps: StandardsDeps, ctx: Ctx, matterId: string, input: AdverseEventCreate): Promise<Standard> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  const obligationId = await deps.db.transaction().execute(async (trx) => {
    const matter = await visibleMatterOr404(trx, actor, matterId);
    if (matter.status === 'intake') {
      throw new Conflict({ 'zh-CN': '事项尚未委托，不能记录不利事件', 'en-US': 'The matter is not engaged yet; adverse events cannot be recorded' });
    }
    const now = deps.clock.now();
    const occurred = new Date(input.occurredAt);
    const opened = startOfFirmDay(matter.opened_on, deps.timeZone);
    assertInstant(actor, 'occurredAt', occurred, now, { at: opened, zh: `不能早于收案日期 ${matter.opened_on}`, en: `cannot be before the opening date ${matter.opened_on}` });
    const notified = input.notifiedAt ? new Date(input.notifiedAt) : null;
    if (notified) assertInstant(actor, 'notifiedAt', notified, now, { at: occurred, zh: '不能早于事件发生时间', en: 'cannot be before the event' });
    const event: AdverseEventsTable = {
      id: newId(now.getTime()),
      matter_id: matterId,
      description: input.description,
      occurred_at: occurred.toISOString(),
      notified_at: notified?.toISOString() ?? null,
      created_by: actor.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await trx.insertInto('adverse_events').values(event).execute();
    const dueAt = adverseEventDue(occurred).toISOString();
    const obligation: ServiceObligationsTable = {
      id: newId(now.getTime()),
      matter_id: matterId,
      kind: 'adverse_event',
      key: event.id,
      due_at: dueAt,
      done_at: event.notified_at,
      status: event.notified_at ? 'done' : 'open',
      // told late, or not told and already past the hour: a breach from the start
      breached_at: event.notified_at ? breachOnCompletion({ due_at: dueAt, breached_at: null }, event.notified_at, now.toISOString()) : dueAt < now.toISOString() ? now.toISOString() : null,
      breach_notified_at: null,
      note: null,
      task_id: null,
      done_by: event.notified_at ? actor.id : null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await trx.insertInto('service_obligations').values(obligation).execute();
    if (obligation.breached_at) await breachToTimeline(trx, deps.clock, matter, obligation);
    await recordAudit(trx, ctx, deps.clock, { action: 'create', entity: 'adverse_event', entityId: event.id, after: { ...event, obligation_id: obligation.id } });
    await addTimelineEvent(trx, deps.clock, {
      clientId: matter.client_id,
      kind: 'adverse_event_recorded',
      actorId: actor.id,
      data: { matterId, title: matter.title, adverseEventId: event.id, description: event.description, occurredAt: event.occurred_at, notifiedAt: event.notified_at },
    });
    return obligation.id;
  });
  return readStandard(deps, obligationId);
}

/** The time the client was told, recorded (or corrected) later. */
export async function updateAdverseEvent(deps: StandardsDeps, ctx: Ctx, eventId: string, input: AdverseEventUpdate): Promise<Standard> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  const obligationId = await deps.db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('adverse_events').selectAll().where('id', '=', eventId).executeTakeFirst();
    if (!event) throw new NotFound();
    // an event of a matter one cannot see does not exist for them
    const matter = await visibleMatterOr404(trx, actor, event.matter_id);
    const now = deps.clock.now();
    const notified = new Date(input.notifiedAt);
    assertInstant(actor, 'notifiedAt', notified, now, { at: new Date(event.occurred_at), zh: '不能早于事件发生时间', en: 'cannot be before the event' });
    await trx.updateTable('adverse_events').set({ notified_at: notified.toISOString(), updated_at: now.toISOString() }).where('id', '=', eventId).execute();
    await recordAudit(trx, ctx, deps.clock, {
      action: 'update',
      entity: 'adverse_event',
      entityId: eventId,
      before: { notified_at: event.notified_at },
      after: { notified_at: notified.toISOString() },
    });
    const row = await trx
      .selectFrom('service_obligations')
      .selectAll()
      .where('matter_id', '=', event.matter_id)
      .where('kind', '=', 'adverse_event')
      .where('key', '=', eventId)
      .executeTakeFirstOrThrow();
    await markDone(trx, deps, ctx, matter, row, notified.toISOString(), row.note);
    return row.id;
  });
  return readStandard(deps, obligationId);
}
