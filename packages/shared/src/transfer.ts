import { z } from 'zod';
import { clientListQuerySchema } from './clients.js';
import { listQuerySchema, localeSchema } from './common.js';

// C-10 imports, X-3 exports, C-11 conflict checks.

/** Client and contact fields an import column can map to. */
export const IMPORT_FIELDS = [
  'kind', 'name', 'phone', 'email', 'idNumber', 'uscc', 'industry', 'region', 'city', 'address', 'source', 'tags',
  'hourlyRateYuan', 'legalRepresentative', 'registeredCapitalYuan', 'foundedOn', 'website', 'gender', 'birthday',
  'employer', 'jobTitle', 'wechat', 'notes', 'ownerEmail',
  'contactName', 'contactTitle', 'contactDepartment', 'contactPhone', 'contactEmail', 'contactDecisionRole',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** C-10: why a row was refused, as a stable code; the server words it in the reader's language. */
export const IMPORT_ROW_ERROR_CODES = [
  'cell_error', 'cell_too_long', 'name_required', 'contact_name_required',
  'kind_unknown', 'industry_unknown', 'source_unknown', 'gender_unknown', 'decision_role_unknown',
  'amount_negative', 'amount_decimals', 'amount_invalid',
  'date_invalid', 'date_nonexistent', 'birthday_invalid', 'birthday_nonexistent', 'code_as_number', 'code_scientific',
  'field_message', 'too_long', 'too_many', 'required', 'email_invalid', 'format_invalid',
  'duplicate_hidden', 'owner_unknown', 'owner_not_self', 'owner_required', 'owner_other_team',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];
export const importRowErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type ImportRowErrorParams = z.infer<typeof importRowErrorParamsSchema>;

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** null for reports stored before codes existed: their reason is the Chinese text written then */
  code: z.enum(IMPORT_ROW_ERROR_CODES).nullable(),
  params: importRowErrorParamsSchema,
  /** the code in the reader's language */
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importSchema = z.object({
  id: z.string(),
  userId: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  errorCount: z.number().int(),
  /** the first 1,000 row errors; the full report is at /imports/{id}/report */
  errors: z.array(importRowErrorSchema),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Import = z.infer<typeof importSchema>;

/** The row report's language; without it, the request's (Accept-Language, then the user's choice). */
export const importReportQuerySchema = z.strictObject({ locale: localeSchema.optional() });

/** Column header in the file → field; sent as a JSON string form field named "mapping". */
export const importMappingSchema = z.record(z.string().max(200), z.enum(IMPORT_FIELDS));

export const importPreviewSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
});

/** expired: kept past the firm's retention, its file deleted */
export const exportStatusSchema = z.enum(['pending_approval', 'approved', 'rejected', 'ready', 'failed', 'expired']);
export const exportSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  entity: z.literal('clients'),
  format: z.enum(['xlsx', 'csv']),
  rowCount: z.number().int(),
  status: exportStatusSchema,
  approverId: z.string().nullable(),
  approverName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** a ready file: when housekeeping deletes it under the current retention */
  expiresAt: z.string().nullable(),
  /** when the file was deleted */
  expiredAt: z.string().nullable(),
});
export type Export = z.infer<typeof exportSchema>;

export const exportCreateSchema = z.strictObject({
  entity: z.literal('clients'),
  format: z.enum(['xlsx', 'csv']),
  query: clientListQuerySchema.omit({ limit: true, cursor: true }).partial().strict().default({}),
});
export const exportDecisionSchema = z.strictObject({ note: z.string().trim().max(500).nullish() });
export const exportListQuerySchema = listQuerySchema.extend({
  /** partners and admins: the exports waiting for their approval */
  pending: z.enum(['true', 'false']).optional(),
});

export const CONFLICT_WHERE = ['client', 'contact', 'related_party', 'opposing_party'] as const;
export const conflictHitSchema = z.object({
  query: z.string(),
  where: z.enum(CONFLICT_WHERE),
  /** the matched name; for a hit the checker may not see, only that a conflict exists */
  matchedName: z.string().nullable(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  visible: z.boolean(),
  /** whom to ask: the owner lawyer of the client */
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  /** opposing-party hits: the matter and its lead lawyer (title only when the client is visible) */
  matterId: z.string().nullable().optional(),
  matterTitle: z.string().nullable().optional(),
  leadLawyerId: z.string().nullable().optional(),
  leadLawyerName: z.string().nullable().optional(),
});
export type ConflictHit = z.infer<typeof conflictHitSchema>;

export const conflictCheckSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  names: z.array(z.string()),
  purpose: z.string().nullable(),
  hitCount: z.number().int(),
  hits: z.array(conflictHitSchema),
  createdAt: z.string(),
});
export type ConflictCheck = z.infer<typeof conflictCheckSchema>;

export const conflictCheckCreateSchema = z.strictObject({
  names: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  purpose: z.string().trim().max(500).nullish(),
});
