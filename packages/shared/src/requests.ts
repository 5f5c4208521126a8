import { z } from 'zod';
import { gradeSchema } from './clients.js';
import { idSchema, listQuerySchema, listResponseSchema, text } from './common.js';

// S-1..S-4: client service requests (咨询/需求) and their response SLAs.
export const REQUEST_CHANNELS = ['phone', 'wechat', 'email', 'wecom', 'in_person', 'portal'] as const;
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const REQUEST_STATUSES = ['open', 'closed'] as const;
export const SLA_TARGETS = ['reply', 'opinion'] as const;
/** cancelled: the request was closed before an unmet target fell due. */
export const SLA_STATES = ['pending', 'warning', 'breached', 'met', 'met_late', 'cancelled'] as const;
export const COMMITMENT_STATES = ['pending', 'met', 'missed', 'replaced'] as const;
export const SLA_MODES = ['clock', 'working_hours'] as const;
/** List filter: near_breach = warning or breached. */
export const SLA_FILTERS = ['on_track', 'warning', 'breached', 'near_breach'] as const;
export const REQUEST_SORTS = ['receivedAt', '-receivedAt', 'nextDueAt', '-nextDueAt', 'updatedAt', '-updatedAt'] as const;
export const BREACH_GROUPINGS = ['person', 'team', 'grade'] as const;

export const requestChannelSchema = z.enum(REQUEST_CHANNELS);
export const requestPrioritySchema = z.enum(REQUEST_PRIORITIES);
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export const slaTargetSchema = z.enum(SLA_TARGETS);
export const slaStateSchema = z.enum(SLA_STATES);
export const slaModeSchema = z.enum(SLA_MODES);
export type RequestChannel = z.infer<typeof requestChannelSchema>;
export type RequestPriority = z.infer<typeof requestPrioritySchema>;
export type RequestStatus = z.infer<typeof requestStatusSchema>;
export type SlaTarget = z.infer<typeof slaTargetSchema>;
export type SlaState = z.infer<typeof slaStateSchema>;
export type SlaMode = z.infer<typeof slaModeSchema>;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

const instant = z.iso.datetime({ offset: true });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const minutes = z.number().int().min(1).max(60 * 24 * 30);

