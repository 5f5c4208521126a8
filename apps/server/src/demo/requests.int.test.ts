import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsNearBreach, toRequest, visibleRequests } from '../features/requests/requests.service.js';
import { dialect, openTestDatabase } from '../test/harness.js';
import { DEMO_NOW } from './demo-time.js';
import { seedRequests } from './requests.js';
import { seedDemo } from './seed.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
const REQUEST_KINDS = ['request_received', 'request_replied', 'request_opinion_given', 'request_committed', 'request_closed'];

describe(`demo requests (${dialect})`, () => {
  let handle: Handle;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    handle = await openTestDatabase();
    result = await seedDemo(handle.db, 'small', 'Demo-Passw0rd!');
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('adds a year of requests in mixed SLA states, none in the future, with their timeline events', async () => {
    const admin = { id: 'x', name: '', role: 'admin' as const, teamId: null, locale: 'zh-CN' as const };
    const rows = await visibleRequests(handle.db, admin).selectAll('r').select(['c.name as client_name', 'ct.name as contact_name', 'u.name as assignee_name']).execute();
    expect(rows).toHaveLength(result.requests.requests);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const now = new Date(DEMO_NOW);
    const states = rows.map((r) => toRequest(r, now)).flatMap((r) => [r.reply.state, r.opinion.state]);
    const share = (s: string) => states.filter((x) => x === s).length / states.length;
    expect(share('met')).toBeGreaterThan(0.6);
    expect(share('met_late')).toBeGreaterThan(0.03);
    expect(share('breached')).toBeGreaterThan(0);
    for (const r of rows) expect(Date.parse(r.received_at)).toBeLessThanOrEqual(DEMO_NOW);
    const events = await handle.db.selectFrom('timeline_events').select('kind').where('kind', 'in', REQUEST_KINDS).execute();
    expect(events).toHaveLength(result.requests.timeline);
    expect(await handle.db.selectFrom('request_commitments').select('id').execute()).toHaveLength(result.requests.commitments);
    expect(result.requests.commitments).toBeGreaterThan(0);
  });

  it('gives the demo lawyer open requests near breach for My day', async () => {
    const lawyer = await handle.db.selectFrom('users').select(['id', 'name', 'role', 'team_id']).where('email', '=', 'lawyer@retainer.test').executeTakeFirstOrThrow();
    const near = await requestsNearBreach(handle.db, { id: lawyer.id, name: lawyer.name, role: lawyer.role, teamId: lawyer.team_id, locale: 'zh-CN' }, new Date(DEMO_NOW));
    expect(near.length).toBeGreaterThanOrEqual(3);
    expect(near.map((r) => r.slaState)).toEqual(expect.arrayContaining(['warning', 'breached']));
    const dues = near.map((r) => r.nextDueAt!);
    expect(dues).toEqual([...dues].sort());
  });

  it('is deterministic', async () => {
    const ids = async () => (await handle.db.selectFrom('requests').select('id').orderBy('id').execute()).map((r) => r.id);
    const before = await ids();
    await handle.db.deleteFrom('request_commitments').execute();
    await handle.db.deleteFrom('requests').execute();
    await handle.db.deleteFrom('timeline_events').where('kind', 'in', REQUEST_KINDS).execute();
    await seedRequests(handle.db);
    expect(await ids()).toEqual(before);
  });
});
