import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import { firmDay } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { newId } from '../../plugins/ids.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

/**
 * logs a view, unmasking or export. When one person views more distinct clients in a
 * firm-local day than the setting allows, admins are alerted once for that person and day.
 */
export async function logAccess(
  { db, clock, timeZone }: Deps,
  ctx: Ctx,
  entry: { clientId: string | null; action: 'view' | 'unmask' | 'export'; detail?: string | null },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  const now = clock.now();
  const day = firmDay(now, timeZone);
  await db
    .insertInto('access_log')
    .values({
      id: newId(now.getTime()),
      at: now.toISOString(),
      day,
      user_id: actor.id,
      client_id: entry.clientId,
      action: entry.action,
      detail: entry.detail ?? null,
      ip: ctx.ip,
    })
    .execute();
  if (entry.action !== 'view') return;

  const { viewAlertDistinctClients } = await getSettings(db);
  const seen = await db
    .selectFrom('access_log')
    .where('user_id', '=', actor.id)
    .where('day', '=', day)
    .where('action', '=', 'view')
    .select((eb) => eb.fn.count<number>('client_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(seen.n) <= viewAlertDistinctClients) return;
  await db.transaction().execute(async (trx) => {
    // One alert per person and day, even when parallel views cross the threshold together.
    const key = `leak_alert:${actor.id}:${day}`;
    const claimed = await trx
      .insertInto('meta')
      .values({ key, value: now.toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return;
    const admins = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    await notify(trx, clock, admins.map((a) => a.id), {
      kind: 'leak_alert',
      data: { userId: actor.id, userName: actor.name, day, distinctClients: Number(seen.n), threshold: viewAlertDistinctClients },
      link: `/clients?viewedBy=${actor.id}`,
    });
  });
}

export async function listAccessLog(db: Kysely<Database>, clientId: string, query: { userId?: string | undefined; limit: number; cursor?: string | undefined }) {
  let q = db.selectFrom('access_log').where('access_log.client_id', '=', clientId);
  if (query.userId) q = q.where('access_log.user_id', '=', query.userId);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users', 'users.id', 'access_log.user_id')
      .selectAll('access_log')
      .select('users.name as user_name')
      .$if(after !== null, (qb) => qb.where('access_log.id', '<', String(after![0])))
      .orderBy('access_log.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return {
    items: items.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      clientId: r.client_id,
      action: r.action,
      detail: r.detail,
      ip: r.ip,
    })),
    nextCursor,
    total: Number(count.n),
  };
}
