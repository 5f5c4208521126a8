import type { ImportField, Settings } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { visibleTo } from '../clients/clients.visibility.js';
import { applyContact, applyRow, existingWorking, newWorking, type ClientRow, type Working } from './imports.entities.js';
import { problem, type Problem, type RowError } from './imports.messages.js';
import type { ImportRow } from './imports.rows.js';

export type Outcome = 'created' | 'updated' | 'unchanged';

/** Clients an import has touched, found by the duplicate keys (C-10: USCC, else ID number, else name + phone). */
export class Touched {
  readonly entities = new Map<string, Working>();
  private readonly keys = new Map<string, Working>();

  add(w: Working) {
    this.entities.set(w.id, w);
    for (const k of keysOf(w.row)) this.keys.set(k, w);
  }
  find(row: ImportRow): Working | undefined {
    for (const k of rowKeys(row)) {
      const w = this.keys.get(k.key);
      if (w && compatible(row, w.row)) return w;
    }
    return undefined;
  }
}

const usccKey = (v: string) => `u:${v}`;
const idKey = (v: string) => `i:${v}`;
// Phones compare by their digits: 0571-8888 0001 and 057188880001 are one number.
const namePhoneKey = (name: string, phone: string) => `n:${name}\u0001${phone.replace(/\D/g, '')}`;

function keysOf(r: Pick<ClientRow, 'uscc' | 'id_number' | 'name' | 'phone'>): string[] {
  const out: string[] = [];
  if (r.uscc) out.push(usccKey(r.uscc));
  if (r.id_number) out.push(idKey(r.id_number));
  if (r.phone) out.push(namePhoneKey(r.name, r.phone));
  return out;
}

/** A weaker key must not join two clients whose stronger codes differ. */
function compatible(row: ImportRow, c: Pick<ClientRow, 'uscc' | 'id_number'>): boolean {
  const { uscc, idNumber } = row.client;
  return !(uscc && c.uscc && uscc !== c.uscc) && !(idNumber && c.id_number && idNumber !== c.id_number);
}

/** The row's keys, strongest first. */
function rowKeys(row: ImportRow): { key: string; field: ImportField; kind: 'uscc' | 'idNumber' | 'namePhone' }[] {
  const { uscc, idNumber, name, phone } = row.client;
  const out = [];
  if (uscc) out.push({ key: usccKey(uscc), field: 'uscc' as const, kind: 'uscc' as const });
  if (idNumber) out.push({ key: idKey(idNumber), field: 'idNumber' as const, kind: 'idNumber' as const });
  if (phone) out.push({ key: namePhoneKey(name, phone), field: 'name' as const, kind: 'namePhone' as const });
  return out;
}

type Owner = { id: string; team_id: string | null } | null;

export type BatchEnv = {
  actor: Actor;
  settings: Settings;
  now: string;
  /** users by e-mail, looked up once per import */
  owners: Map<string, Owner>;
};

function groupBy<K, V>(pairs: readonly (readonly [K, V])[]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const [k, v] of pairs) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** Firm-wide clients sharing a key with the batch, whether the importer may see them or not. */
async function storedMatches(trx: Kysely<Database>, env: BatchEnv, rows: ImportRow[]) {
  const usccs = [...new Set(rows.flatMap((r) => (r.client.uscc ? [r.client.uscc] : [])))];
  const ids = [...new Set(rows.flatMap((r) => (r.client.idNumber ? [r.client.idNumber] : [])))];
  const names = [...new Set(rows.flatMap((r) => (r.client.phone ? [r.client.name] : [])))];
  const found =
    usccs.length || ids.length || names.length
      ? await trx
          .selectFrom('clients')
          .selectAll()
          .where((eb) =>
            eb.or([
              ...(usccs.length ? [eb('uscc', 'in', usccs)] : []),
              ...(ids.length ? [eb('id_number', 'in', ids)] : []),
              ...(names.length ? [eb('name', 'in', names)] : []),
            ]),
          )
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : [];
  const foundIds = found.map((c) => c.id);
  const [visible, owners] = await Promise.all([
    foundIds.length ? trx.selectFrom('clients').select('id').where('id', 'in', foundIds).where(visibleTo(env.actor)).execute() : [],
    foundIds.length ? trx.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(found.map((c) => c.owner_id))]).execute() : [],
  ]);
  const visibleIds = new Set(visible.map((v) => v.id));
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const mine = found.filter((c) => visibleIds.has(c.id)).map((c) => c.id);
  const [tags, contacts] = await Promise.all([
    mine.length ? trx.selectFrom('client_tags').select(['client_id', 'tag']).where('client_id', 'in', mine).execute() : [],
    mine.length ? trx.selectFrom('contacts').selectAll().where('client_id', 'in', mine).orderBy('id').execute() : [],
  ]);
  const byKey = groupBy(found.flatMap((c) => keysOf(c).map((k) => [k, c] as const)));
  const tagsOf = groupBy(tags.map((t) => [t.client_id, t.tag] as const));
  const contactsOf = groupBy(contacts.map((c) => [c.client_id, c] as const));
  return {
    byKey,
    visible: (id: string) => visibleIds.has(id),
    ownerName: (id: string) => ownerName.get(id) ?? null,
    working: (c: ClientRow) => existingWorking(c, tagsOf.get(c.id) ?? [], contactsOf.get(c.id) ?? []),
  };
}

