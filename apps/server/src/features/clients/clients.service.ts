import type { Client, ClientListItem, ClientListQuery } from '@retainer/shared';
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { matchesSearch, normalizeSearch, planSearch, SEARCH_TOTAL_CAP, type SearchPlan } from './clients.search.js';
import type { ClientsTable } from './clients.table.js';
import { NotFound } from '../../plugins/errors.js';
import { seesFees, seesNarrowly, seesUnmasked, visibleTo } from './clients.visibility.js';
import { maskCode, maskEmail, maskPhone } from './masking.js';

type Names = { owner_name: string | null; manager_name: string | null; team_name: string | null };

export function toClient(row: Selectable<ClientsTable>, names: Names, tags: string[], actor: Actor): Client {
  const clear = seesUnmasked(actor, row);
  const fees = seesFees(actor);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    statusManual: row.status_manual === 1,
    statusReason: row.status_reason,
    grade: row.grade,
    gradeManual: row.grade_manual === 1,
    gradeReason: row.grade_reason,
    tier: row.tier,
    industry: row.industry,
    region: row.region,
    city: row.city,
    address: row.address,
    phone: clear ? row.phone : maskPhone(row.phone),
    email: clear ? row.email : maskEmail(row.email),
    source: row.source,
    referrerClientId: row.referrer_client_id,
    referrerName: row.referrer_name,
    ownerId: row.owner_id,
    ownerName: names.owner_name,
    managerId: row.manager_id,
    managerName: names.manager_name,
    teamId: row.team_id,
    teamName: names.team_name,
    tags,
    hourlyRateFen: fees ? row.hourly_rate_fen : null,
    potentialNeeds: row.potential_needs,
    potentialResources: row.potential_resources,
    notes: row.notes,
    gender: row.gender,
    birthday:
      row.birthday_calendar && row.birthday_month && row.birthday_day
        ? {
            calendar: row.birthday_calendar,
            year: row.birthday_year,
            month: row.birthday_month,
            day: row.birthday_day,
            leapMonth: row.birthday_leap === 1,
          }
        : null,
    idNumber: clear ? row.id_number : maskCode(row.id_number),
    familySituation: row.family_situation,
    incomeBracket: row.income_bracket,
    employer: row.employer,
    jobTitle: row.job_title,
    hobbies: row.hobbies,
    wechat: row.wechat,
    uscc: clear ? row.uscc : maskCode(row.uscc),
    legalRepresentative: row.legal_representative,
    registeredCapitalFen: fees ? row.registered_capital_fen : null,
    employeeScale: row.employee_scale,
    revenueBracket: row.revenue_bracket,
    foundedOn: row.founded_on,
    customerGroups: row.customer_groups,
    businessPartners: row.business_partners,
    website: row.website,
    lastContactAt: row.last_contact_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    masked: !clear,
  };
}

/** A visible client as its page shows it (404 otherwise): one point read with the people's names, and its tags. */
export async function readClient(db: Kysely<Database>, actor: Actor, id: string): Promise<Client> {
  const [row, tags] = await Promise.all([
    db
      .selectFrom('clients')
      .where('clients.id', '=', id)
      .where(visibleTo(actor))
      .leftJoin('users as owner', 'owner.id', 'clients.owner_id')
      .leftJoin('users as manager', 'manager.id', 'clients.manager_id')
      .leftJoin('teams', 'teams.id', 'clients.team_id')
      .selectAll('clients')
      .select(['owner.name as owner_name', 'manager.name as manager_name', 'teams.name as team_name'])
      .executeTakeFirst(),
    db.selectFrom('client_tags').select('tag').where('client_id', '=', id).orderBy('tag').execute(),
  ]);
  if (!row) throw new NotFound();
  return toClient(row, row, tags.map((t) => t.tag), actor);
}

const SORT_COLUMNS = {
  name: 'clients.name',
  createdAt: 'clients.created_at',
  updatedAt: 'clients.updated_at',
  lastContactAt: 'clients.last_contact_at',
} as const;

type ClientsQuery = SelectQueryBuilder<Database, 'clients', object>;

