// I-1, I-3: a demo client's interactions with their participants and contacts, the needs heard in
// them and their follow-up tasks — each on the timeline as the product writes it.
import type { InteractionKind } from '@retainer/shared';
import type { ClientsTable } from '../features/clients/clients.table.js';
import type { ContactsTable } from '../features/contacts/contacts.table.js';
import type {
  InteractionContactsTable,
  InteractionParticipantsTable,
  InteractionsTable,
  NeedsTable,
  TasksTable,
} from '../features/interactions/interactions.table.js';
import type { MattersTable } from '../features/matters/matters.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { DAY_MS, DEMO_NOW, TODAY, dayOf, dayText, instantOn, iso } from './demo-time.js';
import type { DemoUser } from './firm.js';
import { FOLLOW_UPS, NEEDS, SUMMARIES } from './matter-words.js';
import type { Archetype, DemoPeople } from './matters.js';
import type { Rng } from './random.js';

export type DemoInteractions = {
  interactions: InteractionsTable[];
  participants: InteractionParticipantsTable[];
  contacts: InteractionContactsTable[];
  tasks: TasksTable[];
  needs: NeedsTable[];
  timeline: TimelineEventsTable[];
};

/** Interactions per client by archetype (≈ 25 on average over the firm, PERFORMANCE.md). */
const COUNT: Record<Archetype, [number, number]> = {
  strategic: [80, 150], core: [35, 65], big: [22, 45], frequent: [28, 50], new: [12, 28], basic: [14, 34], dormant: [6, 18], former: [4, 12], prospect: [3, 12],
};

const KINDS: readonly [InteractionKind, number][] = [
  ['call', 20], ['wechat', 20], ['email', 12], ['visit', 8], ['meeting', 8], ['sms', 4], ['greeting', 7], ['gift', 3], ['training', 2],
  ['report', 3], ['return_visit', 4], ['newsletter', 6], ['event', 3],
];
const KIND_TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);
const MATTER_KINDS = new Set<InteractionKind>(['call', 'wechat', 'email', 'visit', 'meeting', 'sms', 'report']);
const NEED_KINDS = new Set<InteractionKind>(['visit', 'meeting', 'call', 'return_visit']);
const SUMMARY_IN_TIMELINE = 200;

function kindOf(rng: Rng): InteractionKind {
  let x = rng.next() * KIND_TOTAL;
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'call';
}

export type InteractionContext = {
  rng: Rng;
  people: DemoPeople;
  client: ClientsTable;
  contacts: ContactsTable[];
  matters: MattersTable[];
  archetype: Archetype;
};

/** Relationship start: some weeks before the first matter, or around the record's creation for prospects. */
function firstDay({ rng, client, matters }: InteractionContext): number {
  const created = dayOf(Date.parse(client.created_at));
  const first = matters.length ? Math.min(...matters.map((m) => Date.parse(`${m.opened_on}T00:00:00Z`) / DAY_MS)) - rng.int(10, 90) : created - rng.int(0, 60);
  return Math.min(TODAY - 1, Math.max(TODAY - 1825, first));
}

/** Who logs a touch of this kind: care touches the client manager, return visits a secretary, the rest the owner. */
function authorOf(ctx: InteractionContext, kind: InteractionKind, owner: DemoUser, manager: DemoUser | null): DemoUser {
  const { rng, people, client } = ctx;
  if ((kind === 'greeting' || kind === 'gift' || kind === 'event') && manager) return manager;
  if (kind === 'return_visit') {
    const local = people.secretaries.get(client.team_id ?? '');
    if (local?.length) return rng.pick(local);
    if (people.allSecretaries.length) return rng.pick(people.allSecretaries);
  }
  if (kind === 'newsletter') {
    const assistants = people.assistants.get(client.team_id ?? '');
    if (assistants?.length && rng.next() < 0.5) return rng.pick(assistants);
  }
  return manager && rng.next() < 0.2 ? manager : owner;
}

