import type { Locale } from '@retainer/shared';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { newId } from '../../plugins/ids.js';
import type { TasksTable } from '../interactions/interactions.table.js';
import type { MatterKeyDatesTable } from './matter-process.table.js';
import { RENEWAL_TEXT, renewalDueOn } from './matter-process.rules.js';

type Trx = Transaction<Database>;
export const RENEWAL_SOURCE = 'retainer_renewal';
/** The renewal key date itself is reminded a month ahead; the task carries the 60 days. */
const RENEWAL_REMIND_DAYS = 30;

type Audit = (action: 'create' | 'update' | 'delete', entity: string, entityId: string, change: { before?: object; after?: object }) => Promise<void>;
type Matter = { id: string; client_id: string; lead_lawyer_id: string; client_name: string; locale: Locale };
type Task = Selectable<TasksTable>;

/**
 * M-5: keeps a retainer's renewal task (due 60 days before expiry, for the lead lawyer) and its
 * contract_renewal key date in step with the matter. Called after the matter is written, in the same
 * transaction; running it twice changes nothing. The matter_renewals row is the reference that finds
 * them again: a new expiry moves an open task, and starts a fresh one once the last was done.
 */
export async function syncRenewal(trx: Trx, clock: Clock, timeZone: string, ctx: Ctx, matterId: string): Promise<void> {
  const row = await trx
    .selectFrom('matters')
    .innerJoin('clients', 'clients.id', 'matters.client_id')
    .innerJoin('users as lead', 'lead.id', 'matters.lead_lawyer_id')
    .select(['matters.id', 'matters.type', 'matters.client_id', 'matters.retainer_expires_on', 'matters.lead_lawyer_id', 'clients.name as client_name', 'lead.locale'])
    .where('matters.id', '=', matterId)
    .executeTakeFirstOrThrow();
  const m: Matter = { ...row, locale: (row.locale ?? 'zh-CN') as Locale };
  const link = await trx.selectFrom('matter_renewals').selectAll().where('matter_id', '=', matterId).executeTakeFirst();
  const task = link?.task_id ? await trx.selectFrom('tasks').selectAll().where('id', '=', link.task_id).executeTakeFirst() : undefined;
  const openTask = task?.status === 'open' ? task : undefined;
  const expiresOn = row.type === 'retainer' ? row.retainer_expires_on : null;
  const audit: Audit = (action, entity, entityId, change) => recordAudit(trx, ctx, clock, { action, entity, entityId, ...change });

  if (!expiresOn) {
    if (link) await dropRenewal(trx, audit, matterId, openTask, link.key_date_id);
    return;
  }
  const title = RENEWAL_TEXT[m.locale].task(m.client_name);
  if (link && link.expires_on === expiresOn) {
    // same expiry: only follow a new lead lawyer
    if (openTask && openTask.assignee_id !== m.lead_lawyer_id) {
      await trx.updateTable('tasks').set({ assignee_id: m.lead_lawyer_id, title }).where('id', '=', openTask.id).execute();
      await audit('update', 'task', openTask.id, { before: { assignee_id: openTask.assignee_id }, after: { assignee_id: m.lead_lawyer_id } });
    }
    return;
  }
  const dueOn = renewalDueOn(expiresOn, firmDay(clock.now(), timeZone));
  const taskId = await putTask(trx, clock, ctx, audit, m, openTask, { title, dueOn });
  const keyDateId = await putKeyDate(trx, clock, ctx, audit, m, link?.key_date_id ?? null, expiresOn);
  const next = { expires_on: expiresOn, task_id: taskId, key_date_id: keyDateId };
  if (link) await trx.updateTable('matter_renewals').set(next).where('matter_id', '=', matterId).execute();
  else await trx.insertInto('matter_renewals').values({ matter_id: matterId, ...next }).execute();
}

/** No expiry any more: an open renewal task and the system's key date go with it; a done task stays. */
async function dropRenewal(trx: Trx, audit: Audit, matterId: string, openTask: Task | undefined, keyDateId: string | null) {
  if (openTask) {
    await trx.deleteFrom('tasks').where('id', '=', openTask.id).execute();
    await audit('delete', 'task', openTask.id, { before: openTask });
  }
  if (keyDateId) {
    await trx.deleteFrom('matter_key_dates').where('id', '=', keyDateId).execute();
    await audit('delete', 'matter_key_date', keyDateId, { before: { matter_id: matterId, source: RENEWAL_SOURCE } });
  }
  await trx.deleteFrom('matter_renewals').where('matter_id', '=', matterId).execute();
}

/** Moves the open task, or starts a new one; returns its id. */
async function putTask(trx: Trx, clock: Clock, ctx: Ctx, audit: Audit, m: Matter, openTask: Task | undefined, want: { title: string; dueOn: string }) {
  if (openTask) {
    const after = { due_on: want.dueOn, title: want.title, assignee_id: m.lead_lawyer_id };
    await trx.updateTable('tasks').set(after).where('id', '=', openTask.id).execute();
    await audit('update', 'task', openTask.id, { before: { due_on: openTask.due_on, title: openTask.title, assignee_id: openTask.assignee_id }, after });
    return openTask.id;
  }
  const now = clock.now();
  const row: TasksTable = {
    id: newId(now.getTime()),
    client_id: m.client_id,
    interaction_id: null,
    title: want.title,
    due_on: want.dueOn,
    assignee_id: m.lead_lawyer_id,
    status: 'open',
    done_at: null,
    created_by: ctx.actor?.id ?? m.lead_lawyer_id,
    created_at: now.toISOString(),
  };
  await trx.insertInto('tasks').values(row).execute();
  await audit('create', 'task', row.id, { after: row });
  return row.id;
}

/** Moves the renewal key date to the expiry (to be reminded afresh), or adds it; returns its id. */
async function putKeyDate(trx: Trx, clock: Clock, ctx: Ctx, audit: Audit, m: Matter, keyDateId: string | null, expiresOn: string) {
  const now = clock.now().toISOString();
  if (keyDateId) {
    const before = await trx.selectFrom('matter_key_dates').select('date').where('id', '=', keyDateId).executeTakeFirst();
    await trx.updateTable('matter_key_dates').set({ date: expiresOn, reminded_at: null, updated_at: now }).where('id', '=', keyDateId).execute();
    await audit('update', 'matter_key_date', keyDateId, { before: { date: before?.date }, after: { date: expiresOn } });
    return keyDateId;
  }
  const row: MatterKeyDatesTable = {
    id: newId(clock.now().getTime()),
    matter_id: m.id,
    kind: 'contract_renewal',
    date: expiresOn,
    time: null,
    title: RENEWAL_TEXT[m.locale].keyDate,
    note: null,
    remind_days_before: RENEWAL_REMIND_DAYS,
    reminded_at: null,
    source: RENEWAL_SOURCE,
    created_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('matter_key_dates').values(row).execute();
  await audit('create', 'matter_key_date', row.id, { after: row });
  return row.id;
}
