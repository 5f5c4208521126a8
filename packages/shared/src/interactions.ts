import { z } from 'zod';
import { isRealDay } from './clients.js';
import { idSchema, listQuerySchema, text } from './common.js';

// I-1: the kinds of touch the firm logs.
export const INTERACTION_KINDS = [
  'call',
  'visit',
  'meeting',
  'wechat',
  'email',
  'sms',
  'greeting',
  'gift',
  'training',
  'report',
  'return_visit',
  'newsletter',
  'event',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

// I-3
export const NEED_SOURCES = ['interaction', 'survey', 'intake', 'other'] as const;
export const NEED_STATUSES = ['open', 'offered', 'won', 'declined'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * I-2 cadence rule, in one place: per calendar month (firm time zone) and client with an open
 * matter, the lead lawyer takes part in ≥3 interactions and the client manager in ≥1; shortfalls
 * are flagged from FLAG_DAYS days before the month's last day. Newsletters are broadcasts, not
 * communication, and do not count.
 */
export const CADENCE_RULE = {
  leadLawyerTarget: 3,
  clientManagerTarget: 1,
  flagDaysBeforeMonthEnd: 5,
  countedKinds: INTERACTION_KINDS.filter((k) => k !== 'newsletter'),
} as const;

export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .refine(isRealDay, { message: 'date_invalid' });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month as YYYY-MM');

const person = z.object({ id: z.string(), name: z.string() });

export const interactionSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  /** null also when the viewer may not see matters (X-1: secretaries) */
  matterId: z.string().nullable(),
  matterTitle: z.string().nullable(),
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: z.string(),
  summary: z.string(),
  needsDiscovered: z.string().nullable(),
  participants: z.array(person),
  contacts: z.array(person),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the author, partners and admins may edit and delete it */
  canEdit: z.boolean(),
});
export type Interaction = z.infer<typeof interactionSchema>;

const ids = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((v) => new Set(v).size === v.length, { message: 'ids_duplicate' });

export const followUpSchema = z.strictObject({
  title: text(200),
  dueOn: daySchema,
  /** defaults to the person logging the interaction */
  assigneeId: idSchema.optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const needInputSchema = z.strictObject({
  area: text(50),
  description: text(1000),
});

const interactionFields = {
  matterId: idSchema.nullish(),
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: z.iso.datetime({ offset: true }),
  summary: text(4000),
  needsDiscovered: z.string().trim().max(2000).nullish(),
  /** users who took part; defaults to the person logging it */
  participantIds: ids(20).optional(),
  /** the client's contacts who took part */
  contactIds: ids(50).optional(),
};

export const interactionCreateSchema = z.strictObject({
  clientId: idSchema,
  ...interactionFields,
  /** follow-up actions, each becomes a task */
  followUps: z.array(followUpSchema).max(20).optional(),
  /** needs discovered, each becomes a needs-archive item (I-3) */
  needs: z.array(needInputSchema).max(20).optional(),
  /** P-6: logged from this touchpoint, which it completes */
  touchpointId: idSchema.optional(),
});
export type InteractionCreate = z.infer<typeof interactionCreateSchema>;

/** The client is fixed; follow-ups and needs are managed as tasks and needs afterwards. */
export const interactionUpdateSchema = z.strictObject({
  matterId: interactionFields.matterId,
  kind: interactionFields.kind.optional(),
  occurredAt: interactionFields.occurredAt.optional(),
  summary: interactionFields.summary.optional(),
  needsDiscovered: interactionFields.needsDiscovered,
  participantIds: ids(20).min(1).optional(),
  contactIds: interactionFields.contactIds,
});
export type InteractionUpdate = z.infer<typeof interactionUpdateSchema>;

export const interactionListQuerySchema = listQuerySchema.extend({
  clientId: idSchema.optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
  createdBy: idSchema.optional(),
  participantId: idSchema.optional(),
  /** firm-local days, inclusive */
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type InteractionListQuery = z.infer<typeof interactionListQuerySchema>;

export const taskSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  interactionId: z.string().nullable(),
  title: z.string(),
  dueOn: z.string(),
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  doneAt: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** open and due before today (firm time zone) */
  overdue: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuerySchema = listQuerySchema.extend({
  status: z.enum(TASK_STATUSES).default('open'),
  dueFrom: daySchema.optional(),
  dueTo: daySchema.optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const needSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  area: z.string(),
  description: z.string(),
  source: z.enum(NEED_SOURCES),
  sourceId: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;

export const needCreateSchema = z.strictObject({
  ...needInputSchema.shape,
  /** interaction needs are created with their interaction */
  source: z.enum(['survey', 'intake', 'other']).default('other'),
});
export type NeedCreate = z.infer<typeof needCreateSchema>;

export const needUpdateSchema = z.strictObject({
  area: text(50).optional(),
  description: text(1000).optional(),
  status: z.enum(NEED_STATUSES).optional(),
});
export type NeedUpdate = z.infer<typeof needUpdateSchema>;

export const needListQuerySchema = z.strictObject({ status: z.enum(NEED_STATUSES).optional() });

export const cadenceQuerySchema = z.strictObject({
  /** defaults to the current month in the firm's time zone */
  month: monthSchema.optional(),
  /** only the clients this person is measured on */
  userId: idSchema.optional(),
});
/** The report lists at most this many clients (those short of the target first); people are all listed. */
export const CADENCE_CLIENT_LIMIT = 1000;

export const CADENCE_ROLES = ['lead_lawyer', 'client_manager'] as const;
export type CadenceRole = (typeof CADENCE_ROLES)[number];

export const cadenceEntrySchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(CADENCE_ROLES),
  count: z.number().int(),
  target: z.number().int(),
  shortfall: z.number().int(),
  flagged: z.boolean(),
});
export type CadenceEntry = z.infer<typeof cadenceEntrySchema>;

export const cadenceClientSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  openMatters: z.number().int(),
  people: z.array(cadenceEntrySchema),
});
export type CadenceClient = z.infer<typeof cadenceClientSchema>;

export const cadencePersonSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(CADENCE_ROLES),
  clients: z.number().int(),
  /** clients where this person is short of the target */
  shortClients: z.number().int(),
  interactions: z.number().int(),
  expected: z.number().int(),
  shortfall: z.number().int(),
  flagged: z.boolean(),
});
export type CadencePerson = z.infer<typeof cadencePersonSchema>;

export const cadenceReportSchema = z.object({
  month: z.string(),
  /** past: the month is over; flagging: current month within the flag window; open: current month before it; future */
  phase: z.enum(['past', 'open', 'flagging', 'future']),
  /** the firm-local day flagging starts */
  flagFrom: z.string(),
  targets: z.object({ leadLawyer: z.number().int(), clientManager: z.number().int() }),
  clients: z.array(cadenceClientSchema),
  /** clients measured, before the list's limit */
  clientsTotal: z.number().int(),
  people: z.array(cadencePersonSchema),
});
export type CadenceReport = z.infer<typeof cadenceReportSchema>;
