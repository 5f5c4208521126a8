import type { Fee, FeeList, Matter } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { get, send } from '../clients/clients-fixture.js';
import { matterFirm, moveTo, signInAgain } from './matters-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof matterFirm>>;
beforeEach(async () => {
  // 2026-11-25 10:00 in Shanghai
  t = await createTestApp({ now: '2026-11-25T02:00:00.000Z' });
  f = await matterFirm(t);
});
afterEach(async () => {
  await t.close();
});

const fieldsOf = (e: { details: unknown }) => (e.details as { field: string }[]).map((d) => d.field);
const addFee = (id: string, body: object, who = f.lawyerA) => send(t, 'POST', `/api/v1/matters/${id}/fees`, who, body);

describe('fee receipts (M-2)', () => {
  it('records fees in fen with audit and timeline, totals them on the matter, and deletes with audit', async () => {
    const m = await f.open(f.lawyerA);
    const one = await addFee(m.id, { amountFen: 30_000_00, receivedOn: '2026-02-01', note: '首期律师费' });
    expect(one.statusCode, one.body).toBe(201);
    const fee = one.json() as Fee;
    expect(fee).toMatchObject({ matterId: m.id, clientId: f.client.id, amountFen: 3_000_000, receivedOn: '2026-02-01', note: '首期律师费', createdBy: f.lawyerA.user.id });
    t.clock.advance(1000);
    expect((await addFee(m.id, { amountFen: 1, receivedOn: '2026-11-25' })).statusCode).toBe(201);

    const list = (await get(t, `/api/v1/matters/${m.id}/fees`, f.lawyerA)).json() as FeeList;
    expect(list.items.map((x) => x.amountFen)).toEqual([1, 3_000_000]);
    expect([list.total, list.totalFen]).toEqual([2, 3_000_001]);
    expect((await get(t, `/api/v1/matters/${m.id}`, f.lawyerA)).json()).toMatchObject({ feesTotalFen: 3_000_001, feesCount: 2 });
    const row = ((await get(t, `/api/v1/matters?clientId=${f.client.id}`, f.lawyerA)).json() as { items: Matter[] }).items[0]!;
    expect(row.feesTotalFen).toBe(3_000_001);

    t.clock.advance(1000);
    const del = await send(t, 'DELETE', `/api/v1/matters/${m.id}/fees/${fee.id}`, f.lawyerA);
    expect(del.statusCode).toBe(204);
    expectError(await send(t, 'DELETE', `/api/v1/matters/${m.id}/fees/${fee.id}`, f.lawyerA), 404, 'not_found');
    expect((await get(t, `/api/v1/matters/${m.id}`, f.lawyerA)).json()).toMatchObject({ feesTotalFen: 1, feesCount: 1 });

    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'fee').where('entity_id', '=', fee.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ amount_fen: 3_000_000, received_on: '2026-02-01' });
    const tl = (await get(t, `/api/v1/clients/${f.client.id}/timeline?kind=fee_received,fee_deleted`, f.lawyerA)).json() as {
      items: { kind: string; data: Record<string, unknown> }[];
    };
    expect(tl.items.map((e) => [e.kind, e.data.amountFen, e.data.title])).toEqual([
      ['fee_deleted', 3_000_000, m.title],
      ['fee_received', 1, m.title],
      ['fee_received', 3_000_000, m.title],
    ]);
  });

  it('refuses zero, negative, fractional and textual amounts naming amountFen', async () => {
    const m = await f.open(f.lawyerA);
    for (const amountFen of [0, -100, 99.5, '100', null]) {
      const res = await addFee(m.id, { amountFen, receivedOn: '2026-02-01' });
      expect(fieldsOf(expectError(res, 400, 'validation_failed'))).toEqual(['amountFen']);
    }
    const yuan = await addFee(m.id, { amount: 100, receivedOn: '2026-02-01' });
    expect(fieldsOf(expectError(yuan, 400, 'validation_failed'))).toContain('amountFen');
    expect(await t.db.selectFrom('fees').select('id').execute()).toEqual([]);
  });

  it('refuses a receipt dated in the firm\'s future, or before the matter opened', async () => {
    const m = await f.open(f.lawyerA);
    const tomorrow = await addFee(m.id, { amountFen: 100, receivedOn: '2026-11-26' });
    expect(expectError(tomorrow, 400, 'validation_failed').details).toEqual([{ field: 'receivedOn', message: '收款日期不能晚于今天' }]);
    const before = await addFee(m.id, { amountFen: 100, receivedOn: '2026-01-09' });
    expect(fieldsOf(expectError(before, 400, 'validation_failed'))).toEqual(['receivedOn']);
    // 2026-11-25T17:00Z is the 26th in Shanghai: the same date is now today
    t.clock.set('2026-11-25T17:00:00.000Z');
    await signInAgain(t, f.lawyerA);
    expect((await addFee(m.id, { amountFen: 100, receivedOn: '2026-11-26' })).statusCode).toBe(201);
    // and the matter cannot be made to open after a fee it has received
    expect((await addFee(m.id, { amountFen: 100, receivedOn: '2026-03-01' })).statusCode).toBe(201);
    expect((await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { openedOn: '2026-03-01' })).statusCode).toBe(200);
    const tooLate = await send(t, 'PATCH', `/api/v1/matters/${m.id}`, f.lawyerA, { openedOn: '2026-03-02' });
    expect(expectError(tooLate, 400, 'validation_failed').details).toEqual([
      { field: 'openedOn', message: '已有 2026-03-01 的收费记录，收案日期不能晚于它' },
    ]);
  });

  it('takes late payments on a closed matter for 365 days after closing, then answers 409', async () => {
    t.clock.set('2024-03-01T02:00:00.000Z');
    const m = await f.open(f.lawyerA, { openedOn: '2024-01-05' });
    await moveTo(t, f.lawyerA, m.id, [{ to: 'engaged' }, { to: 'in_progress' }, { to: 'closed', at: '2024-03-01', outcome: '和解' }]);
    t.clock.set('2026-11-25T02:00:00.000Z');
    // 2024-03-01 + 365 days = 2025-03-01 (2024 is a leap year)
    expect((await addFee(m.id, { amountFen: 500_00, receivedOn: '2025-03-01' })).statusCode).toBe(201);
    expect((await addFee(m.id, { amountFen: 500_00, receivedOn: '2024-02-15' })).statusCode).toBe(201);
    const late = await addFee(m.id, { amountFen: 500_00, receivedOn: '2025-03-02' });
    expect(expectError(late, 409, 'conflict').message).toBe('该事项已于 2024-03-01 结案，结案 365 天后不能再登记收费');
    const years = await addFee(m.id, { amountFen: 500_00, receivedOn: '2026-11-01' });
    expectError(years, 409, 'conflict');
    expect((await get(t, `/api/v1/matters/${m.id}`, f.lawyerA)).json()).toMatchObject({ feesCount: 2, feesTotalFen: 1000_00 });
  });

  it('keeps fees of a matter one cannot see out of reach (404), and from secretaries', async () => {
    const m = await f.open(f.lawyerA);
    const fee = (await addFee(m.id, { amountFen: 100, receivedOn: '2026-02-01' })).json() as Fee;
    expectError(await get(t, `/api/v1/matters/${m.id}/fees`, f.lawyerB), 404, 'not_found');
    expectError(await addFee(m.id, { amountFen: 100, receivedOn: '2026-02-01' }, f.lawyerB), 404, 'not_found');
    expectError(await send(t, 'DELETE', `/api/v1/matters/${m.id}/fees/${fee.id}`, f.lawyerB), 404, 'not_found');
    expectError(await get(t, `/api/v1/matters/${m.id}/fees`, f.secretary), 403, 'forbidden');
    expect(await t.db.selectFrom('fees').select('id').execute()).toHaveLength(1);
  });
});
