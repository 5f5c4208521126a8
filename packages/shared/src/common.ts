import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const idSchema = z.string().min(1).max(64);
export const idParamsSchema = z.strictObject({ id: idSchema });

/** N-1: limit default 50, max 200; cursor is opaque. */
export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  });
}

export type ListResponse<T> = { items: T[]; nextCursor: string | null; total: number };

/** Trimmed non-empty text with a length cap; HTML is kept as text, never rendered. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

export const okSchema = z.object({ ok: z.literal(true) });
