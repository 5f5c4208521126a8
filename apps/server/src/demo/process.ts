// M-3, M-4: what the product writes around a demo matter as it moves along — its checklist, copied from
// its type's shipped template when it was opened and ticked off as the work went, and the service-standard
// obligations its status changes and the 15-minute standards job bring (standards.lifecycle.ts,
// standards.jobs.ts, standards.breaches.ts), with the same keys, due times and breach flags.
//
// - Checklist: every matter has its template's steps (the product copies them on creation). Closed
//   matters have all done by closing, open ones the steps due so far give or take one (earlier steps
//   first, the last never before closing), intake matters none.
// - Project timeline (key 'engagement'): every engaged matter, due by the end of the 3rd working day
//   after the engagement; mostly done on time, a few late (flagged as the job would) or still open.
//   One not yet due when the matter closed is done before closing or cancelled, as onClosed does.
// - Weekly briefs (key = the week's Monday): only the weeks from WEEKS_BACK Mondays ago onwards, for
//   matters in progress then — what the job would have created — so the job finds this and next week's
//   briefs already there (its insert does nothing on the key) and open future ones of closed matters
//   are cancelled.
// - Satisfaction survey (key 'closing'): matters closed in the last SURVEY_WINDOW days, due 7 days after
//   closing, with the survey task for the client's manager (else the lead lawyer).
// Every breach is flagged (breached_at) and notified (breach_notified_at) within the job's 15 minutes
// of its due time, and on the client's timeline, so the job and notifyBreaches find nothing left to do.
import { SURVEY_DAYS_AFTER_CLOSING, TIMELINE_WORKING_DAYS, type StandardKind } from '@retainer/shared';
import type { ClientsTable } from '../features/clients/clients.table.js';
import { SHIPPED_CALENDAR } from '../features/calendar/holidays.data.js';
import { buildCalendarTable, workingDayCalendar, type WorkingDayCalendar } from '../features/calendar/working-days.js';
import type { TasksTable } from '../features/interactions/interactions.table.js';
import { SHIPPED_CHECKLISTS } from '../features/matters/checklist-defaults.data.js';
import type { MatterChecklistStepsTable } from '../features/matters/matter-process.table.js';
import type { MatterMembersTable, MattersTable } from '../features/matters/matters.table.js';
import type { ServiceObligationsTable } from '../features/matters/standards.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { DAY_MS, DEMO_NOW, TODAY, dayOf, dayText, instantOn, iso } from './demo-time.js';
import type { DemoPeople } from './matters.js';
import type { Rng } from './random.js';

/** The firm's time zone (demo-time.ts: Asia/Shanghai, UTC+8 without DST). */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
/** Weekly briefs exist for the weeks from this many Mondays before this week's. */
export const WEEKS_BACK = 3;
/** Surveys for the matters closed within this many days before TODAY. */
export const SURVEY_WINDOW = 60;
const SURVEY_TASK_TITLE = '发送满意度调查';
/** The standards job runs every 15 minutes: a breach is flagged and notified within that of its due time. */
const JOB_MS = 15 * 60_000;
const HOUR = 3_600_000;

export type DemoProcess = {
  checklistSteps: MatterChecklistStepsTable[];
  obligations: ServiceObligationsTable[];
  tasks: TasksTable[];
  timeline: TimelineEventsTable[];
};

export type ProcessContext = { rng: Rng; people: DemoPeople; client: ClientsTable; matters: MattersTable[]; members: MatterMembersTable[] };

let calendar: WorkingDayCalendar | undefined;
/** The shipped holiday table (migration 0005 loads the same), in the firm's time zone. */
export function demoCalendar(): WorkingDayCalendar {
  return (calendar ??= workingDayCalendar(buildCalendarTable(SHIPPED_CALENDAR, SHIPPED_CALENDAR.flatMap((y) => y.days)), DEMO_TIME_ZONE));
}

