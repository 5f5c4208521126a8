import { z } from 'zod';
import { idSchema, listQuerySchema, localeSchema, text } from './common.js';
import { roleSchema } from './roles.js';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9][0-9 -]{4,30}$/, 'phone number: digits, spaces, dashes, optional +');
export const passwordSchema = z.string().min(10).max(128);

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: roleSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  locale: localeSchema,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.strictObject({
  name: text(50),
  email: emailSchema,
  phone: phoneSchema.nullish(),
  role: roleSchema,
  teamId: idSchema.nullish(),
  password: passwordSchema,
  locale: localeSchema.optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** Editable profile and placement; activation and passwords have their own actions. */
export const userUpdateSchema = z.strictObject({
  name: text(50).optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.nullish(),
  role: roleSchema.optional(),
  teamId: idSchema.nullish(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  teamId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const passwordResetSchema = z.strictObject({ password: passwordSchema });

/** The firm's people as anyone picking an owner or client manager needs them: no contact details. */
export const directoryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
});
