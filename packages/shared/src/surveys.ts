import { z } from 'zod';
import { idSchema, listQuerySchema, text } from './common.js';

// §9 V-1..V-4: survey templates, surveys sent by personal link, responses, scores and the feedback loop.

export const SURVEY_KINDS = ['satisfaction', 'needs'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** rating: 1–5; scale: 0–10 (likelihood to recommend); single / multi: options; text: free text. */
export const QUESTION_TYPES = ['rating', 'scale', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** V-3: the satisfaction items scores and NPS are computed from; an edit may not remove them. */
export const SATISFACTION_DIMENSIONS = ['competence', 'responsiveness', 'communication', 'outcome', 'value', 'overall'] as const;
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number];
export const REQUIRED_QUESTIONS: Record<SurveyKind, Record<string, QuestionType>> = {
  satisfaction: { overall: 'rating', recommend: 'scale' },
  needs: { areas: 'multi', plans: 'multi' },
};

export const questionOptionSchema = z.strictObject({
  value: z.string().trim().regex(/^[a-z0-9_]{1,40}$/),
  label: text(60),
});

export const questionSchema = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/),
  type: z.enum(QUESTION_TYPES),
  label: text(200),
  help: z.string().trim().max(300).nullable().default(null),
  required: z.boolean(),
  options: z.array(questionOptionSchema).max(30).default([]),
});
export type Question = z.infer<typeof questionSchema>;

