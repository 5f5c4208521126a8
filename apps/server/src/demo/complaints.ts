// Issue 7 item 4: the demo's complaints. Rare (about 0.5% of clients a year, over the last two
// years, at least 20 so a small firm shows every stage), deterministic (the demo's seeded random
// over clients read in id order), carried through the six steps as far as their age allows: some
// found invalid (2 → 6), some negotiated again (5 → 4), recent ones still open at each stage.
import { COMPLAINT_CHANNELS, type ComplaintCause, type ComplaintStep } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nextStep, stageOf, type ComplaintState } from '../features/complaints/complaints.rules.js';
import type { ComplaintStepsTable, ComplaintsTable } from '../features/complaints/complaints.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { DAY_MS, DEMO_NOW, iso, TODAY } from './demo-time.js';
import { DEMO_SEED } from './firm.js';
import { Rng } from './random.js';
import { bulkInsert } from '../db/bulk-insert.js';

export const COMPLAINTS_PER_CLIENT_YEAR = 0.005;
const YEARS = 2;
const MIN_COMPLAINTS = 20;
const HOUR = 3_600_000;

const TOPICS: { cause: ComplaintCause; content: string; demands: string; statement: string }[] = [
  { cause: 'slow_response', content: '承办律师多次未在约定时间内回复邮件和电话', demands: '明确回复时限，指定备用联系人', statement: '我方于上周三发送合同修改意见，至今未获任何答复，影响了签约进度。' },
  { cause: 'quality', content: '法律意见书遗漏关键风险条款', demands: '重新出具意见书并说明遗漏原因', statement: '贵所出具的意见书未提示担保条款的风险，导致我方谈判被动。' },
  { cause: 'communication', content: '案件进展未及时告知，客户从对方处得知开庭改期', demands: '每周书面通报案件进展', statement: '开庭改期一事我们是从对方律师处得知的，贵所未提前通知。' },
  { cause: 'fees', content: '账单中的工时与实际沟通情况不符', demands: '提供工时明细并调整费用', statement: '本月账单列出的会议工时明显多于实际会议时长，请核实。' },
  { cause: 'attitude', content: '电话沟通中律师态度生硬，不耐烦', demands: '更换对接律师或书面致歉', statement: '在询问诉讼风险时，律师多次打断并表示"说了您也不懂"。' },
  { cause: 'other', content: '寄送的文件缺页，需重新寄送', demands: '尽快补寄完整文件', statement: '收到的合同审阅稿缺少第五至第八页。' },
];
const FINDINGS_VALID = ['经调阅邮件记录和通话记录，情况属实', '经业务管理委员会核查，投诉内容基本属实'];
const FINDINGS_INVALID = ['经核查，相关沟通均有书面记录，投诉不成立', '收费符合委托合同约定，已向客户逐项说明'];
const SOLUTIONS = ['由合伙人致电道歉，并指定备用联系人，承诺 24 小时内回复', '免除本月部分工时费用，并重新出具工作成果', '更换承办律师，由原团队协助交接'];
const REFUSALS = ['客户认为补偿不足，要求进一步协商', '客户不同意更换方案，希望原律师继续承办但加强沟通'];
const PREVENTIONS = ['启用请求响应时限提醒，超时自动上报', '重要文书出具前增加合伙人复核', '每周五发送案件周报'];
const ACTIONS = ['对承办律师进行提醒谈话', '纳入年度考核扣分', '组织团队沟通技巧培训'];

type Candidate = { id: string; owner_id: string; manager_id: string | null; team_id: string | null; matter_id: string | null; lead: string | null; contact_id: string | null; contact_name: string | null };

