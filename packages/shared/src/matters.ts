import { z } from 'zod';
import { isRealDay } from './clients.js';
import { idSchema, listQuerySchema, listResponseSchema, text } from './common.js';

// M-1 matters (委托事项/案件) and M-2 fee receipts (收费记录). Money is integer fen, always `…Fen`.
export const MATTER_TYPES = ['retainer', 'litigation', 'arbitration', 'non_litigation', 'criminal', 'consultation'] as const;
export const MATTER_STATUSES = ['intake', 'engaged', 'in_progress', 'closed'] as const;
export const FEE_ARRANGEMENTS = ['fixed', 'hourly', 'contingency', 'annual_retainer'] as const;
export const OPPOSING_PARTY_KINDS = ['person', 'organisation'] as const;
/** The lead is set through the matter's lead lawyer, never added as a member by hand. */
export const MATTER_MEMBER_ROLES = ['lead', 'associate', 'assistant'] as const;

export const matterTypeSchema = z.enum(MATTER_TYPES);
export const matterStatusSchema = z.enum(MATTER_STATUSES);
export const feeArrangementSchema = z.enum(FEE_ARRANGEMENTS);
export type MatterType = z.infer<typeof matterTypeSchema>;
export type MatterStatus = z.infer<typeof matterStatusSchema>;
export type FeeArrangement = z.infer<typeof feeArrangementSchema>;
export type MatterMemberRole = (typeof MATTER_MEMBER_ROLES)[number];

/** M-1: the only moves; anything else is a 409. */
export const NEXT_MATTER_STATUS: Record<MatterStatus, MatterStatus | null> = {
  intake: 'engaged',
  engaged: 'in_progress',
  in_progress: 'closed',
  closed: null,
};

/** M-2: a closed matter still takes late payments for this many days after closed_on. */
export const LATE_FEE_DAYS = 365;

const fen = z.number().int().min(0).max(1e15);
/** A fee receipt is at least one fen. */
const positiveFen = z.number().int().min(1).max(1e15);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .refine(isRealDay, { message: 'date_invalid' });

export const matterMemberSchema = z.object({
  userId: z.string(),
  userName: z.string().nullable(),
  userRole: z.string().nullable(),
  role: z.string(),
});
export type MatterMember = z.infer<typeof matterMemberSchema>;

export const opposingPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(OPPOSING_PARTY_KINDS),
  idCode: z.string().nullable(),
});
export type OpposingParty = z.infer<typeof opposingPartySchema>;

export const matterListItemSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  type: matterTypeSchema,
  title: z.string(),
  caseNumber: z.string().nullable(),
  forum: z.string().nullable(),
  status: matterStatusSchema,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  leadLawyerId: z.string(),
  leadLawyerName: z.string().nullable(),
  agreedFeeFen: z.number().int().nullable(),
  feesTotalFen: z.number().int(),
  updatedAt: z.string(),
});
export type MatterListItem = z.infer<typeof matterListItemSchema>;

export const matterSchema = matterListItemSchema.extend({
  amountInDisputeFen: z.number().int().nullable(),
  feeArrangement: feeArrangementSchema.nullable(),
  engagedAt: z.string().nullable(),
  retainerExpiresOn: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  feesCount: z.number().int(),
  members: z.array(matterMemberSchema),
  opposingParties: z.array(opposingPartySchema),
  /** the one status this matter may move to next, or null once closed */
  nextStatus: matterStatusSchema.nullable(),
});
export type Matter = z.infer<typeof matterSchema>;

export const opposingPartyCreateSchema = z.strictObject({
  name: text(200),
  kind: z.enum(OPPOSING_PARTY_KINDS),
  /** USCC or ID number when known; kept as given */
  idCode: optionalText(40),
});
export type OpposingPartyCreate = z.infer<typeof opposingPartyCreateSchema>;

/** The fields a matter's people edit; status moves only through a transition. */
const editable = {
  type: matterTypeSchema,
  title: text(200),
  caseNumber: optionalText(100),
  forum: optionalText(200),
  amountInDisputeFen: fen.nullish(),
  feeArrangement: feeArrangementSchema.nullish(),
  agreedFeeFen: fen.nullish(),
  openedOn: day,
  retainerExpiresOn: day.nullish(),
  leadLawyerId: idSchema,
  outcome: optionalText(2000),
};

export const matterCreateSchema = z.strictObject({
  clientId: idSchema,
  ...editable,
  /** Defaults to the firm's today. */
  openedOn: day.optional(),
  /** Defaults to the creating user when they are a lawyer or partner. */
  leadLawyerId: idSchema.optional(),
  opposingParties: z.array(opposingPartyCreateSchema).max(50).optional(),
});
export type MatterCreate = z.infer<typeof matterCreateSchema>;

export const matterUpdateSchema = z.strictObject({
  type: editable.type.optional(),
  title: editable.title.optional(),
  caseNumber: editable.caseNumber.optional(),
  forum: editable.forum.optional(),
  amountInDisputeFen: editable.amountInDisputeFen.optional(),
  feeArrangement: editable.feeArrangement.optional(),
  agreedFeeFen: editable.agreedFeeFen.optional(),
  openedOn: editable.openedOn.optional(),
  retainerExpiresOn: editable.retainerExpiresOn.optional(),
  leadLawyerId: editable.leadLawyerId.optional(),
  outcome: editable.outcome.optional(),
});
export type MatterUpdate = z.infer<typeof matterUpdateSchema>;

export const matterTransitionSchema = z.strictObject({
  to: matterStatusSchema,
  /** When it happened (firm-local day, or an instant); defaults to now. */
  at: z.union([day, z.iso.datetime({ offset: true })]).optional(),
  /** Required to close, unless the matter already records one. */
  outcome: optionalText(2000),
});
export type MatterTransition = z.infer<typeof matterTransitionSchema>;

export const matterMemberAddSchema = z.strictObject({
  userId: idSchema,
  role: z.enum(['associate', 'assistant']).default('associate'),
});
export const matterMemberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });
export const matterPartyParamsSchema = z.strictObject({ id: idSchema, partyId: idSchema });
export const matterFeeParamsSchema = z.strictObject({ id: idSchema, feeId: idSchema });

export const matterListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  clientId: idSchema.optional(),
  status: matterStatusSchema.optional(),
  type: matterTypeSchema.optional(),
  leadLawyerId: idSchema.optional(),
});
export type MatterListQuery = z.infer<typeof matterListQuerySchema>;
export const matterListResponseSchema = listResponseSchema(matterListItemSchema);

export const feeSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  clientId: z.string(),
  amountFen: z.number().int(),
  receivedOn: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Fee = z.infer<typeof feeSchema>;

export const feeCreateSchema = z.strictObject({
  amountFen: positiveFen,
  receivedOn: day,
  note: optionalText(500),
});
export type FeeCreate = z.infer<typeof feeCreateSchema>;

export const feeListResponseSchema = listResponseSchema(feeSchema).extend({ totalFen: z.number().int() });
export type FeeList = z.infer<typeof feeListResponseSchema>;

/** timeline kinds about matters and fees, kept from those who may not see them (secretaries). */
export const MATTER_TIMELINE_KINDS = [
  'matter_opened',
  'matter_status_changed',
  'fee_received',
  'fee_deleted',
  // M-4 service standards
  'adverse_event_recorded',
  'standard_breached',
  // K-6: grade, tier and status follow fees and matters
  'classification_changed',
] as const;
