import { createHash, randomBytes } from 'node:crypto';
import type { Question, Survey, SurveyCreate, SurveyDetail, SurveySent, SurveyStatus } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { Forbidden, NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { seesFees, visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { visibleMatterOr404 } from '../matters/matters.service.js';
import { completeSurveyObligation } from '../matters/standards.write.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import type { SurveysTable } from './surveys.table.js';

type Db = Kysely<Database>;
export type SurveyDeps = { db: Db; clock: Clock; timeZone: string };
/** A survey with the questions and intro of the template version it was sent with. */
export type SurveyRow = Selectable<SurveysTable> & { questions: string; intro: string };
type Row = SurveyRow & {
  client_name: string;
  contact_name: string | null;
  matter_title: string | null;
  sent_by_name: string | null;
  response_id: string | null;
  response_score: number | null;
};

export const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** Only the SHA-256 of a link's token is kept (like the calendar feed). */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
// 32 random bytes = 256 bits, URL-safe (43 characters)
const newToken = () => randomBytes(32).toString('base64url');
export const surveyPath = (token: string) => `/s/${token}`;

export function statusOf(r: Pick<SurveysTable, 'status' | 'expires_at' | 'opened_at'>, now: string): SurveyStatus {
  if (r.status === 'answered') return 'answered';
  if (r.expires_at && r.expires_at <= now) return 'expired';
  return r.opened_at ? 'opened' : 'sent';
}

const fieldError = (actor: Actor, field: string, zh: string, en: string) => new ValidationFailed([{ field, message: actor.locale === 'zh-CN' ? zh : en }]);

function toSurvey(r: Row, now: string, actor: Actor): Survey {
  return {
    id: r.id,
    templateId: r.template_id,
    kind: r.kind,
    title: r.title,
    templateVersion: r.template_version,
    clientId: r.client_id,
    clientName: r.client_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    // secretaries see surveys, not matters
    matterId: seesFees(actor) ? r.matter_id : null,
    matterTitle: seesFees(actor) ? r.matter_title : null,
    channel: r.channel,
    status: statusOf(r, now),
    expiresAt: r.expires_at,
    openedAt: r.opened_at,
    answeredAt: r.answered_at,
    responseId: r.response_id,
    score: r.response_score,
    sentBy: r.sent_by,
    sentByName: r.sent_by_name,
    createdAt: r.created_at,
  };
}

/** Surveys joined to their template version (the questions as sent). */
export function withQuestions(db: Db) {
  return db
    .selectFrom('surveys')
    .innerJoin('survey_template_versions as v', (j) => j.onRef('v.template_id', '=', 'surveys.template_id').onRef('v.version', '=', 'surveys.template_version'));
}

export function surveysOf(db: Db, actor: Actor | null) {
  const q = withQuestions(db)
    .innerJoin('clients', 'clients.id', 'surveys.client_id')
    .leftJoin('contacts', 'contacts.id', 'surveys.contact_id')
    .leftJoin('matters', 'matters.id', 'surveys.matter_id')
    .leftJoin('users as sender', 'sender.id', 'surveys.sent_by')
    .leftJoin('survey_responses', 'survey_responses.survey_id', 'surveys.id')
    .selectAll('surveys')
    .select([
      'v.questions',
      'v.intro',
      'clients.name as client_name',
      'contacts.name as contact_name',
      'matters.title as matter_title',
      'sender.name as sent_by_name',
      'survey_responses.id as response_id',
      'survey_responses.score as response_score',
    ]);
  return actor ? q.where(visibleTo(actor) as never) : q;
}

/** The survey's client, contact and matter, checked against the actor's visibility. */
async function checkTarget(trx: Transaction<Database>, actor: Actor, input: { clientId: string; contactId?: string | null | undefined; matterId?: string | null | undefined }) {
  const client = await visibleClientOr404(trx, actor, input.clientId);
  if (input.contactId) {
    const c = await trx.selectFrom('contacts').select('client_id').where('id', '=', input.contactId).executeTakeFirst();
    if (c?.client_id !== client.id) throw fieldError(actor, 'contactId', '联系人不属于此客户', 'This contact does not belong to the client');
  }
  let matter = null;
  if (input.matterId) {
    if (!seesFees(actor)) throw fieldError(actor, 'matterId', '您的角色不能关联事项', 'Your role cannot link matters');
    matter = await visibleMatterOr404(trx, actor, input.matterId).catch(() => null);
    if (matter?.client_id !== client.id) throw fieldError(actor, 'matterId', '该事项不属于此客户', 'This matter does not belong to the client');
  }
  return { client, matter };
}

/**
 * V-2: a survey for a client (contact, matter), by personal link or to be recorded in-app. Written with its
 * timeline event; a satisfaction survey for a matter completes the matter's M-4 survey obligation.
 */
export async function insertSurvey(
  trx: Transaction<Database>,
  deps: SurveyDeps,
  ctx: Ctx,
  input: { templateId: string; clientId: string; contactId?: string | null | undefined; matterId?: string | null | undefined; expiresInDays?: number },
  channel: 'link' | 'recorded',
) {
  const actor = actorOf(ctx);
  const { matter } = await checkTarget(trx, actor, input);
  const template = await trx.selectFrom('survey_templates').selectAll().where('id', '=', input.templateId).executeTakeFirst();
  if (!template) throw fieldError(actor, 'templateId', '问卷模板不存在', 'No such survey template');
  const now = deps.clock.now();
  const token = channel === 'link' ? newToken() : null;
  const row: SurveysTable = {
    id: newId(now.getTime()),
    template_id: template.id,
    kind: template.kind,
    template_version: template.version,
    title: template.name,
    client_id: input.clientId,
    contact_id: input.contactId ?? null,
    matter_id: input.matterId ?? null,
    channel,
    token_hash: token ? tokenHash(token) : null,
    status: 'sent',
    expires_at: token ? new Date(now.getTime() + (input.expiresInDays ?? 30) * 86_400_000).toISOString() : null,
    opened_at: null,
    answered_at: null,
    sent_by: actor.id,
    created_at: now.toISOString(),
  };
  await trx.insertInto('surveys').values(row).execute();
  const { token_hash: _hash, ...audited } = row;
  await recordAudit(trx, ctx, deps.clock, { action: 'create', entity: 'survey', entityId: row.id, after: audited });
  await addTimelineEvent(trx, deps.clock, {
    clientId: row.client_id,
    kind: 'survey_sent',
    actorId: actor.id,
    data: { surveyId: row.id, kind: row.kind, title: row.title, channel, matterId: row.matter_id, matterTitle: matter?.title ?? null, expiresAt: row.expires_at },
  });
  const obligationCompleted = matter && row.kind === 'satisfaction' ? await completeSurveyObligation(trx, deps, ctx, matter) : false;
  return { row: { ...row, questions: template.questions, intro: template.intro } as SurveyRow, token, obligationCompleted };
}

export async function readSurvey(deps: SurveyDeps, actor: Actor, id: string): Promise<SurveyDetail> {
  const row = await surveysOf(deps.db, actor).where('surveys.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return { ...toSurvey(row, deps.clock.now().toISOString(), actor), questions: questionsOf(row) };
}

export async function sendSurvey(deps: SurveyDeps, ctx: Ctx, input: SurveyCreate): Promise<SurveySent> {
  const actor = actorOf(ctx);
  const { row, token, obligationCompleted } = await deps.db.transaction().execute((trx) => insertSurvey(trx, deps, ctx, input, 'link'));
  const { questions: _q, ...survey } = await readSurvey(deps, actor, row.id);
  return { ...survey, path: surveyPath(token!), token: token!, obligationCompleted };
}

export async function listSurveys(
  deps: SurveyDeps,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined; clientId?: string | undefined; matterId?: string | undefined; kind?: string | undefined; status?: SurveyStatus | undefined },
) {
  const now = deps.clock.now().toISOString();
  let q = surveysOf(deps.db, actor);
  if (query.clientId) q = q.where('surveys.client_id', '=', query.clientId);
  if (query.matterId) q = q.where('surveys.matter_id', '=', seesFees(actor) ? query.matterId : '');
  if (query.kind) q = q.where('surveys.kind', '=', query.kind as 'satisfaction');
  if (query.status === 'answered') q = q.where('surveys.status', '=', 'answered');
  else if (query.status) {
    q = q.where('surveys.status', '=', 'sent');
    if (query.status === 'expired') q = q.where('surveys.expires_at', '<=', now);
    else {
      q = q.where((eb) => eb.or([eb('surveys.expires_at', 'is', null), eb('surveys.expires_at', '>', now)]));
      q = q.where('surveys.opened_at', query.status === 'opened' ? 'is not' : 'is', null);
    }
  }
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('surveys.created_at', '<', String(after![0])),
            eb.and([eb('surveys.created_at', '=', String(after![0])), eb('surveys.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('surveys.created_at', 'desc')
      .orderBy('surveys.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.created_at, r.id]);
  return { items: items.map((r) => toSurvey(r, now, actor)), nextCursor, total: Number(count.n) };
}

export const questionsOf = (r: { questions: string }) => JSON.parse(r.questions) as Question[];
