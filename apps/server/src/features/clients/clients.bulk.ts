import {
  ERROR_MESSAGES,
  clientUpdateSchema,
  hasPermission,
  type ClientBulk,
  type ClientBulkResponse,
  type ClientBulkResult,
  type FieldError,
  type Locale,
} from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { isUniqueViolation, type Db } from '../../plugins/db.js';
import { AppError, Forbidden, ValidationFailed, type Localized } from '../../plugins/errors.js';
import { transferClient } from './clients.actions.js';
import { visibleClientOr404 } from './clients.visibility.js';
import { updateClient } from './clients.write.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

/** A bulk answer names what went wrong per client, so a field error says which rule in words. */
const FIELD_REASONS: Record<string, Localized> = {
  tags: { 'zh-CN': '添加后标签将超过 30 个上限', 'en-US': 'Adding would take the client past 30 tags' },
  ownerId: { 'zh-CN': '新主办律师须为在职的律师或合伙人', 'en-US': 'The new owner must be an active lawyer or partner' },
  managerId: { 'zh-CN': '新客户经理须为在职的客户经理或合伙人', 'en-US': 'The new client manager must be an active client manager or partner' },
};

async function currentTags(db: Db, actor: Actor, id: string): Promise<string[]> {
  // visibility first: a client the actor may not see answers not_found before anything is read
  await visibleClientOr404(db, actor, id);
  const rows = await db.selectFrom('client_tags').select('tag').where('client_id', '=', id).orderBy('tag').execute();
  return rows.map((r) => r.tag);
}

/** The merged list goes through the single edit, so audit, timeline and search index follow as usual. */
async function changeTags(deps: Deps, ctx: Ctx, actor: Actor, id: string, input: Extract<ClientBulk, { action: 'addTags' | 'removeTags' }>) {
  const before = await currentTags(deps.db, actor, id);
  const tags =
    input.action === 'addTags'
      ? [...before, ...input.tags.filter((tag) => !before.includes(tag))]
      : before.filter((tag) => !input.tags.includes(tag));
  // the rule PATCH /clients/:id applies to its body
  const parsed = clientUpdateSchema.shape.tags.safeParse(tags);
  if (!parsed.success) throw new ValidationFailed([{ field: 'tags', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
  await updateClient(deps, ctx, id, { tags });
}

async function runOne(deps: Deps, ctx: Ctx, actor: Actor, id: string, input: ClientBulk): Promise<void> {
  switch (input.action) {
    case 'addTags':
    case 'removeTags':
      return changeTags(deps, ctx, actor, id, input);
    case 'transfer':
      // the single transfer route requires this permission before it looks at the client
      if (!hasPermission(actor.role, 'clients:transfer')) throw new Forbidden();
      await transferClient(deps, ctx, id, { ownerId: input.ownerId, managerId: input.managerId, reason: input.reason });
      return;
  }
}

function itemError(err: unknown, locale: Locale): { code: string; message: string } | null {
  if (err instanceof ValidationFailed) {
    const field = (err.details as FieldError[] | null)?.[0]?.field;
    const reason = field ? FIELD_REASONS[field] : undefined;
    return { code: err.code, message: (reason ?? err.localized)[locale] };
  }
  if (err instanceof AppError) return { code: err.code, message: err.localized[locale] };
  if (isUniqueViolation(err)) return { code: 'conflict', message: ERROR_MESSAGES.conflict[locale] };
  return null;
}

/**
 * C-9 bulk actions: each client in its own transaction through its single-item action, so one
 * failure never undoes the others and each failure reads as the single endpoint would answer.
 */
export async function runClientBulk(
  deps: Deps,
  ctx: Ctx,
  input: ClientBulk,
  locale: Locale,
  onUnexpected: (err: unknown, id: string) => void,
): Promise<ClientBulkResponse> {
  const actor = ctx.actor;
  if (!actor) throw new Forbidden();
  const results: ClientBulkResult[] = [];
  // one after another: each item is a short transaction, and SQLite has a single writer anyway
  for (const id of input.ids) {
    try {
      await runOne(deps, ctx, actor, id, input);
      results.push({ id, ok: true });
    } catch (err) {
      const known = itemError(err, locale);
      if (!known) onUnexpected(err, id);
      results.push({ id, ok: false, error: known ?? { code: 'internal', message: ERROR_MESSAGES.internal[locale] } });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
