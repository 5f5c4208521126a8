import { z } from 'zod';

/**
 * P-9: the caller's private calendar feed. Only a SHA-256 of the token is stored, so the URL is in
 * the answer that creates it (the first read, or a rotation) and null afterwards. `url` is a path
 * on this server (`/api/v1/calendar-feed/<token>.ics`); the web joins it with its own origin, the
 * address the person actually reaches Retainer by (behind a proxy the server may not know it).
 */
export const calendarFeedSchema = z.object({
  url: z.string().nullable(),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Any text: an unknown or malformed token is the same 404. */
export const calendarFeedTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(200) });
