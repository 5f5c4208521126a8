// M-1, M-2: a demo client's matters, their people and opposing parties, and fee receipts, shaped by
// an archetype so that K-2..K-4 classification finds every tier and quadrant (docs/decisions.md).
import type { ClientsTable } from '../features/clients/clients.table.js';
import type {
  FeeArrangement,
  FeesTable,
  MatterMembersTable,
  MatterOpposingPartiesTable,
  MattersTable,
  MatterStatus,
  MatterType,
} from '../features/matters/matters.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { INDUSTRY_WORDS, TRADE_FIRST, TRADE_SECOND } from './company-names.js';
import { TODAY, dayText, instantOn, iso, yearOf } from './demo-time.js';
import { DEMO_ACCOUNTS, type DemoFirm, type DemoUser } from './firm.js';
import {
  ARBITRATION_BODIES, ARBITRATION_CAUSES, COMMERCIAL_CAUSES, CONSULTATIONS, CRIMINAL_CHARGES, FEE_NOTES, OUTCOMES, PERSONAL_CAUSES,
  PERSONAL_CONSULTATIONS, PERSONAL_PROJECTS, PROJECTS, PROVINCE_ABBR,
} from './matter-words.js';
import { GIVEN, SURNAMES } from './names.js';
import type { Rng } from './random.js';
import { CITIES, cityShort, type City } from './regions.js';

/**
 * What kind of client this is to the firm. Active clients are strategic, core, big (few large
 * matters), frequent (many small ones), new (first engagement within 12 months) or basic;
 * dormant ones had matters only more than 12 months ago; former ones were lost or let go.
 */
export type Archetype = 'prospect' | 'strategic' | 'core' | 'big' | 'frequent' | 'new' | 'basic' | 'dormant' | 'former';

const ACTIVE: readonly [Archetype, number][] = [['strategic', 8], ['core', 20], ['big', 9], ['frequent', 9], ['new', 18], ['basic', 36]];

export function archetypeOf(rng: Rng, status: ClientsTable['status']): Archetype {
  if (status === 'prospect') return 'prospect';
  if (status === 'dormant') return 'dormant';
  if (status === 'lost' || status === 'dismissed') return 'former';
  let x = rng.next() * 100;
  for (const [a, w] of ACTIVE) if ((x -= w) < 0) return a;
  return 'basic';
}

/** The firm's people as the generators need them. */
export type DemoPeople = {
  byId: Map<string, DemoUser>;
  /** lawyers and partners per team: who may lead a matter (LEAD_ROLES) */
  leads: Map<string, DemoUser[]>;
  assistants: Map<string, DemoUser[]>;
  secretaries: Map<string, DemoUser[]>;
  /** lawyers who may join another practice group's matter (not the demo accounts, whose visible sets stay apart) */
  guestLawyers: DemoUser[];
  allSecretaries: DemoUser[];
};

export function demoPeople(firm: DemoFirm): DemoPeople {
  const add = (m: Map<string, DemoUser[]>, u: DemoUser) => m.set(u.team_id!, [...(m.get(u.team_id!) ?? []), u]);
  const p: DemoPeople = { byId: new Map(), leads: new Map(), assistants: new Map(), secretaries: new Map(), guestLawyers: [], allSecretaries: [] };
  const fixed = new Set(DEMO_ACCOUNTS.map((d) => d.email));
  for (const u of firm.users) {
    if (u.active !== 1) continue;
    p.byId.set(u.id, u);
    if (u.role === 'lawyer' && !fixed.has(u.email)) p.guestLawyers.push(u);
    if (u.role === 'secretary') p.allSecretaries.push(u);
    if (!u.team_id) continue;
    if (u.role === 'lawyer' || u.role === 'partner') add(p.leads, u);
    if (u.role === 'assistant') add(p.assistants, u);
    if (u.role === 'secretary') add(p.secretaries, u);
  }
  return p;
}

export type DemoMatters = {
  matters: MattersTable[];
  members: MatterMembersTable[];
  parties: MatterOpposingPartiesTable[];
  fees: FeesTable[];
  timeline: TimelineEventsTable[];
};

