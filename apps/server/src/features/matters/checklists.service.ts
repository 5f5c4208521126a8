import type { ChecklistStepUpdate, ChecklistTemplate, ChecklistTemplateUpdate, MatterChecklist, MatterType } from '@retainer/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { checklistProgress, stepDueOn } from './matter-process.rules.js';
import { visibleMatterOr404 } from './matters.service.js';
import { actorOf } from './matters.rules.js';
import { assertWriter, type Deps } from './matters.write.js';

type Db = Kysely<Database>;

/** M-3: a matter type's template, ordered. */
export async function getChecklistTemplate(db: Db, type: MatterType): Promise<ChecklistTemplate> {
  const [head, steps] = await Promise.all([
    db
      .selectFrom('checklist_templates as t')
      .leftJoin('users as u', 'u.id', 't.updated_by')
      .select(['t.updated_at', 't.updated_by', 'u.name as updated_by_name'])
      .where('t.matter_type', '=', type)
      .executeTakeFirst(),
    db.selectFrom('checklist_template_steps').selectAll().where('matter_type', '=', type).orderBy('position').execute(),
  ]);
  return {
    type,
    steps: steps.map((s) => ({ position: Number(s.position), title: s.title, guidance: s.guidance, dueDays: Number(s.due_days) })),
    updatedAt: head?.updated_at ?? null,
    updatedBy: head?.updated_by ? { id: head.updated_by, name: head.updated_by_name ?? '' } : null,
  };
}

/** M-3: admins replace a template's steps; matters already opened keep their own copy. */
export async function replaceChecklistTemplate(deps: { db: Db; clock: Clock }, ctx: Ctx, type: MatterType, body: ChecklistTemplateUpdate) {
  const actor = actorOf(ctx);
  const now = deps.clock.now().toISOString();
  const steps = body.steps.map((s, i) => ({
    id: newId(deps.clock.now().getTime()),
    matter_type: type,
    position: i + 1,
    title: s.title,
    guidance: s.guidance?.trim() ? s.guidance.trim() : null,
    due_days: s.dueDays,
  }));
  await deps.db.transaction().execute(async (trx) => {
    const before = await getChecklistTemplate(trx, type);
    await trx
      .insertInto('checklist_templates')
      .values({ matter_type: type, updated_at: now, updated_by: actor.id })
      .onConflict((oc) => oc.column('matter_type').doUpdateSet({ updated_at: now, updated_by: actor.id }))
      .execute();
    await trx.deleteFrom('checklist_template_steps').where('matter_type', '=', type).execute();
    await trx.insertInto('checklist_template_steps').values(steps).execute();
    await recordAudit(trx, ctx, deps.clock, {
      action: 'update',
      entity: 'checklist_template',
      entityId: type,
      before: { steps: before.steps },
      after: { steps: steps.map((s) => ({ position: s.position, title: s.title, guidance: s.guidance, dueDays: s.due_days })) },
    });
  });
  return getChecklistTemplate(deps.db, type);
}

/** M-3: a new matter copies its type's template, inside the transaction that creates it. */
export async function copyChecklist(trx: Transaction<Database>, clock: Clock, matter: { id: string; type: MatterType }) {
  const template = await trx.selectFrom('checklist_template_steps').selectAll().where('matter_type', '=', matter.type).orderBy('position').execute();
  if (!template.length) return;
  const now = clock.now();
  await trx
    .insertInto('matter_checklist_steps')
    .values(
      template.map((s) => ({
        id: newId(now.getTime()),
        matter_id: matter.id,
        position: Number(s.position),
        title: s.title,
        guidance: s.guidance,
        due_days: Number(s.due_days),
        done_at: null,
        done_by: null,
        note: null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** M-3: a matter's checklist with due days, who did what, and progress; 404 unless the matter is visible. */
export async function readChecklist({ db, clock, timeZone }: Deps, actor: Actor, matterId: string): Promise<MatterChecklist> {
  const matter = await visibleMatterOr404(db, actor, matterId);
  const rows = await db
    .selectFrom('matter_checklist_steps as s')
    .leftJoin('users as u', 'u.id', 's.done_by')
    .selectAll('s')
    .select('u.name as done_by_name')
    .where('s.matter_id', '=', matterId)
    .orderBy('s.position')
    .execute();
  const today = firmDay(clock.now(), timeZone);
  const steps = rows.map((r) => {
    const dueOn = stepDueOn(matter.opened_on, Number(r.due_days));
    const done = r.done_at !== null;
    return {
      id: r.id,
      position: Number(r.position),
      title: r.title,
      guidance: r.guidance,
      dueDays: Number(r.due_days),
      dueOn,
      done,
      doneAt: r.done_at,
      doneBy: r.done_by ? { id: r.done_by, name: r.done_by_name ?? '' } : null,
      note: r.note,
      overdue: !done && dueOn < today,
    };
  });
  return { matterId, steps, progress: checklistProgress(steps) };
}

/** M-3: ticks or unticks a step (audited; too small a thing for the client's timeline). */
export async function updateChecklistStep(deps: Deps, ctx: Ctx, matterId: string, stepId: string, input: ChecklistStepUpdate): Promise<MatterChecklist> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await deps.db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    const before = await trx.selectFrom('matter_checklist_steps').selectAll().where('id', '=', stepId).where('matter_id', '=', matterId).executeTakeFirst();
    if (!before) throw new NotFound();
    const wasDone = before.done_at !== null;
    const note = input.note === undefined ? before.note : input.note?.trim() || null;
    const changed = {
      // ticking a done step again keeps who did it and when
      done_at: input.done ? (wasDone ? before.done_at : deps.clock.now().toISOString()) : null,
      done_by: input.done ? (wasDone ? before.done_by : actor.id) : null,
      note,
    };
    if (changed.done_at === before.done_at && changed.done_by === before.done_by && changed.note === before.note) return;
    await trx.updateTable('matter_checklist_steps').set(changed).where('id', '=', stepId).execute();
    await recordAudit(trx, ctx, deps.clock, {
      action: 'update',
      entity: 'matter_checklist_step',
      entityId: stepId,
      before: { matter_id: matterId, title: before.title, done_at: before.done_at, done_by: before.done_by, note: before.note },
      after: { matter_id: matterId, title: before.title, ...changed },
    });
  });
  return readChecklist(deps, actor, matterId);
}
