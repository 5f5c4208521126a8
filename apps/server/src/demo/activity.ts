// Z-5: the demo clients' history — matters, fees, interactions, needs, tasks, checklists, service
// obligations and their timeline —
// deterministic per client (its own random stream from the seed and its id), so batching changes nothing.
import type { ContactsTable } from '../features/contacts/contacts.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { generateClients, type DemoClientBatch } from './clients.js';
import { hash32 } from './demo-time.js';
import { DEMO_SEED, type DemoFirm, type Scale } from './firm.js';
import { generateInteractions, type DemoInteractions } from './interactions.js';
import { archetypeOf, demoPeople, generateMatters, type DemoMatters, type DemoPeople } from './matters.js';
import { generateProcess, type DemoProcess } from './process.js';
import { Rng } from './random.js';

export type DemoActivityBatch = Omit<DemoMatters, 'timeline'> & Omit<DemoInteractions, 'contacts' | 'timeline'> & {
  interactionContacts: DemoInteractions['contacts'];
  timeline: TimelineEventsTable[];
} & Pick<DemoProcess, 'checklistSteps' | 'obligations'>;

/** The activity stream is separate from the clients' and the firm's. */
const ACTIVITY_SALT = 0x3a77_e1c5;

export function emptyActivity(): DemoActivityBatch {
  return {
    matters: [], members: [], parties: [], fees: [], interactions: [], participants: [], interactionContacts: [], tasks: [], needs: [], timeline: [],
    checklistSteps: [], obligations: [],
  };
}

/** Each client's own random stream: the same seed and id give the same history, alone or in any batch. */
export const clientRng = (seed: number, clientId: string) => Rng.forOwner((seed ^ ACTIVITY_SALT ^ hash32(clientId)) >>> 0, clientId);

/**
 * The history of one batch of clients. Sets each client's last_contact_at to its latest
 * interaction, as the product keeps it (interactions.write.ts).
 */
export function generateActivity(people: DemoPeople, batch: DemoClientBatch, seed = DEMO_SEED): DemoActivityBatch {
  const out = emptyActivity();
  const contactsOf = new Map<string, ContactsTable[]>();
  for (const c of batch.contacts) contactsOf.set(c.client_id, [...(contactsOf.get(c.client_id) ?? []), c]);
  for (const client of batch.clients) {
    const rng = clientRng(seed, client.id);
    const archetype = archetypeOf(rng, client.status);
    const m = generateMatters({ rng, people, client, archetype });
    const i = generateInteractions({ rng, people, client, contacts: contactsOf.get(client.id) ?? [], matters: m.matters, archetype });
    // last on the client's stream, so adding it left the matters and interactions as they were
    const p = generateProcess({ rng, people, client, matters: m.matters, members: m.members });
    push(out.matters, m.matters);
    push(out.members, m.members);
    push(out.parties, m.parties);
    push(out.fees, m.fees);
    push(out.interactions, i.interactions);
    push(out.participants, i.participants);
    push(out.interactionContacts, i.contacts);
    push(out.tasks, i.tasks);
    push(out.tasks, p.tasks);
    push(out.needs, i.needs);
    push(out.timeline, m.timeline);
    push(out.timeline, i.timeline);
    push(out.timeline, p.timeline);
    push(out.checklistSteps, p.checklistSteps);
    push(out.obligations, p.obligations);
    client.last_contact_at = i.interactions.at(-1)?.occurred_at ?? null;
  }
  return out;
}

/** Appends without spreading (a spread of 100,000 items overflows the stack). */
function push<T>(to: T[], from: T[]) {
  for (const x of from) to.push(x);
}

/** The demo clients with their history, batch by batch (the large scale never fits in memory at once). */
export function* generateDemo(
  firm: DemoFirm,
  scale: Scale,
  options: Parameters<typeof generateClients>[2] = {},
): Generator<{ clients: DemoClientBatch; activity: DemoActivityBatch }> {
  const people = demoPeople(firm);
  for (const clients of generateClients(firm, scale, options)) {
    yield { clients, activity: generateActivity(people, clients, options.seed ?? DEMO_SEED) };
  }
}
