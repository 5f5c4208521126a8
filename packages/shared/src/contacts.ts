import { z } from 'zod';
import { calendarDateSchema } from './clients.js';
import { text } from './common.js';

export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper'] as const;
export const CONTACT_STATUSES = ['in_post', 'left'] as const;

export const contactSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  decisionRole: z.enum(DECISION_ROLES).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  birthday: calendarDateSchema.nullable(),
  hobbies: z.string().nullable(),
  tags: z.array(z.string()),
  isPrimary: z.boolean(),
  status: z.enum(CONTACT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  masked: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

const fields = {
  name: text(100),
  department: z.string().trim().max(100).nullish(),
  title: z.string().trim().max(100).nullish(),
  decisionRole: z.enum(DECISION_ROLES).nullish(),
  phone: z.string().trim().max(40).regex(/^[+0-9][0-9 ()-]{3,38}$/, 'phone_invalid').nullish(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullish(),
  wechat: z.string().trim().max(100).nullish(),
  birthday: calendarDateSchema.nullish(),
  hobbies: z.string().trim().max(500).nullish(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  isPrimary: z.boolean().optional(),
  status: z.enum(CONTACT_STATUSES).optional(),
};

export const contactCreateSchema = z.strictObject(fields);
export const contactUpdateSchema = z.strictObject({ ...fields, name: text(100).optional() });
export type ContactCreate = z.infer<typeof contactCreateSchema>;
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

/** the masked contact fields that may be shown in clear (each time logged). */
export const CONTACT_UNMASKABLE = ['phone', 'email'] as const;
export type ContactUnmaskableField = (typeof CONTACT_UNMASKABLE)[number];
export const contactUnmaskSchema = z.strictObject({
  fields: z.array(z.enum(CONTACT_UNMASKABLE)).min(1).max(2),
});
export const contactUnmaskedSchema = z.object({
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type ContactUnmasked = z.infer<typeof contactUnmaskedSchema>;

export const PERSONNEL_FIELDS = ['title', 'department', 'status', 'legal_representative'] as const;
export const personnelChangeSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  field: z.enum(PERSONNEL_FIELDS),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type PersonnelChange = z.infer<typeof personnelChangeSchema>;

export const IMPORTANT_DATE_KINDS = ['birthday', 'wedding_anniversary', 'founding_day', 'custom'] as const;
export const importantDateSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  kind: z.enum(IMPORTANT_DATE_KINDS),
  label: z.string().nullable(),
  calendar: z.enum(['solar', 'lunar']),
  month: z.number().int(),
  day: z.number().int(),
  leapMonth: z.boolean(),
  year: z.number().int().nullable(),
  /** C-5: the next occurrence on or after today (firm time zone), as a Gregorian date */
  nextOccurrence: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportantDate = z.infer<typeof importantDateSchema>;

export const importantDateCreateSchema = z.strictObject({
  contactId: z.string().max(64).nullish(),
  kind: z.enum(IMPORTANT_DATE_KINDS),
  label: z.string().trim().max(100).nullish(),
  calendar: z.enum(['solar', 'lunar']),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  leapMonth: z.boolean().default(false),
  year: z.number().int().min(1900).max(2100).nullish(),
});
// Not importantDateCreateSchema.partial(): its leapMonth default would clear a stored leap month on every edit.
export const importantDateUpdateSchema = importantDateCreateSchema.extend({ leapMonth: z.boolean().optional() }).partial().strict();

export const RELATIONSHIP_KINDS = ['parent_subsidiary', 'affiliate', 'family', 'business_partner', 'referred_by'] as const;
/** How the other client stands to this one. */
export const RELATIONSHIP_ROLES = ['parent', 'subsidiary', 'affiliate', 'family', 'business_partner', 'referred_by', 'referrer'] as const;
export const relationshipSchema = z.object({
  id: z.string(),
  kind: z.enum(RELATIONSHIP_KINDS),
  /** what the other client is to this one, e.g. "parent" */
  role: z.enum(RELATIONSHIP_ROLES),
  otherClientId: z.string(),
  /** null when the viewer may not see the other client */
  otherClientName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/** `role` says what the other client is to this one; parent_subsidiary and referred_by are directed. */
export const relationshipCreateSchema = z.strictObject({
  otherClientId: z.string().min(1).max(64),
  role: z.enum(RELATIONSHIP_ROLES),
  note: z.string().trim().max(500).nullish(),
});
