// Issue 7 item 6 (V-1..V-4): the demo's surveys. A satisfaction survey after each closed matter (sent when
// the matter's M-4 survey obligation was done, or a few days after older closings), return-visit surveys
// recorded by the secretary (satisfaction and the needs form) for a small share of active clients.
// Most links are answered (scores mostly 4–5, some ≤ 3 with their follow-up task), some expired unanswered,
// the latest still open. Needs answers become needs-archive items; a few improvement items follow low
// scores. Deterministic (seeded random over rows in id order), bulk-inserted, nothing after DEMO_NOW.
import { createHash } from 'node:crypto';
import type { Answers, Question, SurveyKind } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NeedsTable, TasksTable } from '../features/interactions/interactions.table.js';
import type { ImprovementItemsTable, SurveyResponsesTable, SurveysTable } from '../features/surveys/surveys.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { DAY_MS, DEMO_NOW, dayOf, dayText, iso } from './demo-time.js';
import { DEMO_SEED } from './firm.js';
import { Rng } from './random.js';
import { bulkInsert } from '../db/bulk-insert.js';

/** Share of active clients with a recorded return-visit survey this year. */
export const RETURN_VISIT_SHARE = 0.04;
const HOUR = 3_600_000;
const LINK_DAYS = 30;
/** Older closings predate the firm's survey practice: no survey. */
const SURVEYS_SINCE = dayText(dayOf(DEMO_NOW) - 730);

type Template = { id: string; kind: SurveyKind; name: string; intro: string; version: number; questions: string };
type Target = {
  client_id: string;
  client_name: string;
  owner_id: string;
  manager_id: string | null;
  team_id: string | null;
  contact_id: string | null;
  matter_id: string | null;
  matter_type: string | null;
  lead_lawyer_id: string | null;
  matter_title?: string;
};
type Out = { surveys: SurveysTable[]; responses: SurveyResponsesTable[]; tasks: TasksTable[]; needs: NeedsTable[]; items: ImprovementItemsTable[]; timeline: TimelineEventsTable[] };

const COMMENTS = ['律师很专业，沟通及时', '希望进展通报更频繁一些', '收费略高，但结果满意', '响应速度很快，点赞', '文书质量高，解释清楚', '希望能多提供一些行业法律资讯', ''];
const LOW_COMMENTS = ['回复不够及时，经常要催', '对结果不太满意，希望事前多沟通风险', '费用超出预期，事先说明不够', '承办律师更换较频繁'];
const IMPROVEMENTS = [
  { title: '缩短回复时间', change: '咨询 2 小时内首次回复，合同审查 24 小时内给出初步意见，由团队负责人每周抽查' },
  { title: '加强进展通报', change: '诉讼案件每周五发送工作简报，重大节点当天电话告知' },
  { title: '费用事先说明', change: '委托前书面说明收费方式和预估总额，超出 10% 先征得客户同意' },
  { title: '固定服务团队', change: '常年顾问客户固定主办律师和助理，人员变动提前告知并做好交接' },
];

/** V-3 spread: mostly 4–5, some ≤ 3; the other items near the overall score; recommend follows it. */
function satisfactionAnswers(rng: Rng): Answers {
  const u = rng.next();
  const overall = u < 0.5 ? 5 : u < 0.83 ? 4 : u < 0.94 ? 3 : u < 0.98 ? 2 : 1;
  const near = () => Math.max(1, Math.min(5, overall + (rng.next() < 0.6 ? 0 : rng.next() < 0.5 ? -1 : 1)));
  const recommend = overall === 5 ? rng.int(8, 10) : overall === 4 ? rng.int(7, 9) : overall === 3 ? rng.int(4, 7) : rng.int(0, 5);
  const comments = overall <= 3 ? rng.pick(LOW_COMMENTS) : rng.pick(COMMENTS);
  return { competence: near(), responsiveness: near(), communication: near(), outcome: near(), value: near(), overall, recommend, ...(comments ? { comments } : {}) };
}

