import type { Answers, SurveyResponse, SurveyResponseDetail } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { NotFound } from '../../plugins/errors.js';
import { seesFees, visibleTo } from '../clients/clients.visibility.js';
import { addDays } from '../../plugins/days.js';
import { questionsOf, type SurveyDeps } from './surveys.service.js';
import type { SurveyResponsesTable } from './surveys.table.js';

type Db = Kysely<Database>;
type Row = Selectable<SurveyResponsesTable> & {
  title: string;
  questions: string;
  client_name: string;
  contact_name: string | null;
  matter_title: string | null;
  lawyer_name: string | null;
  recorder_name: string | null;
};

export type ResponseQuery = {
  clientId?: string | undefined;
  matterId?: string | undefined;
  templateId?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  lowOnly?: 'true' | 'false' | undefined;
};

/** Responses of the clients the actor may see; secretaries see them too, without matters. */
export function responsesOf(db: Db, actor: Actor) {
  return db
    .selectFrom('survey_responses')
    .innerJoin('clients', 'clients.id', 'survey_responses.client_id')
    .where(visibleTo(actor) as never)
    .innerJoin('surveys', 'surveys.id', 'survey_responses.survey_id')
    .innerJoin('survey_template_versions as v', (j) => j.onRef('v.template_id', '=', 'surveys.template_id').onRef('v.version', '=', 'surveys.template_version'))
    .leftJoin('contacts', 'contacts.id', 'surveys.contact_id')
    .leftJoin('matters', 'matters.id', 'survey_responses.matter_id')
    .leftJoin('users as lawyer', 'lawyer.id', 'survey_responses.lawyer_id')
    .leftJoin('users as recorder', 'recorder.id', 'survey_responses.recorded_by');
}

/** The filters both the list and the statistics take; `from`/`to` are firm days, inclusive. */
export function filtered<Q extends ReturnType<typeof responsesOf>>(q: Q, query: ResponseQuery, actor: Actor, timeZone: string): Q {
  let r = q;
  if (query.clientId) r = r.where('survey_responses.client_id', '=', query.clientId) as Q;
  if (query.matterId) r = r.where('survey_responses.matter_id', '=', seesFees(actor) ? query.matterId : '') as Q;
  if (query.templateId) r = r.where('surveys.template_id', '=', query.templateId) as Q;
  if (query.kind) r = r.where('survey_responses.kind', '=', query.kind as 'satisfaction') as Q;
  if (query.from) r = r.where('survey_responses.submitted_at', '>=', startOfFirmDay(query.from, timeZone).toISOString()) as Q;
  if (query.to) r = r.where('survey_responses.submitted_at', '<', startOfFirmDay(addDays(query.to, 1), timeZone).toISOString()) as Q;
  if (query.lowOnly === 'true') r = r.where('survey_responses.overall', '<=', 3) as Q;
  return r;
}

const withNames = (q: ReturnType<typeof responsesOf>) =>
  q
    .selectAll('survey_responses')
    .select([
      'surveys.title',
      'v.questions',
      'clients.name as client_name',
      'contacts.name as contact_name',
      'matters.title as matter_title',
      'lawyer.name as lawyer_name',
      'recorder.name as recorder_name',
    ]);

function toResponse(r: Row, actor: Actor): SurveyResponse {
  const fees = seesFees(actor);
  return {
    id: r.id,
    surveyId: r.survey_id,
    kind: r.kind,
    title: r.title,
    clientId: r.client_id,
    clientName: r.client_name,
    contactName: r.contact_name,
    matterId: fees ? r.matter_id : null,
    matterTitle: fees ? r.matter_title : null,
    matterType: fees ? r.matter_type : null,
    lawyerId: r.lawyer_id,
    lawyerName: r.lawyer_name,
    mode: r.mode,
    overall: r.overall,
    score: r.score,
    recommend: r.recommend,
    submittedAt: r.submitted_at,
    recordedByName: r.recorder_name,
    followUpTaskId: r.task_id,
  };
}

export async function listResponses(deps: SurveyDeps, actor: Actor, query: ResponseQuery & { limit: number; cursor?: string | undefined }) {
  const q = filtered(responsesOf(deps.db, actor), query, actor, deps.timeZone);
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    withNames(q)
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('survey_responses.submitted_at', '<', String(after![0])),
            eb.and([eb('survey_responses.submitted_at', '=', String(after![0])), eb('survey_responses.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('survey_responses.submitted_at', 'desc')
      .orderBy('survey_responses.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.submitted_at, r.id]);
  return { items: items.map((r) => toResponse(r, actor)), nextCursor, total: Number(count.n) };
}

export async function readResponse(deps: SurveyDeps, actor: Actor, id: string): Promise<SurveyResponseDetail> {
  const row = await withNames(responsesOf(deps.db, actor)).where('survey_responses.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  const needs = await deps.db.selectFrom('needs').select('id').where('source', '=', 'survey').where('source_id', '=', id).orderBy('id').execute();
  return { ...toResponse(row, actor), questions: questionsOf(row), answers: JSON.parse(row.answers) as Answers, needIds: needs.map((n) => n.id) };
}
