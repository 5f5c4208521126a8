import { NEXT_MATTER_STATUS, type Matter, type MatterCreate, type MatterTransition, type MatterUpdate } from '@retainer/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, startOfFirmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Conflict, Forbidden } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { mayEdit, seesFees, visibleClientOr404 } from '../clients/clients.visibility.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { recomputeClients } from '../classification/classification.recompute.js';
import { followMatterChange, startMatterProcess } from './matter-process.hooks.js';
import { readMatter, visibleMatterOr404 } from './matters.service.js';
import { actorOf, assertPerson, fieldError, LEAD_ROLES, STATUS_NAMES } from './matters.rules.js';
import { applyServiceStandards } from './standards.lifecycle.js';
import type { MattersTable } from './matters.table.js';

export type Deps = { db: Db; clock: Clock; timeZone: string };

/** Who may write matters at all; which matters is visibility's business. */
export function assertWriter(actor: Actor) {
  if (!seesFees(actor) || !mayEdit(actor)) throw new Forbidden();
}

/** Dates of a matter that must hold together whatever was edited. */
function assertDates(actor: Actor, today: string, m: Pick<MattersTable, 'type' | 'opened_on' | 'retainer_expires_on'>) {
  if (m.opened_on > today) throw fieldError(actor, 'openedOn', { 'zh-CN': '收案日期不能晚于今天', 'en-US': 'cannot be in the future' });
  if (m.retainer_expires_on && m.type !== 'retainer') {
    throw fieldError(actor, 'retainerExpiresOn', { 'zh-CN': '仅常年法律顾问事项有到期日', 'en-US': 'only retainers expire' });
  }
  if (m.retainer_expires_on && m.retainer_expires_on < m.opened_on) {
    throw fieldError(actor, 'retainerExpiresOn', { 'zh-CN': '到期日不能早于收案日期', 'en-US': 'must not be before the opening date' });
  }
}

/** Makes `userId` the lead; a former lead stays on the team as an associate. */
async function setLead(trx: Kysely<Database>, matterId: string, userId: string) {
  await trx.updateTable('matter_members').set({ role: 'associate' }).where('matter_id', '=', matterId).where('role', '=', 'lead').execute();
  const existing = await trx.selectFrom('matter_members').select('user_id').where('matter_id', '=', matterId).where('user_id', '=', userId).executeTakeFirst();
  if (existing) await trx.updateTable('matter_members').set({ role: 'lead' }).where('matter_id', '=', matterId).where('user_id', '=', userId).execute();
  else await trx.insertInto('matter_members').values({ matter_id: matterId, user_id: userId, role: 'lead' }).execute();
}

export async function createMatter({ db, clock, timeZone }: Deps, ctx: Ctx, input: MatterCreate): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  const id = await db.transaction().execute(async (trx) => {
    // a matter for a client one cannot see: 404, as if the client did not exist
    await visibleClientOr404(trx, actor, input.clientId);
    const leadId = input.leadLawyerId ?? ((LEAD_ROLES as readonly string[]).includes(actor.role) ? actor.id : undefined);
    if (!leadId) throw fieldError(actor, 'leadLawyerId', { 'zh-CN': '请选择主办律师', 'en-US': 'choose the lead lawyer' });
    await assertPerson(trx, actor, 'leadLawyerId', leadId, LEAD_ROLES);
    const now = clock.now();
    const row: MattersTable = {
      id: newId(now.getTime()),
      client_id: input.clientId,
      type: input.type,
      title: input.title,
      case_number: input.caseNumber ?? null,
      forum: input.forum ?? null,
      amount_in_dispute_fen: input.amountInDisputeFen ?? null,
      fee_arrangement: input.feeArrangement ?? null,
      agreed_fee_fen: input.agreedFeeFen ?? null,
      status: 'intake',
      opened_on: input.openedOn ?? firmDay(now, timeZone),
      engaged_at: null,
      closed_on: null,
      retainer_expires_on: input.retainerExpiresOn ?? null,
      lead_lawyer_id: leadId,
      outcome: input.outcome ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    assertDates(actor, firmDay(now, timeZone), row);
    await trx.insertInto('matters').values(row).execute();
    await setLead(trx, row.id, leadId);
    const parties = (input.opposingParties ?? []).map((p) => ({
      id: newId(),
      matter_id: row.id,
      name: p.name,
      kind: p.kind,
      id_code: p.idCode ?? null,
      created_at: row.created_at,
    }));
    if (parties.length) await trx.insertInto('matter_opposing_parties').values(parties).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'matter', entityId: row.id, after: { ...row, opposing_parties: parties } });
    await startMatterProcess(trx, { clock, timeZone }, ctx, row);
    await addTimelineEvent(trx, clock, {
      clientId: row.client_id,
      kind: 'matter_opened',
      actorId: actor.id,
      data: { matterId: row.id, title: row.title, type: row.type, openedOn: row.opened_on },
    });
    await recomputeClients({ db: trx, clock, timeZone }, [row.client_id]); // K-1..K-5 follow at once
    return row.id;
  });
  return readMatter(db, actor, id);
}