function needsAnswers(rng: Rng, questions: Question[]): Answers {
  const opts = (key: string) => questions.find((q) => q.key === key)?.options.map((o) => o.value) ?? [];
  const some = (values: string[], max: number) => [...new Set(Array.from({ length: rng.int(1, max) }, () => rng.pick(values)))];
  const areas = opts('areas');
  const plans = opts('plans');
  const modes = opts('service_mode');
  return {
    ...(areas.length ? { areas: some(areas, 3) } : {}),
    ...(plans.length && rng.next() < 0.6 ? { plans: some(plans, 2) } : {}),
    ...(modes.length ? { service_mode: rng.pick(modes) } : {}),
  };
}

export async function seedSurveys(db: Kysely<Database>, seed = DEMO_SEED) {
  const templates = (await db.selectFrom('survey_templates').selectAll().orderBy('id').execute()) as Template[];
  const sat = templates.find((x) => x.kind === 'satisfaction');
  const needsTpl = templates.find((x) => x.kind === 'needs');
  const empty = { surveys: 0, responses: 0, tasks: 0, needs: 0, improvements: 0, timeline: 0 };
  if (!sat || !needsTpl) return empty;
  // closed matters: when the M-4 survey obligation was done (and by whom), else the closing day
  const closed = await db
    .selectFrom('matters')
    .innerJoin('clients', 'clients.id', 'matters.client_id')
    .leftJoin('service_obligations as o', (j) => j.onRef('o.matter_id', '=', 'matters.id').on('o.kind', '=', 'satisfaction_survey'))
    .select([
      'matters.id as matter_id', 'matters.title as matter_title', 'matters.type as matter_type', 'matters.lead_lawyer_id', 'matters.closed_on', 'matters.client_id', 'clients.name as client_name',
      'clients.owner_id', 'clients.manager_id', 'clients.team_id', 'o.status as o_status', 'o.done_at as o_done_at', 'o.done_by as o_done_by',
    ])
    .where('matters.status', '=', 'closed')
    .orderBy('matters.id')
    .execute();
  const active = await db
    .selectFrom('clients')
    .select(['id as client_id', 'name as client_name', 'owner_id', 'manager_id', 'team_id'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const secretaries = (await db.selectFrom('users').select('id').where('role', '=', 'secretary').where('active', '=', 1).orderBy('email').execute()).map((u) => u.id);
  const clientIds = [...new Set([...closed.map((m) => m.client_id), ...active.map((c) => c.client_id)])];
  const contacts = new Map<string, string>();
  for (let i = 0; i < clientIds.length; i += 5_000) {
    const rows = await db
      .selectFrom('contacts')
      .select((eb) => ['client_id', eb.fn.min('id').as('id')])
      .where('client_id', 'in', clientIds.slice(i, i + 5_000))
      .groupBy('client_id')
      .execute();
    for (const r of rows) contacts.set(r.client_id, r.id as string);
  }

  const rng = new Rng((seed ^ 0x5a7_15f) >>> 0);
  const out: Out = { surveys: [], responses: [], tasks: [], needs: [], items: [], timeline: [] };
  for (const m of closed) {
    let sentAt: number;
    let sender: string;
    if (m.o_status === 'done' && m.o_done_at) {
      sentAt = Date.parse(m.o_done_at);
      sender = m.o_done_by ?? m.lead_lawyer_id;
    } else if (m.o_status === null && m.closed_on && m.closed_on >= SURVEYS_SINCE && rng.next() < 0.7) {
      sentAt = Date.parse(`${m.closed_on}T02:00:00.000Z`) + rng.int(1, 6) * DAY_MS + rng.int(0, 6) * HOUR;
      sender = m.manager_id ?? m.lead_lawyer_id;
    } else continue;
    if (sentAt > DEMO_NOW) continue;
    const target: Target = { ...m, contact_id: contacts.get(m.client_id) ?? null };
    build(rng, out, sat, target, sentAt, sender, 'link');
  }
  const visits = Math.round(active.length * RETURN_VISIT_SHARE);
  for (let n = 0; n < visits && secretaries.length; n++) {
    const c = active[Math.floor(rng.next() * active.length)]!;
    const at = Math.min(DEMO_NOW - HOUR, (dayOf(DEMO_NOW) - rng.int(1, 330)) * DAY_MS + rng.int(1, 9) * HOUR);
    const target: Target = { ...c, contact_id: contacts.get(c.client_id) ?? null, matter_id: null, matter_type: null, lead_lawyer_id: null };
    build(rng, out, rng.next() < 0.55 ? sat : needsTpl, target, at, rng.pick(secretaries), 'recorded');
  }
  // needs forms by link to some active clients (answered or still open)
  for (let n = 0; n < Math.max(3, Math.round(visits / 3)); n++) {
    const c = active[Math.floor(rng.next() * active.length)];
    if (!c) break;
    const at = Math.min(DEMO_NOW - HOUR, (dayOf(DEMO_NOW) - rng.int(0, 200)) * DAY_MS + rng.int(1, 9) * HOUR);
    build(rng, out, needsTpl, { ...c, contact_id: contacts.get(c.client_id) ?? null, matter_id: null, matter_type: null, lead_lawyer_id: null }, at, c.manager_id ?? c.owner_id, 'link');
  }

  await bulkInsert(db, 'surveys', out.surveys);
  await bulkInsert(db, 'tasks', out.tasks);
  await bulkInsert(db, 'survey_responses', out.responses);
  await bulkInsert(db, 'needs', out.needs);
  await bulkInsert(db, 'improvement_items', out.items);
  await bulkInsert(db, 'timeline_events', out.timeline);
  return { surveys: out.surveys.length, responses: out.responses.length, tasks: out.tasks.length, needs: out.needs.length, improvements: out.items.length, timeline: out.timeline.length };
}

function build(rng: Rng, out: Out, tpl: Template, c: Target, sentAt: number, sender: string, channel: 'link' | 'recorded') {
  const id = rng.id(sentAt);
  const questions = JSON.parse(tpl.questions) as Question[];
  const event = (at: number, kind: TimelineEventsTable['kind'], actor: string | null, data: Record<string, unknown>) =>
    out.timeline.push({ id: rng.id(at), client_id: c.client_id, at: iso(at), kind, actor_id: actor, data: JSON.stringify(data) });
  // link surveys: mostly answered within 10 days; the rest expire after 30 days (or are still open)
  // answered in the daytime (08:00–22:00 local) of one of the next ten days
  const answeredAt = channel === 'recorded' ? sentAt + 5 * 60_000 : rng.next() < 0.72 ? Math.max(sentAt + HOUR, (dayOf(sentAt) + rng.int(0, 10)) * DAY_MS + rng.int(0, 14 * 60) * 60_000) : null;
  const answered = answeredAt !== null && answeredAt <= DEMO_NOW ? answeredAt : null;
  const opened = answered ?? (rng.next() < 0.4 ? Math.min(DEMO_NOW, sentAt + rng.int(1, 72) * HOUR) : null);
  const survey: SurveysTable = {
    id,
    template_id: tpl.id,
    kind: tpl.kind,
    template_version: tpl.version,
    title: tpl.name,
    client_id: c.client_id,
    contact_id: c.contact_id,
    matter_id: c.matter_id,
    channel,
    // the demo's links are not meant to be opened: the hash of a token nobody holds
    token_hash: channel === 'link' ? createHash('sha256').update(`demo-survey-${id}`).digest('hex') : null,
    status: answered ? 'answered' : 'sent',
    expires_at: channel === 'link' ? iso(sentAt + LINK_DAYS * DAY_MS) : null,
    opened_at: opened === null ? null : iso(opened),
    answered_at: answered === null ? null : iso(answered),
    sent_by: sender,
    created_at: iso(sentAt),
  };
  out.surveys.push(survey);
  event(sentAt, 'survey_sent', sender, { surveyId: id, kind: tpl.kind, title: tpl.name, channel, matterId: c.matter_id, matterTitle: c.matter_title ?? null, expiresAt: survey.expires_at });
  if (answered === null) return;

  const answers = tpl.kind === 'satisfaction' ? satisfactionAnswers(rng) : needsAnswers(rng, questions);
  const overall = typeof answers.overall === 'number' ? answers.overall : null;
  const recommend = typeof answers.recommend === 'number' ? answers.recommend : null;
  const responseId = rng.id(answered);
  const response: SurveyResponsesTable = {
    id: responseId,
    survey_id: id,
    kind: tpl.kind,
    client_id: c.client_id,
    matter_id: c.matter_id,
    matter_type: c.matter_type,
    lawyer_id: c.lead_lawyer_id ?? c.owner_id,
    team_id: c.team_id,
    mode: channel,
    answers: JSON.stringify(answers),
    overall,
    score: overall === null ? null : overall * 20,
    recommend,
    submitted_at: iso(answered),
    recorded_by: channel === 'recorded' ? sender : null,
    task_id: null,
  };
  const day = dayOf(answered);
  if (overall !== null && overall <= 3) {
    // V-4: the follow-up task, done within days unless it is recent
    const taskId = rng.id(answered);
    const doneAt = answered + rng.int(1, 4) * DAY_MS;
    out.tasks.push({
      id: taskId,
      client_id: c.client_id,
      interaction_id: null,
      title: `跟进低分满意度调查：${c.client_name}（${overall * 20} 分）`.slice(0, 200),
      due_on: dayText(day + 3),
      assignee_id: c.manager_id ?? c.owner_id,
      status: doneAt <= DEMO_NOW - DAY_MS ? 'done' : 'open',
      done_at: doneAt <= DEMO_NOW - DAY_MS ? iso(doneAt) : null,
      created_by: sender,
      created_at: iso(answered),
    });
    response.task_id = taskId;
    if (rng.next() < 0.35) {
      const imp = rng.pick(IMPROVEMENTS);
      const createdAt = Math.min(DEMO_NOW, answered + rng.int(1, 5) * DAY_MS);
      const age = DEMO_NOW - createdAt;
      const status = age > 60 * DAY_MS ? 'done' : age > 14 * DAY_MS ? 'in_progress' : 'planned';
      const toldAt = status === 'done' ? Math.min(DEMO_NOW, createdAt + rng.int(20, 50) * DAY_MS) : null;
      out.items.push({
        id: rng.id(createdAt),
        client_id: c.client_id,
        response_id: responseId,
        title: imp.title,
        change: imp.change,
        owner_id: c.lead_lawyer_id ?? c.owner_id,
        due_on: dayText(dayOf(createdAt) + 30),
        status,
        client_told: toldAt ? 1 : 0,
        client_told_at: toldAt ? iso(toldAt) : null,
        created_by: c.manager_id ?? sender,
        created_at: iso(createdAt),
        updated_at: iso(toldAt ?? createdAt),
      });
    }
  }
  out.responses.push(response);
  event(answered, 'survey_answered', channel === 'recorded' ? sender : null, { surveyId: id, responseId, kind: tpl.kind, title: tpl.name, mode: channel, score: response.score, recommend });
  if (tpl.kind === 'needs') {
    const label = (key: string, v: string) => questions.find((q) => q.key === key)?.options.find((o) => o.value === v)?.label ?? v;
    const list = (key: string) => (Array.isArray(answers[key]) ? (answers[key] as string[]) : []);
    const items = [
      ...list('areas').map((v) => ({ area: label('areas', v), description: `法律服务需求表：需要${label('areas', v)}方面的法律服务` })),
      ...list('plans').map((v) => ({ area: label('plans', v), description: `法律服务需求表：业务计划「${label('plans', v)}」` })),
    ];
    for (const n of items) {
      const age = DEMO_NOW - answered;
      const u = rng.next();
      const status = age < 30 * DAY_MS || u < 0.5 ? 'open' : u < 0.75 ? 'offered' : u < 0.9 ? 'won' : 'declined';
      const needId = rng.id(answered);
      out.needs.push({ id: needId, client_id: c.client_id, area: n.area.slice(0, 50), description: n.description, source: 'survey', source_id: responseId, status, created_by: sender, created_at: iso(answered), updated_at: iso(answered) });
      event(answered, 'need_added', sender, { needId, area: n.area, description: n.description, source: 'survey' });
    }
  }
}
