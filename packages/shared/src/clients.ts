import { z } from 'zod';
import { isValidIdNumber, isValidUscc, normalizeCode } from './cn-ids.js';
import { idSchema, listQuerySchema, listResponseSchema, text } from './common.js';

export const CLIENT_KINDS = ['individual', 'organisation'] as const;
export const CLIENT_STATUSES = ['prospect', 'active', 'dormant', 'lost', 'dismissed'] as const;
export const GRADES = ['A', 'B', 'C'] as const;
export const TIERS = ['strategic', 'core', 'potential', 'basic'] as const;
export const CLIENT_SOURCES = ['referral', 'website', 'event', 'walk_in', 'other'] as const;
export const GENDERS = ['male', 'female'] as const;
/** GB/T 4754-2017 sections (门类) A–T. */
export const INDUSTRIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

export const clientKindSchema = z.enum(CLIENT_KINDS);
export const clientStatusSchema = z.enum(CLIENT_STATUSES);
export const gradeSchema = z.enum(GRADES);
export const tierSchema = z.enum(TIERS);
export type ClientKind = z.infer<typeof clientKindSchema>;
export type ClientStatus = z.infer<typeof clientStatusSchema>;
export type Grade = z.infer<typeof gradeSchema>;
export type Tier = z.infer<typeof tierSchema>;

/** Money is integer fen (分), never floats. */
export const fenSchema = z.number().int().min(0).max(1e15);

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const idNumberSchema = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .refine(isValidIdNumber, { message: 'id_number_invalid' });

export const usccSchema = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .refine(isValidUscc, { message: 'uscc_invalid' });

/** A calendar day that exists (2023-02-30 does not). */
export function isRealDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .refine(isRealDay, { message: 'date_invalid' });

/** A solar or lunar date; the year is optional (a birthday without the year). */
export const calendarDateSchema = z.strictObject({
  calendar: z.enum(['solar', 'lunar']),
  year: z.number().int().min(1900).max(2100).nullish(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  leapMonth: z.boolean().default(false),
});
export type CalendarDate = z.infer<typeof calendarDateSchema>;

export const clientSchema = z.object({
  id: z.string(),
  kind: clientKindSchema,
  name: z.string(),
  status: clientStatusSchema,
  statusManual: z.boolean(),
  statusReason: z.string().nullable(),
  grade: gradeSchema,
  gradeManual: z.boolean(),
  gradeReason: z.string().nullable(),
  tier: tierSchema.nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.enum(CLIENT_SOURCES).nullable(),
  referrerClientId: z.string().nullable(),
  referrerName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  tags: z.array(z.string()),
  /** null also when the viewer may not see fees (X-1: secretaries) */
  hourlyRateFen: z.number().int().nullable(),
  potentialNeeds: z.string().nullable(),
  potentialResources: z.string().nullable(),
  notes: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthday: calendarDateSchema.nullable(),
  idNumber: z.string().nullable(),
  familySituation: z.string().nullable(),
  incomeBracket: z.string().nullable(),
  employer: z.string().nullable(),
  jobTitle: z.string().nullable(),
  hobbies: z.string().nullable(),
  wechat: z.string().nullable(),
  uscc: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  registeredCapitalFen: z.number().int().nullable(),
  employeeScale: z.string().nullable(),
  revenueBracket: z.string().nullable(),
  foundedOn: z.string().nullable(),
  customerGroups: z.string().nullable(),
  businessPartners: z.string().nullable(),
  website: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** true when phone, email, ID number and USCC are shown masked to this viewer */
  masked: z.boolean(),
});
export type Client = z.infer<typeof clientSchema>;

/** The fields a client's people edit; ownership, grade and status have their own actions. */
const editable = {
  name: text(200),
  industry: z.enum(INDUSTRIES).nullish(),
  region: optionalText(50),
  city: optionalText(50),
  address: optionalText(300),
  phone: z.string().trim().max(40).regex(/^[+0-9][0-9 ()-]{3,38}$/, 'phone_invalid').nullish(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullish(),
  source: z.enum(CLIENT_SOURCES).nullish(),
  referrerClientId: idSchema.nullish(),
  referrerName: optionalText(100),
  tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
  hourlyRateFen: fenSchema.nullish(),
  potentialNeeds: optionalText(2000),
  potentialResources: optionalText(2000),
  notes: optionalText(5000),
  gender: z.enum(GENDERS).nullish(),
  birthday: calendarDateSchema.nullish(),
  idNumber: idNumberSchema.nullish(),
  familySituation: optionalText(500),
  incomeBracket: optionalText(50),
  employer: optionalText(200),
  jobTitle: optionalText(100),
  hobbies: optionalText(500),
  wechat: optionalText(100),
  uscc: usccSchema.nullish(),
  legalRepresentative: optionalText(50),
  registeredCapitalFen: fenSchema.nullish(),
  employeeScale: optionalText(50),
  revenueBracket: optionalText(50),
  foundedOn: day.nullish(),
  customerGroups: optionalText(1000),
  businessPartners: optionalText(1000),
  website: optionalText(300),
};

export const clientCreateSchema = z.strictObject({
  kind: clientKindSchema,
  ...editable,
  /** Defaults to the creating user when they are a lawyer; required otherwise. */
  ownerId: idSchema.optional(),
  managerId: idSchema.nullish(),
  /** Defaults to the owner's team. */
  teamId: idSchema.nullish(),
});
export type ClientCreate = z.infer<typeof clientCreateSchema>;

export const clientUpdateSchema = z.strictObject(
  Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]>;
  },
);
export type ClientUpdate = z.infer<typeof clientUpdateSchema>;