export const surveyTemplateSchema = z.object({
  id: z.string(),
  kind: z.enum(SURVEY_KINDS),
  name: z.string(),
  intro: z.string(),
  version: z.number().int(),
  questions: z.array(questionSchema),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

export const surveyTemplateUpdateSchema = z.strictObject({
  name: text(100),
  intro: z.string().trim().max(1000),
  questions: z.array(questionSchema).min(1).max(40),
});
export type SurveyTemplateUpdate = z.infer<typeof surveyTemplateUpdateSchema>;

/** Stored status; "expired" is derived from expiresAt. */
export const SURVEY_STATUSES = ['sent', 'opened', 'answered', 'expired'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_CHANNELS = ['link', 'recorded'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const surveySchema = z.object({
  id: z.string(),
  templateId: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  templateVersion: z.number().int(),
  clientId: z.string(),
  clientName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  matterId: z.string().nullable(),
  matterTitle: z.string().nullable(),
  channel: z.enum(SURVEY_CHANNELS),
  status: z.enum(SURVEY_STATUSES),
  expiresAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  responseId: z.string().nullable(),
  /** V-3: the answered satisfaction survey's score */
  score: z.number().int().nullable(),
  sentBy: z.string(),
  sentByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

/** One survey with the questions it was sent with (to record answers in-app). */
export const surveyDetailSchema = surveySchema.extend({ questions: z.array(questionSchema) });
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

/** The answer to POST /surveys: the personal link is shown once (only its hash is kept). */
export const surveySentSchema = surveySchema.extend({ path: z.string(), token: z.string(), obligationCompleted: z.boolean() });
export type SurveySent = z.infer<typeof surveySentSchema>;

export const surveyCreateSchema = z.strictObject({
  templateId: idSchema,
  clientId: idSchema,
  contactId: idSchema.nullish(),
  matterId: idSchema.nullish(),
  /** V-2: the link stops working after this many days */
  expiresInDays: z.number().int().min(1).max(180).default(30),
});
export type SurveyCreate = z.input<typeof surveyCreateSchema>;

export const surveyListQuerySchema = listQuerySchema.extend({
  clientId: idSchema.optional(),
  matterId: idSchema.optional(),
  kind: z.enum(SURVEY_KINDS).optional(),
  status: z.enum(SURVEY_STATUSES).optional(),
});

/** Answers keyed by question key: numbers for rating/scale, a value or values for choices, text. */
export const answersSchema = z.record(z.string().max(40), z.union([z.number(), z.string().max(2000), z.array(z.string().max(40)).max(30), z.null()]));
export type Answers = z.infer<typeof answersSchema>;

export const publicSurveySchema = z.object({
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  intro: z.string(),
  clientName: z.string(),
  contactName: z.string().nullable(),
  matterTitle: z.string().nullable(),
  expiresAt: z.string().nullable(),
  questions: z.array(questionSchema),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;
export const surveyTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(100) });
export const publicAnswerSchema = z.strictObject({ answers: answersSchema });
export const publicAnsweredSchema = z.object({ ok: z.literal(true), kind: z.enum(SURVEY_KINDS) });

export const RESPONSE_MODES = ['link', 'recorded'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

export const surveyResponseSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  contactName: z.string().nullable(),
  matterId: z.string().nullable(),
  matterTitle: z.string().nullable(),
  matterType: z.string().nullable(),
  lawyerId: z.string().nullable(),
  lawyerName: z.string().nullable(),
  mode: z.enum(RESPONSE_MODES),
  overall: z.number().int().nullable(),
  /** V-3: overall × 20 */
  score: z.number().int().nullable(),
  recommend: z.number().int().nullable(),
  submittedAt: z.string(),
  recordedByName: z.string().nullable(),
  followUpTaskId: z.string().nullable(),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const surveyResponseDetailSchema = surveyResponseSchema.extend({
  questions: z.array(questionSchema),
  answers: answersSchema,
  needIds: z.array(z.string()),
});
export type SurveyResponseDetail = z.infer<typeof surveyResponseDetailSchema>;

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const responseListQuerySchema = listQuerySchema.extend({
  clientId: idSchema.optional(),
  matterId: idSchema.optional(),
  templateId: idSchema.optional(),
  kind: z.enum(SURVEY_KINDS).optional(),
  from: dayString.optional(),
  to: dayString.optional(),
  lowOnly: z.enum(['true', 'false']).optional(),
});

/** A secretary records the answers given on a return visit: for a sent survey, or a new one. */
export const responseRecordSchema = z.strictObject({
  mode: z.literal('recorded'),
  surveyId: idSchema.optional(),
  templateId: idSchema.optional(),
  clientId: idSchema.optional(),
  contactId: idSchema.nullish(),
  matterId: idSchema.nullish(),
  answers: answersSchema,
});
export type ResponseRecord = z.infer<typeof responseRecordSchema>;

export const STATS_DIMENSIONS = ['client', 'lawyer', 'team', 'matter_type', 'month', 'quarter'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const statsQuerySchema = z.strictObject({
  by: z.enum(STATS_DIMENSIONS).default('month'),
  from: dayString.optional(),
  to: dayString.optional(),
  clientId: idSchema.optional(),
});

export const statsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  responses: z.number().int(),
  meanScore: z.number().nullable(),
  /** share of scores ≥ 90, 0–100 */
  shareHigh: z.number().nullable(),
  nps: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  dimensions: z.record(z.string(), z.number().nullable()),
});
export type StatsRow = z.infer<typeof statsRowSchema>;
export const surveyStatsSchema = z.object({ by: z.enum(STATS_DIMENSIONS), total: statsRowSchema, rows: z.array(statsRowSchema) });
export type SurveyStats = z.infer<typeof surveyStatsSchema>;

export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export const improvementItemSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  responseId: z.string().nullable(),
  title: z.string(),
  change: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(IMPROVEMENT_STATUSES),
  clientTold: z.boolean(),
  clientToldAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImprovementItem = z.infer<typeof improvementItemSchema>;

export const improvementCreateSchema = z.strictObject({
  clientId: idSchema,
  responseId: idSchema.nullish(),
  title: text(200),
  change: text(2000),
  ownerId: idSchema,
  dueOn: dayString.nullish(),
});
export type ImprovementCreate = z.infer<typeof improvementCreateSchema>;

export const improvementUpdateSchema = z.strictObject({
  title: text(200).optional(),
  change: text(2000).optional(),
  ownerId: idSchema.optional(),
  dueOn: dayString.nullable().optional(),
  status: z.enum(IMPROVEMENT_STATUSES).optional(),
  /** V-4: whether and when the client was told of the change */
  clientTold: z.boolean().optional(),
  clientToldAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ImprovementUpdate = z.infer<typeof improvementUpdateSchema>;

export const improvementListQuerySchema = listQuerySchema.extend({
  clientId: idSchema.optional(),
  responseId: idSchema.optional(),
  status: z.enum(IMPROVEMENT_STATUSES).optional(),
});

/** V-3: satisfaction score = overall × 20 (0–100). */
export function scoreOf(overall: number | null | undefined): number | null {
  return typeof overall === 'number' ? overall * 20 : null;
}

/** V-3: NPS = % promoters (9–10) − % detractors (0–6), rounded; null without answers. */
export function npsOf(recommend: readonly number[]): { nps: number | null; promoters: number; passives: number; detractors: number } {
  const promoters = recommend.filter((r) => r >= 9).length;
  const detractors = recommend.filter((r) => r <= 6).length;
  const passives = recommend.length - promoters - detractors;
  const nps = recommend.length ? Math.round(((promoters - detractors) / recommend.length) * 100) : null;
  return { nps, promoters, passives, detractors };
}
