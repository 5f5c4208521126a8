import type { AuditEvent, AuditListQuery } from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import { startOfFirmDay } from '../../plugins/clock.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { nextDay } from '../../plugins/days.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

const parse = (v: string | null) => (v ? (JSON.parse(v) as Record<string, unknown>) : null);

/** newest first; read-only. */
export async function listAuditEvents({ db, timeZone }: Deps, query: AuditListQuery) {
  let q = db.selectFrom('audit_events');
  if (query.entity) q = q.where('audit_events.entity', '=', query.entity);
  if (query.entityId) q = q.where('audit_events.entity_id', '=', query.entityId);
  if (query.actorId) q = q.where('audit_events.actor_id', '=', query.actorId);
  if (query.from) q = q.where('audit_events.at', '>=', startOfFirmDay(query.from, timeZone).toISOString());
  if (query.to) q = q.where('audit_events.at', '<', startOfFirmDay(nextDay(query.to), timeZone).toISOString());

  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users', 'users.id', 'audit_events.actor_id')
      .selectAll('audit_events')
      .select('users.name as actor_name')
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('audit_events.at', '<', String(after![0])),
            eb.and([eb('audit_events.at', '=', String(after![0])), eb('audit_events.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('audit_events.at', 'desc')
      .orderBy('audit_events.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.at, r.id]);
  const events: AuditEvent[] = items.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
    ip: r.ip,
  }));
  return { items: events, nextCursor, total: Number(count.n) };
}
