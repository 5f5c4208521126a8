import type { PersonnelChange } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { newId } from '../../plugins/ids.js';
import type { ClientsTable } from '../clients/clients.table.js';
import { visibleClientOr404 } from '../clients/clients.visibility.js';
import { notify } from '../notifications/notifications.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import type { ContactsTable } from './contacts.table.js';

const TRACKED = ['title', 'department', 'status'] as const;

/**
 * C-6: a contact's new title, department or status is kept as history (old → new, who, when),
 * put on the timeline, and told to the owner and client manager ("新老总的背景" matters).
 */
export async function recordPersonnelChanges(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  client: Pick<ClientsTable, 'id' | 'name' | 'owner_id' | 'manager_id'>,
  contact: { id: string; name: string },
  before: ContactsTable,
  changed: Partial<ContactsTable>,
): Promise<void> {
  const now = clock.now().toISOString();
  for (const field of TRACKED) {
    const to = changed[field];
    if (to === undefined) continue;
    const from = before[field];
    await trx
      .insertInto('personnel_changes')
      .values({ id: newId(), client_id: client.id, contact_id: contact.id, field, old_value: from, new_value: to, changed_by: actor.id, changed_at: now })
      .execute();
    await addTimelineEvent(trx, clock, {
      clientId: client.id,
      kind: 'personnel_changed',
      actorId: actor.id,
      data: { contactId: contact.id, contactName: contact.name, field, from, to },
    });
    await notify(trx, clock, [client.owner_id, client.manager_id].filter((u) => u !== actor.id), {
      kind: 'personnel_change',
      data: { clientId: client.id, clientName: client.name, contactId: contact.id, contactName: contact.name, field, from, to },
      link: `/clients/${client.id}`,
    });
  }
}

/** Newest first, with the contact's and the changer's names. */
export async function listPersonnelChanges(db: Db, actor: Actor, clientId: string, query: { limit: number; cursor?: string | undefined }) {
  await visibleClientOr404(db, actor, clientId);
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    db
      .selectFrom('personnel_changes as pc')
      .leftJoin('contacts', 'contacts.id', 'pc.contact_id')
      .leftJoin('users', 'users.id', 'pc.changed_by')
      .selectAll('pc')
      .select(['contacts.name as contact_name', 'users.name as changed_by_name'])
      .where('pc.client_id', '=', clientId)
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('pc.changed_at', '<', String(after![0])),
            eb.and([eb('pc.changed_at', '=', String(after![0])), eb('pc.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('pc.changed_at', 'desc')
      .orderBy('pc.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    db
      .selectFrom('personnel_changes')
      .where('client_id', '=', clientId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.changed_at, r.id]);
  const out: PersonnelChange[] = items.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    changedBy: r.changed_by,
    changedByName: r.changed_by_name,
    changedAt: r.changed_at,
  }));
  return { items: out, nextCursor, total: Number(count.n) };
}
