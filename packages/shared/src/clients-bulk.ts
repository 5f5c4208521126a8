import { z } from 'zod';
import { idSchema, text } from './common.js';

// C-9 list bulk actions: each client goes through its single-item action, one by one.

export const BULK_MAX_IDS = 200;

const bulkIdsSchema = z
  .array(idSchema)
  .min(1)
  .max(BULK_MAX_IDS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'ids_duplicate' });

/** The same tag rule as a client's own edit (trimmed, 1–30 characters). */
const bulkTagsSchema = z.array(z.string().trim().min(1).max(30)).min(1).max(30);

export const clientBulkAddTagsSchema = z.strictObject({ action: z.literal('addTags'), ids: bulkIdsSchema, tags: bulkTagsSchema });
export const clientBulkRemoveTagsSchema = z.strictObject({ action: z.literal('removeTags'), ids: bulkIdsSchema, tags: bulkTagsSchema });
/** a transfer always says why, also in bulk. */
export const clientBulkTransferSchema = z.strictObject({
  action: z.literal('transfer'),
  ids: bulkIdsSchema,
  ownerId: idSchema,
  managerId: idSchema.nullish(),
  reason: text(500),
});

export const clientBulkSchema = z.discriminatedUnion('action', [
  clientBulkAddTagsSchema,
  clientBulkRemoveTagsSchema,
  clientBulkTransferSchema,
]);
export type ClientBulk = z.infer<typeof clientBulkSchema>;
export type ClientBulkAction = ClientBulk['action'];

/** What the single-item endpoint would have answered for this client (code and localized message). */
export const clientBulkItemErrorSchema = z.object({ code: z.string(), message: z.string() });

export const clientBulkResultSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true) }),
  z.object({ id: z.string(), ok: z.literal(false), error: clientBulkItemErrorSchema }),
]);
export type ClientBulkResult = z.infer<typeof clientBulkResultSchema>;

export const clientBulkResponseSchema = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** in the order of the request's ids */
  results: z.array(clientBulkResultSchema),
});
export type ClientBulkResponse = z.infer<typeof clientBulkResponseSchema>;
