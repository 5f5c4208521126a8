import type { SavedView, savedViewCreateSchema } from '@retainer/shared';
import type { z } from 'zod';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Conflict, Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import type { SavedViewsTable } from './saved-views.table.js';

type Deps = { db: Db; clock: Clock };
type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

function toSavedView(r: SavedViewsTable): SavedView {
  return { id: r.id, scope: r.scope, name: r.name, query: JSON.parse(r.query) as Record<string, unknown>, createdAt: r.created_at, updatedAt: r.updated_at };
}

const byName = new Intl.Collator('zh-CN');

/** C-9: a person's own saved list views; nobody sees another's. */
export async function listSavedViews(db: Db, actor: Actor, scope: string) {
  const rows = await db.selectFrom('saved_views').selectAll().where('user_id', '=', actor.id).where('scope', '=', scope).execute();
  rows.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { items: rows.map(toSavedView), nextCursor: null, total: rows.length };
}

const nameTaken = () =>
  new Conflict({ 'zh-CN': '已有同名的视图', 'en-US': 'You already have a view with this name' }, [{ field: 'name', message: 'already in use' }]);

export async function createSavedView({ db, clock }: Deps, ctx: Ctx, input: SavedViewCreate): Promise<SavedView> {
  const actor = actorOf(ctx);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('saved_views')
      .select('id')
      .where('user_id', '=', actor.id)
      .where('scope', '=', input.scope)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) throw nameTaken();
    const now = clock.now().toISOString();
    const row: SavedViewsTable = { id: newId(), user_id: actor.id, scope: input.scope, name: input.name, query: JSON.stringify(input.query), created_at: now, updated_at: now };
    await trx.insertInto('saved_views').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'saved_view', entityId: row.id, after: row });
    return toSavedView(row);
  });
}

export async function deleteSavedView({ db, clock }: Deps, ctx: Ctx, id: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('saved_views').selectAll().where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!before) throw new NotFound();
    await trx.deleteFrom('saved_views').where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'saved_view', entityId: id, before });
  });
}
