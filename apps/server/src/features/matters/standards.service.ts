import type { FirmStandard, FirmStandardsQuery, Standard, StandardList } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { workingDays } from '../calendar/working-days.js';
import { addDays } from '../../plugins/days.js';
import { visibleMatterOr404, visibleMatters } from './matters.service.js';
import { flagBreaches } from './standards.breaches.js';
import { ensureBriefs } from './standards.lifecycle.js';
import { statusOf } from './standards.rules.js';
import type { AdverseEventsTable, ServiceObligationsTable } from './standards.table.js';

export type StandardsDeps = { db: Db; clock: Clock; timeZone: string };

type Row = Selectable<ServiceObligationsTable> & { [K in keyof AdverseEventsTable as `ae_${K}`]: AdverseEventsTable[K] | null };

const EVENT_COLUMNS = [
  'adverse_events.id as ae_id',
  'adverse_events.matter_id as ae_matter_id',
  'adverse_events.description as ae_description',
  'adverse_events.occurred_at as ae_occurred_at',
  'adverse_events.notified_at as ae_notified_at',
  'adverse_events.created_by as ae_created_by',
  'adverse_events.created_at as ae_created_at',
  'adverse_events.updated_at as ae_updated_at',
] as const;

/** Obligations with their adverse event (kind adverse_event: key = the event's id). */
export function withEvents(db: Kysely<Database>) {
  return db
    .selectFrom('service_obligations')
    .leftJoin('adverse_events', (j) =>
      j.onRef('adverse_events.id', '=', 'service_obligations.key').on('service_obligations.kind', '=', 'adverse_event'),
    )
    .selectAll('service_obligations')
    .select(EVENT_COLUMNS);
}

export function toStandard(r: Row, now: string): Standard {
  return {
    id: r.id,
    matterId: r.matter_id,
    kind: r.kind,
    weekOf: r.kind === 'weekly_brief' ? r.key : null,
    dueAt: r.due_at,
    doneAt: r.done_at,
    status: statusOf(r, now),
    breachedAt: r.breached_at,
    note: r.note,
    taskId: r.task_id,
    adverseEvent: r.ae_id
      ? {
          id: r.ae_id,
          matterId: r.ae_matter_id!,
          description: r.ae_description!,
          occurredAt: r.ae_occurred_at!,
          notifiedAt: r.ae_notified_at,
          createdBy: r.ae_created_by,
          createdAt: r.ae_created_at!,
        }
      : null,
  };
}

/** M-4 on the matter page: brings this and next week's briefs into being and flags what is overdue, then lists all. */
export async function listMatterStandards(deps: StandardsDeps, actor: Actor, matterId: string): Promise<StandardList> {
  const { db, clock } = deps;
  const matter = await visibleMatterOr404(db, actor, matterId);
  const cal = matter.status === 'in_progress' ? await workingDays({ db, config: { firmTimeZone: deps.timeZone } }) : null;
  await db.transaction().execute(async (trx) => {
    if (cal) await ensureBriefs(trx, clock, cal, [matterId]);
    await flagBreaches(trx, clock, matterId);
  });
  const rows = await withEvents(db)
    .where('service_obligations.matter_id', '=', matterId)
    .orderBy('service_obligations.due_at')
    .orderBy('service_obligations.id')
    .execute();
  const now = clock.now().toISOString();
  return { items: rows.map((r) => toStandard(r, now)) };
}

/** M-4 firm-wide: obligations of the matters the actor may see (X-1 in the query), soonest due first. */
export async function listFirmStandards(deps: StandardsDeps, actor: Actor, query: FirmStandardsQuery) {
  const now = deps.clock.now().toISOString();
  let q = visibleMatters(deps.db, actor).innerJoin('service_obligations', 'service_obligations.matter_id', 'matters.id');
  if (query.status === 'cancelled') q = q.where('service_obligations.status', '=', 'cancelled');
  if (query.status === 'done') q = q.where('service_obligations.status', '=', 'done').where('service_obligations.breached_at', 'is', null);
  if (query.status === 'open') {
    q = q.where('service_obligations.status', '=', 'open').where('service_obligations.breached_at', 'is', null).where('service_obligations.due_at', '>=', now);
  }
  if (query.status === 'breached') {
    q = q
      .where('service_obligations.status', '!=', 'cancelled')
      .where((eb) =>
        eb.or([
          eb('service_obligations.breached_at', 'is not', null),
          eb.and([eb('service_obligations.status', '=', 'open'), eb('service_obligations.due_at', '<', now)]),
        ]),
      );
  }
  if (query.kind) q = q.where('service_obligations.kind', '=', query.kind);
  if (query.assigneeId) q = q.where('matters.lead_lawyer_id', '=', query.assigneeId);
  if (query.from) q = q.where('service_obligations.due_at', '>=', startOfFirmDay(query.from, deps.timeZone).toISOString());
  if (query.to) q = q.where('service_obligations.due_at', '<', startOfFirmDay(addDays(query.to, 1), deps.timeZone).toISOString());
  const after = decodeCursor(query.cursor, 2);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('adverse_events', (j) =>
        j.onRef('adverse_events.id', '=', 'service_obligations.key').on('service_obligations.kind', '=', 'adverse_event'),
      )
      .leftJoin('users as lead', 'lead.id', 'matters.lead_lawyer_id')
      .selectAll('service_obligations')
      .select([
        ...EVENT_COLUMNS,
        'matters.title as matter_title',
        'matters.status as matter_status',
        'matters.lead_lawyer_id',
        'clients.id as client_id',
        'clients.name as client_name',
        'lead.name as lead_lawyer_name',
      ])
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('service_obligations.due_at', '>', String(after![0])),
            eb.and([eb('service_obligations.due_at', '=', String(after![0])), eb('service_obligations.id', '>', String(after![1]))]),
          ]),
        ),
      )
      .orderBy('service_obligations.due_at')
      .orderBy('service_obligations.id')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.due_at, r.id]);
  const out: FirmStandard[] = items.map((r) => ({
    ...toStandard(r, now),
    matterTitle: r.matter_title,
    matterStatus: r.matter_status,
    clientId: r.client_id,
    clientName: r.client_name,
    leadLawyerId: r.lead_lawyer_id,
    leadLawyerName: r.lead_lawyer_name,
  }));
  return { items: out, nextCursor, total: Number(count.n) };
}
