import type { TimelineEvent, TimelineKind } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import { newId } from '../../plugins/ids.js';

/** C-8: written in the same transaction as the change it reports. */
export async function addTimelineEvent(
  trx: Kysely<Database>,
  clock: Clock,
  event: { clientId: string; kind: TimelineKind; actorId: string | null; data?: Record<string, unknown> },
): Promise<void> {
  const now = clock.now();
  await trx
    .insertInto('timeline_events')
    .values({
      id: newId(now.getTime()),
      client_id: event.clientId,
      at: now.toISOString(),
      kind: event.kind,
      actor_id: event.actorId,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

/** Newest first; the caller has already checked the client is visible. */
export async function listTimeline(
  db: Kysely<Database>,
  clientId: string,
  query: { kind?: string | undefined; limit: number; cursor?: string | undefined; hideKinds?: readonly string[] },
) {
  const kinds = query.kind?.split(',').map((k) => k.trim()).filter(Boolean) ?? [];
  let q = db.selectFrom('timeline_events').where('timeline_events.client_id', '=', clientId);
  if (kinds.length) q = q.where('timeline_events.kind', 'in', kinds);
  if (query.hideKinds?.length) q = q.where('timeline_events.kind', 'not in', [...query.hideKinds]);
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users', 'users.id', 'timeline_events.actor_id')
      .selectAll('timeline_events')
      .select('users.name as actor_name')
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('timeline_events.at', '<', String(after![0])),
            eb.and([eb('timeline_events.at', '=', String(after![0])), eb('timeline_events.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('timeline_events.at', 'desc')
      .orderBy('timeline_events.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.at, r.id]);
  const events: TimelineEvent[] = items.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    at: r.at,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
  return { items: events, nextCursor, total: Number(count.n) };
}
