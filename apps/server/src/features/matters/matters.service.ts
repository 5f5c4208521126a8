import { NEXT_MATTER_STATUS, type Matter, type MatterListItem, type MatterListQuery } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { containsText } from '../../plugins/db.js';
import { NotFound } from '../../plugins/errors.js';
import { seesFees, visibleTo } from '../clients/clients.visibility.js';
import type { MattersTable } from './matters.table.js';

type Row = Selectable<MattersTable> & { client_name: string; lead_lawyer_name: string | null };

/**
 * a matter is visible with its client; secretaries never see matters or fees.
 * Every read of matters starts here so the rule is written once.
 */
export function visibleMatters(db: Kysely<Database>, actor: Actor, reach: 'rows' | 'one' = 'rows') {
  const q = db
    .selectFrom('matters')
    .innerJoin('clients', 'clients.id', 'matters.client_id')
    .where(visibleTo(actor, 'clients', reach) as never);
  return seesFees(actor) ? q : q.where((eb) => eb.lit(false));
}

/** The matter row if the actor may see it; 404 otherwise, never 403. */
export async function visibleMatterOr404(db: Kysely<Database>, actor: Actor, id: string): Promise<Selectable<MattersTable>> {
  const row = await visibleMatters(db, actor, 'one').selectAll('matters').where('matters.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

async function feeTotals(db: Kysely<Database>, ids: string[]): Promise<Map<string, { total: number; count: number }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('fees')
    .select((eb) => ['matter_id', eb.fn.sum<number>('amount_fen').as('total'), eb.fn.countAll<number>().as('n')])
    .where('matter_id', 'in', ids)
    .groupBy('matter_id')
    .execute();
  return new Map(rows.map((r) => [r.matter_id, { total: Number(r.total ?? 0), count: Number(r.n) }]));
}

function toListItem(r: Row, feesTotalFen: number): MatterListItem {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    type: r.type,
    title: r.title,
    caseNumber: r.case_number,
    forum: r.forum,
    status: r.status,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    leadLawyerId: r.lead_lawyer_id,
    leadLawyerName: r.lead_lawyer_name,
    agreedFeeFen: r.agreed_fee_fen,
    feesTotalFen,
    updatedAt: r.updated_at,
  };
}

/** One matter as its page shows it: fields, people, opposing parties and fee totals. */
export async function readMatter(db: Kysely<Database>, actor: Actor, id: string): Promise<Matter> {
  const row = await visibleMatters(db, actor)
    .leftJoin('users as lead', 'lead.id', 'matters.lead_lawyer_id')
    .selectAll('matters')
    .select(['clients.name as client_name', 'lead.name as lead_lawyer_name'])
    .where('matters.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound();
  const [members, parties, totals] = await Promise.all([
    db
      .selectFrom('matter_members')
      .leftJoin('users', 'users.id', 'matter_members.user_id')
      .select(['matter_members.user_id', 'matter_members.role', 'users.name', 'users.role as user_role'])
      .where('matter_members.matter_id', '=', id)
      .orderBy('matter_members.role', 'desc')
      .orderBy('users.name')
      .execute(),
    db.selectFrom('matter_opposing_parties').selectAll().where('matter_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    feeTotals(db, [id]),
  ]);
  const fees = totals.get(id) ?? { total: 0, count: 0 };
  return {
    ...toListItem(row, fees.total),
    amountInDisputeFen: row.amount_in_dispute_fen,
    feeArrangement: row.fee_arrangement,
    engagedAt: row.engaged_at,
    retainerExpiresOn: row.retainer_expires_on,
    outcome: row.outcome,
    createdAt: row.created_at,
    feesCount: fees.count,
    // the lead first, then the rest by name
    members: members
      .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
      .map((m) => ({ userId: m.user_id, userName: m.name, userRole: m.user_role, role: m.role })),
    opposingParties: parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, idCode: p.id_code })),
    nextStatus: NEXT_MATTER_STATUS[row.status],
  };
}

/** M-1 list: filters and keyset pages (newest opened first), always within the actor's visibility. */
export async function listMatters(db: Kysely<Database>, actor: Actor, query: MatterListQuery) {
  let q = visibleMatters(db, actor);
  if (query.clientId) q = q.where('matters.client_id', '=', query.clientId);
  if (query.status) q = q.where('matters.status', '=', query.status);
  if (query.type) q = q.where('matters.type', '=', query.type);
  if (query.leadLawyerId) q = q.where('matters.lead_lawyer_id', '=', query.leadLawyerId);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('matters.title', text), containsText('matters.case_number', text)]));
  }
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users as lead', 'lead.id', 'matters.lead_lawyer_id')
      .selectAll('matters')
      .select(['clients.name as client_name', 'lead.name as lead_lawyer_name'])
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('matters.opened_on', '<', String(after![0])),
            eb.and([eb('matters.opened_on', '=', String(after![0])), eb('matters.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('matters.opened_on', 'desc')
      .orderBy('matters.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.opened_on, r.id]);
  const totals = await feeTotals(db, items.map((r) => r.id));
  return { items: items.map((r) => toListItem(r, totals.get(r.id)?.total ?? 0)), nextCursor, total: Number(count.n) };
}
