import type { ImprovementCreate, ImprovementItem, ImprovementStatus, ImprovementUpdate } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { actorOf, type SurveyDeps } from './surveys.service.js';
import type { ImprovementItemsTable } from './surveys.table.js';

type Db = Kysely<Database>;
type Row = Selectable<ImprovementItemsTable> & { client_name: string; owner_name: string | null };

function toItem(r: Row): ImprovementItem {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    responseId: r.response_id,
    title: r.title,
    change: r.change,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status,
    clientTold: r.client_told === 1,
    clientToldAt: r.client_told_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function itemsOf(db: Db, actor: Actor) {
  return db
    .selectFrom('improvement_items')
    .innerJoin('clients', 'clients.id', 'improvement_items.client_id')
    .where(visibleTo(actor) as never)
    .leftJoin('users as owner', 'owner.id', 'improvement_items.owner_id')
    .selectAll('improvement_items')
    .select(['clients.name as client_name', 'owner.name as owner_name']);
}

const invalid = (actor: Actor, field: string, zh: string, en: string) => new ValidationFailed([{ field, message: actor.locale === 'zh-CN' ? zh : en }]);

async function checkOwner(trx: Transaction<Database>, actor: Actor, ownerId: string) {
  const u = await trx.selectFrom('users').select('active').where('id', '=', ownerId).executeTakeFirst();
  if (u?.active !== 1) throw invalid(actor, 'ownerId', '负责人须为在职用户', 'The owner must be an active user');
}

export async function listImprovements(
  deps: SurveyDeps,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined; clientId?: string | undefined; responseId?: string | undefined; status?: ImprovementStatus | undefined },
) {
  let q = itemsOf(deps.db, actor);
  if (query.clientId) q = q.where('improvement_items.client_id', '=', query.clientId);
  if (query.responseId) q = q.where('improvement_items.response_id', '=', query.responseId);
  if (query.status) q = q.where('improvement_items.status', '=', query.status);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .$if(after !== null, (qb) => qb.where('improvement_items.id', '<', String(after![0])))
      .orderBy('improvement_items.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map(toItem), nextCursor, total: Number(count.n) };
}

export async function readImprovement(deps: SurveyDeps, actor: Actor, id: string): Promise<ImprovementItem> {
  const row = await itemsOf(deps.db, actor).where('improvement_items.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return toItem(row);
}

/** V-4: an improvement item on a visible client, optionally tied to one of its responses. */
export async function createImprovement(deps: SurveyDeps, ctx: Ctx, input: ImprovementCreate): Promise<ImprovementItem> {
  const actor = actorOf(ctx);
  const id = await deps.db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, input.clientId);
    if (input.responseId) {
      const r = await trx.selectFrom('survey_responses').select('client_id').where('id', '=', input.responseId).executeTakeFirst();
      if (r?.client_id !== input.clientId) throw invalid(actor, 'responseId', '该反馈不属于此客户', 'This response does not belong to the client');
    }
    await checkOwner(trx, actor, input.ownerId);
    const now = deps.clock.now().toISOString();
    const row: ImprovementItemsTable = {
      id: newId(deps.clock.now().getTime()),
      client_id: input.clientId,
      response_id: input.responseId ?? null,
      title: input.title,
      change: input.change,
      owner_id: input.ownerId,
      due_on: input.dueOn ?? null,
      status: 'planned',
      client_told: 0,
      client_told_at: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('improvement_items').values(row).execute();
    await recordAudit(trx, ctx, deps.clock, { action: 'create', entity: 'improvement_item', entityId: row.id, after: row });
    return row.id;
  });
  return readImprovement(deps, actor, id);
}

/** Edits, status, and whether and when the client was told (telling defaults to now). */
export async function updateImprovement(deps: SurveyDeps, ctx: Ctx, id: string, input: ImprovementUpdate): Promise<ImprovementItem> {
  const actor = actorOf(ctx);
  await deps.db.transaction().execute(async (trx) => {
    const before = await itemsOf(trx, actor).where('improvement_items.id', '=', id).executeTakeFirst();
    if (!before) throw new NotFound();
    const now = deps.clock.now();
    const wanted: Partial<ImprovementItemsTable> = {};
    if (input.title !== undefined) wanted.title = input.title;
    if (input.change !== undefined) wanted.change = input.change;
    if (input.ownerId !== undefined) {
      await checkOwner(trx, actor, input.ownerId);
      wanted.owner_id = input.ownerId;
    }
    if (input.dueOn !== undefined) wanted.due_on = input.dueOn;
    if (input.status !== undefined) wanted.status = input.status;
    if (input.clientTold !== undefined) {
      wanted.client_told = input.clientTold ? 1 : 0;
      wanted.client_told_at = input.clientTold ? (input.clientToldAt ?? before.client_told_at ?? now.toISOString()) : null;
    } else if (input.clientToldAt !== undefined) {
      wanted.client_told_at = input.clientToldAt;
      wanted.client_told = input.clientToldAt ? 1 : 0;
    }
    if (wanted.client_told_at) {
      const told = new Date(wanted.client_told_at);
      if (told.getTime() > now.getTime()) throw invalid(actor, 'clientToldAt', '不能晚于现在', 'cannot be in the future');
      wanted.client_told_at = told.toISOString();
    }
    if (!Object.keys(wanted).length) return;
    await trx.updateTable('improvement_items').set({ ...wanted, updated_at: now.toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(wanted).map((k) => [k, before[k as keyof ImprovementItemsTable]]));
    await recordAudit(trx, ctx, deps.clock, { action: 'update', entity: 'improvement_item', entityId: id, before: prior, after: wanted });
  });
  return readImprovement(deps, actor, id);
}