/** C-9: search, filters, sorting and keyset pages, always within the actor's visibility. */
export async function listClients({ db, now }: { db: Db; now: Date }, actor: Actor, query: ClientListQuery, options: { exactTotal?: boolean; skipTotal?: boolean } = {}) {
  const plan = query.q ? await planSearch(db, query.q) : null;
  /** Visibility, the search text and every filter, on any query that has `clients` in scope. */
  const narrow = (qb: ClientsQuery): ClientsQuery => {
    let q = qb.where(visibleTo(actor));
    if (plan) q = q.where(matchesSearch(plan));
    if (query.kind) q = q.where('clients.kind', '=', query.kind);
    if (query.status) q = q.where('clients.status', '=', query.status);
    if (query.grade) q = q.where('clients.grade', '=', query.grade);
    if (query.tier) q = q.where('clients.tier', '=', query.tier);
    if (query.industry) q = q.where('clients.industry', '=', query.industry);
    if (query.region) q = q.where('clients.region', '=', query.region);
    if (query.ownerId) q = q.where('clients.owner_id', '=', query.ownerId);
    if (query.managerId) q = q.where('clients.manager_id', '=', query.managerId);
    if (query.teamId) q = q.where('clients.team_id', '=', query.teamId);
    if (query.tag) {
      const tag = query.tag;
      q = q.where('clients.id', 'in', (eb) => eb.selectFrom('client_tags').select('client_tags.client_id').where('client_tags.tag', '=', tag));
    }
    if (query.noContactDays !== undefined) {
      const before = new Date(now.getTime() - query.noContactDays * 86_400_000).toISOString();
      q = q.where((eb) => eb.or([eb('clients.last_contact_at', 'is', null), eb('clients.last_contact_at', '<', before)]));
    }
    return q;
  };
  const q = narrow(db.selectFrom('clients'));

  const desc = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  // Nulls sort as '' so the keyset compares the same way on both dialects; the other sort
  // columns are never null and are compared bare, so their indexes serve the order.
  const key = column === SORT_COLUMNS.lastContactAt ? sql<string>`coalesce(${sql.ref(column)}, '')` : sql<string>`${sql.ref(column)}`;
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users as owner', 'owner.id', 'clients.owner_id')
      .leftJoin('users as manager', 'manager.id', 'clients.manager_id')
      .leftJoin('teams', 'teams.id', 'clients.team_id')
      .selectAll('clients')
      .select(['owner.name as owner_name', 'manager.name as manager_name', 'teams.name as team_name'])
      .select(key.as('sort_key'))
      .$if(after !== null, (qb) =>
        // A row-value comparison is an index range on both databases; the spelled-out OR is a
        // filter on PostgreSQL, which then re-reads every earlier row for each later page.
        qb.where(sql<boolean>`(${key}, ${sql.ref('clients.id')}) ${sql.raw(desc ? '<' : '>')} (${String(after![0])}, ${String(after![1])})`),
      )
      .orderBy(key, desc ? 'desc' : 'asc')
      .orderBy('clients.id', desc ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute(),
    // A search counts only up to the cap ("1,000+"): fragments like 公司 match most clients.
    options.skipTotal
      ? { n: -1 }
      : plan && !options.exactTotal
      ? db
          .selectFrom(cappedSearch(db, plan, actor, narrow).select('clients.id').limit(SEARCH_TOTAL_CAP + 1).as('capped'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [String(r.sort_key), r.id]);
  const ids = items.map((r) => r.id);
  const [tags, contactHits] = await Promise.all([
    ids.length ? db.selectFrom('client_tags').select(['client_id', 'tag']).where('client_id', 'in', ids).orderBy('tag').execute() : [],
    query.q && ids.length ? contactMatches(db, ids, query.q) : new Map<string, string>(),
  ]);
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(t.client_id, [...(tagsOf.get(t.client_id) ?? []), t.tag]);
  const out: ClientListItem[] = items.map((r) => {
    const c = toClient(r, r, tagsOf.get(r.id) ?? [], actor);
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      status: c.status,
      grade: c.grade,
      tier: c.tier,
      industry: c.industry,
      region: c.region,
      city: c.city,
      phone: c.phone,
      email: c.email,
      uscc: c.uscc,
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      managerId: c.managerId,
      managerName: c.managerName,
      teamId: c.teamId,
      teamName: c.teamName,
      tags: c.tags,
      lastContactAt: c.lastContactAt,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      masked: c.masked,
      matchedContact: normalizeSearch(c.name).includes(normalizeSearch(query.q ?? '')) ? null : (contactHits.get(c.id) ?? null),
    };
  });
  const total = Number(count.n);
  const capped = !!plan && !options.exactTotal && total > SEARCH_TOTAL_CAP;
  return { items: out, nextCursor, total: capped ? SEARCH_TOTAL_CAP : total, totalCapped: capped };
}

/**
 * Where a capped count of a search reads from. A rare gram's clients, or a narrow viewer's own
 * clients, are few enough to confirm one by one; for a firm-wide view of a common text, the
 * rarest gram's clients are streamed (a join, never a materialised list) until the cap is reached.
 */
function cappedSearch(db: Db, plan: SearchPlan, actor: Actor, narrow: (qb: ClientsQuery) => ClientsQuery): ClientsQuery {
  if (plan.driver || !plan.rarest || !plan.textOnly || seesNarrowly(actor)) return narrow(db.selectFrom('clients'));
  const streamed = db
    .selectFrom('client_search')
    .innerJoin('clients', 'clients.id', 'client_search.client_id')
    .where('client_search.gram', '=', plan.rarest);
  return narrow(streamed as unknown as ClientsQuery);
}

/** For hits found through a contact, which contact matched (shown beside the client). */
async function contactMatches(db: Kysely<Database>, clientIds: string[], q: string): Promise<Map<string, string>> {
  const norm = normalizeSearch(q);
  const rows = await db.selectFrom('contacts').select(['client_id', 'name', 'phone', 'email']).where('client_id', 'in', clientIds).execute();
  const hits = new Map<string, string>();
  for (const r of rows) {
    const hay = [r.name, r.phone ?? '', r.email ?? ''].map(normalizeSearch);
    if (!hits.has(r.client_id) && hay.some((h) => h.includes(norm))) hits.set(r.client_id, r.name);
  }
  return hits;
}