// Day windows (firm days before TODAY), kept clear of the K-2 boundaries (90/180/365 days, 36 months).
const IN_36M = 1060;
const BEFORE_36M = 1130;
const FIVE_YEARS = 1825;

type Plan = { opened: number[]; yuan: [number, number]; types: readonly [MatterType, number][] };

const ORG_TYPES: readonly [MatterType, number][] = [['retainer', 15], ['litigation', 30], ['arbitration', 8], ['non_litigation', 20], ['criminal', 3], ['consultation', 24]];
const PERSON_TYPES: readonly [MatterType, number][] = [['retainer', 2], ['litigation', 40], ['arbitration', 2], ['non_litigation', 9], ['criminal', 12], ['consultation', 35]];
const SMALL_TYPES: readonly [MatterType, number][] = [['consultation', 60], ['litigation', 28], ['non_litigation', 12]];

const days = (rng: Rng, n: number, from: number, to: number) => Array.from({ length: n }, () => TODAY - rng.int(to, from));

/** Opening days and fee scale per archetype: F and M land in the archetype's band by construction. */
function planOf(rng: Rng, a: Archetype, org: boolean): Plan {
  const types = org ? ORG_TYPES : PERSON_TYPES;
  const older = (max: number) => days(rng, rng.int(0, max), FIVE_YEARS, BEFORE_36M);
  switch (a) {
    case 'strategic': // F ≥ 4 (5–10 in 36 months), last within 80 days, M ≥ 4
      return { opened: [...days(rng, rng.int(4, 9), IN_36M, 400), TODAY - rng.int(3, 80), ...older(3)], yuan: [80_000, 600_000], types };
    case 'core': // F 3–4, M ≈ 3
      return { opened: [...days(rng, rng.int(2, 3), IN_36M, 400), TODAY - rng.int(20, 300), ...older(3)], yuan: [35_000, 110_000], types };
    case 'big': // F = 2, M ≥ 4
      return { opened: [TODAY - rng.int(420, IN_36M), TODAY - rng.int(10, 200), ...older(1)], yuan: [400_000, 3_000_000], types };
    case 'frequent': // F 5–8, M ≤ 2
      return { opened: [...days(rng, rng.int(4, 7), IN_36M, 400), TODAY - rng.int(5, 120), ...older(2)], yuan: [2_000, 10_000], types: SMALL_TYPES };
    case 'new': // first engagement within 12 months
      return { opened: days(rng, rng.int(1, 2), 330, 3), yuan: [10_000, 200_000], types };
    case 'basic': // F ≤ 2, an older first engagement, still active
      return { opened: [TODAY - rng.int(20, 330), ...days(rng, rng.int(0, 1), IN_36M, 400), ...days(rng, rng.int(1, 3), FIVE_YEARS, BEFORE_36M)], yuan: [5_000, 60_000], types };
    case 'dormant':
      return { opened: days(rng, rng.int(1, 4), FIVE_YEARS - 30, 420), yuan: [8_000, 150_000], types };
    case 'former':
      return { opened: days(rng, rng.int(1, 3), FIVE_YEARS - 30, 420), yuan: [5_000, 80_000], types };
    case 'prospect':
      return { opened: [], yuan: [0, 0], types };
  }
}

function pickWeighted<T>(rng: Rng, items: readonly [T, number][]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1]![0];
}

const DURATION: Record<MatterType, [number, number]> = {
  retainer: [364, 364], litigation: [90, 600], arbitration: [120, 400], non_litigation: [30, 300], criminal: [90, 500], consultation: [3, 45],
};

const cityByName = new Map(CITIES.map((c) => [c.city, c]));

export type MatterContext = { rng: Rng; people: DemoPeople; client: ClientsTable; archetype: Archetype };

/** The client's matters, oldest first, with everything hanging off them. */
export function generateMatters(ctx: MatterContext): DemoMatters {
  const { rng, client, archetype } = ctx;
  const out: DemoMatters = { matters: [], members: [], parties: [], fees: [], timeline: [] };
  const plan = planOf(rng, archetype, client.kind === 'organisation');
  const city = cityByName.get(client.city ?? '') ?? CITIES[0]!;
  const closedBy = archetype === 'dormant' || archetype === 'former' ? TODAY - 400 : TODAY;
  for (const opened of plan.opened.sort((a, b) => a - b)) {
    const type = pickWeighted(rng, plan.types);
    addMatter(ctx, out, { opened, type, city, closedBy, yuan: plan.yuan });
  }
  ensureMinimum(out, archetype);
  return out;
}