export async function seedComplaints(db: Kysely<Database>, seed = DEMO_SEED) {
  const clients = await db.selectFrom('clients').select('id').orderBy('id').execute();
  const target = Math.min(clients.length, Math.max(MIN_COMPLAINTS, Math.round(clients.length * COMPLAINTS_PER_CLIENT_YEAR * YEARS)));
  const rng = new Rng((seed ^ 0x0c0a_1a17) >>> 0);
  // a deterministic sample of clients, in id order
  const picked = new Set<string>();
  while (picked.size < target) picked.add(clients[Math.floor(rng.next() * clients.length)]!.id);
  const ids = [...picked].sort();
  const partners = await db.selectFrom('users').select(['id', 'team_id']).where('role', '=', 'partner').where('active', '=', 1).orderBy('id').execute();
  if (!partners.length || !ids.length) return { complaints: 0, steps: 0, timeline: 0 };

  const candidates: Candidate[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('clients')
      .select((eb) => [
        'clients.id',
        'clients.owner_id',
        'clients.manager_id',
        'clients.team_id',
        eb.selectFrom('matters').select('matters.id').whereRef('matters.client_id', '=', 'clients.id').orderBy('matters.id', 'desc').limit(1).as('matter_id'),
        eb.selectFrom('matters').select('matters.lead_lawyer_id').whereRef('matters.client_id', '=', 'clients.id').orderBy('matters.id', 'desc').limit(1).as('lead'),
        eb.selectFrom('contacts').select('contacts.id').whereRef('contacts.client_id', '=', 'clients.id').orderBy('contacts.id').limit(1).as('contact_id'),
        eb.selectFrom('contacts').select('contacts.name').whereRef('contacts.client_id', '=', 'clients.id').orderBy('contacts.id').limit(1).as('contact_name'),
      ])
      .where('clients.id', 'in', part)
      .orderBy('clients.id')
      .execute();
    candidates.push(...(rows as Candidate[]));
  }

  const complaints: ComplaintsTable[] = [];
  const steps: ComplaintStepsTable[] = [];
  const timeline: TimelineEventsTable[] = [];
  for (const [n, c] of candidates.entries()) {
    // a quarter are recent and stop at any stage (the open board); the rest spread over two years
    const recent = n % 4 === 0;
    const receivedDay = recent ? TODAY - rng.int(1, 45) : TODAY - rng.int(46, 365 * YEARS);
    const received = receivedDay * DAY_MS + rng.int(1, 9) * HOUR + rng.int(0, 59) * 60_000;
    const topic = rng.pick(TOPICS);
    const partner = partners.find((p) => p.team_id === c.team_id && p.id !== c.lead) ?? partners[n % partners.length]!;
    const targetUser = c.lead ?? c.owner_id;
    const handler = partner.id === targetUser ? partners.find((p) => p.id !== targetUser)?.id ?? null : partner.id;
    // the client manager takes the complaint, else the partner (never the person complained about)
    const recorder = c.manager_id && c.manager_id !== targetUser ? c.manager_id : (handler ?? c.owner_id);
    const id = rng.id(received + HOUR);
    // recent ones stop in turn at each open stage (the sixth kind: found invalid, awaiting evaluation)
    const k = Math.floor(n / 4) % 6;
    const stopAt = recent ? (k === 5 ? 2 : k + 1) : 6;
    const drawn = rng.next() >= 0.2;
    const valid = recent ? k < 5 : drawn;
    const loops = rng.next() < 0.15 ? 1 : 0;
    const actor = handler ?? recorder;

    let state: ComplaintState = { step: 1, valid: null, accepted: null };
    let at = received + rng.int(1, 6) * HOUR;
    let seq = 0;
    let looped = 0;
    const row: ComplaintsTable = {
      id, client_id: c.id, complainant_contact_id: c.contact_id, complainant_name: c.contact_name ?? '客户代表', received_at: iso(received),
      channel: rng.pick(COMPLAINT_CHANNELS), target_user_id: targetUser, target_matter_id: c.matter_id, content: topic.content, demands: topic.demands,
      statement: topic.statement, step: 1, stage: 'validity', steps_done: 0, valid: null, cause: null, responsible_user_id: null, accepted: null,
      handler_id: handler, recorded_by: recorder, stage_since: iso(at), closed_at: null, created_at: iso(at), updated_at: iso(at),
    };
    const push = (step: ComplaintStep, data: Record<string, unknown>, kind: string, by: string, summary: Record<string, unknown> = {}) => {
      seq++;
      steps.push({ id: rng.id(at), complaint_id: id, seq, step, data: JSON.stringify(data), actor_id: by, at: iso(at) });
      timeline.push({ id: rng.id(at), client_id: c.id, at: iso(at), kind, actor_id: by, data: JSON.stringify({ complaintId: id, step, ...summary }) });
    };
    push(1, { complainantName: row.complainant_name, receivedAt: row.received_at, channel: row.channel, targetUserId: targetUser, targetMatterId: c.matter_id }, 'complaint_recorded', recorder, { channel: row.channel });

    for (;;) {
      const next = nextStep(state);
      if (next === null || (recent && seq >= stopAt)) break;
      const when = at + rng.int(4, 24 * (next === 5 ? 10 : 3)) * HOUR;
      if (when > DEMO_NOW) break;
      at = when;
      const told = { toldAt: iso(at - HOUR), toldVia: rng.pick(['phone', 'email', 'in_person'] as const) };
      if (next === 2) {
        push(2, { valid, finding: rng.pick(valid ? FINDINGS_VALID : FINDINGS_INVALID), ...told }, 'complaint_validity_decided', actor, { valid });
        row.valid = valid ? 1 : 0;
        state = { step: 2, valid, accepted: null };
      } else if (next === 3) {
        const responsible = rng.next() < 0.85 ? targetUser : null;
        push(3, { responsibleUserId: responsible, cause: topic.cause, analysis: topic.content }, 'complaint_responsibility_identified', actor, { cause: topic.cause });
        row.cause = topic.cause;
        row.responsible_user_id = responsible;
        state = { ...state, step: 3 };
      } else if (next === 4) {
        push(4, { solution: rng.pick(SOLUTIONS), ...told }, 'complaint_solution_proposed', actor);
        row.accepted = null;
        state = { ...state, step: 4, accepted: null };
      } else if (next === 5) {
        const accepted = looped >= loops;
        if (!accepted) looped++;
        push(5, { accepted, note: accepted ? '客户确认接受解决方案，方案已实施' : rng.pick(REFUSALS), at: iso(at - HOUR) }, accepted ? 'complaint_solution_accepted' : 'complaint_renegotiated', actor);
        row.accepted = accepted ? 1 : 0;
        state = { ...state, step: 5, accepted };
      } else {
        push(6, { rootCause: topic.content, prevention: rng.pick(PREVENTIONS), action: valid ? rng.pick(ACTIONS) : null }, 'complaint_evaluated', actor);
        row.closed_at = iso(at);
        state = { ...state, step: 6 };
      }
    }
    Object.assign(row, { step: state.step, stage: stageOf(state), steps_done: seq, stage_since: iso(at), updated_at: iso(at) });
    complaints.push(row);
  }
  await db.transaction().execute(async (trx) => {
    await bulkInsert(trx, 'complaints', complaints);
    await bulkInsert(trx, 'complaint_steps', steps);
    await bulkInsert(trx, 'timeline_events', timeline);
  });
  return { complaints: complaints.length, steps: steps.length, timeline: timeline.length };
}
