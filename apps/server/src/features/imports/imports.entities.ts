import type { ClientCreate, ContactCreate, Settings } from '@retainer/shared';
import type { Selectable } from 'kysely';
import { newId } from '../../plugins/ids.js';
import type { ClientsTable } from '../clients/clients.table.js';
import { emptyClient, gradeFromRate } from '../clients/clients.write.js';
import { initialsOf } from '../clients/clients.search.js';
import type { ContactsTable } from '../contacts/contacts.table.js';
import { blankContact } from '../contacts/contacts.service.js';

export type ClientRow = Selectable<ClientsTable>;
export type ContactRow = Selectable<ContactsTable>;

/**
 * A client as the import leaves it: its stored state when first touched and its state now.
 * Rows of one file that name the same client all land on one of these, so it is written once
 * per batch and compared before writing (re-importing a file changes nothing).
 */
export type Working = {
  id: string;
  isNew: boolean;
  before: ClientRow | null;
  row: ClientRow;
  tagsBefore: string[];
  tags: string[];
  contactsBefore: Map<string, ContactRow>;
  contacts: ContactRow[];
};

// The API fields an import fills, and their columns (birthday spreads over five).
const COLUMNS = {
  name: 'name', industry: 'industry', region: 'region', city: 'city', address: 'address', phone: 'phone', email: 'email',
  source: 'source', hourlyRateFen: 'hourly_rate_fen', notes: 'notes', gender: 'gender', idNumber: 'id_number',
  employer: 'employer', jobTitle: 'job_title', wechat: 'wechat', uscc: 'uscc', legalRepresentative: 'legal_representative',
  registeredCapitalFen: 'registered_capital_fen', foundedOn: 'founded_on', website: 'website',
} as const satisfies Partial<Record<keyof ClientCreate, keyof ClientsTable>>;

/** Column values of the fields a row gave; empty cells never erase what is stored. */
export function columnsOf(input: ClientCreate, given: Set<keyof ClientCreate>): Partial<ClientRow> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    if (given.has(key as keyof ClientCreate)) out[column] = input[key as keyof ClientCreate] ?? null;
  }
  if (given.has('birthday') && input.birthday) {
    const b = input.birthday;
    Object.assign(out, {
      birthday_calendar: b.calendar,
      birthday_year: b.year ?? null,
      birthday_month: b.month,
      birthday_day: b.day,
      birthday_leap: b.leapMonth ? 1 : 0,
    });
  }
  return out as Partial<ClientRow>;
}

export function newWorking(
  input: ClientCreate,
  given: Set<keyof ClientCreate>,
  place: { ownerId: string; managerId: string | null; teamId: string | null },
  settings: Settings,
  now: string,
): Working {
  const row: ClientRow = {
    ...emptyClient(),
    ...columnsOf(input, given),
    id: newId(),
    kind: input.kind,
    name: input.name,
    name_initials: initialsOf(input.name),
    status: 'prospect',
    grade: gradeFromRate(input.hourlyRateFen, settings),
    owner_id: place.ownerId,
    manager_id: place.managerId,
    team_id: place.teamId,
    created_at: now,
    updated_at: now,
  };
  const tags = [...new Set(input.tags ?? [])].sort();
  return { id: row.id, isNew: true, before: null, row, tagsBefore: [], tags, contactsBefore: new Map(), contacts: [] };
}

export function existingWorking(row: ClientRow, tags: string[], contacts: ContactRow[]): Working {
  return {
    id: row.id,
    isNew: false,
    before: row,
    row: { ...row },
    tagsBefore: [...tags].sort(),
    tags: [...tags].sort(),
    contactsBefore: new Map(contacts.map((c) => [c.id, c])),
    contacts: contacts.map((c) => ({ ...c })),
  };
}

/** Applies a row to a client; true when anything differs from what it held. */
export function applyRow(w: Working, input: ClientCreate, given: Set<keyof ClientCreate>, settings: Settings): boolean {
  const wanted = columnsOf(input, given);
  if (wanted.hourly_rate_fen !== undefined && w.row.grade_manual === 0) wanted.grade = gradeFromRate(wanted.hourly_rate_fen, settings);
  let changed = false;
  for (const [k, v] of Object.entries(wanted)) {
    const key = k as keyof ClientRow;
    if (w.row[key] === v) continue;
    (w.row as Record<string, unknown>)[key] = v;
    if (key === 'name') w.row.name_initials = initialsOf(w.row.name);
    changed = true;
  }
  // Tags from a file add to the client's tags; removing one is done in the app.
  if (given.has('tags')) {
    const merged = [...new Set([...w.tags, ...(input.tags ?? [])])].sort();
    if (merged.length !== w.tags.length) {
      w.tags = merged;
      changed = true;
    }
  }
  return changed;
}

const CONTACT_COLUMNS = { title: 'title', department: 'department', phone: 'phone', email: 'email', decisionRole: 'decision_role' } as const;

/** C-10: the row's contact joins the client unless one of that name exists, which is updated. */
export function applyContact(w: Working, c: ContactCreate, now: string): boolean {
  const existing = w.contacts.find((x) => x.name === c.name);
  if (!existing) {
    w.contacts.push({
      ...blankContact(w.id, c.name, now),
      department: c.department ?? null,
      title: c.title ?? null,
      decision_role: c.decisionRole ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
    });
    return true;
  }
  let changed = false;
  for (const [key, column] of Object.entries(CONTACT_COLUMNS)) {
    const v = c[key as keyof typeof CONTACT_COLUMNS];
    if (v !== undefined && v !== null && existing[column] !== v) {
      (existing as Record<string, unknown>)[column] = v;
      changed = true;
    }
  }
  return changed;
}

/** Changed columns of a stored client (bookkeeping columns aside). */
export function clientChanges(w: Working): Partial<ClientRow> {
  if (!w.before) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(w.row)) {
    if (k === 'updated_at' || k === 'search_text' || k === 'name_initials') continue;
    if (w.before[k as keyof ClientRow] !== v) out[k] = v;
  }
  return out as Partial<ClientRow>;
}

export const tagsChanged = (w: Working) => w.tags.join('\u0001') !== w.tagsBefore.join('\u0001');
