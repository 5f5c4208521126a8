import type { ImprovementStatus, ResponseMode, SurveyChannel, SurveyKind } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** V-1: an editable questionnaire; every edit bumps `version` (surveys keep their own copy of the questions). */
export interface SurveyTemplatesTable {
  id: string;
  kind: SurveyKind;
  name: string;
  intro: string;
  version: number;
  /** JSON: Question[] */
  questions: string;
  updated_at: string;
  updated_by: string | null;
}

/** V-1: every version of a template's questions, kept for the surveys sent with it. */
export interface SurveyTemplateVersionsTable {
  template_id: string;
  version: number;
  name: string;
  intro: string;
  /** JSON: Question[] */
  questions: string;
  created_at: string;
  created_by: string | null;
}

/**
 * V-2: one survey sent to a client (and contact, matter). The personal link's token is kept only as its
 * SHA-256 (recorded surveys have none). Stored status 'sent' | 'answered'; expiry is derived.
 */
export interface SurveysTable {
  id: string;
  template_id: string;
  kind: SurveyKind;
  template_version: number;
  /** the template's name when sent; the questions are those of (template_id, template_version) */
  title: string;
  client_id: string;
  contact_id: string | null;
  matter_id: string | null;
  channel: SurveyChannel;
  token_hash: string | null;
  status: 'sent' | 'answered';
  expires_at: string | null;
  opened_at: string | null;
  answered_at: string | null;
  sent_by: string;
  created_at: string;
}

/**
 * V-3: the answers to a survey (one per survey: survey_id is unique). The lawyer, team and matter type
 * are those at answer time, so later transfers do not rewrite past scores.
 */
export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  kind: SurveyKind;
  client_id: string;
  matter_id: string | null;
  matter_type: string | null;
  lawyer_id: string | null;
  team_id: string | null;
  mode: ResponseMode;
  /** JSON: Answers */
  answers: string;
  overall: number | null;
  score: number | null;
  recommend: number | null;
  submitted_at: string;
  recorded_by: string | null;
  task_id: string | null;
}

/** V-4: an improvement item (改进计划): what changes, who, by when, and whether the client was told. */
export interface ImprovementItemsTable {
  id: string;
  client_id: string;
  response_id: string | null;
  title: string;
  change: string;
  owner_id: string;
  due_on: string | null;
  status: ImprovementStatus;
  client_told: number;
  client_told_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const surveyTemplatesColumns = columnsOf<SurveyTemplatesTable>()('id', 'kind', 'name', 'intro', 'version', 'questions', 'updated_at', 'updated_by');
export const surveyTemplateVersionsColumns = columnsOf<SurveyTemplateVersionsTable>()(
  'template_id', 'version', 'name', 'intro', 'questions', 'created_at', 'created_by',
);
export const surveysColumns = columnsOf<SurveysTable>()(
  'id', 'template_id', 'kind', 'template_version', 'title', 'client_id', 'contact_id', 'matter_id', 'channel', 'token_hash',
  'status', 'expires_at', 'opened_at', 'answered_at', 'sent_by', 'created_at',
);
export const surveyResponsesColumns = columnsOf<SurveyResponsesTable>()(
  'id', 'survey_id', 'kind', 'client_id', 'matter_id', 'matter_type', 'lawyer_id', 'team_id', 'mode', 'answers', 'overall', 'score', 'recommend',
  'submitted_at', 'recorded_by', 'task_id',
);
export const improvementItemsColumns = columnsOf<ImprovementItemsTable>()(
  'id', 'client_id', 'response_id', 'title', 'change', 'owner_id', 'due_on', 'status', 'client_told', 'client_told_at', 'created_by', 'created_at',
  'updated_at',
);
