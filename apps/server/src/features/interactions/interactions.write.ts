import type { Interaction, InteractionCreate, InteractionUpdate } from '@retainer/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { Forbidden } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { completeByInteraction, reopenByInteraction } from '../care/touchpoints.service.js';
import { visibleClientOr404 } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { invalid } from './interactions.messages.js';
import { mayChange, readInteraction, seesMatters, visibleInteractionOr404 } from './interactions.service.js';
import type { InteractionsTable } from './interactions.table.js';
import { insertNeeds } from './needs.service.js';
import { insertTasks } from './tasks.service.js';

type Deps = { db: Kysely<Database>; clock: Clock; config: { firmTimeZone: string } };
type Trx = Transaction<Database>;

/** I-1: an interaction may be logged up to 5 minutes ahead (clock skew), never later. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const SUMMARY_IN_TIMELINE = 200;

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

function occurredAt(actor: Actor, clock: Clock, value: string): string {
  const at = new Date(value);
  if (at.getTime() > clock.now().getTime() + FUTURE_TOLERANCE_MS) throw invalid(actor, ['occurredAt', 'future']);
  return at.toISOString();
}

async function assertMatter(trx: Trx, actor: Actor, clientId: string, matterId: string | null | undefined) {
  if (matterId === undefined) return;
  if (!seesMatters(actor)) throw invalid(actor, ['matterId', 'matterHidden']);
  if (matterId === null) return;
  const m = await trx.selectFrom('matters').select('id').where('id', '=', matterId).where('client_id', '=', clientId).executeTakeFirst();
  if (!m) throw invalid(actor, ['matterId', 'matter']);
}

async function assertParticipants(trx: Trx, actor: Actor, ids: string[]) {
  const found = await trx.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  if (found.length !== ids.length) throw invalid(actor, ['participantIds', 'participant']);
}

async function assertContacts(trx: Trx, actor: Actor, clientId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await trx.selectFrom('contacts').select('id').where('id', 'in', ids).where('client_id', '=', clientId).execute();
  if (found.length !== ids.length) throw invalid(actor, ['contactIds', 'contact']);
}

async function setPeople(trx: Trx, id: string, participantIds: string[] | undefined, contactIds: string[] | undefined) {
  if (participantIds) {
    await trx.deleteFrom('interaction_participants').where('interaction_id', '=', id).execute();
    await trx.insertInto('interaction_participants').values(participantIds.map((user_id) => ({ interaction_id: id, user_id }))).execute();
  }
  if (contactIds) {
    await trx.deleteFrom('interaction_contacts').where('interaction_id', '=', id).execute();
    if (contactIds.length) {
      await trx.insertInto('interaction_contacts').values(contactIds.map((contact_id) => ({ interaction_id: id, contact_id }))).execute();
    }
  }
}

/** C-9 "last contact": the client's latest interaction, whatever was just added, moved or removed. */
async function refreshLastContact(trx: Trx, clientId: string) {
  const latest = await trx
    .selectFrom('interactions')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  await trx.updateTable('clients').set({ last_contact_at: (latest?.at as string | null | undefined) ?? null }).where('id', '=', clientId).execute();
}

export async function createInteraction({ db, clock, config }: Deps, ctx: Ctx, input: InteractionCreate): Promise<Interaction> {
  const actor = actorOf(ctx);
  const id = await db.transaction().execute(async (trx) => {
    const client = await visibleClientOr404(trx, actor, input.clientId);
    const at = occurredAt(actor, clock, input.occurredAt);
    await assertMatter(trx, actor, client.id, input.matterId ?? undefined);
    const participants = input.participantIds?.length ? input.participantIds : [actor.id];
    await assertParticipants(trx, actor, participants);
    const contacts = input.contactIds ?? [];
    await assertContacts(trx, actor, client.id, contacts);

    const now = clock.now().toISOString();
    const row: InteractionsTable = {
      id: newId(clock.now().getTime()),
      client_id: client.id,
      matter_id: input.matterId ?? null,
      kind: input.kind,
      occurred_at: at,
      summary: input.summary,
      needs_discovered: input.needsDiscovered || null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('interactions').values(row).execute();
    await setPeople(trx, row.id, participants, contacts);
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'interaction', entityId: row.id, after: { ...row, participants, contacts } });
    await addTimelineEvent(trx, clock, {
      clientId: client.id,
      kind: 'interaction_logged',
      actorId: actor.id,
      data: { interactionId: row.id, kind: row.kind, occurredAt: row.occurred_at, summary: row.summary.slice(0, SUMMARY_IN_TIMELINE) },
    });
    await insertTasks(trx, clock, ctx, { clientId: client.id, clientName: client.name, interactionId: row.id }, input.followUps ?? []);
    await insertNeeds(trx, clock, ctx, client.id, input.needs ?? [], { source: 'interaction', sourceId: row.id });
    await completeByInteraction(trx, { clock, timeZone: config.firmTimeZone }, { id: row.id, clientId: client.id, kind: row.kind, occurredAt: row.occurred_at }, input.touchpointId);
    await refreshLastContact(trx, client.id);
    return row.id;
  });
  return readInteraction(db, actor, id);
}

