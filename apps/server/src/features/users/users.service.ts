import type { User, UserCreate, UserListQuery, UserUpdate } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { containsText, type Db } from '../../plugins/db.js';
import { Conflict, NotFound, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { endSessionsOf } from '../auth/sessions.service.js';
import type { UsersTable } from './users.table.js';

type Deps = { db: Db; clock: Clock };
type Row = Omit<Selectable<UsersTable>, 'password_hash'> & { team_name: string | null };

// Everything but the password hash, which never leaves the auth service.
const PUBLIC_COLUMNS = [
  'users.id',
  'users.name',
  'users.email',
  'users.phone',
  'users.role',
  'users.team_id',
  'users.active',
  'users.locale',
  'users.last_login_at',
  'users.created_at',
  'users.updated_at',
] as const;

export function toUser(row: Row): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    active: row.active === 1,
    locale: row.locale,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(PUBLIC_COLUMNS)
    .select('teams.name as team_name');
}

export async function getUser(db: Kysely<Database>, id: string): Promise<User> {
  const row = await baseQuery(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return toUser(row);
}

export async function listUsers({ db }: Deps, query: UserListQuery) {
  let q = db.selectFrom('users');
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('users.name', text), containsText('users.email', text), containsText('users.phone', text)]));
  }
  if (query.role) q = q.where('users.role', '=', query.role);
  if (query.teamId) q = q.where('users.team_id', '=', query.teamId);
  if (query.active) q = q.where('users.active', '=', query.active === 'true' ? 1 : 0);

  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('teams', 'teams.id', 'users.team_id')
      .select(PUBLIC_COLUMNS)
      .select('teams.name as team_name')
      .$if(after !== null, (qb) => qb.where('users.id', '>', String(after![0])))
      .orderBy('users.id')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map(toUser), nextCursor, total: Number(count.n) };
}

async function assertTeam(db: Kysely<Database>, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new ValidationFailed([{ field: 'teamId', message: 'team does not exist' }]);
}

async function assertEmailFree(db: Kysely<Database>, email: string, exceptId?: string) {
  let q = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) {
    throw new Conflict({ 'zh-CN': '该邮箱已被其他用户使用', 'en-US': 'This email is already used by another user' }, [
      { field: 'email', message: 'already in use' },
    ]);
  }
}

export async function createUser({ db, clock }: Deps, ctx: Ctx, input: UserCreate): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    await assertEmailFree(trx, input.email);
    await assertTeam(trx, input.teamId);
    const now = clock.now().toISOString();
    const row: UsersTable = {
      id: newId(),
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      role: input.role,
      team_id: input.teamId ?? null,
      active: 1,
      locale: input.locale ?? 'zh-CN',
      password_hash: passwordHash,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('users').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'user', entityId: row.id, after: row });
    return row.id;
  });
  return getUser(db, id);
}

/** The firm must keep at least one active administrator. */
async function assertAnotherAdmin(db: Kysely<Database>, id: string) {
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (!other) {
    throw new Conflict({
      'zh-CN': '至少需要保留一名启用中的系统管理员',
      'en-US': 'At least one active administrator must remain',
    });
  }
}

/** Writes only the fields that change, with their before/after in the audit trail. */
async function updateRow(
  { db, clock }: Deps,
  ctx: Ctx,
  id: string,
  patch: (before: Selectable<UsersTable>, trx: Kysely<Database>) => Promise<Partial<UsersTable>>,
  after?: (trx: Kysely<Database>) => Promise<void>,
  auditNote: Record<string, string> = {},
): Promise<User> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFound();
    const wanted = await patch(before, trx);
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof UsersTable] !== v),
    ) as Partial<UsersTable>;
    if (Object.keys(changed).length === 0) return;
    const losesAdmin = (changed.role !== undefined && changed.role !== 'admin') || changed.active === 0;
    if (before.role === 'admin' && before.active === 1 && losesAdmin) await assertAnotherAdmin(trx, id);
    const values = { ...changed, updated_at: clock.now().toISOString() };
    await trx.updateTable('users').set(values).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof UsersTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'user', entityId: id, before: prior, after: { ...changed, ...auditNote } });
    await after?.(trx);
  });
  return getUser(db, id);
}

export function updateUser(deps: Deps, ctx: Ctx, id: string, input: UserUpdate): Promise<User> {
  return updateRow(deps, ctx, id, async (_before, trx) => {
    if (input.email !== undefined) await assertEmailFree(trx, input.email, id);
    if (input.teamId) await assertTeam(trx, input.teamId);
    const out: Partial<UsersTable> = {};
    if (input.name !== undefined) out.name = input.name;
    if (input.email !== undefined) out.email = input.email;
    if (input.phone !== undefined) out.phone = input.phone;
    if (input.role !== undefined) out.role = input.role;
    if (input.teamId !== undefined) out.team_id = input.teamId;
    return out;
  });
}

/** deactivation ends the user's sessions in the same transaction. */
export function setUserActive(deps: Deps, ctx: Ctx, id: string, active: boolean): Promise<User> {
  if (!active && ctx.actor?.id === id) {
    throw new ValidationFailed([{ field: 'id', message: 'you cannot deactivate your own account' }]);
  }
  return updateRow(
    deps,
    ctx,
    id,
    async () => ({ active: active ? 1 : 0 }),
    active ? undefined : (trx) => endSessionsOf(trx, id),
  );
}

export async function resetPassword(deps: Deps, ctx: Ctx, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await updateRow(
    deps,
    ctx,
    id,
    async () => ({ password_hash: passwordHash }),
    (trx) => endSessionsOf(trx, id),
    { password: 'reset' },
  );
}

/** Active people for pickers (owner lawyer, client manager): names, roles and teams only. */
export async function listDirectory({ db }: Deps, query: { q?: string | undefined; role?: UsersTable['role'] | undefined; limit: number; cursor?: string | undefined }) {
  let q = db.selectFrom('users').where('users.active', '=', 1);
  if (query.q) q = q.where(containsText('users.name', query.q));
  if (query.role) q = q.where('users.role', '=', query.role);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('teams', 'teams.id', 'users.team_id')
      .select(['users.id', 'users.name', 'users.role', 'users.team_id', 'teams.name as team_name'])
      .$if(after !== null, (qb) => qb.where('users.id', '>', String(after![0])))
      .orderBy('users.id')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return {
    items: items.map((r) => ({ id: r.id, name: r.name, role: r.role, teamId: r.team_id, teamName: r.team_name })),
    nextCursor,
    total: Number(count.n),
  };
}
