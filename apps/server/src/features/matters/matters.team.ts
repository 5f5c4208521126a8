import type { Matter, OpposingPartyCreate } from '@retainer/shared';
import { recordAudit } from '../../plugins/audit.js';
import type { Ctx } from '../../plugins/context.js';
import { Conflict, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { readMatter, visibleMatterOr404 } from './matters.service.js';
import { actorOf, assertPerson, MEMBER_ROLES } from './matters.rules.js';
import { assertWriter, type Deps } from './matters.write.js';

/** M-1 members: a member lawyer also sees the client. */
export async function addMember({ db, clock }: Deps, ctx: Ctx, matterId: string, input: { userId: string; role: 'associate' | 'assistant' }): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    await assertPerson(trx, actor, 'userId', input.userId, MEMBER_ROLES);
    const existing = await trx.selectFrom('matter_members').select('role').where('matter_id', '=', matterId).where('user_id', '=', input.userId).executeTakeFirst();
    if (existing) throw new Conflict({ 'zh-CN': '此人已是该事项的成员', 'en-US': 'This person is already a member of the matter' });
    const row = { matter_id: matterId, user_id: input.userId, role: input.role };
    await trx.insertInto('matter_members').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'matter_member', entityId: `${matterId}:${input.userId}`, after: row });
  });
  return readMatter(db, actor, matterId);
}

export async function removeMember({ db, clock }: Deps, ctx: Ctx, matterId: string, userId: string): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    const row = await trx.selectFrom('matter_members').selectAll().where('matter_id', '=', matterId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new NotFound();
    if (row.role === 'lead') {
      throw new Conflict({ 'zh-CN': '主办律师不能移出事项，请先更换主办律师', 'en-US': 'The lead lawyer cannot be removed; change the lead lawyer first' });
    }
    await trx.deleteFrom('matter_members').where('matter_id', '=', matterId).where('user_id', '=', userId).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'matter_member', entityId: `${matterId}:${userId}`, before: row });
  });
  return readMatter(db, actor, matterId);
}

/** C-11: opposing parties are searched by every conflict check. */
export async function addOpposingParty({ db, clock }: Deps, ctx: Ctx, matterId: string, input: OpposingPartyCreate): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    const row = { id: newId(), matter_id: matterId, name: input.name, kind: input.kind, id_code: input.idCode ?? null, created_at: clock.now().toISOString() };
    await trx.insertInto('matter_opposing_parties').values(row).execute();
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'matter_opposing_party', entityId: row.id, after: row });
  });
  return readMatter(db, actor, matterId);
}

export async function removeOpposingParty({ db, clock }: Deps, ctx: Ctx, matterId: string, partyId: string): Promise<Matter> {
  const actor = actorOf(ctx);
  assertWriter(actor);
  await db.transaction().execute(async (trx) => {
    await visibleMatterOr404(trx, actor, matterId);
    const row = await trx.selectFrom('matter_opposing_parties').selectAll().where('id', '=', partyId).where('matter_id', '=', matterId).executeTakeFirst();
    if (!row) throw new NotFound();
    await trx.deleteFrom('matter_opposing_parties').where('id', '=', partyId).execute();
    await recordAudit(trx, ctx, clock, { action: 'delete', entity: 'matter_opposing_party', entityId: partyId, before: row });
  });
  return readMatter(db, actor, matterId);
}
