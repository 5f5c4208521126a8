// Issue 7 item 6: the demo's service requests over the last year, in mixed SLA states: most answered
// on time, some late, a few with a commitment told to the client, a few breached and closed unanswered;
// the last days' still open. Each demo account (lawyer, lawyer2, manager) also gets a handful open right
// now near or past their due time, so My day and the inbox look real. Deterministic (seeded random over
// clients in id order), bulk-inserted with their timeline events, under DEMO_NOW.
import { DEFAULT_SLA_SETTINGS, REQUEST_CHANNELS, type Grade, type RequestPriority, type SlaTarget } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nextDueAt } from '../features/requests/requests.sla.js';
import type { RequestCommitmentsTable, RequestsTable } from '../features/requests/requests.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { DAY_MS, DEMO_NOW, iso, TODAY } from './demo-time.js';
import { DEMO_ACCOUNTS, DEMO_SEED } from './firm.js';
import { Rng } from './random.js';
import { bulkInsert } from '../db/bulk-insert.js';

export const REQUESTS_PER_CLIENT_YEAR = 0.3;
const MIN_REQUESTS = 60;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SUBJECTS = [
  '劳动合同解除风险咨询', '采购合同条款审查', '股权转让协议修改意见', '律师函回复策略', '商标被抢注如何处理', '员工竞业限制协议',
  '应收账款催收方案', '租赁合同续签注意事项', '数据合规自查清单', '对外担保的审批程序', '仲裁条款效力问题', '公司章程修订',
  '供应商违约索赔', '知识产权许可合同', '政府调查函的答复', '个人信息出境评估', '项目投标文件法律审核', '工伤认定争议',
];
const PRIORITIES: readonly RequestPriority[] = ['normal', 'normal', 'normal', 'high', 'low', 'urgent'];
const COMMIT_NOTES = ['明天17点前给你回复', '本周五前出具书面意见', '今天下班前电话回复', '下周一上午前给初步意见'];

type Client = { id: string; grade: Grade; owner_id: string; manager_id: string | null; contact_id: string | null };
type Built = { request: RequestsTable; commitments: RequestCommitmentsTable[]; timeline: TimelineEventsTable[] };

/** The outcome of one target: done at an offset from received (or never), maybe after a commitment. */
type Outcome = { doneAfter: number | null; commitAfter?: number; commitTo?: number };

function outcome(rng: Rng, allowed: number, open: boolean): Outcome {
  const u = rng.next();
  if (open) return { doneAfter: null };
  if (u < 0.8) return { doneAfter: Math.round(allowed * (0.1 + rng.next() * 0.85)) };
  if (u < 0.9) return { doneAfter: Math.round(allowed * (1.05 + rng.next())) };
  if (u < 0.97) {
    // told before the due time; kept mostly
    const commitAfter = Math.round(allowed * (0.4 + rng.next() * 0.4));
    const commitTo = allowed + Math.round(allowed * (0.5 + rng.next()));
    const kept = rng.next() < 0.85;
    return { doneAfter: kept ? commitAfter + Math.round((commitTo - commitAfter) * (0.3 + rng.next() * 0.6)) : commitTo + Math.round(allowed * 0.3), commitAfter, commitTo };
  }
  return { doneAfter: null };
}

function build(rng: Rng, c: Client, assignee: string, received: number, closeAfterDays: number | null, forced?: { reply: Outcome; opinion: Outcome }): Built {
  const targets = DEFAULT_SLA_SETTINGS.targets[c.grade];
  const id = rng.id(received);
  const subject = rng.pick(SUBJECTS);
  const timeline: TimelineEventsTable[] = [];
  const commitments: RequestCommitmentsTable[] = [];
  const event = (at: number, kind: TimelineEventsTable['kind'], data: Record<string, unknown>) =>
    timeline.push({ id: rng.id(at), client_id: c.id, at: iso(at), kind, actor_id: assignee, data: JSON.stringify({ requestId: id, subject, ...data }) });
  const open = closeAfterDays === null;
  const r = {
    id, client_id: c.id, contact_id: c.contact_id, channel: rng.pick(REQUEST_CHANNELS), received_at: iso(received), subject, details: null,
    priority: rng.pick(PRIORITIES), assignee_id: assignee, status: 'open', grade: c.grade, sla_mode: 'clock', next_due_at: null,
    closed_at: null, close_note: null, created_by: assignee, created_at: iso(received + 2 * MINUTE), updated_at: iso(received + 2 * MINUTE),
  } as unknown as RequestsTable;
  event(received, 'request_received', { channel: r.channel, priority: r.priority, receivedAt: r.received_at });
  let last = received;
  for (const p of ['reply', 'opinion'] as const satisfies readonly SlaTarget[]) {
    const allowed = (p === 'reply' ? targets.replyMinutes : targets.opinionMinutes) * MINUTE;
    const drawn = forced ? forced[p] : outcome(rng, allowed, open && rng.next() < 0.7);
    // no first opinion without a first reply
    const o = p === 'opinion' && r.reply_done_at === null ? { doneAfter: null } : drawn;
    const base = received + allowed;
    let due = base;
    let warn = received + Math.round(allowed * 0.8);
    if (o.commitAfter !== undefined && o.commitTo !== undefined && received + o.commitAfter <= DEMO_NOW) {
      const told = received + o.commitAfter;
      due = received + o.commitTo;
      warn = told + Math.round((due - told) * 0.8);
      commitments.push({ id: rng.id(told), request_id: id, target: p, committed_at: iso(due), told_at: iso(told), note: rng.pick(COMMIT_NOTES), created_by: assignee, created_at: iso(told) });
      event(told, 'request_committed', { target: p, committedAt: iso(due), toldAt: iso(told) });
    }
    const done = o.doneAfter !== null && received + o.doneAfter <= DEMO_NOW ? received + o.doneAfter : null;
    if (done !== null) {
      event(done, p === 'reply' ? 'request_replied' : 'request_opinion_given', { at: iso(done), dueAt: iso(due), onTime: done <= due });
      last = Math.max(last, done);
    }
    Object.assign(r, {
      [`${p}_minutes`]: allowed / MINUTE,
      [`${p}_base_due_at`]: iso(base),
      [`${p}_due_at`]: iso(due),
      [`${p}_warn_at`]: iso(warn),
      [`${p}_done_at`]: done === null ? null : iso(done),
      [`${p}_note`]: null,
      [`${p}_late`]: 0,
      // as the minute job would have flagged them
      [`${p}_warned_at`]: (done === null || done > warn) && warn + MINUTE <= DEMO_NOW ? iso(warn + MINUTE) : null,
      [`${p}_breach_flagged_at`]: (done === null || done > due) && due + MINUTE <= DEMO_NOW ? iso(due + MINUTE) : null,
    });
  }
  if (closeAfterDays !== null) {
    const closed = Math.max(last, Date.parse(r.opinion_due_at) - (r.opinion_done_at ? DAY_MS : 0)) + closeAfterDays * DAY_MS;
    if (closed <= DEMO_NOW) {
      r.status = 'closed';
      r.closed_at = iso(closed);
      r.updated_at = iso(closed);
      event(closed, 'request_closed', {});
    }
  }
  r.next_due_at = nextDueAt(r);
  return { request: r, commitments, timeline };
}

