import { z } from 'zod';
import { clientListQuerySchema } from './clients.js';
import { listQuerySchema } from './common.js';

// C-10 imports, X-3 exports, C-11 conflict checks.

/** Client and contact fields an import column can map to. */
export const IMPORT_FIELDS = [
  'kind', 'name', 'phone', 'email', 'idNumber', 'uscc', 'industry', 'region', 'city', 'address', 'source', 'tags',
  'hourlyRateYuan', 'legalRepresentative', 'registeredCapitalYuan', 'foundedOn', 'website', 'gender', 'birthday',
  'employer', 'jobTitle', 'wechat', 'notes', 'ownerEmail',
  'contactName', 'contactTitle', 'contactDepartment', 'contactPhone', 'contactEmail', 'contactDecisionRole',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
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

/** Column header in the file → field; sent as a JSON string form field named "mapping". */
export const importMappingSchema = z.record(z.string().max(200), z.enum(IMPORT_FIELDS));

export const importPreviewSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
});

export const exportStatusSchema = z.enum(['pending_approval', 'approved', 'rejected', 'ready', 'failed']);
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
