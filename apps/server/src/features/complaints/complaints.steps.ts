import type { ComplaintDetail, ComplaintStep, ComplaintStepBody, TimelineKind } from '@retainer/shared';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../plugins/audit.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { Forbidden } from '../../plugins/errors.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { invalid, InvalidTransition } from './complaints.messages.js';
import { applyStep, mayAct, nextStep, stageOf, type ComplaintState } from './complaints.rules.js';
import { actorOf, getComplaint, insertStep, mayHandle, visibleComplaintOr404, type ComplaintDeps } from './complaints.service.js';
import type { ComplaintsTable } from './complaints.table.js';

const KIND: Record<Exclude<ComplaintStep, 1>, TimelineKind> = {
  2: 'complaint_validity_decided',
  3: 'complaint_responsibility_identified',
  4: 'complaint_solution_proposed',
  5: 'complaint_solution_accepted',
  6: 'complaint_evaluated',
};

const stateOf = (r: Pick<ComplaintsTable, 'step' | 'valid' | 'accepted'>): ComplaintState => ({
  step: r.step as ComplaintStep,
  valid: r.valid === null ? null : r.valid === 1,
  accepted: r.accepted === null ? null : r.accepted === 1,
});

/** Times told to the client or carried out: not in the future, not before the complaint came in. */
function checkTime(actor: Actor, field: string, at: string, receivedAt: string, now: Date) {
  const t = Date.parse(at);
  if (t > now.getTime()) throw invalid(actor, [field, 'future']);
  if (t < Date.parse(receivedAt)) throw invalid(actor, [field, 'beforeReceived']);
}

/** The step's own columns on the complaint. */
function changesOf(body: ComplaintStepBody, now: string): Updateable<ComplaintsTable> {
  switch (body.step) {
    case 2:
      return { valid: body.valid ? 1 : 0 };
    case 3:
      return { cause: body.cause, responsible_user_id: body.responsibleUserId };
    case 4:
      return { accepted: null };
    case 5:
      return { accepted: body.accepted ? 1 : 0 };
    case 6:
      return { closed_at: now };
  }
}

/**
 * carries the next step. 404 when the complaint is not visible, 403 for someone who may not
 * act on it, 409 when the step is not the one expected. The expected step is checked against the
 * row read inside the transaction, and the update is conditional on the number of steps seen, so
 * two posts cannot both apply.
 */
export async function postStep(deps: ComplaintDeps, ctx: Ctx, id: string, body: ComplaintStepBody): Promise<ComplaintDetail> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  const seen = await visibleComplaintOr404(db, actor, id);
  if (!mayAct(actor, { handlerId: seen.handler_id, targetUserId: seen.target_user_id }, mayHandle(actor.role))) throw new Forbidden();
  const now = clock.now();
  if (body.step === 2 || body.step === 4) checkTime(actor, 'toldAt', body.toldAt, seen.received_at, now);
  if (body.step === 5) checkTime(actor, 'at', body.at, seen.received_at, now);
  if (body.step === 3 && body.responsibleUserId) {
    const user = await db.selectFrom('users').select('id').where('id', '=', body.responsibleUserId).executeTakeFirst();
    if (!user) throw invalid(actor, ['responsibleUserId', 'user']);
  }

  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const state = stateOf(row);
    const expected = nextStep(state);
    if (body.step !== expected) throw new InvalidTransition(row.step, body.step, expected);
    const after = applyStep(state, body.step, body.step === 2 ? { valid: body.valid } : body.step === 5 ? { accepted: body.accepted } : {});
    const at = now.toISOString();
    const changes: Updateable<ComplaintsTable> = {
      ...changesOf(body, at),
      step: body.step,
      stage: stageOf(after),
      steps_done: row.steps_done + 1,
      stage_since: at,
      updated_at: at,
    };
    const res = await trx.updateTable('complaints').set(changes).where('id', '=', id).where('steps_done', '=', row.steps_done).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new InvalidTransition(row.step, body.step, expected);
    const { step, ...data } = body;
    await insertStep(trx, clock, { complaintId: id, seq: row.steps_done + 1, step, actorId: actor.id, data });
    await recordAudit(trx, ctx, clock, {
      action: 'update',
      entity: 'complaint',
      entityId: id,
      before: { step: row.step, stage: row.stage },
      after: { step: body.step, stage: changes.stage, ...data },
    });
    const kind = body.step === 5 && !body.accepted ? 'complaint_renegotiated' : KIND[body.step];
    const summary = body.step === 2 ? { valid: body.valid } : body.step === 3 ? { cause: body.cause } : {};
    await addTimelineEvent(trx, clock, { clientId: row.client_id, kind, actorId: actor.id, data: { complaintId: id, step: body.step, ...summary } });
  });
  return getComplaint(db, actor, id);
}