// Due times by firm day, by the product's rules on its working-day calendar (a few thousand days, asked
// per matter, so each is worked out once, and in plain day arithmetic: the firm is on UTC+8 without DST).
/** The last millisecond of a firm day, as endOfFirmDay gives it in Asia/Shanghai. */
const endOfDay = (day: number) => (day + 1) * DAY_MS - 8 * HOUR - 1;
const dayNumber = (text: string) => Date.parse(`${text}T00:00:00.000Z`) / DAY_MS;

const timelineDues = new Map<number, number>();
/** M-4 (timelineDue): the project timeline is due by the end of the 3rd working day after the engagement day. */
export function timelineDueOf(engagedDay: number): number {
  let v = timelineDues.get(engagedDay);
  if (v === undefined) timelineDues.set(engagedDay, (v = endOfDay(dayNumber(demoCalendar().addWorkingDays(dayText(engagedDay), TIMELINE_WORKING_DAYS).date))));
  return v;
}
/** M-4 (surveyDue): by the end of the 7th calendar day after the closing day. */
const surveyDueOf = (closedDay: number) => ({ dueOn: dayText(closedDay + SURVEY_DAYS_AFTER_CLOSING), dueAt: endOfDay(closedDay + SURVEY_DAYS_AFTER_CLOSING) });
const briefDues = new Map<number, number | null>();
/** M-4 (briefsDue): the due instant of the brief of the week starting on that Monday, or null for a week without one. */
function briefDueOf(monday: number): number | null {
  let v = briefDues.get(monday);
  if (v === undefined) {
    const day = demoCalendar().briefDay(dayText(monday)).date;
    briefDues.set(monday, (v = day ? endOfDay(dayNumber(day)) : null));
  }
  return v;
}
/** Monday of a day number's week (day 0, 1970-01-01, was a Thursday). */
const mondayOfDay = (day: number) => day - ((day + 3) % 7);

type Steps = readonly { title: string; guidance: string; dueDays: number }[];
const TEMPLATES = SHIPPED_CHECKLISTS as Record<string, Steps>;

export function generateProcess(ctx: ProcessContext): DemoProcess {
  const out: DemoProcess = { checklistSteps: [], obligations: [], tasks: [], timeline: [] };
  const crew = new Map<string, string[]>();
  for (const mm of ctx.members) if (mm.role !== 'lead') crew.set(mm.matter_id, [...(crew.get(mm.matter_id) ?? []), mm.user_id]);
  for (const m of ctx.matters) {
    const doer = () => {
      const others = crew.get(m.id);
      return others && ctx.rng.next() < 0.35 ? ctx.rng.pick(others) : m.lead_lawyer_id;
    };
    addChecklist(ctx.rng, out, m, doer);
    if (m.engaged_at === null) continue;
    addTimeline(ctx.rng, out, m);
    addBriefs(ctx.rng, out, m);
    addSurvey(ctx, out, m);
  }
  return out;
}

/** When the matter closed (its closing event's instant), or null while open. */
const closingOf = (m: MattersTable) => (m.closed_on === null ? null : Date.parse(m.updated_at));

function addChecklist(rng: Rng, out: DemoProcess, m: MattersTable, doer: () => string) {
  const steps = TEMPLATES[m.type]!;
  const n = steps.length;
  const created = Date.parse(m.created_at);
  const opened = dayOf(created);
  const closing = closingOf(m);
  let done = 0;
  let stretch = 1;
  if (closing !== null) {
    done = n;
    // a matter closed sooner than its template runs did the steps faster
    const span = dayOf(closing) - opened;
    stretch = Math.min(1, span / Math.max(1, steps[n - 1]!.dueDays));
  } else if (m.status !== 'intake') {
    const elapsed = TODAY - opened;
    let due = 0;
    while (due < n && steps[due]!.dueDays <= elapsed) due++;
    const r = rng.next();
    done = Math.max(1, Math.min(n - 1, due + (r < 0.3 ? -1 : r > 0.85 ? 1 : 0)));
  }
  const latest = closing ?? DEMO_NOW;
  let prev = created;
  steps.forEach((s, k) => {
    let doneAt: number | null = null;
    if (k < done) {
      const day = closing !== null && k === n - 1 ? dayOf(closing) : opened + Math.round(s.dueDays * stretch) + rng.int(-2, 3);
      doneAt = Math.min(latest, Math.max(prev, created + 10 * 60_000, instantOn(day, rng.next())));
      prev = doneAt;
    }
    out.checklistSteps.push({
      id: rng.id(created), matter_id: m.id, position: k + 1, title: s.title, guidance: s.guidance, due_days: s.dueDays,
      done_at: doneAt === null ? null : iso(doneAt), done_by: doneAt === null ? null : doer(), note: null, created_at: m.created_at,
    });
  });
}

