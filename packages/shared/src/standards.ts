import { z } from 'zod';
import { idSchema, listQuerySchema, listResponseSchema, text } from './common.js';
import { matterStatusSchema } from './matters.js';

// M-4 service standards: obligations a matter owes its client, each tracked like a touchpoint.
export const STANDARD_KINDS = ['project_timeline', 'weekly_brief', 'adverse_event', 'satisfaction_survey'] as const;
/** done = done on time; breached = overdue (done late or still missing after its due time). */
export const STANDARD_STATUSES = ['open', 'done', 'breached', 'cancelled'] as const;

export const standardKindSchema = z.enum(STANDARD_KINDS);
export const standardStatusSchema = z.enum(STANDARD_STATUSES);
export type StandardKind = z.infer<typeof standardKindSchema>;
export type StandardStatus = z.infer<typeof standardStatusSchema>;

/** M-4 rules, in one place for the server and the web. */
export const TIMELINE_WORKING_DAYS = 3;
export const ADVERSE_EVENT_NOTICE_MS = 3_600_000;
export const SURVEY_DAYS_AFTER_CLOSING = 7;

const instant = z.iso.datetime({ offset: true });

export const adverseEventSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  description: z.string(),
  occurredAt: z.string(),
  notifiedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const standardSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  kind: standardKindSchema,
  /** weekly briefs: the Monday of their week; otherwise null */
  weekOf: z.string().nullable(),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  status: standardStatusSchema,
  breachedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** satisfaction survey: the task created for it */
  taskId: z.string().nullable(),
  adverseEvent: adverseEventSchema.nullable(),
});
export type Standard = z.infer<typeof standardSchema>;

export const standardListSchema = z.object({ items: z.array(standardSchema) });
export type StandardList = z.infer<typeof standardListSchema>;

export const standardParamsSchema = z.strictObject({ id: idSchema, obligationId: idSchema });

export const standardCompleteSchema = z.strictObject({
  /** when it was done; defaults to now; never in the future nor before the engagement */
  doneAt: instant.optional(),
  note: z.string().trim().max(500).nullish(),
});
export type StandardComplete = z.infer<typeof standardCompleteSchema>;

export const adverseEventCreateSchema = z.strictObject({
  description: text(1000),
  occurredAt: instant,
  /** when the client was told; may be recorded later */
  notifiedAt: instant.nullish(),
});
export type AdverseEventCreate = z.infer<typeof adverseEventCreateSchema>;

export const adverseEventUpdateSchema = z.strictObject({ notifiedAt: instant });
export type AdverseEventUpdate = z.infer<typeof adverseEventUpdateSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export const firmStandardsQuerySchema = listQuerySchema.extend({
  status: standardStatusSchema.optional(),
  kind: standardKindSchema.optional(),
  /** the matter's lead lawyer */
  assigneeId: idSchema.optional(),
  /** due on or after this firm-local day */
  from: day.optional(),
  /** due on or before this firm-local day */
  to: day.optional(),
});
export type FirmStandardsQuery = z.infer<typeof firmStandardsQuerySchema>;

export const firmStandardSchema = standardSchema.extend({
  matterTitle: z.string(),
  matterStatus: matterStatusSchema,
  clientId: z.string(),
  clientName: z.string(),
  leadLawyerId: z.string(),
  leadLawyerName: z.string().nullable(),
});
export type FirmStandard = z.infer<typeof firmStandardSchema>;
export const firmStandardListSchema = listResponseSchema(firmStandardSchema);

/** timeline kinds of service standards, hidden from those who may not see matters. */
export const STANDARD_TIMELINE_KINDS = ['adverse_event_recorded', 'standard_breached'] as const;