export function generateInteractions(ctx: InteractionContext): DemoInteractions {
  const { rng, people, client, archetype, matters } = ctx;
  const out: DemoInteractions = { interactions: [], participants: [], contacts: [], tasks: [], needs: [], timeline: [] };
  const owner = people.byId.get(client.owner_id)!;
  const manager = client.manager_id ? (people.byId.get(client.manager_id) ?? null) : null;
  const inPost = ctx.contacts.filter((c) => c.status === 'in_post');
  const from = firstDay(ctx);
  const [lo, hi] = COUNT[archetype];
  const n = rng.int(lo, hi);
  // later touches are denser: a square root skews the days towards today
  const occurred = Array.from({ length: n }, () => {
    const day = from + Math.floor(Math.sqrt(rng.next()) * (TODAY - from + 1));
    return instantOn(day, rng.next(), 8, 22);
  }).sort((a, b) => a - b);

  for (const at of occurred) {
    const kind = kindOf(rng);
    const day = dayOf(at);
    const text = dayText(day);
    const open = MATTER_KINDS.has(kind) ? matters.filter((m) => m.opened_on <= text && (m.closed_on === null || m.closed_on >= text)) : [];
    const matter = open.length && rng.next() < 0.6 ? rng.pick(open) : null;
    const author = matter ? people.byId.get(matter.lead_lawyer_id)! : authorOf(ctx, kind, owner, manager);
    const createdMs = Math.min(DEMO_NOW, at + rng.int(5, 240) * 60_000);
    const id = rng.id(createdMs);
    const need = NEED_KINDS.has(kind) && rng.next() < 0.08 ? rng.pick(NEEDS) : null;
    const summary = summaryOf(rng, kind, at).replace('{c}', shortName(client));
    const row: InteractionsTable = {
      id, client_id: client.id, matter_id: matter?.id ?? null, kind, occurred_at: iso(at), summary,
      needs_discovered: need ? need.description : null, created_by: author.id, created_at: iso(createdMs), updated_at: iso(createdMs),
    };
    out.interactions.push(row);
    const people2 = new Set([author.id]);
    if ((kind === 'visit' || kind === 'meeting' || kind === 'event') && rng.next() < 0.5) people2.add((author.id === owner.id ? manager : owner)?.id ?? author.id);
    for (const user_id of people2) out.participants.push({ interaction_id: id, user_id });
    if (inPost.length && kind !== 'newsletter' && rng.next() < 0.75) {
      const first = rng.next() < 0.6 ? inPost[0]! : rng.pick(inPost);
      out.contacts.push({ interaction_id: id, contact_id: first.id });
      const second = rng.pick(inPost);
      if (second.id !== first.id && rng.next() < 0.2) out.contacts.push({ interaction_id: id, contact_id: second.id });
    }
    out.timeline.push({
      id: rng.id(createdMs), client_id: client.id, at: row.created_at, kind: 'interaction_logged', actor_id: author.id,
      data: JSON.stringify({ interactionId: id, kind, occurredAt: row.occurred_at, summary: summary.slice(0, SUMMARY_IN_TIMELINE) }),
    });
    if (need) addNeed(rng, out, row, need);
    if (rng.next() < 0.06) addTask(rng, out, row, day, author, people.assistants.get(client.team_id ?? '') ?? []);
  }
  return out;
}

/** Festival greetings and gifts in their season; birthdays and anniversaries the rest of the year. */
const SEASONAL: Partial<Record<InteractionKind, Record<number, string>>> = {
  greeting: { 1: '春节问候', 2: '春节问候', 5: '端午节问候', 6: '端午节问候', 9: '中秋节问候', 10: '中秋节问候', 12: '新年问候' },
  gift: { 1: '春节茶叶礼盒', 2: '春节茶叶礼盒', 5: '端午粽子礼盒', 6: '端午粽子礼盒', 9: '中秋月饼礼盒', 10: '中秋月饼礼盒' },
};
const OFF_SEASON: Partial<Record<InteractionKind, readonly string[]>> = { greeting: ['生日祝福', '公司周年庆祝贺'], gift: ['生日鲜花'] };

function summaryOf(rng: Rng, kind: InteractionKind, at: number): string {
  const seasonal = SEASONAL[kind];
  if (!seasonal) return rng.pick(SUMMARIES[kind]);
  return seasonal[new Date(at).getUTCMonth() + 1] ?? rng.pick(OFF_SEASON[kind]!);
}

function shortName(client: ClientsTable): string {
  if (client.kind === 'individual') return `${client.name.slice(0, 1)}${client.gender === 'female' ? '女士' : '先生'}`;
  return client.name.replace(/(股份有限公司|有限责任公司|有限公司)$/, '');
}

/** I-3: settled needs are older; recent ones are mostly still open. */
function addNeed(rng: Rng, out: DemoInteractions, row: InteractionsTable, need: (typeof NEEDS)[number]) {
  const created = Date.parse(row.created_at);
  const old = created < DEMO_NOW - 180 * DAY_MS;
  const r = rng.next();
  const status = old ? (r < 0.35 ? 'won' : r < 0.65 ? 'declined' : r < 0.85 ? 'offered' : 'open') : r < 0.6 ? 'open' : r < 0.9 ? 'offered' : 'won';
  const updated = status === 'open' ? created : Math.min(DEMO_NOW, created + rng.int(10, 90) * DAY_MS);
  const id = rng.id(created);
  out.needs.push({
    id, client_id: row.client_id, area: need.area, description: need.description, source: 'interaction', source_id: row.id, status,
    created_by: row.created_by, created_at: row.created_at, updated_at: iso(updated),
  });
  out.timeline.push({
    id: rng.id(created), client_id: row.client_id, at: row.created_at, kind: 'need_added', actor_id: row.created_by,
    data: JSON.stringify({ needId: id, area: need.area, description: need.description, source: 'interaction' }),
  });
}

/** A follow-up: done when its day is well past, open otherwise. */
function addTask(rng: Rng, out: DemoInteractions, row: InteractionsTable, day: number, author: DemoUser, assistants: DemoUser[]) {
  const due = day + rng.int(2, 21);
  const done = due < TODAY - 3 && rng.next() < 0.97;
  const created = Date.parse(row.created_at);
  const doneAt = done ? Math.min(DEMO_NOW, Math.max(created + 3_600_000, instantOn(due - rng.int(0, 5), rng.next()))) : null;
  out.tasks.push({
    id: rng.id(created), client_id: row.client_id, interaction_id: row.id, title: rng.pick(FOLLOW_UPS), due_on: dayText(due),
    assignee_id: assistants.length && rng.next() < 0.3 ? rng.pick(assistants).id : author.id, status: done ? 'done' : 'open',
    done_at: doneAt === null ? null : iso(doneAt), created_by: author.id, created_at: row.created_at,
  });
}