type Outcome = { status: ServiceObligationsTable['status']; doneAt?: number; breachedAt?: number; updatedAt?: number };

/** An obligation as the product leaves it, with its breach on the timeline when there is one. */
function addObligation(
  rng: Rng,
  out: DemoProcess,
  m: MattersTable,
  o: { kind: StandardKind; key: string; dueAt: number; createdAt: number; doneBy: string | null; taskId?: string; note?: string | null },
  r: Outcome,
) {
  const id = rng.id(o.createdAt);
  const due = iso(o.dueAt);
  const breached = r.breachedAt === undefined ? null : iso(r.breachedAt);
  const updated = Math.max(o.createdAt, r.updatedAt ?? 0, r.doneAt ?? 0, r.breachedAt ?? 0);
  out.obligations.push({
    id, matter_id: m.id, kind: o.kind, key: o.key, due_at: due, done_at: r.doneAt === undefined ? null : iso(r.doneAt), status: r.status,
    breached_at: breached, breach_notified_at: breached, note: r.status === 'done' ? (o.note ?? null) : null, task_id: o.taskId ?? null,
    done_by: r.status === 'done' ? o.doneBy : null, created_at: iso(o.createdAt), updated_at: iso(updated),
  });
  if (breached) {
    out.timeline.push({
      id: rng.id(r.breachedAt!), client_id: m.client_id, at: breached, kind: 'standard_breached', actor_id: null,
      data: JSON.stringify({ matterId: m.id, title: m.title, obligationId: id, standard: o.kind, dueAt: due }),
    });
  }
}

/** The job's flag: within 15 minutes of the due time, never after the demo's now. */
const flagged = (rng: Rng, dueAt: number) => Math.min(DEMO_NOW, dueAt + rng.int(1, JOB_MS));

/** An instant in working hours between two instants (clamped to them). */
function between(rng: Rng, from: number, to: number): number {
  const day = dayOf(from) + rng.int(0, Math.max(0, dayOf(to) - dayOf(from)));
  return Math.max(from, Math.min(to, instantOn(day, rng.next(), 9, 20)));
}

type Shares = { onTime: number; open: number; lateDays: number };

/**
 * Due within the matter's life (before `end`): done on time, else (open matters only) still open, else
 * done late; every breach flagged by the job.
 */
function pastDue(rng: Rng, from: number, dueAt: number, end: number, canStayOpen: boolean, s: Shares): Outcome {
  const r = rng.next();
  if (r < s.onTime) return { status: 'done', doneAt: between(rng, from, dueAt) };
  const breachedAt = flagged(rng, dueAt);
  const last = Math.min(end, DEMO_NOW, dueAt + s.lateDays * DAY_MS);
  if ((canStayOpen && r >= 1 - s.open) || last - dueAt < 2 * 60_000) return { status: 'open', breachedAt };
  return { status: 'done', doneAt: between(rng, dueAt + 60_000, last), breachedAt };
}

const TIMELINE_NOTES = ['已向客户发送项目时间表', '工作计划已邮件发送客户', '已与客户确认办案时间表'];

