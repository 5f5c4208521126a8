import type { Answers, ResponseRecord, Role, SurveyKind, SurveyResponseDetail } from '@retainer/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { AppError, Conflict, NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { addDays } from '../../plugins/days.js';
import { insertNeeds } from '../interactions/needs.service.js';
import { insertTasks } from '../interactions/tasks.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { readResponse } from './responses.service.js';
import { checkAnswers, figuresOf, isLow } from './surveys.answers.js';
import { actorOf, insertSurvey, questionsOf, statusOf, surveysOf, tokenHash, withQuestions, type SurveyDeps, type SurveyRow } from './surveys.service.js';
import type { SurveyResponsesTable } from './surveys.table.js';

type Trx = Transaction<Database>;
type Survey = SurveyRow;

const USED = { 'zh-CN': '该问卷已提交，感谢您的反馈', 'en-US': 'This survey has already been answered' };
const EXPIRED = { 'zh-CN': '该问卷链接已过期', 'en-US': 'This survey link has expired' };

/** V-4: the person a low score goes to: the client manager, else the owner (active ones), else whoever acts. */
async function followUpAssignee(trx: Trx, clientId: string, fallback: string): Promise<string> {
  const c = await trx
    .selectFrom('clients')
    .leftJoin('users as manager', 'manager.id', 'clients.manager_id')
    .leftJoin('users as owner', 'owner.id', 'clients.owner_id')
    .select(['manager.id as manager_id', 'manager.active as manager_active', 'owner.id as owner_id', 'owner.active as owner_active'])
    .where('clients.id', '=', clientId)
    .executeTakeFirstOrThrow();
  if (c.manager_id && c.manager_active === 1) return c.manager_id;
  if (c.owner_id && c.owner_active === 1) return c.owner_id;
  return fallback;
}

/** V-4: needs-form choices become needs-archive items (I-3), one per area and per plan. */
function needsFrom(survey: Survey, answers: Answers): { area: string; description: string }[] {
  const questions = questionsOf(survey);
  const label = (key: string, value: string) => questions.find((q) => q.key === key)?.options.find((o) => o.value === value)?.label ?? value;
  const note = typeof answers.plans_note === 'string' ? answers.plans_note : '';
  const mode = typeof answers.service_mode === 'string' ? `；希望的服务方式：${label('service_mode', answers.service_mode)}` : '';
  const list = (key: string) => (Array.isArray(answers[key]) ? (answers[key] as string[]) : []);
  return [
    ...list('areas').map((v) => ({ area: label('areas', v).slice(0, 50), description: `法律服务需求表：需要${label('areas', v)}方面的法律服务${mode}` })),
    ...list('plans').map((v) => ({ area: label('plans', v).slice(0, 50), description: `法律服务需求表：业务计划「${label('plans', v)}」${note ? `。${note}` : ''}`.slice(0, 1000) })),
  ];
}

/** Who a response is counted for (V-3): the matter's lead lawyer, else the client's owner; the client's team. */
async function attribution(trx: Trx, survey: Survey) {
  const client = await trx.selectFrom('clients').select(['name', 'owner_id', 'team_id']).where('id', '=', survey.client_id).executeTakeFirstOrThrow();
  const matter = survey.matter_id ? await trx.selectFrom('matters').select(['type', 'lead_lawyer_id']).where('id', '=', survey.matter_id).executeTakeFirst() : undefined;
  return { client, lawyerId: matter?.lead_lawyer_id ?? client.owner_id, teamId: client.team_id, matterType: matter?.type ?? null };
}

/**
 * V-2..V-4: stores the answers of a survey, once. The survey is claimed with a conditional update, so a
 * second submission (even a simultaneous one) writes nothing and answers 409. Then the timeline, the
 * low-score task and the needs, all in the caller's transaction.
 */
