import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import { firmDay } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { newId } from '../../plugins/ids.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';
import type { AccessLogTable } from './access-log.table.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

/**
 * Group commit for the access log: every client-page view writes a row, and one commit (one
 * fsync) per view would cap how many pages the firm can open. Rows arriving while a commit is
 * under way wait and go in the next one together; each caller still returns only once its own
 * row is committed, so a logged view is a durable view.
 */
class AccessLogWriter {
  private pending: { row: Insertable<AccessLogTable>; done: (error?: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  append(row: Insertable<AccessLogTable>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, done: (error) => (error === undefined ? resolve() : reject(error as Error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let the requests already in flight add their rows to this commit.
    await new Promise((r) => setImmediate(r));
    while (this.pending.length) {
      const batch = this.pending.splice(0, 500);
      try {
        await this.db.insertInto('access_log').values(batch.map((b) => b.row)).execute();
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error ?? new Error('access log write failed'));
      }
    }
    this.flushing = false;
  }
}

const writers = new WeakMap<Db, AccessLogWriter>();

function appendAccessLog(db: Db, row: Insertable<AccessLogTable>): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new AccessLogWriter(db)));
  return writer.append(row);
}

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
  // Only a person's first look at a client in a day can cross the alert threshold.
  const seenToday =
    entry.action === 'view' && entry.clientId
      ? await db
          .selectFrom('access_log')
          .select('id')
          .where('user_id', '=', actor.id)
          .where('day', '=', day)
          .where('client_id', '=', entry.clientId)
          .limit(1)
          .executeTakeFirst()
      : undefined;
  await appendAccessLog(db, {
    id: newId(now.getTime()),
    at: now.toISOString(),
    day,
    user_id: actor.id,
    client_id: entry.clientId,
    action: entry.action,
    detail: entry.detail ?? null,
    ip: ctx.ip,
  });
  if (entry.action !== 'view' || seenToday) return;

  const { viewAlertDistinctClients } = await getSettings(db);
  // Distinct clients looked at today: viewed or unmasked (exports carry no client).
  const seen = await db
    .selectFrom('access_log')
    .where('user_id', '=', actor.id)
    .where('day', '=', day)
    .where('client_id', 'is not', null)
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
      link: `/access-log?userId=${actor.id}&from=${day}&to=${day}`,
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
