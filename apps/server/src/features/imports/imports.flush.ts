import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { newId } from '../../plugins/ids.js';
import type { AuditEventsTable } from '../audit/audit.table.js';
import { gramsOf, reindexClient, searchText } from '../clients/clients.search.js';
import { recordPersonnelChanges } from '../contacts/personnel-changes.service.js';
import { notify } from '../notifications/notifications.service.js';
import type { TimelineEventsTable } from '../timeline/timeline.table.js';
import type { Touched } from './imports.batch.js';
import { clientChanges, tagsChanged, type ContactRow, type Working } from './imports.entities.js';

/**
 * The rows recordAudit and addTimelineEvent write (X-7, C-8), collected over a batch and
 * inserted with one statement each: per-row statements would dominate a 50,000-row import.
 */
class Trail {
  readonly audits: Insertable<AuditEventsTable>[] = [];
  readonly events: Insertable<TimelineEventsTable>[] = [];
  constructor(
    private readonly ctx: Ctx,
    private readonly now: Date,
  ) {}

  get actor(): Actor {
    return this.ctx.actor!;
  }
  get actorId(): string {
    return this.actor.id;
  }
  audit(action: 'create' | 'update', entity: string, entityId: string, before: object | null, after: object) {
    this.audits.push({
      id: newId(this.now.getTime()),
      at: this.now.toISOString(),
      actor_id: this.ctx.actor?.id ?? null,
      action,
      entity,
      entity_id: entityId,
      before: before ? JSON.stringify(before) : null,
      after: JSON.stringify(after),
      ip: this.ctx.ip,
    });
  }
  event(clientId: string, kind: string, data: Record<string, unknown>) {
    this.events.push({ id: newId(this.now.getTime()), client_id: clientId, at: this.now.toISOString(), kind, actor_id: this.ctx.actor?.id ?? null, data: JSON.stringify(data) });
  }
  async write(trx: Kysely<Database>) {
    await insertChunks(trx, 'audit_events', this.audits, 500);
    await insertChunks(trx, 'timeline_events', this.events, 1000);
  }
}

async function insertChunks<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[], size: number) {
  for (let i = 0; i < rows.length; i += size) {
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

const pick = (row: object, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));

async function insertNew(trx: Kysely<Database>, trail: Trail, created: Working[], importId: string) {
  const grams: { client_id: string; gram: string }[] = [];
  for (const w of created) {
    // The index reindexClient would build, computed here for the whole batch at once.
    w.row.search_text = searchText({ names: [w.row.name, ...w.contacts.map((c) => c.name)], tags: w.tags });
    for (const gram of gramsOf(w.row.search_text)) grams.push({ client_id: w.id, gram });
  }
  await insertChunks(trx, 'clients', created.map((w) => w.row), 100);
  await insertChunks(trx, 'client_tags', created.flatMap((w) => w.tags.map((tag) => ({ client_id: w.id, tag }))), 1000);
  await insertChunks(trx, 'contacts', created.flatMap((w) => w.contacts), 200);
  // In index order: B-tree inserts in key order touch far fewer pages.
  grams.sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : a.client_id < b.client_id ? -1 : 1));
  await insertChunks(trx, 'client_search', grams, 2000);
  for (const w of created) {
    const { search_text: _s, name_initials: _n, ...after } = w.row;
    trail.audit('create', 'client', w.id, null, { ...after, tags: w.tags });
    trail.event(w.id, 'client_created', { name: w.row.name, grade: w.row.grade, importId });
    for (const c of w.contacts) {
      trail.audit('create', 'contact', c.id, null, c);
      trail.event(w.id, 'contact_added', { contactId: c.id, name: c.name, importId });
    }
  }
}

const CONTACT_FIELDS = ['title', 'department', 'phone', 'email', 'decision_role'] as const;

