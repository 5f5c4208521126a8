import { z } from 'zod';
import { CLIENT_STATUSES, GRADES, TIERS } from './clients.js';
import { idSchema, listQuerySchema, text } from './common.js';
import { daySchema, type InteractionKind } from './interactions.js';
import { requestSchema } from './requests.js';

// P-1..P-3: the care programme ("41234") as rules per grade (and tier).
export const TOUCHPOINT_KINDS = [
  'contact',
  'visit',
  'deep_visit',
  'annual_report',
  'festival_invitation',
  'return_visit',
  'care',
  'newsletter',
] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

export const PROGRAMME_ROLES = ['lead_lawyer', 'client_manager', 'assistant', 'secretary'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

export const PROGRAMME_CHANNELS = ['phone', 'visit', 'wechat', 'email', 'mail', 'event', 'gift'] as const;
export type ProgrammeChannel = (typeof PROGRAMME_CHANNELS)[number];

/**
 * P-6: which logged interactions complete a touchpoint of each kind. A visit also counts as a
 * contact; a greeting, gift or visit on the day counts as a care touch.
 */
export const COMPLETING_KINDS: Record<TouchpointKind, readonly InteractionKind[]> = {
  contact: ['call', 'visit', 'meeting', 'wechat', 'email', 'sms'],
  visit: ['visit', 'meeting'],
  deep_visit: ['visit', 'meeting'],
  annual_report: ['report'],
  festival_invitation: ['event'],
  return_visit: ['return_visit'],
  care: ['greeting', 'gift', 'visit'],
  newsletter: ['newsletter'],
};

/** Periodic rules split the year into equal periods: the count per year must divide 12. */
export const PER_YEAR_PERIODIC = [1, 2, 3, 4, 6, 12] as const;
/** Care touches pick this many dates at most. */
export const CARE_MAX_PER_YEAR = 6;

export const TOUCHPOINT_STATUSES = ['open', 'done', 'skipped', 'cancelled'] as const;
export type TouchpointStatus = (typeof TOUCHPOINT_STATUSES)[number];

export const programmeRuleSchema = z.object({
  id: z.string(),
  grade: z.enum(GRADES),
  /** null: every tier; otherwise only clients of these tiers (the quarterly deep visit) */
  tiers: z.array(z.enum(TIERS)).nullable(),
  kind: z.enum(TOUCHPOINT_KINDS),
  perYear: z.number().int(),
  role: z.enum(PROGRAMME_ROLES),
  channel: z.enum(PROGRAMME_CHANNELS),
  guidance: z.string(),
  /** days before the due date the touchpoint shows as upcoming; for care: days before the date */
  leadDays: z.number().int(),
  /** client statuses the rule plans for (P-4: active, and prospects/dormant where set) */
  statuses: z.array(z.enum(CLIENT_STATUSES)),
  active: z.boolean(),
  position: z.number().int(),
  updatedAt: z.string(),
});
export type ProgrammeRule = z.infer<typeof programmeRuleSchema>;

export const programmeSchema = z.object({
  grade: z.enum(GRADES),
  rules: z.array(programmeRuleSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

const ruleInput = z.strictObject({
  /** an existing rule of this grade to change; without it the rule is new */
  id: idSchema.optional(),
  tiers: z.array(z.enum(TIERS)).min(1).nullable().default(null),
  kind: z.enum(TOUCHPOINT_KINDS),
  perYear: z.number().int(),
  role: z.enum(PROGRAMME_ROLES),
  channel: z.enum(PROGRAMME_CHANNELS),
  guidance: z.string().trim().max(1000).default(''),
  leadDays: z.number().int().min(0).max(60).default(3),
  statuses: z.array(z.enum(CLIENT_STATUSES)).min(1).default(['active']),
  active: z.boolean().default(true),
});

/** P-1: a cadence of zero, below zero or not dividing the year is refused with the reason. */
export const programmeRuleInputSchema = ruleInput.superRefine((r, ctx) => {
  if (r.kind === 'care') {
    if (r.perYear < 1 || r.perYear > CARE_MAX_PER_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['perYear'], message: `care_per_year_between_1_and_${CARE_MAX_PER_YEAR}` });
    }
  } else if (!(PER_YEAR_PERIODIC as readonly number[]).includes(r.perYear)) {
    ctx.addIssue({ code: 'custom', path: ['perYear'], message: 'per_year_must_divide_12' });
  }
});
export type ProgrammeRuleInput = z.infer<typeof programmeRuleInputSchema>;

export const programmeUpdateSchema = z.strictObject({
  rules: z.array(programmeRuleInputSchema).max(40),
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export const gradeParamsSchema = z.strictObject({ grade: z.enum(GRADES) });

export const touchpointSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  ruleId: z.string().nullable(),
  kind: z.enum(TOUCHPOINT_KINDS),
  /** the period or care date it plans, e.g. 2027-03, 2027-Q1, 2027:spring_festival */
  periodKey: z.string(),
  /** what the care touch is for (festival key or important-date label), else null */
  occasion: z.string().nullable(),
  /** for care touches: the date itself; due is `leadDays` before it */
  occasionOn: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  dueOn: z.string(),
  role: z.enum(PROGRAMME_ROLES),
  channel: z.enum(PROGRAMME_CHANNELS),
  guidance: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(TOUCHPOINT_STATUSES),
  doneAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  interactionId: z.string().nullable(),
  skipReason: z.string().nullable(),
  overdue: z.boolean(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

export const touchpointQuerySchema = listQuerySchema.extend({
  assigneeId: z.string().max(64).optional(),
  /** `me`: the caller's own */
  assignee: z.literal('me').optional(),
  clientId: z.string().max(64).optional(),
  kind: z.enum(TOUCHPOINT_KINDS).optional(),
  status: z.enum([...TOUCHPOINT_STATUSES, 'overdue']).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type TouchpointQuery = z.infer<typeof touchpointQuerySchema>;

export const touchpointGenerateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
});

export const touchpointGenerateResultSchema = z.object({
  year: z.number().int(),
  clients: z.number().int(),
  created: z.number().int(),
  moved: z.number().int(),
  cancelled: z.number().int(),
  reopened: z.number().int(),
});
export type TouchpointGenerateResult = z.infer<typeof touchpointGenerateResultSchema>;

export const touchpointSkipSchema = z.strictObject({ reason: text(500) });

export const touchpointIdParamsSchema = z.strictObject({ id: idSchema });

// P-7: compliance = touchpoints done on time ÷ touchpoints due in the period (up to today).
export const COMPLIANCE_GROUPS = ['firm', 'team', 'assignee', 'client'] as const;
export type ComplianceGroup = (typeof COMPLIANCE_GROUPS)[number];

export const complianceQuerySchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  groupBy: z.enum(COMPLIANCE_GROUPS).default('assignee'),
  kind: z.enum(TOUCHPOINT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceRowSchema = z.object({
  /** the team, person or client id; null for the firm (and touchpoints without a team) */
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** due in the period, skipped and cancelled ones left out */
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** still open, past their due date */
  missed: z.number().int(),
  skipped: z.number().int(),
  /** onTime ÷ due, null when nothing was due */
  rate: z.number().nullable(),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const complianceSchema = z.object({
  from: z.string(),
  /** the end actually counted: the period's end or today, whichever is earlier */
  to: z.string(),
  groupBy: z.enum(COMPLIANCE_GROUPS),
  total: complianceRowSchema,
  rows: z.array(complianceRowSchema),
});
export type Compliance = z.infer<typeof complianceSchema>;

// P-8: My day.
export const myDaySchema = z.object({
  today: z.string(),
  overdue: z.array(touchpointSchema),
  overdueTotal: z.number().int(),
  /** due today, and those whose lead time has begun */
  upcoming: z.array(touchpointSchema),
  upcomingTotal: z.number().int(),
  /** care dates in the next 14 days of the caller's clients */
  careDates: z.array(touchpointSchema),
  briefs: z.array(
    z.object({ obligationId: z.string(), matterId: z.string(), matterTitle: z.string(), clientId: z.string(), clientName: z.string(), dueAt: z.string(), overdue: z.boolean() }),
  ),
  personnelChanges: z.array(
    z.object({
      id: z.string(),
      clientId: z.string(),
      clientName: z.string(),
      contactName: z.string().nullable(),
      field: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
  cadence: z.array(z.object({ clientId: z.string(), clientName: z.string(), role: z.string(), count: z.number().int(), target: z.number().int() })),
  /** the cadence month's phase: shortfalls are flagged from 5 days before month end (I-2) */
  cadenceFlagFrom: z.string(),
  /** S-4: the caller's open requests at 80% of a target or past it, soonest due first */
  requests: z.array(requestSchema),
});
export type MyDay = z.infer<typeof myDaySchema>;
