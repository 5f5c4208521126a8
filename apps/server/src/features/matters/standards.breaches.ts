import type { Locale, StandardKind } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import { notify } from '../notifications/notifications.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';

type Db = Kysely<Database>;

const KIND_NAMES: Record<StandardKind, Record<Locale, string>> = {
  project_timeline: { 'zh-CN': '项目时间表', 'en-US': 'project timeline' },
  weekly_brief: { 'zh-CN': '工作简报', 'en-US': 'weekly brief' },
  adverse_event: { 'zh-CN': '不利事件告知', 'en-US': 'adverse event notice' },
  satisfaction_survey: { 'zh-CN': '满意度调查', 'en-US': 'satisfaction survey' },
};

const BREACH_TEXT: Record<Locale, (kind: string, title: string, due: string) => string> = {
  'zh-CN': (kind, title, due) => `事项「${title}」的${kind}已超时（应于 ${due} 前完成）`,
  'en-US': (kind, title, due) => `The ${kind} of "${title}" is overdue (due ${due})`,
};

/**
 * Flags open obligations past their due time, once each (breached_at is set only where it is null,
 * so a second run or a second instance changes nothing), with a timeline event per breach.
 */
export async function flagBreaches(trx: Db, clock: Clock, matterId?: string): Promise<number> {
  const now = clock.now().toISOString();
  const rows = await trx
    .selectFrom('service_obligations')
    .innerJoin('matters', 'matters.id', 'service_obligations.matter_id')
    .select(['service_obligations.id', 'service_obligations.kind', 'service_obligations.due_at', 'matters.id as matter_id', 'matters.title', 'matters.client_id'])
    .where('service_obligations.status', '=', 'open')
    .where('service_obligations.breached_at', 'is', null)
    .where('service_obligations.due_at', '<', now)
    .$if(matterId !== undefined, (q) => q.where('service_obligations.matter_id', '=', matterId!))
    .orderBy('service_obligations.due_at')
    .execute();
  let flagged = 0;
  for (const r of rows) {
    const res = await trx
      .updateTable('service_obligations')
      .set({ breached_at: now, updated_at: now })
      .where('id', '=', r.id)
      .where('breached_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) continue;
    flagged++;
    await breachToTimeline(trx, clock, { id: r.matter_id, title: r.title, client_id: r.client_id }, r);
  }
  return flagged;
}

/** C-8: a breach shows in the client's timeline, whoever found it (the job, or a late completion). */
export async function breachToTimeline(
  trx: Db,
  clock: Clock,
  matter: { id: string; title: string; client_id: string },
  o: { id: string; kind: StandardKind; due_at: string },
): Promise<void> {
  await addTimelineEvent(trx, clock, {
    clientId: matter.client_id,
    kind: 'standard_breached',
    actorId: null,
    data: { matterId: matter.id, title: matter.title, obligationId: o.id, standard: o.kind, dueAt: o.due_at },
  });
}

/** One in-app notification to the lead lawyer per breach, however it was flagged (job, read or late completion). */
export async function notifyBreaches(trx: Db, clock: Clock, timeZone: string): Promise<number> {
  const rows = await trx
    .selectFrom('service_obligations')
    .innerJoin('matters', 'matters.id', 'service_obligations.matter_id')
    .innerJoin('clients', 'clients.id', 'matters.client_id')
    .leftJoin('users as lead', 'lead.id', 'matters.lead_lawyer_id')
    .select([
      'service_obligations.id',
      'service_obligations.kind',
      'service_obligations.due_at',
      'matters.id as matter_id',
      'matters.title',
      'matters.lead_lawyer_id',
      'clients.id as client_id',
      'clients.name as client_name',
      'lead.locale',
    ])
    .where('service_obligations.breached_at', 'is not', null)
    .where('service_obligations.breach_notified_at', 'is', null)
    .where('service_obligations.status', '!=', 'cancelled')
    .execute();
  const now = clock.now().toISOString();
  let sent = 0;
  for (const r of rows) {
    const res = await trx
      .updateTable('service_obligations')
      .set({ breach_notified_at: now })
      .where('id', '=', r.id)
      .where('breach_notified_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) continue;
    const locale: Locale = r.locale === 'en-US' ? 'en-US' : 'zh-CN';
    const due = `${firmDay(new Date(r.due_at), timeZone)} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(r.due_at))}`;
    await notify(trx, clock, [r.lead_lawyer_id], {
      kind: 'standard_breached',
      data: {
        matterId: r.matter_id,
        title: r.title,
        clientId: r.client_id,
        clientName: r.client_name,
        obligationId: r.id,
        standard: r.kind,
        dueAt: r.due_at,
        message: BREACH_TEXT[locale](KIND_NAMES[r.kind][locale], r.title, due),
      },
      link: `/matters/${r.matter_id}`,
    });
    sent++;
  }
  return sent;
}