export async function seedRequests(db: Kysely<Database>, seed = DEMO_SEED) {
  const clients = (await db
    .selectFrom('clients')
    .select((eb) => [
      'clients.id', 'clients.grade', 'clients.owner_id', 'clients.manager_id',
      eb.selectFrom('contacts').select((e) => e.fn.min('contacts.id').as('c')).whereRef('contacts.client_id', '=', 'clients.id').as('contact_id'),
    ])
    .orderBy('clients.id')
    .execute()) as Client[];
  if (!clients.length) return { requests: 0, commitments: 0, timeline: 0 };
  const rng = new Rng((seed ^ 0x5e9_1a15) >>> 0);
  const built: Built[] = [];
  const target = Math.max(MIN_REQUESTS, Math.round(clients.length * REQUESTS_PER_CLIENT_YEAR));
  for (let n = 0; n < target; n++) {
    const c = clients[Math.floor(rng.next() * clients.length)]!;
    const assignee = c.manager_id && rng.next() < 0.3 ? c.manager_id : c.owner_id;
    // the last 3 days' requests are partly open still
    const ageDays = rng.next() < 0.02 ? rng.int(0, 2) : rng.int(3, 364);
    const received = Math.min(DEMO_NOW - 20 * MINUTE, (TODAY - ageDays) * DAY_MS + rng.int(1, 11) * HOUR + rng.int(0, 59) * MINUTE);
    built.push(build(rng, c, assignee, received, ageDays < 3 && rng.next() < 0.6 ? null : rng.int(0, 5)));
  }
  built.push(...(await nearBreach(db, rng, clients)));
  await bulkInsert(db, 'requests', built.map((b) => b.request));
  await bulkInsert(db, 'request_commitments', built.flatMap((b) => b.commitments));
  const timeline = built.flatMap((b) => b.timeline);
  await bulkInsert(db, 'timeline_events', timeline);
  return { requests: built.length, commitments: built.reduce((n, b) => n + b.commitments.length, 0), timeline: timeline.length };
}

/** For the demo accounts: open requests at DEMO_NOW in warning, breached and fresh states. */
async function nearBreach(db: Kysely<Database>, rng: Rng, clients: Client[]): Promise<Built[]> {
  const emails = DEMO_ACCOUNTS.filter((a) => a.role === 'lawyer' || a.role === 'client_manager').map((a) => a.email);
  const users = await db.selectFrom('users').select(['id', 'role']).where('email', 'in', emails).orderBy('email').execute();
  const out: Built[] = [];
  const none: Outcome = { doneAfter: null };
  for (const u of users) {
    const mine = clients.filter((c) => (u.role === 'client_manager' ? c.manager_id === u.id : c.owner_id === u.id));
    const pick = (g: Grade) => mine.find((c) => c.grade === g) ?? mine[0];
    const cases: [Grade, number, Outcome][] = [
      ['A', 13 * MINUTE, none], // reply in warning (15 min)
      ['B', 2 * HOUR, none], // reply breached
      ['C', 3.5 * HOUR, none], // reply in warning (4 h)
      ['A', 20 * HOUR, { doneAfter: 10 * MINUTE }], // opinion in warning (24 h)
      ['B', 10 * MINUTE, none], // fresh
    ];
    for (const [g, age, reply] of cases) {
      const c = pick(g);
      if (!c) continue;
      out.push(build(rng, c, u.id, DEMO_NOW - age, null, { reply, opinion: none }));
    }
  }
  return out;
}
