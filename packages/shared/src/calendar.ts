import { z } from 'zod';

/** C-5: a solar or lunar month/day (and optional year) to preview before saving; query strings, so coerced. */
export const nextOccurrenceQuerySchema = z.strictObject({
  calendar: z.enum(['solar', 'lunar']),
  month: z.coerce.number().int().min(1).max(12),
  day: z.coerce.number().int().min(1).max(31),
  leapMonth: z.enum(['true', 'false']).default('false'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type NextOccurrenceQuery = z.infer<typeof nextOccurrenceQuerySchema>;

export const nextOccurrenceSchema = z.object({
  /** the first Gregorian date on or after the firm-local today, YYYY-MM-DD */
  nextOccurrence: z.string(),
  /** the date as entered, in the caller's language, e.g. 农历八月十五 */
  label: z.string(),
});
export type NextOccurrence = z.infer<typeof nextOccurrenceSchema>;
