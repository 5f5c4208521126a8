import type { Need, NeedCreate, NeedSource, NeedStatus, NeedUpdate } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import type { NeedsTable } from './interactions.table.js';

type Db = Kysely<Database>;
type Deps = { db: Db; clock: Clock };
type Row = Selectable<NeedsTable> & { author_name: string | null };

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

// Open needs first (they are the work), then offered, then the settled ones.
const STATUS_ORDER: Record<NeedStatus, number> = { open: 0, offered: 1, won: 2, declined: 3 };

function toNeed(r: Row): Need {
  return {
    id: r.id,
    clientId: r.client_id,
    area: r.area,
    description: r.description,
    source: r.source,
    sourceId: r.source_id,
    status: r.status,
    createdBy: r.created_by,
    createdByName: r.author_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function needsOf(db: Db) {
  return db.selectFrom('needs').leftJoin('users as author', 'author.id', 'needs.created_by').selectAll('needs').select('author.name as author_name');
}

/** I-3: new needs on a client, each on the timeline; written in the caller's transaction. */
export async function insertNeeds(
  trx: Transaction<Database>,
  clock: Clock,
  ctx: Ctx,
  clientId: string,
  items: { area: string; description: string }[],
  source: { source: NeedSource; sourceId: string | null },
): Promise<string[]> {
  const actor = actorOf(ctx);
  const now = clock.now().toISOString();
  const ids: string[] = [];
  for (const item of items) {
    const row: NeedsTable = {
      id: newId(clock.now().getTime()),
      client_id: clientId,
      area: item.area,
      description: item.description,
      source: source.source,
      source_id: source.sourceId,
      status: 'open',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('needs').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'need', entityId: row.id, after: row });
    await addTimelineEvent(trx, clock, {
      clientId,
      kind: 'need_added',
      actorId: actor.id,
      data: { needId: row.id, area: row.area, description: row.description, source: row.source },
    });
    ids.push(row.id);
  }
  return ids;
}

export async function listNeeds(db: Db, actor: Actor, clientId: string, query: { status?: NeedStatus | undefined }) {
  await visibleClientOr404(db, actor, clientId);
  let q = needsOf(db).where('needs.client_id', '=', clientId);
  if (query.status) q = q.where('needs.status', '=', query.status);
  const rows = await q.orderBy('needs.created_at', 'desc').orderBy('needs.id', 'desc').execute();
  rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return { items: rows.map(toNeed), nextCursor: null, total: rows.length };
}

async function readNeed(db: Db, id: string): Promise<Need> {
  return toNeed(await needsOf(db).where('needs.id', '=', id).executeTakeFirstOrThrow());
}

export async function createNeed({ db, clock }: Deps, ctx: Ctx, clientId: string, input: NeedCreate): Promise<Need> {
  const actor = actorOf(ctx);
  const [id] = await db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    return insertNeeds(trx, clock, ctx, clientId, [input], { source: input.source, sourceId: null });
  });
  return readNeed(db, id!);
}

/** Edits and status changes; each status change is kept on the client's timeline. */
export async function updateNeed({ db, clock }: Deps, ctx: Ctx, id: string, input: NeedUpdate): Promise<Need> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('needs')
      .innerJoin('clients', 'clients.id', 'needs.client_id')
      .where(visibleTo(actor) as never)
      .selectAll('needs')
      .where('needs.id', '=', id)
      .executeTakeFirst();
    if (!before) throw new NotFound();
    const wanted: Partial<NeedsTable> = {};
    if (input.area !== undefined && input.area !== before.area) wanted.area = input.area;
    if (input.description !== undefined && input.description !== before.description) wanted.description = input.description;
    if (input.status !== undefined && input.status !== before.status) wanted.status = input.status;
    if (!Object.keys(wanted).length) return;
    await trx.updateTable('needs').set({ ...wanted, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(wanted).map((k) => [k, before[k as keyof NeedsTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'need', entityId: id, before: prior, after: wanted });
    if (wanted.status) {
      await addTimelineEvent(trx, clock, {
        clientId: before.client_id,
        kind: 'need_status_changed',
        actorId: actor.id,
        data: { needId: id, area: wanted.area ?? before.area, from: before.status, to: wanted.status },
      });
    }
  });
  return readNeed(db, id);
}
