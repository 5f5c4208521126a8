import type { Relationship, RELATIONSHIP_ROLES, relationshipCreateSchema } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { mayEdit, visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import type { ClientRelationshipsTable } from './relationships.table.js';

type Deps = { db: Db; clock: Clock };
type Role = (typeof RELATIONSHIP_ROLES)[number];
type RelationshipCreate = z.infer<typeof relationshipCreateSchema>;
type Link = Pick<ClientRelationshipsTable, 'kind' | 'from_client_id' | 'to_client_id'>;

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** What the other client is to `thisId` (parent_subsidiary: from is the parent; referred_by: from was referred by to). */
export function roleFor(link: Link, thisId: string): Role {
  const thisIsFrom = link.from_client_id === thisId;
  switch (link.kind) {
    case 'parent_subsidiary':
      return thisIsFrom ? 'subsidiary' : 'parent';
    case 'referred_by':
      return thisIsFrom ? 'referrer' : 'referred_by';
    default:
      return link.kind;
  }
}

/** The stored link for "the other client is <role> to this one". */
export function linkFor(role: Role, thisId: string, otherId: string): Link {
  switch (role) {
    case 'parent':
      return { kind: 'parent_subsidiary', from_client_id: otherId, to_client_id: thisId };
    case 'subsidiary':
      return { kind: 'parent_subsidiary', from_client_id: thisId, to_client_id: otherId };
    case 'referrer':
      return { kind: 'referred_by', from_client_id: thisId, to_client_id: otherId };
    case 'referred_by':
      return { kind: 'referred_by', from_client_id: otherId, to_client_id: thisId };
    default:
      return { kind: role, from_client_id: thisId, to_client_id: otherId };
  }
}

function toRelationship(row: ClientRelationshipsTable, thisId: string, otherName: string | null): Relationship {
  return {
    id: row.id,
    kind: row.kind,
    role: roleFor(row, thisId),
    otherClientId: row.from_client_id === thisId ? row.to_client_id : row.from_client_id,
    otherClientName: otherName,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** C-7: links in both directions; the other client's name only when the viewer may see it. */
export async function listRelationships(db: Db, actor: Actor, clientId: string) {
  await visibleClientOr404(db, actor, clientId);
  const rows = await db
    .selectFrom('client_relationships')
    .selectAll()
    .where((eb) => eb.or([eb('from_client_id', '=', clientId), eb('to_client_id', '=', clientId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const otherIds = [...new Set(rows.map((r) => (r.from_client_id === clientId ? r.to_client_id : r.from_client_id)))];
  const visible = otherIds.length
    ? await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', otherIds).where(visibleTo(actor)).execute()
    : [];
  const names = new Map(visible.map((c) => [c.id, c.name]));
  const items = rows.map((r) => toRelationship(r, clientId, names.get(r.from_client_id === clientId ? r.to_client_id : r.from_client_id) ?? null));
  return { items, nextCursor: null, total: items.length };
}

async function otherClientOr400(trx: Kysely<Database>, actor: Actor, clientId: string, otherId: string) {
  if (otherId === clientId) throw new ValidationFailed([{ field: 'otherClientId', message: 'a client cannot be related to itself' }]);
  try {
    return await visibleClientOr404(trx, actor, otherId);
  } catch {
    throw new ValidationFailed([{ field: 'otherClientId', message: 'no such client' }]);
  }
}

export async function createRelationship({ db, clock }: Deps, ctx: Ctx, clientId: string, input: RelationshipCreate): Promise<Relationship> {
  const actor = actorOf(ctx);
  return db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const other = await otherClientOr400(trx, actor, clientId, input.otherClientId);
    const link = linkFor(input.role, clientId, other.id);
    // One link of a kind per pair, whichever way it was entered.
    const existing = await trx
      .selectFrom('client_relationships')
      .select('id')
      .where('kind', '=', link.kind)
      .where((eb) =>
        eb.or([
          eb.and([eb('from_client_id', '=', clientId), eb('to_client_id', '=', other.id)]),
          eb.and([eb('from_client_id', '=', other.id), eb('to_client_id', '=', clientId)]),
        ]),
      )
      .executeTakeFirst();
    if (existing) {
      throw new Conflict(
        { 'zh-CN': '这两个客户之间已有这种关系', 'en-US': 'These clients are already linked this way' },
        [{ field: 'role', message: 'already linked' }],
      );
    }
    const row: ClientRelationshipsTable = { id: newId(), ...link, note: input.note ?? null, created_by: actor.id, created_at: clock.now().toISOString() };
    await trx.insertInto('client_relationships').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'client_relationship', entityId: row.id, after: row });
    await onBothTimelines(trx, clock, actor, row, 'relationship_added');
    return toRelationship(row, clientId, other.name);
  });
}

export async function deleteRelationship({ db, clock }: Deps, ctx: Ctx, clientId: string, relId: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    await visibleClientOr404(trx, actor, clientId);
    if (!mayEdit(actor)) throw new Forbidden();
    const row = await trx
      .selectFrom('client_relationships')
      .selectAll()
      .where('id', '=', relId)
      .where((eb) => eb.or([eb('from_client_id', '=', clientId), eb('to_client_id', '=', clientId)]))
      .executeTakeFirst();
    if (!row) throw new NotFound();
    await trx.deleteFrom('client_relationships').where('id', '=', relId).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'client_relationship', entityId: relId, before: row });
    await onBothTimelines(trx, clock, actor, row, 'relationship_removed');
  });
}

/** Each side's event says what the other is to it; names stay out, as not every reader may see the other client. */
async function onBothTimelines(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  row: ClientRelationshipsTable,
  kind: 'relationship_added' | 'relationship_removed',
) {
  for (const [self, other] of [
    [row.from_client_id, row.to_client_id],
    [row.to_client_id, row.from_client_id],
  ] as const) {
    await addTimelineEvent(trx, clock, {
      clientId: self,
      kind,
      actorId: actor.id,
      data: { relationshipId: row.id, kind: row.kind, role: roleFor(row, self), otherClientId: other },
    });
  }
}
