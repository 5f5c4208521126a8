import type { RequestListQuery, ServiceRequest, ServiceRequestDetail, SlaTarget, SlaTargetStatus } from '@retainer/shared';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { NotFound } from '../../plugins/errors.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { commitmentState, targetState, worstState } from './requests.sla.js';
import type { RequestsTable } from './requests.table.js';

type Deps = { db: Kysely<Database>; timeZone: string };
type Row = RequestsTable & { client_name: string; contact_name: string | null; assignee_name: string | null };
type Eb = ExpressionBuilder<Database & { r: RequestsTable }, 'r'>;

/** Requests joined to their client, within the actor's visibility: an invisible client's request does not exist. */
export function visibleRequests(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('requests as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('contacts as ct', 'ct.id', 'r.contact_id')
    .leftJoin('users as u', 'u.id', 'r.assignee_id')
    .where(visibleTo(actor, 'c') as never);
}

type Q = ReturnType<typeof visibleRequests>;
const withNames = (q: Q) => q.selectAll('r').select(['c.name as client_name', 'ct.name as contact_name', 'u.name as assignee_name']);

function target(r: RequestsTable, t: SlaTarget, now: Date): SlaTargetStatus {
  const p = t === 'reply' ? 'reply' : 'opinion';
  const facts = { dueAt: r[`${p}_due_at`], warnAt: r[`${p}_warn_at`], doneAt: r[`${p}_done_at`], late: Number(r[`${p}_late`]) === 1, closedAt: r.closed_at };
  return {
    baseDueAt: r[`${p}_base_due_at`],
    dueAt: facts.dueAt,
    warnAt: facts.warnAt,
    doneAt: facts.doneAt,
    state: targetState(facts, now),
    committed: facts.dueAt !== r[`${p}_base_due_at`],
    breachedBeforeCommitment: facts.late,
  };
}

export function toRequest(r: Row, now: Date): ServiceRequest {
  const reply = target(r, 'reply', now);
  const opinion = target(r, 'opinion', now);
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    grade: r.grade,
    contactId: r.contact_id,
    contactName: r.contact_name,
    channel: r.channel,
    receivedAt: r.received_at,
    subject: r.subject,
    details: r.details,
    priority: r.priority,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    slaMode: r.sla_mode,
    reply,
    opinion,
    slaState: worstState(reply.state, opinion.state),
    nextDueAt: r.next_due_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** S-4: an unmet target of an open request past its warning point (or already breached). */
function nearBreach(eb: Eb, now: string) {
  const one = (p: 'reply' | 'opinion') =>
    eb.and([eb(`r.${p}_done_at`, 'is', null), eb.or([eb(`r.${p}_late`, '=', 1), eb(`r.${p}_warn_at`, '<=', now)])]);
  return eb.and([eb('r.status', '=', 'open'), eb.or([one('reply'), one('opinion')])]);
}
function breached(eb: Eb, now: string) {
  const one = (p: 'reply' | 'opinion') => eb.and([eb(`r.${p}_done_at`, 'is', null), eb.or([eb(`r.${p}_late`, '=', 1), eb(`r.${p}_due_at`, '<', now)])]);
  return eb.and([eb('r.status', '=', 'open'), eb.or([one('reply'), one('opinion')])]);
}

const SORT_KEYS = {
  receivedAt: sql<string>`${sql.ref('r.received_at')}`,
  updatedAt: sql<string>`${sql.ref('r.updated_at')}`,
  // closed and fully answered requests sort after every open due time
  nextDueAt: sql<string>`coalesce(${sql.ref('r.next_due_at')}, '9999')`,
} as const;

/** S-1: the inbox, filtered, sorted and paged on the server, within visibility. */
export async function listRequests(deps: Deps, actor: Actor, query: RequestListQuery, now: Date) {
  const at = now.toISOString();
  let q = visibleRequests(deps.db, actor);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.assignee) q = q.where('r.assignee_id', '=', query.assignee === 'mine' ? actor.id : query.assignee);
  if (query.clientId) q = q.where('r.client_id', '=', query.clientId);
  if (query.channel) q = q.where('r.channel', '=', query.channel);
  if (query.priority) q = q.where('r.priority', '=', query.priority);
  if (query.receivedFrom) q = q.where('r.received_at', '>=', startOfFirmDay(query.receivedFrom, deps.timeZone).toISOString());
  if (query.receivedTo) {
    const end = startOfFirmDay(query.receivedTo, deps.timeZone).getTime() + 86_400_000;
    q = q.where('r.received_at', '<', new Date(end).toISOString());
  }
  if (query.q) q = q.where('r.subject', 'like', `%${query.q.replace(/[%_\\]/g, '')}%`);
  if (query.sla === 'breached') q = q.where((eb) => breached(eb as Eb, at));
  if (query.sla === 'warning') q = q.where((eb) => eb.and([nearBreach(eb as Eb, at), eb.not(breached(eb as Eb, at))]));
  if (query.sla === 'near_breach') q = q.where((eb) => nearBreach(eb as Eb, at));
  if (query.sla === 'on_track') q = q.where((eb) => eb.and([eb('r.status', '=', 'open'), eb.not(nearBreach(eb as Eb, at))]));

  const desc = query.sort.startsWith('-');
  const key = SORT_KEYS[query.sort.replace('-', '') as keyof typeof SORT_KEYS];
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    withNames(q)
      .select(key.as('sort_key'))
      .$if(after !== null, (qb) => qb.where(sql<boolean>`(${key}, ${sql.ref('r.id')}) ${sql.raw(desc ? '<' : '>')} (${String(after![0])}, ${String(after![1])})`))
      .orderBy(key, desc ? 'desc' : 'asc')
      .orderBy('r.id', desc ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [String(r.sort_key), r.id]);
  return { items: items.map((r) => toRequest(r, now)), nextCursor, total: Number(count.n) };
}

/** The request row if its client is visible to the actor, else 404. */
export async function visibleRequestOr404(db: Kysely<Database>, actor: Actor, id: string): Promise<Row> {
  const row = await withNames(visibleRequests(db, actor)).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

export async function getRequest(deps: Deps, actor: Actor, id: string, now: Date): Promise<ServiceRequestDetail> {
  return detailOf(deps.db, await visibleRequestOr404(deps.db, actor, id), now);
}

export async function detailOf(db: Kysely<Database>, row: Row, now: Date): Promise<ServiceRequestDetail> {
  const commitments = await db
    .selectFrom('request_commitments as rc')
    .leftJoin('users as u', 'u.id', 'rc.created_by')
    .selectAll('rc')
    .select('u.name as created_by_name')
    .where('rc.request_id', '=', row.id)
    .orderBy('rc.created_at')
    .orderBy('rc.id')
    .execute();
  const latest = new Map<string, string>();
  for (const c of commitments) latest.set(c.target, c.id);
  return {
    ...toRequest(row, now),
    replyNote: row.reply_note,
    opinionNote: row.opinion_note,
    closeNote: row.close_note,
    commitments: commitments.map((c) => ({
      id: c.id,
      target: c.target,
      committedAt: c.committed_at,
      toldAt: c.told_at,
      note: c.note,
      state: commitmentState({ committedAt: c.committed_at, latest: latest.get(c.target) === c.id }, row[`${c.target}_done_at`], now),
      createdBy: c.created_by,
      createdByName: c.created_by_name,
      createdAt: c.created_at,
    })),
  };
}

/**
 * S-4, for My day: the caller's open requests in warning or breached state, soonest due first.
 * Visibility applies as everywhere (an assignee who lost sight of the client no longer sees it).
 */
export async function requestsNearBreach(db: Kysely<Database>, actor: Actor, now: Date, options: { limit?: number } = {}): Promise<ServiceRequest[]> {
  const rows = await withNames(visibleRequests(db, actor))
    .where('r.assignee_id', '=', actor.id)
    .where((eb) => nearBreach(eb as Eb, now.toISOString()))
    .orderBy('r.next_due_at')
    .orderBy('r.id')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map((r) => toRequest(r, now));
}

export type RequestRow = Row;