function addTimeline(rng: Rng, out: DemoProcess, m: MattersTable) {
  const engaged = Date.parse(m.engaged_at!);
  const dueAt = timelineDueOf(dayOf(engaged));
  const closing = closingOf(m);
  const end = closing ?? DEMO_NOW;
  let r: Outcome;
  if (dueAt <= end) r = pastDue(rng, engaged, dueAt, end, closing === null, { onTime: 0.9, open: 0.03, lateDays: 5 });
  else if (rng.next() < (closing === null ? 0.5 : 0.7)) r = { status: 'done', doneAt: between(rng, engaged, end) };
  else r = closing === null ? { status: 'open' } : { status: 'cancelled', updatedAt: closing };
  const note = rng.next() < 0.4 ? rng.pick(TIMELINE_NOTES) : null;
  addObligation(rng, out, m, { kind: 'project_timeline', key: 'engagement', dueAt, createdAt: engaged, doneBy: m.lead_lawyer_id, note }, r);
}

function addBriefs(rng: Rng, out: DemoProcess, m: MattersTable) {
  if (m.status !== 'in_progress' && m.status !== 'closed') return;
  // in progress from a week after the engagement (an engaged matter turns in progress within 7 days)
  const start = dayOf(Date.parse(m.engaged_at!)) + 7;
  const closing = closingOf(m);
  const endDay = closing === null ? TODAY : dayOf(closing);
  const first = mondayOfDay(TODAY) - 7 * WEEKS_BACK;
  if (endDay < first || start > endDay) return;
  const end = closing ?? DEMO_NOW;
  // the job makes this and next week's brief, so the week after the last one in progress exists too
  for (let monday = Math.max(first, mondayOfDay(start)); monday <= mondayOfDay(endDay) + 7; monday += 7) {
    const dueAt = briefDueOf(monday);
    // a week whose brief day had passed when the matter went in progress is never created
    if (dueAt === null || dayOf(dueAt) < start) continue;
    const createdAt = Math.min(DEMO_NOW, instantOn(Math.max(monday - 7, start), rng.next(), 8, 10));
    let r: Outcome;
    if (dueAt > end) r = closing === null ? { status: 'open' } : { status: 'cancelled', updatedAt: closing };
    else r = pastDue(rng, Math.max(createdAt, dueAt - 2 * DAY_MS), dueAt, end, closing === null, { onTime: 0.9, open: 0.03, lateDays: 3 });
    addObligation(rng, out, m, { kind: 'weekly_brief', key: dayText(monday), dueAt, createdAt, doneBy: m.lead_lawyer_id }, r);
  }
}

function addSurvey({ rng, people, client }: ProcessContext, out: DemoProcess, m: MattersTable) {
  const closing = closingOf(m);
  if (closing === null || dayOf(closing) < TODAY - SURVEY_WINDOW) return;
  const { dueOn, dueAt } = surveyDueOf(dayOf(closing));
  let r: Outcome;
  if (dueAt < DEMO_NOW) r = pastDue(rng, closing + HOUR, dueAt, DEMO_NOW, true, { onTime: 0.7, open: 0.15, lateDays: 10 });
  else r = rng.next() < 0.4 && DEMO_NOW - closing > HOUR ? { status: 'done', doneAt: between(rng, closing + HOUR, DEMO_NOW) } : { status: 'open' };
  // the client's manager sends it when there is an active one, else the lead lawyer (surveyAssignee)
  const assignee = client.manager_id && people.byId.has(client.manager_id) ? client.manager_id : m.lead_lawyer_id;
  const task: TasksTable = {
    id: rng.id(closing), client_id: m.client_id, interaction_id: null, title: `${SURVEY_TASK_TITLE}：${m.title}`.slice(0, 200), due_on: dueOn,
    assignee_id: assignee, status: r.status === 'done' ? 'done' : 'open', done_at: r.status === 'done' ? iso(r.doneAt!) : null,
    created_by: m.lead_lawyer_id, created_at: iso(closing),
  };
  out.tasks.push(task);
  addObligation(rng, out, m, { kind: 'satisfaction_survey', key: 'closing', dueAt, createdAt: closing, doneBy: assignee, taskId: task.id }, r);
}