/** S-2: the targets per grade, in minutes (kept as data in the firm's settings). */
export const slaGradeTargetsSchema = z.strictObject({ replyMinutes: minutes, opinionMinutes: minutes });
export const slaSettingsSchema = z.strictObject({
  mode: slaModeSchema,
  /** working-hours mode: the daily window, firm time */
  workdayStart: hhmm,
  workdayEnd: hhmm,
  /** S-4: warn when this share of the allowed time has passed */
  warnPercent: z.number().int().min(1).max(99),
  targets: z.strictObject({ A: slaGradeTargetsSchema, B: slaGradeTargetsSchema, C: slaGradeTargetsSchema }),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;
export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  mode: 'clock',
  workdayStart: '09:00',
  workdayEnd: '18:00',
  warnPercent: 80,
  targets: {
    A: { replyMinutes: 15, opinionMinutes: 24 * 60 },
    B: { replyMinutes: 60, opinionMinutes: 48 * 60 },
    C: { replyMinutes: 4 * 60, opinionMinutes: 72 * 60 },
  },
};

export const commitmentSchema = z.object({
  id: z.string(),
  target: slaTargetSchema,
  /** the time promised to the client ("明天17点前给你回复") */
  committedAt: z.string(),
  /** when the client was told */
  toldAt: z.string(),
  note: z.string().nullable(),
  state: z.enum(COMMITMENT_STATES),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const slaTargetStatusSchema = z.object({
  /** the due time by grade */
  baseDueAt: z.string(),
  /** the due time in force: the latest commitment's, else the base */
  dueAt: z.string(),
  warnAt: z.string(),
  doneAt: z.string().nullable(),
  state: slaStateSchema,
  committed: z.boolean(),
  /** the base due time had passed before a commitment was told (S-3: the breach stands) */
  breachedBeforeCommitment: z.boolean(),
});
export type SlaTargetStatus = z.infer<typeof slaTargetStatusSchema>;

export const requestSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  /** the client's grade when the request came in */
  grade: gradeSchema,
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  channel: requestChannelSchema,
  receivedAt: z.string(),
  subject: z.string(),
  details: z.string().nullable(),
  priority: requestPrioritySchema,
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  status: requestStatusSchema,
  slaMode: slaModeSchema,
  reply: slaTargetStatusSchema,
  opinion: slaTargetStatusSchema,
  /** the worst state of the two targets */
  slaState: slaStateSchema,
  /** the soonest due time of an unmet target while open */
  nextDueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceRequest = z.infer<typeof requestSchema>;
export const requestDetailSchema = requestSchema.extend({
  replyNote: z.string().nullable(),
  opinionNote: z.string().nullable(),
  closeNote: z.string().nullable(),
  commitments: z.array(commitmentSchema),
});
export type ServiceRequestDetail = z.infer<typeof requestDetailSchema>;
export const requestListSchema = listResponseSchema(requestSchema);
export type ServiceRequestList = z.infer<typeof requestListSchema>;

export const requestCreateSchema = z.strictObject({
  clientId: idSchema,
  contactId: idSchema.nullish(),
  channel: requestChannelSchema,
  receivedAt: instant,
  subject: text(200),
  details: z.string().trim().max(5000).nullish(),
  priority: requestPrioritySchema.default('normal'),
  /** defaults to the person recording it */
  assigneeId: idSchema.nullish(),
});
export type RequestCreate = z.input<typeof requestCreateSchema>;

/** The editable fields; received-at, client and SLA fields change only through their actions. */
export const requestUpdateSchema = z.strictObject({
  contactId: idSchema.nullish(),
  channel: requestChannelSchema.optional(),
  subject: text(200).optional(),
  details: z.string().trim().max(5000).nullish(),
  priority: requestPrioritySchema.optional(),
  assigneeId: idSchema.optional(),
});
export type RequestUpdate = z.infer<typeof requestUpdateSchema>;

/** First reply or first opinion; `at` defaults to now. */
export const requestMilestoneSchema = z.strictObject({
  at: instant.optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type RequestMilestone = z.infer<typeof requestMilestoneSchema>;

export const commitmentCreateSchema = z.strictObject({
  target: slaTargetSchema,
  committedAt: instant,
  /** defaults to now */
  toldAt: instant.optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type CommitmentCreate = z.infer<typeof commitmentCreateSchema>;

export const requestCloseSchema = z.strictObject({ note: z.string().trim().max(2000).nullish() });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const requestListQuerySchema = listQuerySchema.extend({
  status: requestStatusSchema.optional(),
  /** a user id, or "mine" */
  assignee: z.string().min(1).max(64).optional(),
  clientId: idSchema.optional(),
  channel: requestChannelSchema.optional(),
  priority: requestPrioritySchema.optional(),
  sla: z.enum(SLA_FILTERS).optional(),
  /** firm-local days, inclusive */
  receivedFrom: day.optional(),
  receivedTo: day.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REQUEST_SORTS).default('-receivedAt'),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

/** S-4: targets falling due in [from, to] (firm-local days), grouped. */
export const breachReportQuerySchema = z.strictObject({
  from: day,
  to: day,
  by: z.enum(BREACH_GROUPINGS).default('person'),
});
export type BreachReportQuery = z.infer<typeof breachReportQuerySchema>;
export const breachReportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  due: z.number().int(),
  metOnTime: z.number().int(),
  breached: z.number().int(),
  open: z.number().int(),
  /** breached / (met on time + breached); null when nothing is decided yet */
  breachRate: z.number().nullable(),
  commitments: z.number().int(),
  commitmentsMissed: z.number().int(),
});
export type BreachReportRow = z.infer<typeof breachReportRowSchema>;
export const breachReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(BREACH_GROUPINGS),
  rows: z.array(breachReportRowSchema),
  total: breachReportRowSchema,
});
export type BreachReport = z.infer<typeof breachReportSchema>;

export const nearBreachSchema = z.object({ items: z.array(requestSchema) });
