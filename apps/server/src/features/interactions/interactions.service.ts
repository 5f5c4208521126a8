import type { Interaction, InteractionListQuery } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { NotFound } from '../../plugins/errors.js';
import { seesFees, visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import type { InteractionsTable } from './interactions.table.js';
import { nextDay } from '../../plugins/days.js';

type Db = Kysely<Database>;
type Row = Selectable<InteractionsTable> & { client_name: string; author_name: string | null; matter_title: string | null };

/** secretaries see neither fees nor matters, so an interaction's matter is hidden from them. */
export const seesMatters = (actor: Actor) => seesFees(actor);

/** The author, partners and admins may change or delete an interaction. */
export const mayChange = (actor: Actor, row: Pick<InteractionsTable, 'created_by'>) =>
  row.created_by === actor.id || actor.role === 'partner' || actor.role === 'admin';

/** The next calendar day of a YYYY-MM-DD day. */
/** Interactions joined to their (visible) client, the author and the matter. */
function base(db: Db, actor: Actor, reach: 'rows' | 'one' = 'rows') {
  return db
    .selectFrom('interactions')
    .innerJoin('clients', 'clients.id', 'interactions.client_id')
    .where(visibleTo(actor, 'clients', reach) as never);
}

function withNames(q: ReturnType<typeof base>) {
  return q
    .leftJoin('users as author', 'author.id', 'interactions.created_by')
    .leftJoin('matters', 'matters.id', 'interactions.matter_id')
    .selectAll('interactions')
    .select(['clients.name as client_name', 'author.name as author_name', 'matters.title as matter_title']);
}

/** Participants and contacts of a page of interactions, with names, in two reads. */
async function toInteractions(db: Db, actor: Actor, rows: Row[]): Promise<Interaction[]> {
  const ids = rows.map((r) => r.id);
  const [people, contacts] = ids.length
    ? await Promise.all([
        db
          .selectFrom('interaction_participants as p')
          .innerJoin('users', 'users.id', 'p.user_id')
          .select(['p.interaction_id', 'users.id', 'users.name'])
          .where('p.interaction_id', 'in', ids)
          .orderBy('users.name')
          .execute(),
        db
          .selectFrom('interaction_contacts as ic')
          .innerJoin('contacts', 'contacts.id', 'ic.contact_id')
          .select(['ic.interaction_id', 'contacts.id', 'contacts.name'])
          .where('ic.interaction_id', 'in', ids)
          .orderBy('contacts.name')
          .execute(),
      ])
    : [[], []];
  const matters = seesMatters(actor);
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    matterId: matters ? r.matter_id : null,
    matterTitle: matters ? r.matter_title : null,
    kind: r.kind,
    occurredAt: r.occurred_at,
    summary: r.summary,
    needsDiscovered: r.needs_discovered,
    participants: people.filter((p) => p.interaction_id === r.id).map((p) => ({ id: p.id, name: p.name })),
    contacts: contacts.filter((c) => c.interaction_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    createdBy: r.created_by,
    createdByName: r.author_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    canEdit: mayChange(actor, r),
  }));
}

/** The interaction row if its client is visible to the actor; otherwise 404. */
export async function visibleInteractionOr404(db: Db, actor: Actor, id: string): Promise<Selectable<InteractionsTable>> {
  const row = await base(db, actor, 'one').selectAll('interactions').where('interactions.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

export async function readInteraction(db: Db, actor: Actor, id: string): Promise<Interaction> {
  const row = await withNames(base(db, actor, 'one')).where('interactions.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return (await toInteractions(db, actor, [row]))[0]!;
}

/** I-1 list: newest first, keyset pages, always within the actor's visibility. */
export async function listInteractions(db: Db, actor: Actor, query: InteractionListQuery, timeZone: string) {
  if (query.clientId) await visibleClientOr404(db, actor, query.clientId);
  let q = base(db, actor);
  if (query.clientId) q = q.where('interactions.client_id', '=', query.clientId);
  if (query.kind) q = q.where('interactions.kind', '=', query.kind);
  if (query.createdBy) q = q.where('interactions.created_by', '=', query.createdBy);
  if (query.participantId) {
    const user = query.participantId;
    q = q.where('interactions.id', 'in', (eb) =>
      eb.selectFrom('interaction_participants').select('interaction_participants.interaction_id').where('interaction_participants.user_id', '=', user),
    );
  }
  if (query.from) q = q.where('interactions.occurred_at', '>=', startOfFirmDay(query.from, timeZone).toISOString());
  if (query.to) q = q.where('interactions.occurred_at', '<', startOfFirmDay(nextDay(query.to), timeZone).toISOString());

  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    withNames(q)
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('interactions.occurred_at', '<', String(after![0])),
            eb.and([eb('interactions.occurred_at', '=', String(after![0])), eb('interactions.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('interactions.occurred_at', 'desc')
      .orderBy('interactions.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.occurred_at, r.id]);
  return { items: await toInteractions(db, actor, items), nextCursor, total: Number(count.n) };
}
