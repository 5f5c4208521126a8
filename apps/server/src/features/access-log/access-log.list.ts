import type { AccessLogListEntry, AccessLogListQuery } from '@retainer/shared';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';

/**
 * the firm-wide access log, newest first, with the person's and the client's names.
 * Admins only (the route's permission): they see every client, so no visibility filter here.
 */
export async function listFirmAccessLog(db: Db, query: AccessLogListQuery) {
  let q = db.selectFrom('access_log');
  if (query.userId) q = q.where('access_log.user_id', '=', query.userId);
  if (query.clientId) q = q.where('access_log.client_id', '=', query.clientId);
  if (query.action) q = q.where('access_log.action', '=', query.action);
  // `day` is the firm-local day each entry was logged on
  if (query.from) q = q.where('access_log.day', '>=', query.from);
  if (query.to) q = q.where('access_log.day', '<=', query.to);

  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users', 'users.id', 'access_log.user_id')
      .leftJoin('clients', 'clients.id', 'access_log.client_id')
      .selectAll('access_log')
      .select(['users.name as user_name', 'clients.name as client_name'])
      .$if(after !== null, (qb) => qb.where('access_log.id', '<', String(after![0])))
      .orderBy('access_log.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  const entries: AccessLogListEntry[] = items.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    clientId: r.client_id,
    clientName: r.client_name,
    action: r.action,
    detail: r.detail,
    ip: r.ip,
  }));
  return { items: entries, nextCursor, total: Number(count.n) };
}
