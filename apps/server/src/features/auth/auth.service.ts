import { ROLE_PERMISSIONS, type Locale, type Me } from '@retainer/shared';
import type { Deps } from '../../plugins/app-types.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Ctx } from '../../plugins/context.js';
import { AppError, Unauthenticated, ValidationFailed } from '../../plugins/errors.js';
import { getUser } from '../users/users.service.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { createSession, endSessionsOf } from './sessions.service.js';
import { assertNotLocked, clearFailures, recordFailure, THROTTLE, throttleKeys } from './throttle.service.js';

type LoginInput = { login: string; password: string; ip: string | null; userAgent: string | null };

/** a generic error whatever went wrong, and a lock-out per account and per address. */
export async function login({ db, clock }: Deps, input: LoginInput) {
  const keys = throttleKeys(input.login, input.ip);
  await assertNotLocked(db, clock, [keys.account, keys.ip]);
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('email', '=', input.login.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.active !== 1) {
    await recordFailure(db, clock, keys.account, THROTTLE.accountMax);
    await recordFailure(db, clock, keys.ip, THROTTLE.ipMax);
    throw new AppError('invalid_credentials', 401);
  }
  await clearFailures(db, keys.account);
  const { token, session } = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ last_login_at: clock.now().toISOString() }).where('id', '=', user.id).execute();
    return createSession(trx, clock, user.id, { ip: input.ip, userAgent: input.userAgent });
  });
  return { token, me: await me({ db, clock } as Deps, user.id, session.csrf_token) };
}

export async function me({ db }: Pick<Deps, 'db'> & Partial<Deps>, userId: string, csrfToken: string): Promise<Me> {
  const user = await getUser(db, userId);
  return { user, permissions: [...ROLE_PERMISSIONS[user.role]], csrfToken };
}

export async function setLocale({ db, clock }: Deps, ctx: Ctx, locale: Locale): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new Unauthenticated();
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('locale').where('id', '=', actor.id).executeTakeFirstOrThrow();
    if (before.locale === locale) return;
    await trx.updateTable('users').set({ locale, updated_at: clock.now().toISOString() }).where('id', '=', actor.id).execute();
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'user', entityId: actor.id, before, after: { locale } });
  });
}

/** Changing one's password ends one's other sessions. */
export async function changePassword(
  { db, clock }: Deps,
  ctx: Ctx,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new Unauthenticated();
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new ValidationFailed([{ field: 'currentPassword', message: actor.locale === 'en-US' ? 'wrong password' : '当前密码不正确' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', actor.id).execute();
    await endSessionsOf(trx, actor.id, sessionId);
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'user', entityId: actor.id, before: {}, after: { password: 'changed' } });
  });
}
