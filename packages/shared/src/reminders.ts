import { z } from 'zod';
import { listQuerySchema } from './common.js';

// P-10, N-4: reminders by email (daily digest over SMTP) and a generic webhook, through one delivery outbox.

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** queued: not tried yet · sending: claimed (lease) · failed: last attempt failed, retry due at nextAttemptAt · sent · dead: gave up */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** N-4: SMTP settings as read back; the password is never returned, only whether one is stored. */
export const emailSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  /** true: TLS from the first byte (usually port 465); false: STARTTLS when the server offers it */
  secure: z.boolean(),
  user: z.string(),
  sender: z.string(),
  passwordSet: z.boolean(),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/);

/** `password` omitted keeps the stored one; `null` clears it. */
export const emailSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean(),
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().max(255),
  password: z.string().max(500).nullable().optional(),
  sender: z.email().max(255),
});
export type EmailSettingsUpdate = z.infer<typeof emailSettingsUpdateSchema>;

export const emailTestSchema = z.strictObject({ to: z.email().max(255).optional() });
export const emailTestResultSchema = z.object({ ok: z.boolean(), to: z.string(), error: z.string().nullable(), deliveryId: z.string() });
export type EmailTestResult = z.infer<typeof emailTestResultSchema>;

/** P-10: generic webhook (WeCom / DingTalk / Feishu bots behind it); the secret is never returned. */
export const webhookSettingsSchema = z.object({ enabled: z.boolean(), url: z.string(), secretSet: z.boolean() });
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;
export const webhookSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean(),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]),
  /** omitted keeps the stored secret */
  secret: z.string().min(16).max(200).optional(),
});
export type WebhookSettingsUpdate = z.infer<typeof webhookSettingsUpdateSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  idempotencyKey: z.string(),
  /** email address or webhook host */
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryListQuerySchema = listQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;

/** P-10: the signed-in user's daily digest, sent to their account email. */
export const digestPreferenceSchema = z.object({ enabled: z.boolean(), email: z.string(), emailConfigured: z.boolean() });
export type DigestPreference = z.infer<typeof digestPreferenceSchema>;
export const digestPreferenceUpdateSchema = z.strictObject({ enabled: z.boolean() });
