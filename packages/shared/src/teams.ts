import { z } from 'zod';
import { listQuerySchema, text } from './common.js';

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamCreateSchema = z.strictObject({
  name: text(50),
  description: z.string().trim().max(500).nullish(),
});
export type TeamCreate = z.infer<typeof teamCreateSchema>;

export const teamUpdateSchema = z.strictObject({
  name: text(50).optional(),
  description: z.string().trim().max(500).nullish(),
});
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

export const teamListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
});
