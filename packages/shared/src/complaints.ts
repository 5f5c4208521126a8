import { z } from 'zod';
import { idSchema, listQuerySchema, text } from './common.js';
import { daySchema } from './interactions.js';
import { TIMELINE_KINDS } from './activity.js';

// Q-1..Q-3: the six-step complaint procedure of seed 004.
/** The timeline kinds of the procedure: shown only to those who see every complaint of the client. */
export const COMPLAINT_TIMELINE_KINDS = TIMELINE_KINDS.filter((k) => k.startsWith('complaint_'));

export const COMPLAINT_CHANNELS = ['phone', 'wechat', 'email', 'letter', 'in_person', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Q-2 step 3: the fixed cause list (statistics group by it). */
export const COMPLAINT_CAUSES = ['slow_response', 'quality', 'communication', 'fees', 'attitude', 'other'] as const;
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];

/** 1 recorded · 2 validity decided · 3 responsibility · 4 solution proposed · 5 carried out/accepted · 6 evaluated */
export const COMPLAINT_STEPS = [1, 2, 3, 4, 5, 6] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Where a complaint stands: the next step it waits for, or closed after step 6. */
export const COMPLAINT_STAGES = ['validity', 'responsibility', 'solution', 'acceptance', 'evaluation', 'closed'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

const instant = z.iso.datetime({ offset: true });
/** How the client was told a finding or a solution. */
const toldVia = z.enum(COMPLAINT_CHANNELS);

export const complaintCreateSchema = z
  .strictObject({
    clientId: idSchema,
    /** the complainant: one of the client's contacts, or a name */
    complainantContactId: idSchema.nullish(),
    complainantName: text(100).nullish(),
    receivedAt: instant,
    channel: z.enum(COMPLAINT_CHANNELS),
    /** target: a lawyer/staff member and/or a matter (at least one) */
    targetUserId: idSchema.nullish(),
    targetMatterId: idSchema.nullish(),
    content: text(4000),
    demands: text(2000),
    /** the client's own written statement, as text (seed 004: 让客户自行书写投诉材料) */
    statement: text(8000),
  })
  .refine((b) => b.complainantContactId || b.complainantName, { message: 'complainant contact or name required', path: ['complainantName'] })
  .refine((b) => b.targetUserId || b.targetMatterId, { message: 'target person or matter required', path: ['targetUserId'] });
export type ComplaintCreate = z.infer<typeof complaintCreateSchema>;

export const complaintHandlerSchema = z.strictObject({ handlerId: idSchema.nullable() });
export type ComplaintHandler = z.infer<typeof complaintHandlerSchema>;

/** one body per step, discriminated by `step` (step 1 is the create). */
export const complaintStepBodySchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal(2), valid: z.boolean(), finding: text(2000), toldAt: instant, toldVia }),
  z.strictObject({ step: z.literal(3), responsibleUserId: idSchema.nullable(), cause: z.enum(COMPLAINT_CAUSES), analysis: text(2000) }),
  z.strictObject({ step: z.literal(4), solution: text(2000), toldAt: instant, toldVia }),
  z.strictObject({ step: z.literal(5), accepted: z.boolean(), note: text(2000), at: instant }),
  z.strictObject({ step: z.literal(6), rootCause: text(2000), prevention: text(2000), action: z.string().trim().max(2000).nullish() }),
]);
export type ComplaintStepBody = z.infer<typeof complaintStepBodySchema>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const complaintStepRecordSchema = z.object({
  id: z.string(),
  step: z.number().int(),
  at: z.string(),
  actor: person,
  /** the step's body as recorded (without `step`) */
  data: z.record(z.string(), z.unknown()),
});
export type ComplaintStepRecord = z.infer<typeof complaintStepRecordSchema>;

export const complaintSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  complainantContactId: z.string().nullable(),
  complainantName: z.string(),
  receivedAt: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  targetUser: person,
  targetMatter: z.object({ id: z.string(), title: z.string() }).nullable(),
  content: z.string(),
  demands: z.string(),
  statement: z.string(),
  /** the last step done (1..6) and where it stands now */
  step: z.number().int(),
  stage: z.enum(COMPLAINT_STAGES),
  valid: z.boolean().nullable(),
  cause: z.enum(COMPLAINT_CAUSES).nullable(),
  responsibleUser: person,
  accepted: z.boolean().nullable(),
  handler: person,
  recordedBy: person,
  /** when the current stage began (age on the board) */
  stageSince: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** may the viewer carry the next step (partner/admin or the handler, never the complained-about person) */
  canAct: z.boolean(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintDetailSchema = complaintSchema.extend({ steps: z.array(complaintStepRecordSchema) });
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const COMPLAINT_SORTS = ['-receivedAt', 'receivedAt', '-stageSince', 'stageSince'] as const;

export const complaintListQuerySchema = listQuerySchema.extend({
  stage: z.enum(COMPLAINT_STAGES).optional(),
  status: z.enum(['open', 'closed']).optional(),
  targetUserId: idSchema.optional(),
  targetMatterId: idSchema.optional(),
  clientId: idSchema.optional(),
  cause: z.enum(COMPLAINT_CAUSES).optional(),
  /** received on or after / on or before these firm-local days */
  from: daySchema.optional(),
  to: daySchema.optional(),
  sort: z.enum(COMPLAINT_SORTS).default('-receivedAt'),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

export const complaintStatsQuerySchema = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** by=lawyer adds counts per complained-about person (A-2/A-3 KPIs, seed 003) */
  by: z.enum(['lawyer']).optional(),
});
export type ComplaintStatsQuery = z.infer<typeof complaintStatsQuerySchema>;

const stepTime = z.object({ step: z.number().int(), count: z.number().int(), averageHours: z.number().nullable(), medianHours: z.number().nullable() });
const bucket = z.object({ key: z.string(), name: z.string(), count: z.number().int() });

export const lawyerComplaintCountSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** complaints naming the person as target */
  count: z.number().int(),
  /** of those, found valid at step 2 */
  valid: z.number().int(),
  /** complaints (any target) where step 3 named them responsible */
  responsible: z.number().int(),
});
export type LawyerComplaintCount = z.infer<typeof lawyerComplaintCountSchema>;

export const complaintStatsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  count: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  accepted: z.number().int(),
  /** accepted ÷ valid complaints (null when none is valid) */
  acceptedShare: z.number().nullable(),
  byCause: z.array(bucket),
  byTargetUser: z.array(bucket),
  byTargetMatter: z.array(bucket),
  /** time from the previous step to this one, per step 2..6 (a 5→4 loop counts each pass) */
  stepTimes: z.array(stepTime),
  byLawyer: z.array(lawyerComplaintCountSchema).nullable(),
});
export type ComplaintStats = z.infer<typeof complaintStatsSchema>;
