import type { Contact, Interaction } from '@retainer/shared';
import { expect } from 'vitest';
import { newId } from '../../plugins/ids.js';
import type { TestApp } from '../../test/harness.js';
import { clientFirm, send } from '../clients/clients-fixture.js';
import type { MatterStatus } from '../matters/matters.table.js';

type Who = { headers: Record<string, string> };

/** A matter written straight to its table (the matters API is another feature's), lead lawyer as member. */
export async function insertMatter(
  t: TestApp,
  m: { clientId: string; leadLawyerId: string; status?: MatterStatus; openedOn?: string; title?: string },
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('matters')
    .values({
      id,
      client_id: m.clientId,
      type: 'retainer',
      title: m.title ?? '常年法律顾问',
      case_number: null,
      forum: null,
      amount_in_dispute_fen: null,
      fee_arrangement: 'annual_retainer',
      agreed_fee_fen: null,
      status: m.status ?? 'in_progress',
      opened_on: m.openedOn ?? '2026-01-05',
      engaged_at: now,
      closed_on: null,
      retainer_expires_on: null,
      lead_lawyer_id: m.leadLawyerId,
      outcome: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.db.insertInto('matter_members').values({ matter_id: id, user_id: m.leadLawyerId, role: 'lead' }).execute();
  return id;
}

/**
 * The clients firm plus: a contact on client X (lawyer A's, manager M), a matter on it led by lawyer A,
 * and client Y of lawyer B (team B) with its own contact and matter.
 */
export async function interactionFirm(t: TestApp) {
  const f = await clientFirm(t);
  const contact = async (who: Who, clientId: string, name: string) => {
    const res = await send(t, 'POST', `/api/v1/clients/${clientId}/contacts`, who, { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Contact;
  };
  const contactX = await contact(f.lawyerA, f.client.id, '王总');
  const clientY = await f.create(f.lawyerB, { kind: 'organisation', name: '宁波海通贸易有限公司' });
  const contactY = await contact(f.lawyerB, clientY.id, '赵经理');
  const matterX = await insertMatter(t, { clientId: f.client.id, leadLawyerId: f.lawyerA.user.id, title: '2026 年度常年法律顾问' });
  const matterY = await insertMatter(t, { clientId: clientY.id, leadLawyerId: f.lawyerB.user.id });

  /** POST /interactions, expecting 201. */
  const log = async (who: Who, body: Record<string, unknown>) => {
    const res = await send(t, 'POST', '/api/v1/interactions', who, { clientId: f.client.id, kind: 'call', summary: '电话沟通合同条款', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Interaction;
  };
  return { ...f, contactX, clientY, contactY, matterX, matterY, log };
}

export async function timelineKinds(t: TestApp, clientId: string): Promise<string[]> {
  const rows = await t.db.selectFrom('timeline_events').select('kind').where('client_id', '=', clientId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => r.kind);
}