type Spec = { opened: number; type: MatterType; city: City; closedBy: number; yuan: [number, number] };

function leadOf({ rng, people, client }: MatterContext): DemoUser {
  const owner = people.byId.get(client.owner_id)!;
  const mates = (client.team_id && people.leads.get(client.team_id)) || [];
  return mates.length > 1 && rng.next() < 0.2 ? rng.pick(mates) : owner;
}

function statusOf(rng: Rng, spec: Spec): { status: MatterStatus; engaged: number | null; closed: number | null } {
  const { opened, type, closedBy } = spec;
  if (closedBy === TODAY && opened >= TODAY - 20 && rng.next() < 0.5) return { status: 'intake', engaged: null, closed: null };
  const engaged = Math.min(TODAY, opened + rng.int(0, 10));
  const [lo, hi] = DURATION[type];
  // a retainer runs a year from its opening and is in force until it expires
  let closed = type === 'retainer' ? Math.max(engaged + 1, opened + 364) : engaged + rng.int(lo, hi);
  if (closedBy < TODAY) closed = Math.max(engaged + 1, Math.min(closed, closedBy));
  if (closed <= TODAY) return { status: 'closed', engaged, closed };
  return { status: engaged >= TODAY - 7 ? 'engaged' : 'in_progress', engaged, closed: null };
}

function addMatter(ctx: MatterContext, out: DemoMatters, spec: Spec) {
  const { rng, client, people } = ctx;
  const { type, opened } = spec;
  const lead = leadOf(ctx);
  const { status, engaged, closed } = statusOf(rng, spec);
  const createdMs = instantOn(opened, rng.next());
  const id = rng.id(createdMs);
  const agreedYuan = Math.round((rng.int(spec.yuan[0], spec.yuan[1]) * (type === 'consultation' ? 0.3 : 1)) / 1000) * 1000 || 1000;
  // one court (or arbitration body) for the forum and the case number
  const district = rng.pick(spec.city.districts);
  const filed = status !== 'intake' && (type === 'litigation' || type === 'arbitration' || type === 'criminal');
  const org = client.kind === 'organisation';
  const parties = opposingParties(rng, type, id, iso(createdMs), org);
  const m: MattersTable = {
    id,
    client_id: client.id,
    type,
    title: titleOf(rng, type, opened, parties[0]?.name, org),
    case_number: filed ? caseNumber(rng, type, spec.city, district[1], engaged!) : null,
    forum: forumOf(rng, type, spec.city, district[0]),
    amount_in_dispute_fen: type === 'litigation' || type === 'arbitration' ? agreedYuan * rng.int(5, 40) * 100 : null,
    fee_arrangement: arrangementOf(rng, type),
    agreed_fee_fen: agreedYuan * 100,
    status,
    opened_on: dayText(opened),
    engaged_at: engaged === null ? null : iso(Math.max(createdMs, instantOn(engaged, rng.next()))),
    closed_on: closed === null ? null : dayText(closed),
    retainer_expires_on: type === 'retainer' ? dayText(opened + 364) : null,
    lead_lawyer_id: lead.id,
    outcome: closed === null ? null : rng.pick(OUTCOMES[type]),
    created_at: iso(createdMs),
    updated_at: iso(createdMs),
  };
  out.matters.push(m);
  out.parties.push(...parties);
  addMembers(ctx, out, m.id, lead);
  out.timeline.push({
    id: rng.id(createdMs), client_id: client.id, at: m.created_at, kind: 'matter_opened', actor_id: lead.id,
    data: JSON.stringify({ matterId: m.id, title: m.title, type: m.type, openedOn: m.opened_on }),
  });
  if (closed !== null) {
    const at = instantOn(closed, rng.next(), 10, 19);
    m.updated_at = iso(Math.max(at, createdMs));
    out.timeline.push({
      id: rng.id(at), client_id: client.id, at: m.updated_at, kind: 'matter_status_changed', actor_id: lead.id,
      data: JSON.stringify({ matterId: m.id, title: m.title, from: 'in_progress', to: 'closed', on: m.closed_on, outcome: m.outcome }),
    });
  } else if (m.engaged_at) m.updated_at = m.engaged_at;
  if (engaged !== null) addFees(ctx, out, m, engaged, closed, people);
}