export const clientTransferSchema = z.strictObject({
  ownerId: idSchema,
  managerId: idSchema.nullish(),
  teamId: idSchema.nullish(),
  reason: optionalText(500),
});

/** K-1: a manual grade wins over the computed one; `grade: null` returns to the rule. */
export const clientGradeSchema = z.strictObject({
  grade: gradeSchema.nullable(),
  reason: text(500),
});

/** K-5: lost and dismissed are set by people with a reason; `status: null` returns to the derived status. */
export const clientStatusChangeSchema = z.strictObject({
  status: z.enum(['lost', 'dismissed']).nullable(),
  reason: text(500),
});

export const UNMASKABLE = ['phone', 'email', 'idNumber', 'uscc'] as const;
export const clientUnmaskSchema = z.strictObject({
  fields: z.array(z.enum(UNMASKABLE)).min(1).max(4),
});
export const clientUnmaskedSchema = z.object({
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  idNumber: z.string().nullable().optional(),
  uscc: z.string().nullable().optional(),
});

export const CLIENT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'lastContactAt', '-lastContactAt'] as const;

export const clientListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  kind: clientKindSchema.optional(),
  status: clientStatusSchema.optional(),
  grade: gradeSchema.optional(),
  tier: tierSchema.optional(),
  industry: z.enum(INDUSTRIES).optional(),
  region: z.string().max(50).optional(),
  ownerId: idSchema.optional(),
  managerId: idSchema.optional(),
  teamId: idSchema.optional(),
  tag: z.string().max(30).optional(),
  /** clients not contacted for at least this many days (or never) */
  noContactDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(CLIENT_SORTS).default('-updatedAt'),
});
export type ClientListQuery = z.infer<typeof clientListQuerySchema>;

/** A list row: the fields a list shows, masked. */
export const clientListItemSchema = clientSchema.pick({
  id: true,
  kind: true,
  name: true,
  status: true,
  grade: true,
  tier: true,
  industry: true,
  region: true,
  city: true,
  phone: true,
  email: true,
  uscc: true,
  ownerId: true,
  ownerName: true,
  managerId: true,
  managerName: true,
  teamId: true,
  teamName: true,
  tags: true,
  lastContactAt: true,
  createdAt: true,
  updatedAt: true,
  masked: true,
}).extend({
  /** when the search matched a contact rather than the client itself */
  matchedContact: z.string().nullable(),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;

/** C-9: a search's total is counted up to 1,000; `totalCapped` says there are more ("1,000+"). */
export const clientListResponseSchema = listResponseSchema(clientListItemSchema).extend({ totalCapped: z.boolean() });
export type ClientListResponse = z.infer<typeof clientListResponseSchema>;