async function ownerByEmail(trx: Kysely<Database>, env: BatchEnv, email: string): Promise<Owner> {
  if (!env.owners.has(email)) {
    const u = await trx
      .selectFrom('users')
      .select(['id', 'team_id'])
      .where('email', '=', email)
      .where('active', '=', 1)
      .where('role', 'in', ['lawyer', 'partner'])
      .executeTakeFirst();
    env.owners.set(email, u ?? null);
  }
  return env.owners.get(email) ?? null;
}

/** createClient's placement rules, with a row's reason instead of an exception. */
type Placement = { ownerId: string; managerId: string | null; teamId: string | null };

async function placement(trx: Kysely<Database>, env: BatchEnv, row: ImportRow): Promise<Placement | { error: Problem }> {
  const { actor } = env;
  let owner: Owner = null;
  if (row.ownerEmail) {
    owner = await ownerByEmail(trx, env, row.ownerEmail);
    if (!owner) return { error: problem('owner_unknown') };
    if (actor.role === 'lawyer' && owner.id !== actor.id) return { error: problem('owner_not_self') };
  } else if (actor.role === 'lawyer') {
    owner = { id: actor.id, team_id: actor.teamId };
  } else {
    return { error: problem('owner_required') };
  }
  const teamId = owner.team_id ?? actor.teamId ?? null;
  // what an assistant creates stays in their team.
  if (actor.role === 'assistant' && teamId !== actor.teamId) return { error: problem('owner_other_team') };
  return { ownerId: owner.id, managerId: actor.role === 'client_manager' ? actor.id : null, teamId };
}

/**
 * Decides each row of a batch against the clients already touched and the stored ones:
 * update a visible duplicate, refuse an invisible one, else create. Writes nothing itself.
 */
export async function decideBatch(
  trx: Kysely<Database>,
  env: BatchEnv,
  touched: Touched,
  rows: ImportRow[],
): Promise<{ outcomes: Outcome[]; errors: RowError[] }> {
  const stored = await storedMatches(trx, env, rows);
  const outcomes: Outcome[] = [];
  const errors: RowError[] = [];
  // A stored duplicate: the importer's to update when they may see it, else the row is refused.
  const storedFor = (row: ImportRow): Working | RowError | null => {
    for (const k of rowKeys(row)) {
      const candidates = (stored.byKey.get(k.key) ?? []).filter((c) => compatible(row, c));
      if (!candidates.length) continue;
      const seen = candidates.find((c) => stored.visible(c.id));
      if (seen) return touched.entities.get(seen.id) ?? stored.working(seen);
      const owner = stored.ownerName(candidates[0]!.owner_id);
      return { row: row.row, column: row.headerOf(k.field), ...problem('duplicate_hidden', { key: k.kind, owner }) };
    }
    return null;
  };
  for (const row of rows) {
    const found = touched.find(row) ?? storedFor(row);
    if (found && !('id' in found)) {
      errors.push(found);
      continue;
    }
    const w = found;
    if (w) {
      const changed = applyRow(w, row.client, row.given, env.settings);
      const contactChanged = row.contact ? applyContact(w, row.contact, env.now) : false;
      touched.add(w);
      outcomes.push(changed || contactChanged ? 'updated' : 'unchanged');
      continue;
    }
    const place = await placement(trx, env, row);
    if ('error' in place) {
      errors.push({ row: row.row, column: row.headerOf('ownerEmail'), ...place.error });
      continue;
    }
    const created = newWorking(row.client, row.given, place, env.settings, env.now);
    if (row.contact) applyContact(created, row.contact, env.now);
    touched.add(created);
    outcomes.push('created');
  }
  return { outcomes, errors };
}
