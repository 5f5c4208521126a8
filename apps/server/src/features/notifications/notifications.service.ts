import type { Notification } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { forwardToWebhook } from '../reminders/reminders.webhook.js';

/** P-10: in-app notifications to each distinct user (nulls and duplicates dropped). */
export async function notify(
  trx: Kysely<Database>,
  clock: Clock,
  userIds: (string | null | undefined)[],
  n: { kind: string; data: Record<string, unknown>; link?: string | null },
): Promise<void> {
  const now = clock.now();
  const to = [...new Set(userIds.filter((u): u is string => !!u))];
  if (!to.length) return;
  const rows = to.map((user_id) => ({
    id: newId(now.getTime()),
    user_id,
    kind: n.kind,
    data: JSON.stringify(n.data),
    link: n.link ?? null,
    created_at: now.toISOString(),
    read_at: null,
  }));
  await trx.insertInto('notifications').values(rows).execute();
  await forwardToWebhook(trx, clock, rows);
}

export async function listNotifications(db: Db, userId: string, query: { unread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined }) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count, unread] = await Promise.all([
    q
      .selectAll()
      .$if(after !== null, (qb) => qb.where('id', '<', String(after![0])))
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('notifications').where('user_id', '=', userId).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  const out: Notification[] = items.map((r) => ({
    id: r.id,
    kind: r.kind,
    data: JSON.parse(r.data) as Record<string, unknown>,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
  return { items: out, nextCursor, total: Number(count.n), unread: Number(unread.n) };
}

export async function markRead(db: Db, clock: Clock, userId: string, id: string | 'all'): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: clock.now().toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== 'all') {
    const found = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!found) throw new NotFound();
    q = q.where('id', '=', id);
  }
  await q.execute();
}
