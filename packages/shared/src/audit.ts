import { z } from 'zod';
import { idSchema, listQuerySchema } from './common.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/** Dates are days in the firm's time zone, both ends included. */
export const auditListQuerySchema = listQuerySchema.extend({
  entity: z.string().max(50).optional(),
  entityId: idSchema.optional(),
  actorId: idSchema.optional(),
  from: day.optional(),
  to: day.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
