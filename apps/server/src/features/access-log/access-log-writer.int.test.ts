import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { clientFirm, get } from '../clients/clients-fixture.js';

// X-4 with group commit: views arriving together share one commit, and each answer still
// comes only after its own row is in the log.
describe('access log group commit', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof clientFirm>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = await clientFirm(t);
  });
  afterAll(() => t.close());

  const rows = () => t.db.selectFrom('access_log').select(['user_id', 'client_id', 'action']).where('client_id', '=', f.client.id).execute();

  it('logs every one of many parallel views, each before its answer', async () => {
    const before = (await rows()).length;
    const viewers = [f.partner, f.lawyerA, f.lawyerA2, f.manager, f.admin];
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const who = viewers[i % viewers.length]!;
        const res = await get(t, `/api/v1/clients/${f.client.id}`, who);
        // the row is committed by the time the page is answered
        const mine = (await rows()).filter((r) => r.user_id === who.user.id && r.action === 'view').length;
        return { status: res.statusCode, mine };
      }),
    );
    expect(answers.every((a) => a.status === 200 && a.mine >= 1)).toBe(true);
    const after = await rows();
    expect(after.length - before).toBe(40);
    for (const who of viewers) expect(after.filter((r) => r.user_id === who.user.id).length).toBe(8);
  });

  it('does not log a view of a client the user may not see', async () => {
    const before = (await rows()).length;
    expect((await get(t, `/api/v1/clients/${f.client.id}`, f.lawyerB)).statusCode).toBe(404);
    expect((await rows()).length).toBe(before);
  });
});
