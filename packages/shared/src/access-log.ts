import { z } from 'zod';
import { accessLogEntrySchema } from './activity.js';
import { idSchema, listQuerySchema } from './common.js';

export const ACCESS_ACTIONS = ['view', 'unmask', 'export'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/** the firm-wide access log (admins). Days are firm-local, both ends included. */
export const accessLogListQuerySchema = listQuerySchema.extend({
  userId: idSchema.optional(),
  clientId: idSchema.optional(),
  from: day.optional(),
  to: day.optional(),
  action: z.enum(ACCESS_ACTIONS).optional(),
});
export type AccessLogListQuery = z.infer<typeof accessLogListQuerySchema>;

export const accessLogListEntrySchema = accessLogEntrySchema.extend({ clientName: z.string().nullable() });
export type AccessLogListEntry = z.infer<typeof accessLogListEntrySchema>;