function addMembers(ctx: MatterContext, out: DemoMatters, matterId: string, lead: DemoUser) {
  const { rng, people, client } = ctx;
  out.members.push({ matter_id: matterId, user_id: lead.id, role: 'lead' });
  const team = client.team_id ?? '';
  const mates = (people.leads.get(team) ?? []).filter((u) => u.id !== lead.id && u.role === 'lawyer');
  const r = rng.next();
  // mostly a team-mate; now and then a lawyer of another practice group (X-1: they see the client through it)
  const associate = r < 0.45 && mates.length ? rng.pick(mates) : r < 0.5 ? rng.pick(people.guestLawyers) : null;
  if (associate && associate.id !== lead.id) out.members.push({ matter_id: matterId, user_id: associate.id, role: 'associate' });
  const assistants = people.assistants.get(team) ?? [];
  if (assistants.length && rng.next() < 0.4) out.members.push({ matter_id: matterId, user_id: rng.pick(assistants).id, role: 'assistant' });
}

/** Instalments: first on engagement, the rest through the matter, the last after closing; none in the future. */
function addFees(ctx: MatterContext, out: DemoMatters, m: MattersTable, engaged: number, closed: number | null, people: DemoPeople) {
  const { rng, client } = ctx;
  const n = m.type === 'consultation' ? rng.int(1, 2) : m.type === 'retainer' ? (rng.next() < 0.7 ? 2 : 1) : rng.int(2, 4);
  const end = closed ?? Math.max(engaged + 1, engaged + DURATION[m.type][1]);
  const share = closed !== null && rng.next() < 0.15 ? 0.9 : 1;
  let left = Math.round((m.agreed_fee_fen! * share) / 10_000) * 10_000;
  const assistants = people.assistants.get(client.team_id ?? '') ?? [];
  for (let k = 0; k < n && left > 0; k++) {
    const last = k === n - 1;
    let day = k === 0 ? engaged + rng.int(0, 15) : engaged + Math.round(((end - engaged) * k) / n) + rng.int(0, 10);
    if (last && closed !== null) day = Math.min(TODAY, closed + rng.int(0, 30));
    if (day > TODAY) break;
    if (closed !== null) day = Math.min(day, closed + 300);
    const amount = last ? left : Math.max(10_000, Math.round((left * rng.int(35, 60)) / 100 / 10_000) * 10_000);
    const fen = Math.min(amount, left);
    left -= fen;
    const ms = Math.max(Date.parse(m.created_at), instantOn(day, rng.next()));
    const by = assistants.length && rng.next() < 0.3 ? rng.pick(assistants).id : m.lead_lawyer_id;
    const fee: FeesTable = {
      id: rng.id(ms), matter_id: m.id, client_id: client.id, amount_fen: fen, received_on: dayText(day),
      note: m.type === 'retainer' ? FEE_NOTES[n === 1 ? 3 : 4] : last && n > 1 ? '尾款' : k === 0 ? '首期律师费' : rng.pick(MIDDLE_NOTES),
      created_by: by, created_at: iso(ms),
    };
    out.fees.push(fee);
    out.timeline.push({
      id: rng.id(ms), client_id: client.id, at: fee.created_at, kind: 'fee_received', actor_id: by,
      data: JSON.stringify({ matterId: m.id, title: m.title, feeId: fee.id, amountFen: fee.amount_fen, receivedOn: fee.received_on }),
    });
  }
}

/** K-2 M lower bounds by archetype (fen in the trailing 36 months): strategic and big ≥ ¥300,000, core ≥ ¥100,000. */
const M_FLOOR: Partial<Record<Archetype, number>> = { strategic: 30_000_000, big: 30_000_000, core: 10_000_000 };

