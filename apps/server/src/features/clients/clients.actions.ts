import type { Client, Grade } from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Forbidden, ValidationFailed } from '../../plugins/errors.js';
import { logAccess } from '../access-log/access-log.service.js';
import { recordAudit } from '../../plugins/audit.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { deriveOne, recordManualChange } from '../classification/classification.service.js';
import { readClient } from './clients.service.js';
import type { ClientsTable } from './clients.table.js';
import { visibleClientOr404 } from './clients.visibility.js';
import { replan } from '../care/care.generate.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** Grade and status are the owner's call, or a partner's/admin's. */
function assertClassifier(actor: Actor, client: ClientsTable) {
  if (actor.role !== 'admin' && actor.role !== 'partner' && client.owner_id !== actor.id) throw new Forbidden();
}

/** The one way ownership moves (X-5 reassignment keeps all history). */
export async function transferClient(
  { db, clock, timeZone }: Deps,
  ctx: Ctx,
  id: string,
  input: { ownerId: string; managerId?: string | null | undefined; teamId?: string | null | undefined; reason?: string | null | undefined },
): Promise<Client> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await visibleClientOr404(trx, actor, id);
    const owner = await trx.selectFrom('users').select(['id', 'role', 'active', 'team_id']).where('id', '=', input.ownerId).executeTakeFirst();
    if (!owner || owner.active !== 1 || !['lawyer', 'partner'].includes(owner.role)) {
      throw new ValidationFailed([{ field: 'ownerId', message: 'must be an active lawyer or partner' }]);
    }
    if (input.managerId) {
      const m = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', input.managerId).executeTakeFirst();
      if (!m || m.active !== 1 || !['client_manager', 'partner'].includes(m.role)) {
        throw new ValidationFailed([{ field: 'managerId', message: 'must be an active client manager' }]);
      }
    }
    const teamId = input.teamId === undefined ? (owner.team_id ?? before.team_id) : input.teamId;
    const changed = {
      owner_id: input.ownerId,
      manager_id: input.managerId === undefined ? before.manager_id : input.managerId,
      team_id: teamId,
    };
    await trx.updateTable('clients').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = { owner_id: before.owner_id, manager_id: before.manager_id, team_id: before.team_id };
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'client', entityId: id, before: prior, after: { ...changed, reason: input.reason ?? null } });
    // The timeline says who, in names as they were at the time of the transfer.
    const ids = [prior.owner_id, prior.manager_id, changed.owner_id, changed.manager_id].filter((v): v is string => !!v);
    const teamIds = [prior.team_id, changed.team_id].filter((v): v is string => !!v);
    const [people, teams] = await Promise.all([
      trx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
      teamIds.length ? trx.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
    ]);
    const nameOf = (list: { id: string; name: string }[], v: string | null) => list.find((p) => p.id === v)?.name ?? null;
    const names = (side: typeof prior) => ({
      owner: nameOf(people, side.owner_id),
      manager: nameOf(people, side.manager_id),
      team: nameOf(teams, side.team_id),
    });
    await addTimelineEvent(trx, clock, {
      clientId: id,
      kind: 'owner_changed',
      actorId: actor.id,
      data: { from: prior, to: changed, fromNames: names(prior), toNames: names(changed), reason: input.reason ?? null },
    });
    await notify(trx, clock, [changed.owner_id, changed.manager_id].filter((u) => u !== actor.id), {
      kind: 'client_transferred',
      data: { clientId: id, clientName: before.name },
      link: `/clients/${id}`,
    });
  });
  await replan({ db, clock, timeZone }, [id]);
  return readClient(db, actor, id);
}

/** K-1: a manual grade with its reason wins; null hands the grade back to the rule. */
export async function setGrade({ db, clock, timeZone }: Deps, ctx: Ctx, id: string, input: { grade: Grade | null; reason: string }): Promise<Client> {
  const actor = actorOf(ctx);
  const settings = await getSettings(db);
  await db.transaction().execute(async (trx) => {
    const before = await visibleClientOr404(trx, actor, id);
    assertClassifier(actor, before);
    // K-1: back to the rule means the hourly rate, or the last 12 months' fees without one
    const derived = input.grade ? null : (await deriveOne(trx, clock, timeZone, before, settings)).derived;
    const rule = derived?.rules.grade ?? null;
    const grade = input.grade ?? derived!.grade;
    const changed = { grade, grade_manual: input.grade ? 1 : 0, grade_reason: input.reason };
    await trx.updateTable('clients').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, {
      action: 'update',
      entity: 'client',
      entityId: id,
      before: { grade: before.grade, grade_manual: before.grade_manual, grade_reason: before.grade_reason },
      after: changed,
    });
    await recordManualChange(trx, clock, { clientId: id, field: 'grade', from: before.grade, to: grade, reason: input.reason, rule, actorId: actor.id });
    await addTimelineEvent(trx, clock, {
      clientId: id,
      kind: 'grade_changed',
      actorId: actor.id,
      data: { from: before.grade, to: grade, cause: input.grade ? 'manual' : `rule:${rule}`, reason: input.reason },
    });
  });
  await replan({ db, clock, timeZone }, [id]);
  return readClient(db, actor, id);
}

/** K-5: lost and dismissed are set by people with a reason; null returns to the derived status. */
export async function setStatus(
  { db, clock, timeZone }: Deps,
  ctx: Ctx,
  id: string,
  input: { status: 'lost' | 'dismissed' | null; reason: string },
): Promise<Client> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await visibleClientOr404(trx, actor, id);
    assertClassifier(actor, before);
    const derived = input.status ? null : (await deriveOne(trx, clock, timeZone, before)).derived;
    const rule = derived?.rules.status ?? null;
    const status: ClientsTable['status'] = input.status ?? derived!.status;
    const changed = { status, status_manual: input.status ? 1 : 0, status_reason: input.reason };
    await trx.updateTable('clients').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, {
      action: 'update',
      entity: 'client',
      entityId: id,
      before: { status: before.status, status_manual: before.status_manual, status_reason: before.status_reason },
      after: changed,
    });
    await recordManualChange(trx, clock, { clientId: id, field: 'status', from: before.status, to: status, reason: input.reason, rule, actorId: actor.id });
    await addTimelineEvent(trx, clock, {
      clientId: id,
      kind: 'status_changed',
      actorId: actor.id,
      data: { from: before.status, to: status, cause: input.status ? 'manual' : 'rule', reason: input.reason },
    });
  });
  await replan({ db, clock, timeZone }, [id]);
  return readClient(db, actor, id);
}

const FIELD_COLUMNS = { phone: 'phone', email: 'email', idNumber: 'id_number', uscc: 'uscc' } as const;

/** the clear values of masked fields, each unmasking logged. */
export async function unmask(deps: Deps, ctx: Ctx, id: string, fields: (keyof typeof FIELD_COLUMNS)[]) {
  const actor = actorOf(ctx);
  const row = await visibleClientOr404(deps.db, actor, id);
  await logAccess(deps, ctx, { clientId: id, action: 'unmask', detail: fields.join(',') });
  return Object.fromEntries(fields.map((f) => [f, row[FIELD_COLUMNS[f]]]));
}