export async function updateInteraction({ db, clock }: Deps, ctx: Ctx, id: string, input: InteractionUpdate): Promise<Interaction> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await visibleInteractionOr404(trx, actor, id);
    if (!mayChange(actor, before)) throw new Forbidden();
    // a secretary's form has no matter field; clearing a matter they cannot see is not theirs to do
    const matterId = input.matterId === null && !seesMatters(actor) ? undefined : input.matterId;
    await assertMatter(trx, actor, before.client_id, matterId);
    if (input.participantIds) await assertParticipants(trx, actor, input.participantIds);
    if (input.contactIds) await assertContacts(trx, actor, before.client_id, input.contactIds);

    const wanted: Partial<InteractionsTable> = {};
    if (matterId !== undefined) wanted.matter_id = matterId;
    if (input.kind !== undefined) wanted.kind = input.kind;
    if (input.occurredAt !== undefined) wanted.occurred_at = occurredAt(actor, clock, input.occurredAt);
    if (input.summary !== undefined) wanted.summary = input.summary;
    if (input.needsDiscovered !== undefined) wanted.needs_discovered = input.needsDiscovered || null;
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof InteractionsTable] !== v),
    ) as Partial<InteractionsTable>;
    const people = await peopleOf(trx, id);
    const participantsChanged = input.participantIds !== undefined && !sameSet(people.participants, input.participantIds);
    const contactsChanged = input.contactIds !== undefined && !sameSet(people.contacts, input.contactIds);
    if (!Object.keys(changed).length && !participantsChanged && !contactsChanged) return;

    await trx.updateTable('interactions').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    await setPeople(trx, id, participantsChanged ? input.participantIds : undefined, contactsChanged ? input.contactIds : undefined);
    const prior: Record<string, unknown> = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof InteractionsTable]]));
    const after: Record<string, unknown> = { ...changed };
    if (participantsChanged) {
      prior.participants = people.participants;
      after.participants = input.participantIds;
    }
    if (contactsChanged) {
      prior.contacts = people.contacts;
      after.contacts = input.contactIds;
    }
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'interaction', entityId: id, before: prior, after });
    if (changed.occurred_at) await refreshLastContact(trx, before.client_id);
  });
  return readInteraction(db, actor, id);
}

/** The author, a partner or an admin; its tasks stay (without the link), its needs stay in the archive. */
export async function deleteInteraction({ db, clock }: Deps, ctx: Ctx, id: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await visibleInteractionOr404(trx, actor, id);
    if (!mayChange(actor, before)) throw new Forbidden();
    const people = await peopleOf(trx, id);
    await trx.updateTable('tasks').set({ interaction_id: null }).where('interaction_id', '=', id).execute();
    await reopenByInteraction(trx, clock, id);
    await trx.deleteFrom('interactions').where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'interaction', entityId: id, before: { ...before, ...people } });
    await addTimelineEvent(trx, clock, {
      clientId: before.client_id,
      kind: 'interaction_removed',
      actorId: actor.id,
      data: { interactionId: id, kind: before.kind, occurredAt: before.occurred_at, summary: before.summary.slice(0, SUMMARY_IN_TIMELINE) },
    });
    await refreshLastContact(trx, before.client_id);
  });
}

async function peopleOf(trx: Trx, id: string) {
  const [p, c] = await Promise.all([
    trx.selectFrom('interaction_participants').select('user_id').where('interaction_id', '=', id).orderBy('user_id').execute(),
    trx.selectFrom('interaction_contacts').select('contact_id').where('interaction_id', '=', id).orderBy('contact_id').execute(),
  ]);
  return { participants: p.map((r) => r.user_id), contacts: c.map((r) => r.contact_id) };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...b].sort().join('\u0001') === [...a].sort().join('\u0001');