async function writeContacts(trx: Kysely<Database>, trail: Trail, clock: Clock, w: Working, now: string, importId: string) {
  for (const c of w.contacts) {
    const before = w.contactsBefore.get(c.id);
    if (!before) {
      await trx.insertInto('contacts').values(c).execute();
      trail.audit('create', 'contact', c.id, null, c);
      trail.event(w.id, 'contact_added', { contactId: c.id, name: c.name, importId });
      continue;
    }
    const fields = CONTACT_FIELDS.filter((f) => before[f] !== c[f]);
    if (!fields.length) continue;
    const changed = pick(c, [...fields]) as Partial<ContactRow>;
    await trx.updateTable('contacts').set({ ...changed, updated_at: now }).where('id', '=', c.id).execute();
    trail.audit('update', 'contact', c.id, pick(before, [...fields]), changed);
    trail.event(w.id, 'contact_updated', { contactId: c.id, name: c.name, fields, importId });
    // C-6: a new title or department is a personnel change, as when edited in the app.
    await recordPersonnelChanges(trx, clock, trail.actor, w.row, { id: c.id, name: c.name }, before, changed);
  }
}

const contactsChanged = (w: Working) =>
  w.contacts.some((c: ContactRow) => {
    const before = w.contactsBefore.get(c.id);
    return !before || CONTACT_FIELDS.some((f) => before[f] !== c[f]);
  });

/** updateClient's writes for one stored client, as the import changed it. */
async function updateStored(trx: Kysely<Database>, trail: Trail, clock: Clock, w: Working, importId: string) {
  const before = w.before!;
  const changed = clientChanges(w);
  const tagsDiffer = tagsChanged(w);
  const contactsDiffer = contactsChanged(w);
  if (!Object.keys(changed).length && !tagsDiffer && !contactsDiffer) return;
  const now = clock.now().toISOString();
  await trx.updateTable('clients').set({ ...changed, updated_at: now }).where('id', '=', w.id).execute();
  if (tagsDiffer) {
    await trx.deleteFrom('client_tags').where('client_id', '=', w.id).execute();
    if (w.tags.length) await trx.insertInto('client_tags').values(w.tags.map((tag) => ({ client_id: w.id, tag }))).execute();
  }
  await writeContacts(trx, trail, clock, w, now, importId);
  const newContact = w.contacts.some((c) => !w.contactsBefore.has(c.id));
  if (changed.name !== undefined || tagsDiffer || newContact) await reindexClient(trx, w.id);

  const fields = Object.keys(changed);
  if (fields.length || tagsDiffer) {
    const prior: Record<string, unknown> = pick(before, fields);
    const after: Record<string, unknown> = { ...changed };
    if (tagsDiffer) {
      prior.tags = w.tagsBefore;
      after.tags = w.tags;
    }
    trail.audit('update', 'client', w.id, prior, after);
    const shown = Object.keys(after).filter((k) => k !== 'grade');
    if (shown.length) trail.event(w.id, 'client_updated', { fields: shown, importId });
  }
  if (changed.grade) trail.event(w.id, 'grade_changed', { from: before.grade, to: changed.grade, cause: 'rule:hourly_rate' });
  if (changed.legal_representative !== undefined) {
    const change = { field: 'legal_representative', from: before.legal_representative, to: changed.legal_representative };
    await trx
      .insertInto('personnel_changes')
      .values({ id: newId(), client_id: w.id, contact_id: null, field: 'legal_representative', old_value: change.from, new_value: change.to ?? null, changed_by: trail.actorId, changed_at: now })
      .execute();
    trail.event(w.id, 'personnel_changed', change);
    await notify(trx, clock, [before.owner_id, before.manager_id].filter((u) => u !== trail.actorId), {
      kind: 'personnel_change',
      data: { clientId: w.id, clientName: w.row.name, ...change },
      link: `/clients/${w.id}`,
    });
  }
}

/** Writes a batch's clients, contacts, search index, audit and timeline rows (inside the batch's transaction). */
export async function writeTouched(trx: Kysely<Database>, ctx: Ctx, clock: Clock, touched: Touched, importId: string): Promise<void> {
  const trail = new Trail(ctx, clock.now());
  const all = [...touched.entities.values()];
  await insertNew(trx, trail, all.filter((w) => w.isNew), importId);
  for (const w of all.filter((x) => !x.isNew)) await updateStored(trx, trail, clock, w, importId);
  await trail.write(trx);
}
