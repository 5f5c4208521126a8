import { z } from 'zod';
import { localeSchema } from './common.js';
import { PERMISSIONS } from './roles.js';
import { passwordSchema, userSchema } from './users.js';

export const loginSchema = z.strictObject({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type Login = z.infer<typeof loginSchema>;

/** the CSRF token comes back in the login and /auth/me bodies. */
export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const mePreferencesSchema = z.strictObject({
  locale: localeSchema,
});
