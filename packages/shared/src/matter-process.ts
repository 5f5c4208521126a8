import { z } from 'zod';
import { isRealDay } from './clients.js';
import { idSchema, text } from './common.js';
import { matterTypeSchema } from './matters.js';

// M-3 checklist templates and matter checklists (标准流程化), M-5 key dates (关键日期).

export const CHECKLIST_MAX_STEPS = 50;
/** Expected timing is counted in calendar days from the matter's opening date. */
export const CHECKLIST_MAX_DUE_DAYS = 3650;
export const KEY_DATE_KINDS = ['hearing', 'filing_deadline', 'limitation', 'contract_renewal', 'other'] as const;
export const keyDateKindSchema = z.enum(KEY_DATE_KINDS);
export type KeyDateKind = z.infer<typeof keyDateKindSchema>;
export const KEY_DATE_DEFAULT_REMIND_DAYS = 3;
export const KEY_DATE_MAX_REMIND_DAYS = 90;
/** M-5: a retainer's renewal task falls this many days before it expires. */
export const RENEWAL_LEAD_DAYS = 60;

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const day = z
  .string()
  // one reason per field: a malformed day is not also reported as non-existent
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date as YYYY-MM-DD', abort: true })
  .refine(isRealDay, { message: 'date_invalid' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:mm');
const dueDays = z.number().int().min(0).max(CHECKLIST_MAX_DUE_DAYS);
const remindDays = z.number().int().min(0).max(KEY_DATE_MAX_REMIND_DAYS);
const person = z.object({ id: z.string(), name: z.string() });

export const checklistTemplateStepSchema = z.object({
  position: z.number().int(),
  title: z.string(),
  guidance: z.string().nullable(),
  dueDays: z.number().int(),
});
export type ChecklistTemplateStep = z.infer<typeof checklistTemplateStepSchema>;

export const checklistTemplateSchema = z.object({
  type: matterTypeSchema,
  steps: z.array(checklistTemplateStepSchema),
  updatedAt: z.string().nullable(),
  updatedBy: person.nullable(),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const checklistTemplateParamsSchema = z.strictObject({ type: matterTypeSchema });

/** PUT replaces the whole ordered step list; applies to matters created afterwards. */
export const checklistTemplateUpdateSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        title: text(100),
        guidance: optionalText(1000),
        dueDays,
      }),
    )
    .min(1)
    .max(CHECKLIST_MAX_STEPS),
});
export type ChecklistTemplateUpdate = z.infer<typeof checklistTemplateUpdateSchema>;

export const checklistStepSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  guidance: z.string().nullable(),
  dueDays: z.number().int(),
  /** firm-local day: the matter's opening date plus dueDays */
  dueOn: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: person.nullable(),
  note: z.string().nullable(),
  /** not done and due before the firm's today */
  overdue: z.boolean(),
});
export type ChecklistStep = z.infer<typeof checklistStepSchema>;

export const checklistProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** whole percent, 0 when there are no steps */
  percent: z.number().int(),
});
export type ChecklistProgress = z.infer<typeof checklistProgressSchema>;

export const matterChecklistSchema = z.object({
  matterId: z.string(),
  steps: z.array(checklistStepSchema),
  progress: checklistProgressSchema,
});
export type MatterChecklist = z.infer<typeof matterChecklistSchema>;

export const checklistStepParamsSchema = z.strictObject({ id: idSchema, stepId: idSchema });
export const checklistStepUpdateSchema = z.strictObject({
  done: z.boolean(),
  note: optionalText(500),
});
export type ChecklistStepUpdate = z.infer<typeof checklistStepUpdateSchema>;

export const keyDateSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  kind: keyDateKindSchema,
  date: z.string(),
  time: z.string().nullable(),
  title: z.string(),
  note: z.string().nullable(),
  remindDaysBefore: z.number().int(),
  remindedAt: z.string().nullable(),
  /** created and kept by the system (a retainer's expiry) */
  auto: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KeyDate = z.infer<typeof keyDateSchema>;
export const keyDateListSchema = z.object({ items: z.array(keyDateSchema) });
export type KeyDateList = z.infer<typeof keyDateListSchema>;

export const keyDateCreateSchema = z.strictObject({
  kind: keyDateKindSchema,
  date: day,
  time: time.nullish(),
  title: text(200),
  note: optionalText(1000),
  remindDaysBefore: remindDays.default(KEY_DATE_DEFAULT_REMIND_DAYS),
});
export type KeyDateCreate = z.input<typeof keyDateCreateSchema>;

export const keyDateUpdateSchema = z.strictObject({
  kind: keyDateKindSchema.optional(),
  date: day.optional(),
  time: time.nullish(),
  title: text(200).optional(),
  note: optionalText(1000),
  remindDaysBefore: remindDays.optional(),
});
export type KeyDateUpdate = z.infer<typeof keyDateUpdateSchema>;