function ensureMinimum(out: DemoMatters, archetype: Archetype) {
  const floor = M_FLOOR[archetype];
  if (!floor) return;
  const from = dayText(TODAY - IN_36M);
  const inWindow = out.fees.filter((f) => f.received_on >= from);
  const sum = inWindow.reduce((s, f) => s + f.amount_fen, 0);
  const top = inWindow.at(-1);
  if (sum >= floor || !top) return;
  const extra = floor - sum + 1_000_000;
  top.amount_fen += extra;
  const m = out.matters.find((x) => x.id === top.matter_id)!;
  m.agreed_fee_fen = (m.agreed_fee_fen ?? 0) + extra;
  const ev = out.timeline.find((e) => e.kind === 'fee_received' && e.data.includes(top.id))!;
  ev.data = JSON.stringify({ ...(JSON.parse(ev.data) as object), amountFen: top.amount_fen });
}

function arrangementOf(rng: Rng, type: MatterType): FeeArrangement {
  if (type === 'retainer') return 'annual_retainer';
  if (type === 'litigation') return pickWeighted(rng, [['fixed', 60], ['contingency', 25], ['hourly', 15]]);
  if (type === 'criminal') return 'fixed';
  return pickWeighted(rng, [['fixed', 70], ['hourly', 30]]);
}

const personName = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN);

function opposingParties(rng: Rng, type: MatterType, matterId: string, at: string, orgClient: boolean): MatterOpposingPartiesTable[] {
  const n = type === 'litigation' || type === 'arbitration' ? rng.int(1, 2) : type === 'non_litigation' && rng.next() < 0.3 ? 1 : 0;
  const out: MatterOpposingPartiesTable[] = [];
  for (let k = 0; k < n; k++) {
    const org = rng.next() < (orgClient ? 0.75 : 0.25);
    const name = org
      ? `${cityShort(rng.pick(CITIES))}${rng.pick(TRADE_FIRST)}${rng.pick(TRADE_SECOND)}${rng.pick(INDUSTRY_WORDS).word}有限公司`
      : personName(rng);
    out.push({ id: rng.id(Date.parse(at) + k + 1), matter_id: matterId, name, kind: org ? 'organisation' : 'person', id_code: null, created_at: at });
  }
  return out;
}

function titleOf(rng: Rng, type: MatterType, opened: number, opponent: string | undefined, org: boolean): string {
  switch (type) {
    case 'retainer':
      return `${yearOf(opened)}年度常年法律顾问`;
    case 'litigation':
      return `与${opponent ?? personName(rng)}${rng.pick(org ? COMMERCIAL_CAUSES : PERSONAL_CAUSES)}一案`;
    case 'arbitration':
      return `与${opponent ?? personName(rng)}${rng.pick(ARBITRATION_CAUSES)}仲裁案`;
    case 'non_litigation':
      return rng.pick(org ? PROJECTS : PERSONAL_PROJECTS);
    case 'criminal':
      return `${personName(rng)}涉嫌${rng.pick(CRIMINAL_CHARGES)}辩护`;
    case 'consultation':
      return rng.pick(org ? CONSULTATIONS : PERSONAL_CONSULTATIONS);
  }
}

const MIDDLE_NOTES = FEE_NOTES.filter((n) => !n.includes('顾问费') && n !== '尾款' && n !== '首期律师费');

function caseNumber(rng: Rng, type: MatterType, city: City, districtCode: string, engaged: number): string {
  const year = yearOf(Math.min(TODAY, engaged + rng.int(0, 20)));
  const abbr = PROVINCE_ABBR[city.province] ?? '京';
  const court = districtCode.slice(2);
  if (type === 'arbitration') return `(${year})${abbr}仲案字第${rng.int(10, 3999)}号`;
  return `(${year})${abbr}${court}${type === 'criminal' ? '刑初' : '民初'}${rng.int(100, 29_999)}号`;
}

function forumOf(rng: Rng, type: MatterType, city: City, district: string): string | null {
  if (type === 'arbitration') return rng.next() < 0.5 ? `${city.city}仲裁委员会` : rng.pick(ARBITRATION_BODIES);
  if (type !== 'litigation' && type !== 'criminal') return null;
  return district === city.city ? `${city.city}人民法院` : `${city.city}${district}人民法院`;
}
