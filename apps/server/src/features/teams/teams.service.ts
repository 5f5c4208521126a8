import type { Team, TeamCreate, TeamUpdate } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { containsText, type Db } from '../../plugins/db.js';
import { Conflict, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import type { TeamsTable } from './teams.table.js';

type Deps = { db: Db; clock: Clock };

function withCounts(db: Kysely<Database>) {
  return db
    .selectFrom('teams')
    .selectAll('teams')
    .select((eb) =>
      eb.selectFrom('users').whereRef('users.team_id', '=', 'teams.id').select(eb.fn.countAll<number>().as('n')).as('member_count'),
    );
}

function toTeam(row: TeamsTable & { member_count: number | null }): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: Number(row.member_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getTeam(db: Kysely<Database>, id: string): Promise<Team> {
  const row = await withCounts(db).where('teams.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return toTeam(row);
}

export async function listTeams({ db }: Deps, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  let q = db.selectFrom('teams');
  if (query.q) q = q.where(containsText('teams.name', query.q));
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    withCounts(db)
      .$if(!!query.q, (qb) => qb.where(containsText('teams.name', query.q!)))
      .$if(after !== null, (qb) => qb.where('teams.id', '>', String(after![0])))
      .orderBy('teams.id')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map(toTeam), nextCursor, total: Number(count.n) };
}

const nameTaken = () =>
  new Conflict({ 'zh-CN': '已有同名团队', 'en-US': 'A team with this name already exists' }, [{ field: 'name', message: 'already in use' }]);

async function assertNameFree(db: Kysely<Database>, name: string, exceptId?: string) {
  let q = db.selectFrom('teams').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw nameTaken();
}

export async function createTeam({ db, clock }: Deps, ctx: Ctx, input: TeamCreate): Promise<Team> {
  const id = await db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    const now = clock.now().toISOString();
    const row: TeamsTable = { id: newId(), name: input.name, description: input.description ?? null, created_at: now, updated_at: now };
    await trx.insertInto('teams').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'team', entityId: row.id, after: row });
    return row.id;
  });
  return getTeam(db, id);
}

export async function updateTeam({ db, clock }: Deps, ctx: Ctx, id: string, input: TeamUpdate): Promise<Team> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFound();
    if (input.name !== undefined) await assertNameFree(trx, input.name, id);
    const changed: Partial<TeamsTable> = {};
    if (input.name !== undefined && input.name !== before.name) changed.name = input.name;
    if (input.description !== undefined && (input.description ?? null) !== before.description) {
      changed.description = input.description ?? null;
    }
    if (Object.keys(changed).length === 0) return;
    await trx.updateTable('teams').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof TeamsTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'team', entityId: id, before: prior, after: changed });
  });
  return getTeam(db, id);
}

export async function deleteTeam({ db, clock }: Deps, ctx: Ctx, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFound();
    const member = await trx.selectFrom('users').select('id').where('team_id', '=', id).executeTakeFirst();
    if (member) {
      throw new Conflict({
        'zh-CN': '该团队仍有成员，请先将成员调往其他团队',
        'en-US': 'This team still has members; move them to another team first',
      });
    }
    await trx.deleteFrom('teams').where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'team', entityId: id, before });
  });
}
