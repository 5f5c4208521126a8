import { z } from 'zod';
import { clientStatusSchema, gradeSchema, tierSchema } from './clients.js';
import { idSchema, text } from './common.js';

/** K-4 value quadrants. */
export const QUADRANTS = ['golden', 'big', 'frequent_small', 'other'] as const;
export const quadrantSchema = z.enum(QUADRANTS);
export type Quadrant = z.infer<typeof quadrantSchema>;

/** K-6: the fields whose changes are kept (quadrant is kept too, but not shown in the timeline). */
export const CLASSIFICATION_FIELDS = ['grade', 'tier', 'status', 'quadrant'] as const;
export type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];

/** K-2: absolute thresholds, or scores by the client's rank among the firm's clients. */
export const RFM_MODES = ['thresholds', 'quintile'] as const;

export const classificationChangeSchema = z.object({
  id: z.string(),
  field: z.enum(CLASSIFICATION_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  cause: z.enum(['rule', 'manual']),
  /** rule code (e.g. `fees_12m`) for rule changes */
  rule: z.string().nullable(),
  /** the person's reason for manual changes */
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ClassificationChange = z.infer<typeof classificationChangeSchema>;

const causeSchema = z.string();

export const clientClassificationSchema = z.object({
  clientId: z.string(),
  grade: gradeSchema,
  gradeManual: z.boolean(),
  gradeReason: z.string().nullable(),
  rfm: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int() }),
  tier: tierSchema.nullable(),
  tierManual: z.boolean(),
  tierReason: z.string().nullable(),
  quadrant: quadrantSchema.nullable(),
  status: clientStatusSchema,
  statusManual: z.boolean(),
  statusReason: z.string().nullable(),
  classifiedAt: z.string().nullable(),
  /** why each value is what it is, in the caller's language */
  causes: z.object({ grade: causeSchema, r: causeSchema, f: causeSchema, m: causeSchema, tier: causeSchema, quadrant: causeSchema, status: causeSchema }),
  history: z.array(classificationChangeSchema),
});
export type ClientClassification = z.infer<typeof clientClassificationSchema>;

/** K-3: a manual tier with its reason wins; `tier: null` hands the tier back to the rule. */
export const clientTierSchema = z.strictObject({
  tier: tierSchema.nullable(),
  /** required when setting a tier */
  reason: text(500).optional(),
});
export type ClientTierChange = z.infer<typeof clientTierSchema>;

export const recomputeRequestSchema = z
  .strictObject({ clientIds: z.array(idSchema).min(1).max(10_000).optional() })
  .optional();
export const recomputeResultSchema = z.object({ clients: z.number().int(), changed: z.number().int(), ms: z.number().int() });
export type RecomputeResult = z.infer<typeof recomputeResultSchema>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const classificationSummarySchema = z.object({
  total: z.number().int(),
  byTier: z.record(z.string(), z.number().int()),
  byGrade: countsOf(['A', 'B', 'C'] as const),
  byStatus: z.record(z.string(), z.number().int()),
  byQuadrant: z.record(z.string(), z.number().int()),
  /** K-4 scatter: one point per (F, M) cell with the number of clients in it */
  cells: z.array(z.object({ f: z.number().int(), m: z.number().int(), count: z.number().int() })),
  /** clients not yet classified (no RFM) */
  unclassified: z.number().int(),
  lastRunAt: z.string().nullable(),
});
export type ClassificationSummary = z.infer<typeof classificationSummarySchema>;

/** K-1 fee thresholds and K-2 RFM thresholds and mode (amounts in fen), merged into the firm's settings. */
export const classificationSettingsShape = {
  gradeFeesAFen: z.number().int().min(0),
  gradeFeesBFen: z.number().int().min(0),
  rfmMode: z.enum(RFM_MODES),
  rfmRecency5Days: z.number().int().min(0),
  rfmRecency4Days: z.number().int().min(0),
  rfmRecency3Days: z.number().int().min(0),
  rfmRecency2Days: z.number().int().min(0),
  rfmFrequency5: z.number().int().min(0),
  rfmFrequency4: z.number().int().min(0),
  rfmFrequency3: z.number().int().min(0),
  rfmFrequency2: z.number().int().min(0),
  rfmMonetary5Fen: z.number().int().min(0),
  rfmMonetary4Fen: z.number().int().min(0),
  rfmMonetary3Fen: z.number().int().min(0),
  rfmMonetary2Fen: z.number().int().min(0),
};
export type ClassificationSettings = { [K in keyof typeof classificationSettingsShape]: z.infer<(typeof classificationSettingsShape)[K]> };

export const DEFAULT_CLASSIFICATION_SETTINGS: ClassificationSettings = {
  gradeFeesAFen: 30_000_000,
  gradeFeesBFen: 5_000_000,
  rfmMode: 'thresholds',
  rfmRecency5Days: 90,
  rfmRecency4Days: 180,
  rfmRecency3Days: 365,
  rfmRecency2Days: 730,
  rfmFrequency5: 8,
  rfmFrequency4: 5,
  rfmFrequency3: 3,
  rfmFrequency2: 2,
  rfmMonetary5Fen: 100_000_000,
  rfmMonetary4Fen: 30_000_000,
  rfmMonetary3Fen: 10_000_000,
  rfmMonetary2Fen: 3_000_000,
};
