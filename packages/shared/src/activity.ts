import { z } from 'zod';
import { classificationSettingsShape, DEFAULT_CLASSIFICATION_SETTINGS } from './classification.js';
import { idSchema, listQuerySchema } from './common.js';

/** C-8 timeline kinds so far; later features add theirs. */
export const TIMELINE_KINDS = [
  'client_created',
  'client_updated',
  'grade_changed',
  'status_changed',
  'owner_changed',
  'contact_added',
  'contact_updated',
  'contact_removed',
  'personnel_changed',
  'important_date_added',
  'important_date_updated',
  'important_date_removed',
  'relationship_added',
  'relationship_removed',
  'matter_opened',
  'matter_status_changed',
  'fee_received',
  'fee_deleted',
  'interaction_logged',
  'interaction_removed',
  'need_added',
  'need_status_changed',
  'adverse_event_recorded',
  'standard_breached',
  'classification_changed',
  // V-2/V-3: surveys sent and answered (with the score)
  'survey_sent',
  'survey_answered',
  // the complaint procedure (no target or content in the data: confidential)
  'complaint_recorded',
  'complaint_validity_decided',
  'complaint_responsibility_identified',
  'complaint_solution_proposed',
  'complaint_solution_accepted',
  'complaint_renegotiated',
  'complaint_evaluated',
  // S-1..S-3: service requests
  'request_received',
  'request_replied',
  'request_opinion_given',
  'request_committed',
  'request_closed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEventSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  at: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineQuerySchema = listQuerySchema.extend({
  kind: z.string().max(200).optional().describe('comma-separated kinds'),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListQuerySchema = listQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });

export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  clientId: z.string().nullable(),
  action: z.enum(['view', 'unmask', 'export']),
  detail: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogQuerySchema = listQuerySchema.extend({ userId: idSchema.optional() });

export const savedViewSchema = z.object({
  id: z.string(),
  scope: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewCreateSchema = z.strictObject({
  scope: z.enum(['clients']),
  name: z.string().trim().min(1).max(50),
  query: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])),
});
export const savedViewListQuerySchema = z.strictObject({ scope: z.enum(['clients']) });

/** Firm settings an admin edits (K-1 thresholds, X-3 export approval and file retention, X-4 leak alert). */
export const settingsSchema = z.object({
  gradeHourlyRateAFen: z.number().int().min(0),
  gradeHourlyRateBFen: z.number().int().min(0),
  exportApprovalRows: z.number().int().min(0),
  /** days an export's file is kept before housekeeping deletes it */
  exportRetentionDays: z.number().int().min(1).max(90),
  viewAlertDistinctClients: z.number().int().min(1),
  /** P-6: days a touchpoint stays overdue before its client's owner (or the team's partner) is told */
  touchpointEscalationDays: z.number().int().min(1).max(60),
  ...classificationSettingsShape,
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsUpdateSchema = settingsSchema.partial().strict();
export const DEFAULT_SETTINGS: Settings = {
  gradeHourlyRateAFen: 300_000,
  gradeHourlyRateBFen: 150_000,
  exportApprovalRows: 500,
  exportRetentionDays: 7,
  viewAlertDistinctClients: 50,
  touchpointEscalationDays: 7,
  ...DEFAULT_CLASSIFICATION_SETTINGS,
};
