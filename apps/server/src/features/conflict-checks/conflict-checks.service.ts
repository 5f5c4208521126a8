import type { ConflictCheck, ConflictHit } from '@retainer/shared';
import { sql, type Selectable } from 'kysely';
import type { Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { containsText, type Db } from '../../plugins/db.js';
import { NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { normalizeSearch } from '../clients/clients.search.js';
import { visibleTo } from '../clients/clients.visibility.js';
import type { ConflictChecksTable } from './conflict-checks.table.js';

/** Past this many hits for one name (a one-character search, say) the rest are not listed. */
export const MAX_HITS_PER_NAME = 200;
const WHERE_ORDER = { client: 0, contact: 1, related_party: 2, opposing_party: 3 } as const;
/** Longer queries are not split into every substring (a name of 60 characters has 1,770). */
const MAX_WITHIN = 60;

/** The grams the index holds for these words: bigrams within each word, or the lone character. */
function gramsFor(norm: string): string[] {
  const out = new Set<string>();
  for (const word of norm.split(' ').filter(Boolean)) {
    const chars = [...word];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

type Found = { where: ConflictHit['where']; matchedName: string; client: ClientRef; via?: ClientRef; matter?: MatterRef };
type MatterRef = { id: string; title: string; lead_lawyer_id: string; lead_name: string | null };
type ClientRef = { id: string; name: string; owner_id: string };

/**
 * C-11: every client, contact and related party whose name holds the query, firm-wide: a conflict
 * anywhere matters, whoever may see the client. Candidates come from the gram index (C-9).
 */
async function findName(db: Db, query: string, norm: string): Promise<Found[]> {
  const grams = gramsFor(norm);
  if (!grams.length) return [];
  const candidates = db
    .selectFrom('client_search')
    .select('client_search.client_id')
    .where('client_search.gram', 'in', grams)
    .groupBy('client_search.client_id')
    .having(sql`count(*)`, '=', grams.length);
  const [clients, contacts, within] = await Promise.all([
    db.selectFrom('clients').select(['id', 'name', 'owner_id']).where('id', 'in', candidates).execute(),
    db
      .selectFrom('contacts')
      .innerJoin('clients', 'clients.id', 'contacts.client_id')
      .select(['contacts.name as contact_name', 'clients.id', 'clients.name', 'clients.owner_id'])
      .where('contacts.client_id', 'in', candidates)
      .execute(),
    namesWithin(db, query),
  ]);
  const holds = (name: string) => normalizeSearch(name).includes(norm);
  const matched = new Map(clients.filter((c) => holds(c.name)).map((c) => [c.id, c]));
  for (const c of within) matched.set(c.id, c);
  const found: Found[] = [...matched.values()].map((c) => ({ where: 'client', matchedName: c.name, client: c }));
  for (const c of contacts) {
    if (holds(c.contact_name)) found.push({ where: 'contact', matchedName: c.contact_name, client: { id: c.id, name: c.name, owner_id: c.owner_id } });
  }
  found.push(...(await relatedParties(db, [...matched.values()])), ...(await opposingParties(db, norm)));
  return found;
}

/**
 * Clients whose whole name appears inside the query: checking 深圳市腾讯计算机系统有限公司
 * finds the client kept as 腾讯. Every substring of two or more characters, looked up by name.
 */
async function namesWithin(db: Db, query: string): Promise<ClientRef[]> {
  const chars = [...query.normalize('NFKC').trim()];
  if (chars.length > MAX_WITHIN) return [];
  const subs = new Set<string>();
  for (let i = 0; i < chars.length; i++) for (let j = i + 2; j <= chars.length; j++) subs.add(chars.slice(i, j).join(''));
  const out: ClientRef[] = [];
  for (const part of chunks([...subs], 500)) {
    out.push(...(await db.selectFrom('clients').select(['id', 'name', 'owner_id']).where('name', 'in', part).execute()));
  }
  return out;
}

/** The other side of each relationship of a matching client (parent, subsidiary, family, partner…). */
async function relatedParties(db: Db, matched: ClientRef[]): Promise<Found[]> {
  const out: Found[] = [];
  const byId = new Map(matched.map((c) => [c.id, c]));
  for (const ids of chunks([...byId.keys()], 500)) {
    const other = (side: 'from_client_id' | 'to_client_id', via: 'from_client_id' | 'to_client_id') =>
      db
        .selectFrom('client_relationships as r')
        .innerJoin('clients as other', 'other.id', `r.${side}`)
        .select([`r.${via} as via_id`, 'other.id', 'other.name', 'other.owner_id'])
        .where(`r.${via}`, 'in', ids)
        .execute();
    for (const l of [...(await other('to_client_id', 'from_client_id')), ...(await other('from_client_id', 'to_client_id'))]) {
      const via = byId.get(l.via_id)!;
      if (via.id !== l.id) out.push({ where: 'related_party', matchedName: via.name, client: { id: l.id, name: l.name, owner_id: l.owner_id }, via });
    }
  }
  return out;
}

/** Matters' opposing parties (对方当事人): the hit names the matter and its lead lawyer. */
async function opposingParties(db: Db, norm: string): Promise<Found[]> {
  const rows = await db
    .selectFrom('matter_opposing_parties as p')
    .innerJoin('matters as m', 'm.id', 'p.matter_id')
    .innerJoin('clients', 'clients.id', 'm.client_id')
    .leftJoin('users as lead', 'lead.id', 'm.lead_lawyer_id')
    .select(['p.name as party_name', 'm.id as matter_id', 'm.title', 'm.lead_lawyer_id', 'lead.name as lead_name', 'clients.id', 'clients.name', 'clients.owner_id'])
    .where(containsText('p.name', norm))
    .limit(MAX_HITS_PER_NAME * 2)
    .execute();
  return rows
    .filter((r) => normalizeSearch(r.party_name).includes(norm))
    .map((r) => ({
      where: 'opposing_party' as const,
      matchedName: r.party_name,
      client: { id: r.id, name: r.name, owner_id: r.owner_id },
      matter: { id: r.matter_id, title: r.title, lead_lawyer_id: r.lead_lawyer_id, lead_name: r.lead_name },
    }));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function visibleIds(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids, 500)) {
    const rows = await db.selectFrom('clients').select('id').where('id', 'in', part).where(visibleTo(actor)).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Exact names first, then names starting with the query, then holding it, then held by it. */
const rank = (name: string, norm: string) => {
  const n = normalizeSearch(name);
  return n === norm ? 0 : n.startsWith(norm) ? 1 : n.includes(norm) ? 2 : 3;
};

/** Hits as this checker may see them: outside their visibility, only that a conflict exists and whom to ask. */
function shown(query: string, norm: string, found: Found[], visible: Set<string>, owners: Map<string, string>): ConflictHit[] {
  // Visible hits before hidden ones, so the order tells nothing about the names kept back.
  const hiddenLast = (f: Found) => (visible.has(f.client.id) ? 0 : 1);
  const sorted = [...found].sort(
    (a, b) =>
      WHERE_ORDER[a.where] - WHERE_ORDER[b.where] ||
      hiddenLast(a) - hiddenLast(b) ||
      rank(a.matchedName, norm) - rank(b.matchedName, norm) ||
      a.matchedName.localeCompare(b.matchedName, 'zh-CN'),
  );
  const seen = new Set<string>();
  const hits: ConflictHit[] = [];
  for (const f of sorted) {
    const sees = visible.has(f.client.id);
    const key = sees
      ? `${f.where}|${f.client.id}|${f.matchedName}|${f.via?.id ?? ''}|${f.matter?.id ?? ''}`
      : `${f.where}|hidden|${f.client.owner_id}|${f.matter?.lead_lawyer_id ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({
      query,
      where: f.where,
      matchedName: sees && (!f.via || visible.has(f.via.id)) ? f.matchedName : null,
      clientId: sees ? f.client.id : null,
      clientName: sees ? f.client.name : null,
      visible: sees,
      ownerId: f.client.owner_id,
      ownerName: owners.get(f.client.owner_id) ?? null,
      // the matter only to those who see its client; its lead lawyer is also whom to ask
      ...(f.matter
        ? { matterId: sees ? f.matter.id : null, matterTitle: sees ? f.matter.title : null, leadLawyerId: f.matter.lead_lawyer_id, leadLawyerName: f.matter.lead_name }
        : {}),
    });
    if (hits.length >= MAX_HITS_PER_NAME) break;
  }
  return hits;
}

type Row = Selectable<ConflictChecksTable> & { user_name: string | null };

function toCheck(r: Row): ConflictCheck {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    names: JSON.parse(r.names) as string[],
    purpose: r.purpose,
    hitCount: r.hit_count,
    hits: JSON.parse(r.hits) as ConflictHit[],
    createdAt: r.created_at,
  };
}

const withUser = (db: Db) => db.selectFrom('conflict_checks').leftJoin('users', 'users.id', 'conflict_checks.user_id').selectAll('conflict_checks').select('users.name as user_name');

/** C-11: searches each name and keeps the check, with its hits as shown to the checker. */
export async function runConflictCheck({ db, clock }: { db: Db; clock: Clock }, actor: Actor, input: { names: string[]; purpose?: string | null | undefined }) {
  const names = [...new Set(input.names)];
  const perName = await Promise.all(names.map(async (q) => ({ q, norm: normalizeSearch(q), found: await findName(db, q, normalizeSearch(q)) })));
  const all = perName.flatMap((p) => p.found);
  const ids = [...new Set(all.flatMap((f) => [f.client.id, ...(f.via ? [f.via.id] : [])]))];
  const ownerIds = [...new Set(all.map((f) => f.client.owner_id))];
  const [visible, owners] = await Promise.all([
    visibleIds(db, actor, ids),
    ownerIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', ownerIds).execute() : [],
  ]);
  const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
  const hits = perName.flatMap((p) => shown(p.q, p.norm, p.found, visible, ownerNames));
  const now = clock.now();
  const id = newId(now.getTime());
  await db
    .insertInto('conflict_checks')
    .values({ id, user_id: actor.id, names: JSON.stringify(names), purpose: input.purpose ?? null, hit_count: hits.length, hits: JSON.stringify(hits), created_at: now.toISOString() })
    .execute();
  return readCheck(db, actor, id);
}

/** The checker's own checks; partners and admins see everyone's. Others answer 404. */
export async function readCheck(db: Db, actor: Actor, id: string): Promise<ConflictCheck> {
  const row = await withUser(db).where('conflict_checks.id', '=', id).executeTakeFirst();
  if (!row || (row.user_id !== actor.id && !seesAll(actor))) throw new NotFound();
  return toCheck(row);
}

const seesAll = (actor: Actor) => actor.role === 'admin' || actor.role === 'partner';

export async function listChecks(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }) {
  let q = withUser(db);
  if (!seesAll(actor)) q = q.where('conflict_checks.user_id', '=', actor.id);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .$if(after !== null, (qb) => qb.where('conflict_checks.id', '<', String(after![0])))
      .orderBy('conflict_checks.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map(toCheck), nextCursor, total: Number(count.n) };
}