/** Column values for the editable fields present in the input (undefined = untouched). */
function columnsFrom(input: MatterUpdate): Partial<MattersTable> {
  const out: Partial<MattersTable> = {};
  const set = <K extends keyof MattersTable>(k: K, v: MattersTable[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('type', input.type);
  set('title', input.title);
  set('case_number', input.caseNumber);
  set('forum', input.forum);
  set('amount_in_dispute_fen', input.amountInDisputeFen);
  set('fee_arrangement', input.feeArrangement);
  set('agreed_fee_fen', input.agreedFeeFen);
  set('opened_on', input.openedOn);
  set('retainer_expires_on', input.retainerExpiresOn);
  set('lead_lawyer_id', input.leadLawyerId);
  set('outcome', input.outcome);
  return out;
}

export async function updateMatter({ db, clock, timeZone }: Deps, ctx: Ctx, id: string, input: MatterUpdate): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    const before = await visibleMatterOr404(trx, actor, id);
    const wanted = columnsFrom(input);
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => before[k as keyof MattersTable] !== v),
    ) as Partial<MattersTable>;
    if (!Object.keys(changed).length) return;
    const after = { ...before, ...changed };
    assertDates(actor, firmDay(clock.now(), timeZone), after);
    if (after.status === 'closed' && !after.outcome) {
      throw fieldError(actor, 'outcome', { 'zh-CN': '已结案事项须保留办理结果', 'en-US': 'a closed matter keeps its outcome' });
    }
    if (changed.opened_on) await assertNoFeeBefore(trx, actor, id, changed.opened_on);
    if (changed.lead_lawyer_id) {
      await assertPerson(trx, actor, 'leadLawyerId', changed.lead_lawyer_id, LEAD_ROLES);
      await setLead(trx, id, changed.lead_lawyer_id);
    }
    await trx.updateTable('matters').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof MattersTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'matter', entityId: id, before: prior, after: changed });
    await followMatterChange(trx, { clock, timeZone }, ctx, id);
    await recomputeClients({ db: trx, clock, timeZone }, [before.client_id]); // K-1..K-5 follow at once
  });
  return readMatter(db, actor, id);
}

/** M-2: fees are never dated before the matter was opened, so a later opening date is refused. */
async function assertNoFeeBefore(trx: Transaction<Database>, actor: Actor, matterId: string, openedOn: string) {
  const early = await trx.selectFrom('fees').select('received_on').where('matter_id', '=', matterId).where('received_on', '<', openedOn).executeTakeFirst();
  if (early) {
    throw fieldError(actor, 'openedOn', {
      'zh-CN': `已有 ${early.received_on} 的收费记录，收案日期不能晚于它`,
      'en-US': `a fee was received on ${early.received_on}; the matter cannot open after it`,
    });
  }
}

/** When a transition happened: a firm-local day or an instant, never in the future or before opening. */
function whenOf(actor: Actor, deps: Deps, matter: Selectable<MattersTable>, at: string | undefined) {
  const now = deps.clock.now();
  const instant = at === undefined ? now : at.length === 10 ? startOfFirmDay(at, deps.timeZone) : new Date(at);
  const day = at?.length === 10 ? at : firmDay(instant, deps.timeZone);
  if (instant.getTime() > now.getTime()) throw fieldError(actor, 'at', { 'zh-CN': '不能晚于现在', 'en-US': 'cannot be in the future' });
  if (day < matter.opened_on) {
    throw fieldError(actor, 'at', { 'zh-CN': `不能早于收案日期 ${matter.opened_on}`, 'en-US': `cannot be before the opening date ${matter.opened_on}` });
  }
  return { instant, day };
}

/** M-1: intake → engaged → in progress → closed, one step at a time; anything else is a 409. */
export async function transitionMatter(deps: Deps, ctx: Ctx, id: string, input: MatterTransition): Promise<Matter> {
  const { db, clock } = deps;
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    const before = await visibleMatterOr404(trx, actor, id);
    const next = NEXT_MATTER_STATUS[before.status];
    if (input.to !== next) {
      const from = STATUS_NAMES[before.status];
      const to = STATUS_NAMES[input.to];
      throw new Conflict(
        {
          'zh-CN': `事项状态只能按 立案咨询 → 已委托 → 办理中 → 已结案 依次推进，不能从「${from['zh-CN']}」改为「${to['zh-CN']}」`,
          'en-US': `A matter moves intake → engaged → in progress → closed, one step at a time; it cannot go from ${from['en-US']} to ${to['en-US']}`,
        },
        { from: before.status, to: input.to, allowed: next },
      );
    }
    const { instant, day } = whenOf(actor, deps, before, input.at);
    const changed: Partial<MattersTable> = { status: input.to };
    if (input.to === 'engaged') changed.engaged_at = instant.toISOString();
    if (input.to === 'closed') {
      const outcome = input.outcome ?? before.outcome;
      if (!outcome) throw fieldError(actor, 'outcome', { 'zh-CN': '结案须填写办理结果', 'en-US': 'closing a matter needs its outcome' });
      if (before.engaged_at && day < firmDay(new Date(before.engaged_at), deps.timeZone)) {
        throw fieldError(actor, 'at', { 'zh-CN': '结案日期不能早于委托日期', 'en-US': 'cannot close before the engagement' });
      }
      changed.closed_on = day;
      changed.outcome = outcome;
    }
    await trx.updateTable('matters').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    const prior = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof MattersTable]]));
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'matter', entityId: id, before: prior, after: changed });
    await applyServiceStandards(trx, deps, ctx, { ...before, ...changed }, instant);
    await addTimelineEvent(trx, clock, {
      clientId: before.client_id,
      kind: 'matter_status_changed',
      actorId: actor.id,
      data: { matterId: id, title: before.title, from: before.status, to: input.to, on: day, ...(changed.outcome ? { outcome: changed.outcome } : {}) },
    });
    await recomputeClients({ db: trx, clock, timeZone: deps.timeZone }, [before.client_id]); // K-5 follows a closing at once
  });
  return readMatter(db, actor, id);
}
