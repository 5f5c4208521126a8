import { pinyin } from 'pinyin-pro';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// C-9: a side table of single characters and bigrams of names, initials and tags answers
// every query length from an index (PERFORMANCE.md); the hit is then confirmed against
// search_text. Phone, email and codes are matched directly (they are searched by digits or '@').

const SEP = '\u0001';

export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Pinyin initials of a name: 张三律所 → zsls; Latin words keep their letters. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export type SearchSource = { names: string[]; tags: string[] };

/** The text a hit is confirmed against: names, their initials and tags. */
export function searchText(src: SearchSource): string {
  const parts = [...src.names.map(normalizeSearch), ...src.names.map(initialsOf), ...src.tags.map(normalizeSearch)];
  return parts.filter(Boolean).join(SEP);
}

function gramsOfPart(part: string, out: Set<string>) {
  const chars = [...part];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== ' ') out.add(chars[i]!);
    if (i + 1 < chars.length && chars[i] !== ' ' && chars[i + 1] !== ' ') out.add(chars[i]! + chars[i + 1]!);
  }
}

/** Every single character and bigram of every part of the search text. */
export function gramsOf(text: string): string[] {
  const out = new Set<string>();
  for (const part of text.split(SEP)) gramsOfPart(part, out);
  return [...out];
}

/** The grams a query needs: the bigrams of each word, or a one-character word itself (the index never spans spaces). */
export function queryGrams(q: string): string[] {
  const out = new Set<string>();
  for (const word of normalizeSearch(q).split(' ').filter(Boolean)) {
    const chars = [...word];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** Rebuilds one client's search text and grams from its current name, contacts and tags. */
export async function reindexClient(trx: Kysely<Database>, clientId: string): Promise<void> {
  const client = await trx.selectFrom('clients').select(['name']).where('id', '=', clientId).executeTakeFirst();
  if (!client) return;
  const [contacts, tags] = await Promise.all([
    trx.selectFrom('contacts').select('name').where('client_id', '=', clientId).execute(),
    trx.selectFrom('client_tags').select('tag').where('client_id', '=', clientId).execute(),
  ]);
  const text = searchText({ names: [client.name, ...contacts.map((c) => c.name)], tags: tags.map((t) => t.tag) });
  await trx.updateTable('clients').set({ search_text: text, name_initials: initialsOf(client.name) }).where('id', '=', clientId).execute();
  await trx.deleteFrom('client_search').where('client_id', '=', clientId).execute();
  const grams = gramsOf(text);
  for (let i = 0; i < grams.length; i += 400) {
    await trx
      .insertInto('client_search')
      .values(grams.slice(i, i + 400).map((gram) => ({ client_id: clientId, gram })))
      .execute();
  }
}

const looksLikeNumber = (q: string) => /^[+\d][\d\s-]*$/.test(q) && q.replace(/\D/g, '').length >= 3;
const looksLikeEmail = (q: string) => q.includes('@') || /^[a-z0-9._-]+\.[a-z]{2,}$/.test(q);
const looksLikeCode = (q: string) => /^[0-9A-Za-z]{6,18}$/.test(q) && /\d/.test(q);

/** A search's total stops counting here; the page then says "1,000+" (PERFORMANCE.md). */
export const SEARCH_TOTAL_CAP = 1000;
/** A gram with fewer index rows than this drives the search; otherwise the sort order is walked. */
export const RARE_GRAM_ROWS = 1500;

export type SearchPlan = {
  norm: string;
  grams: string[];
  /** The query's rarest gram when it is rare enough to fetch all its clients first; null to walk the sort order. */
  driver: string | null;
  /** The query's rarest gram, rare or not. */
  rarest: string | null;
  /** The query can only match names, initials and tags (not a phone, email or code). */
  textOnly: boolean;
};

/**
 * Chooses how to find a query's hits. Candidates from a rare gram cost one index read per
 * client holding it; when every gram is common, matches are so frequent that walking the
 * list's own sort order and confirming each row against search_text finds a page sooner.
 */
export async function planSearch(db: Kysely<Database>, q: string): Promise<SearchPlan> {
  const norm = normalizeSearch(q);
  const grams = queryGrams(q);
  const textOnly = !looksLikeNumber(norm) && !looksLikeEmail(norm) && !looksLikeCode(norm);
  if (!grams.length) return { norm, grams, driver: null, rarest: null, textOnly };
  const counted = sql.join(
    grams.map(
      (g) => sql`select ${g} as gram, (select count(*) from (select 1 as one from client_search where gram = ${g} limit ${RARE_GRAM_ROWS}) as capped) as n`,
    ),
    sql` union all `,
  );
  const { rows } = await sql<{ gram: string; n: number | string }>`${counted}`.execute(db);
  const rarest = rows.map((r) => ({ gram: r.gram, n: Number(r.n) })).sort((a, b) => a.n - b.n)[0]!;
  return { norm, grams, driver: rarest.n < RARE_GRAM_ROWS ? rarest.gram : null, rarest: rarest.gram, textOnly };
}

/**
 * The search condition for `clients`: names/initials/tags through the gram index (or, for
 * common grams, search_text alone), and phone, email, USCC or ID number when the query looks like one.
 */
export function matchesSearch(plan: SearchPlan) {
  const { norm, grams, driver } = plan;
  const like = `%${norm.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (eb: ExpressionBuilder<Database, 'clients'>) => {
    const ors = [];
    if (grams.length) {
      const confirmed = sql<boolean>`clients.search_text like ${like} escape '\\'`;
      ors.push(
        driver
          ? eb.and([eb('clients.id', 'in', eb.selectFrom('client_search').select('client_search.client_id').where('client_search.gram', '=', driver)), confirmed])
          : confirmed,
      );
    }
    if (looksLikeNumber(norm)) {
      const digits = `%${norm.replace(/\D/g, '')}%`;
      ors.push(eb('clients.phone', 'like', digits));
      ors.push(eb('clients.id', 'in', eb.selectFrom('contacts').select('contacts.client_id').where('contacts.phone', 'like', digits)));
    }
    if (looksLikeEmail(norm)) {
      ors.push(eb('clients.email', 'like', like));
      ors.push(eb('clients.id', 'in', eb.selectFrom('contacts').select('contacts.client_id').where('contacts.email', 'like', like)));
    }
    if (looksLikeCode(norm)) {
      const upper = `%${norm.toUpperCase()}%`;
      ors.push(eb('clients.uscc', 'like', upper));
      ors.push(eb('clients.id_number', 'like', upper));
    }
    return ors.length ? eb.or(ors) : eb.lit(false);
  };
}
