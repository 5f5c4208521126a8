import type { CadenceReport } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get } from '../clients/clients-fixture.js';
import type { Config } from '../../plugins/config.js';
import { flagCadenceShortfalls } from './cadence.jobs.js';
import { insertMatter, interactionFirm } from './interactions-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof interactionFirm>>;
beforeEach(async () => {
  // 2026-11-24 23:30 in Shanghai: the day before November's flag window opens (30 − 5 = the 25th)
  t = await createTestApp({ now: '2026-11-24T15:30:00.000Z' });
  f = await interactionFirm(t);
});
afterEach(async () => {
  await t.close();
});

type Who = { headers: Record<string, string> };
const report = async (who: Who, month?: string) => {
  const res = await get(t, `/api/v1/reports/cadence${month ? `?month=${month}` : ''}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CadenceReport;
};
const shortfallNotes = () => t.db.selectFrom('notifications').select(['user_id', 'link']).where('kind', '=', 'cadence_shortfall').execute();

describe('cadence (I-2)', () => {
  it("counts each person's interactions per firm-local month, across the month boundary, against 3 and 1", async () => {
    // 2026-10-31 23:30 Shanghai (October) and 2026-11-01 00:30 Shanghai (November)
    await f.log(f.lawyerA, { occurredAt: '2026-10-31T15:30:00.000Z' });
    await f.log(f.lawyerA, { occurredAt: '2026-10-31T16:30:00.000Z', participantIds: [f.lawyerA.user.id, f.manager.user.id] });
    await f.log(f.lawyerA, { occurredAt: '2026-11-12T02:00:00.000Z', kind: 'visit' });
    // newsletters are broadcasts and do not count
    await f.log(f.lawyerA, { occurredAt: '2026-11-13T02:00:00.000Z', kind: 'newsletter' });
    // client Y's interactions count for Y only
    await f.log(f.lawyerB, { clientId: f.clientY.id, occurredAt: '2026-11-13T02:00:00.000Z' });

    const nov = await report(f.partner, '2026-11');
    expect(nov).toMatchObject({ month: '2026-11', phase: 'open', flagFrom: '2026-11-25', targets: { leadLawyer: 3, clientManager: 1 } });
    const x = nov.clients.find((c) => c.clientId === f.client.id)!;
    expect(x.openMatters).toBe(1);
    expect(x.people.map((e) => [e.userId, e.role, e.count, e.shortfall, e.flagged])).toEqual([
      [f.lawyerA.user.id, 'lead_lawyer', 2, 1, false],
      [f.manager.user.id, 'client_manager', 1, 0, false],
    ]);
    const y = nov.clients.find((c) => c.clientId === f.clientY.id)!;
    expect(y.people.map((e) => [e.userId, e.count, e.shortfall])).toEqual([[f.lawyerB.user.id, 1, 2]]);
    const lawyerA = nov.people.find((p) => p.userId === f.lawyerA.user.id)!;
    expect(lawyerA).toMatchObject({ name: f.lawyerA.user.name, role: 'lead_lawyer', clients: 1, shortClients: 1, interactions: 2, expected: 3, shortfall: 1 });

    const oct = await report(f.partner, '2026-10');
    expect(oct.phase).toBe('past');
    expect(oct.clients.find((c) => c.clientId === f.client.id)!.people.map((e) => [e.role, e.count])).toEqual([
      ['lead_lawyer', 1],
      ['client_manager', 0],
    ]);
    expect((await report(f.partner, '2026-12')).phase).toBe('future');
    // nothing is flagged before the window opens
    expect(await shortfallNotes()).toEqual([]);
  });

  it('flags shortfalls from 5 days before month end and tells each person once that month', async () => {
    await f.log(f.lawyerA, { occurredAt: '2026-11-10T02:00:00.000Z' });
    expect((await report(f.partner)).phase).toBe('open');

    // 2026-11-25 00:30 in Shanghai
    t.clock.advance(3600_000);
    const flagged = await report(f.partner);
    expect(flagged).toMatchObject({ month: '2026-11', phase: 'flagging' });
    const x = flagged.clients.find((c) => c.clientId === f.client.id)!;
    expect(x.people.map((e) => [e.role, e.count, e.shortfall, e.flagged])).toEqual([
      ['lead_lawyer', 1, 2, true],
      ['client_manager', 0, 1, true],
    ]);
    expect(flagged.people.filter((p) => p.flagged).map((p) => p.userId).sort()).toEqual(
      [f.lawyerA.user.id, f.manager.user.id, f.lawyerB.user.id].sort(),
    );
    const notes = await shortfallNotes();
    expect(notes.map((n) => n.user_id).sort()).toEqual([f.lawyerA.user.id, f.manager.user.id, f.lawyerB.user.id].sort());
    expect(notes[0]!.link).toBe('/reports/cadence?month=2026-11');

    // computed again, by anyone: nobody is told twice
    await report(f.partner);
    await report(f.lawyerA);
    expect((await shortfallNotes()).length).toBe(3);
    // a past month's shortfalls are final, not flagged
    const oct = await report(f.partner, '2026-10');
    expect(oct.phase).toBe('past');
    expect(oct.people.every((p) => !p.flagged)).toBe(true);
  });

  it('tells people of their shortfall from the scheduled check, without anyone opening the report', async () => {
    await f.log(f.lawyerA, { occurredAt: '2026-11-10T02:00:00.000Z' });
    const deps = { db: t.db, clock: t.clock, config: { firmTimeZone: 'Asia/Shanghai' } as Config };
    expect(await flagCadenceShortfalls(deps)).toBe(0);
    expect(await shortfallNotes()).toEqual([]);
    t.clock.advance(3600_000);
    expect(await flagCadenceShortfalls(deps)).toBe(3);
    expect((await shortfallNotes()).map((n) => n.user_id).sort()).toEqual([f.lawyerA.user.id, f.manager.user.id, f.lawyerB.user.id].sort());
    // the next hourly run tells nobody again
    t.clock.advance(3600_000);
    expect(await flagCadenceShortfalls(deps)).toBe(0);
    expect((await shortfallNotes()).length).toBe(3);
  });

  it("lets a person catch up: the count follows the month's interactions and meeting the target clears the flag", async () => {
    t.clock.set('2026-11-26T02:00:00.000Z');
    const lawyer = await t.login(f.lawyerA.user.email);
    const headers = { cookie: lawyer.cookie, 'x-csrf-token': lawyer.csrf };
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      await f.log({ headers }, { occurredAt: `${day}T02:00:00.000Z`, participantIds: [f.lawyerA.user.id, f.manager.user.id] });
    }
    const r = await report({ headers });
    expect(r.clients.find((c) => c.clientId === f.client.id)!.people.map((e) => [e.role, e.count, e.shortfall, e.flagged])).toEqual([
      ['lead_lawyer', 3, 0, false],
      ['client_manager', 3, 0, false],
    ]);
    expect((await shortfallNotes()).map((n) => n.user_id)).toEqual([]);
  });

  it('covers only visible clients with an engaged or in-progress matter; secretaries may not ask', async () => {
    const intake = await f.create(f.lawyerA, { kind: 'individual', name: '咨询客户' });
    await insertMatter(t, { clientId: intake.id, leadLawyerId: f.lawyerA.user.id, status: 'intake' });
    const later = await f.create(f.lawyerA, { kind: 'individual', name: '十二月新客户' });
    await insertMatter(t, { clientId: later.id, leadLawyerId: f.lawyerA.user.id, status: 'engaged', openedOn: '2026-12-02' });

    const all = await report(f.partner, '2026-11');
    expect(all.clients.map((c) => c.clientId).sort()).toEqual([f.client.id, f.clientY.id].sort());
    expect(all.clientsTotal).toBe(2);
    expect((await report(f.lawyerA, '2026-11')).clients.map((c) => c.clientId)).toEqual([f.client.id]);
    expect((await report(f.lawyerB, '2026-11')).clients.map((c) => c.clientId)).toEqual([f.clientY.id]);
    expect((await report(f.manager, '2026-11')).clients.map((c) => c.clientId)).toEqual([f.client.id]);
    const one = await report(f.partner, `2026-11&userId=${f.lawyerB.user.id}`);
    expect(one.clients.map((c) => c.clientId)).toEqual([f.clientY.id]);
    expect(one.people.length).toBe(3);
    expectError(await get(t, '/api/v1/reports/cadence', f.secretary), 403, 'forbidden');
    expectError(await get(t, '/api/v1/reports/cadence?month=2026-13', f.partner), 400, 'validation_failed');
  });
});