async function storeAnswers(trx: Trx, deps: SurveyDeps, ctx: Ctx, survey: Survey, given: Answers, mode: 'link' | 'recorded'): Promise<string> {
  const actor = actorOf(ctx);
  const { answers, errors } = checkAnswers(questionsOf(survey), given, mode === 'link' ? 'zh-CN' : actor.locale);
  if (errors.length) throw new ValidationFailed(errors);
  const now = deps.clock.now();
  const claimed = await trx
    .updateTable('surveys')
    .set({ status: 'answered', answered_at: now.toISOString() })
    .where('id', '=', survey.id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new Conflict(USED, { reason: 'answered' });
  const who = await attribution(trx, survey);
  const figures = figuresOf(survey.kind as SurveyKind, answers);
  const row: SurveyResponsesTable = {
    id: newId(now.getTime()),
    survey_id: survey.id,
    kind: survey.kind,
    client_id: survey.client_id,
    matter_id: survey.matter_id,
    matter_type: who.matterType,
    lawyer_id: who.lawyerId,
    team_id: who.teamId,
    mode,
    answers: JSON.stringify(answers),
    ...figures,
    submitted_at: now.toISOString(),
    recorded_by: mode === 'recorded' ? actor.id : null,
    task_id: null,
  };
  if (isLow(figures.overall)) {
    const assigneeId = await followUpAssignee(trx, survey.client_id, actor.id);
    const dueOn = addDays(firmDay(now, deps.timeZone), 3);
    const title = `跟进低分满意度调查：${who.client.name}（${figures.score} 分）`.slice(0, 200);
    const [taskId] = await insertTasks(trx, deps.clock, ctx, { clientId: survey.client_id, clientName: who.client.name, interactionId: null }, [
      { title, dueOn, assigneeId },
    ]);
    row.task_id = taskId ?? null;
  }
  await trx.insertInto('survey_responses').values(row).execute();
  await recordAudit(trx, ctx, deps.clock, { action: 'create', entity: 'survey_response', entityId: row.id, after: { ...row, answers: undefined } });
  await addTimelineEvent(trx, deps.clock, {
    clientId: survey.client_id,
    kind: 'survey_answered',
    actorId: mode === 'recorded' ? actor.id : null,
    data: { surveyId: survey.id, responseId: row.id, kind: survey.kind, title: survey.title, mode, score: row.score, recommend: row.recommend },
  });
  if (survey.kind === 'needs') {
    const items = needsFrom(survey, answers);
    if (items.length) await insertNeeds(trx, deps.clock, ctx, survey.client_id, items, { source: 'survey', sourceId: row.id });
  }
  return row.id;
}

/** The survey behind a personal link; forged → 404, answered → 409, expired → 410. Nothing is written. */
async function surveyByToken(trx: Trx, deps: SurveyDeps, token: string): Promise<Survey> {
  const survey = await withQuestions(trx).selectAll('surveys').select(['v.questions', 'v.intro']).where('surveys.token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!survey) throw new NotFound();
  const status = statusOf(survey, deps.clock.now().toISOString());
  if (status === 'answered') throw new Conflict(USED, { reason: 'answered' });
  if (status === 'expired') throw new AppError('gone', 410, EXPIRED, { reason: 'expired' });
  return survey;
}

/** Public (no login): the questions of a valid link; the first view marks it opened. */
export async function openByToken(deps: SurveyDeps, token: string) {
  return deps.db.transaction().execute(async (trx) => {
    const survey = await surveyByToken(trx, deps, token);
    if (!survey.opened_at) await trx.updateTable('surveys').set({ opened_at: deps.clock.now().toISOString() }).where('id', '=', survey.id).execute();
    const names = await trx
      .selectFrom('clients')
      .leftJoin('contacts', (j) => j.on('contacts.id', '=', survey.contact_id))
      .leftJoin('matters', (j) => j.on('matters.id', '=', survey.matter_id))
      .select(['clients.name as client_name', 'contacts.name as contact_name', 'matters.title as matter_title'])
      .where('clients.id', '=', survey.client_id)
      .executeTakeFirstOrThrow();
    return {
      kind: survey.kind,
      title: survey.title,
      intro: survey.intro,
      clientName: names.client_name,
      contactName: names.contact_name,
      matterTitle: names.matter_title,
      expiresAt: survey.expires_at,
      questions: questionsOf(survey),
    };
  });
}

/** Public (no login): the one submission of a link. The loop's task and needs are written as the survey's sender. */
export async function answerByToken(deps: SurveyDeps, token: string, answers: Answers, ip: string | null) {
  return deps.db.transaction().execute(async (trx) => {
    const survey = await surveyByToken(trx, deps, token);
    const u = await trx.selectFrom('users').select(['id', 'name', 'role', 'team_id', 'locale']).where('id', '=', survey.sent_by).executeTakeFirstOrThrow();
    const sender: Actor = { id: u.id, name: u.name, role: u.role as Role, teamId: u.team_id, locale: u.locale };
    await storeAnswers(trx, deps, { actor: sender, ip }, survey, answers, 'link');
    return { ok: true as const, kind: survey.kind };
  });
}

/** V-2: answers given on a return visit, recorded by the secretary (or anyone who may log interactions). */
export async function recordResponse(deps: SurveyDeps, ctx: Ctx, input: ResponseRecord): Promise<SurveyResponseDetail> {
  const actor = actorOf(ctx);
  const id = await deps.db.transaction().execute(async (trx) => {
    let survey: Survey;
    if (input.surveyId) {
      const row = await surveysOf(trx, actor).where('surveys.id', '=', input.surveyId).executeTakeFirst();
      if (!row) throw new NotFound();
      survey = row;
    } else {
      const missing = (['templateId', 'clientId'] as const).filter((k) => !input[k]);
      if (missing.length) throw new ValidationFailed(missing.map((field) => ({ field, message: actor.locale === 'zh-CN' ? '必填' : 'Required' })));
      const made = await insertSurvey(trx, deps, ctx, { templateId: input.templateId!, clientId: input.clientId!, contactId: input.contactId, matterId: input.matterId }, 'recorded');
      survey = made.row;
    }
    return storeAnswers(trx, deps, ctx, survey, input.answers, 'recorded');
  });
  return readResponse(deps, actor, id);
}
