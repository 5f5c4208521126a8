import type { MatterStatus } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { Forbidden, ValidationFailed, type Localized } from '../../plugins/errors.js';

export const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** Field messages in the actor's language (service rules, not schema rules). */
export const say = (actor: Actor, text: Localized) => text[actor.locale];

export const fieldError = (actor: Actor, field: string, text: Localized) => new ValidationFailed([{ field, message: say(actor, text) }]);

export const STATUS_NAMES: Record<MatterStatus, Localized> = {
  intake: { 'zh-CN': '立案咨询', 'en-US': 'intake' },
  engaged: { 'zh-CN': '已委托', 'en-US': 'engaged' },
  in_progress: { 'zh-CN': '办理中', 'en-US': 'in progress' },
  closed: { 'zh-CN': '已结案', 'en-US': 'closed' },
};

/** Lead lawyers are active lawyers or partners; members are anyone but secretaries. */
export async function assertPerson(db: Kysely<Database>, actor: Actor, field: string, id: string, roles: readonly string[]) {
  const u = await db.selectFrom('users').select(['id', 'name', 'role', 'active']).where('id', '=', id).executeTakeFirst();
  if (!u || u.active !== 1 || !roles.includes(u.role)) {
    throw fieldError(actor, field, {
      'zh-CN': roles.includes('assistant') ? '须为在职的律师、合伙人、客户经理或助理' : '须为在职的律师或合伙人',
      'en-US': `must be an active user with role ${roles.join(' or ')}`,
    });
  }
  return u;
}

export const LEAD_ROLES = ['lawyer', 'partner'] as const;
export const MEMBER_ROLES = ['lawyer', 'partner', 'client_manager', 'assistant'] as const;
