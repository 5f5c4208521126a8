import type { Contact, ImportantDate, ListResponse } from '@retainer/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../../test/harness.js';
import { firm, timelineKinds, trail, type Who } from '../contacts/firm-fixture.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof firm>>;
beforeEach(async () => {
  t = await createTestApp();
  f = await firm(t);
});
afterEach(async () => {
  await t.close();
});

const base = (clientId = f.client.id) => `/clients/${clientId}/important-dates`;
const list = async (who: Who = f.lawyerA, clientId = f.client.id) => (await f.call(who, 'GET', base(clientId))).json() as ListResponse<ImportantDate>;
async function add(body: Record<string, unknown>, clientId = f.client.id) {
  const res = await f.call(f.lawyerA, 'POST', base(clientId), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ImportantDate;
}
async function addContact(body: Record<string, unknown>, clientId = f.client.id) {
  const res = await f.call(f.lawyerA, 'POST', `/clients/${clientId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Contact;
}

describe('important dates (C-5)', () => {
  it('creates, edits and deletes a date, with audit rows and timeline events', async () => {
    const wang = await addContact({ name: '王建国' });
    const d = await add({ kind: 'wedding_anniversary', contactId: wang.id, calendar: 'solar', month: 5, day: 20, year: 2001, label: '结婚纪念日' });
    expect(d).toMatchObject({
      clientId: f.client.id,
      contactId: wang.id,
      contactName: '王建国',
      kind: 'wedding_anniversary',
      label: '结婚纪念日',
      calendar: 'solar',
      month: 5,
      day: 20,
      leapMonth: false,
      year: 2001,
      nextOccurrence: '2027-05-20',
    });
    const edited = await f.call(f.lawyerA, 'PATCH', `${base()}/${d.id}`, { month: 12, day: 1, label: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ month: 12, day: 1, label: null, nextOccurrence: '2026-12-01', contactName: '王建国' });
    expect((await f.call(f.lawyerA, 'DELETE', `${base()}/${d.id}`)).statusCode).toBe(204);
    expect((await list()).total).toBe(0);
    expect(await trail(t, 'important_date', d.id)).toEqual(['create', 'delete', 'update']);
    const kinds = await timelineKinds(t, f.client.id);
    expect(kinds.filter((k) => k.startsWith('important_date'))).toEqual(['important_date_added', 'important_date_removed', 'important_date_updated']);
  });

  it('computes the next occurrence from the firm-local today, for solar and lunar dates', async () => {
    // the harness clock: 2026-11-25 10:00 in Shanghai
    const today = await add({ kind: 'custom', calendar: 'solar', month: 11, day: 25 });
    const yesterday = await add({ kind: 'custom', calendar: 'solar', month: 11, day: 24 });
    const midAutumn = await add({ kind: 'custom', calendar: 'lunar', month: 8, day: 15 });
    const lunarSoon = await add({ kind: 'birthday', calendar: 'lunar', month: 10, day: 20 });
    const leap = await add({ kind: 'birthday', calendar: 'lunar', year: 2023, month: 2, day: 10, leapMonth: true });
    const feb29 = await add({ kind: 'birthday', calendar: 'solar', month: 2, day: 29 });
    expect(today.nextOccurrence).toBe('2026-11-25');
    expect(yesterday.nextOccurrence).toBe('2027-11-24');
    expect(midAutumn.nextOccurrence).toBe('2027-09-15');
    expect(lunarSoon.nextOccurrence).toBe('2026-11-28');
    // 2027 has no leap 2nd month: the ordinary 2nd month stands in
    expect(leap.nextOccurrence).toBe('2027-03-17');
    expect(feb29.nextOccurrence).toBe('2027-02-28');
    // the list runs soonest first
    expect((await list()).items.map((d) => d.nextOccurrence)).toEqual(['2026-11-25', '2026-11-28', '2027-02-28', '2027-03-17', '2027-09-15', '2027-11-24']);

    // 16:30 UTC on the 25th is already the 26th in Shanghai (a new sign-in: the old session idled out)
    t.clock.set('2026-11-25T16:30:00.000Z');
    const session = await t.login(f.lawyerA.user.email);
    const later = { ...f.lawyerA, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } };
    expect((await list(later)).items.find((d) => d.id === today.id)!.nextOccurrence).toBe('2027-11-25');
  });

  it('refuses dates that cannot exist, naming the field, writing nothing', async () => {
    const leap = expectError(
      await f.call(f.lawyerA, 'POST', base(), { kind: 'birthday', calendar: 'lunar', year: 2023, month: 3, day: 1, leapMonth: true }),
      400,
      'validation_failed',
    );
    expect(leap.details).toEqual([{ field: 'leapMonth', message: 'lunar year 2023 has leap month 2, not 3' }]);
    const feb = expectError(await f.call(f.lawyerA, 'POST', base(), { kind: 'custom', calendar: 'solar', year: 2023, month: 2, day: 30 }), 400, 'validation_failed');
    expect(feb.details).toEqual([{ field: 'day', message: 'February 2023 has only 28 days' }]);
    const solarLeap = expectError(await f.call(f.lawyerA, 'POST', base(), { kind: 'custom', calendar: 'solar', month: 3, day: 1, leapMonth: true }), 400, 'validation_failed');
    expect(solarLeap.details).toEqual([{ field: 'leapMonth', message: 'a solar date has no leap month' }]);
    const lunar31 = expectError(await f.call(f.lawyerA, 'POST', base(), { kind: 'custom', calendar: 'lunar', month: 1, day: 31 }), 400, 'validation_failed');
    expect((lunar31.details as { field: string }[])[0]!.field).toBe('day');
    const shape = expectError(await f.call(f.lawyerA, 'POST', base(), { kind: 'party', calendar: 'solar', month: 13, day: 1 }), 400, 'validation_failed');
    expect((shape.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['kind', 'month']);
    expect((await list()).total).toBe(0);
    expect(await timelineKinds(t, f.client.id)).toEqual(['client_created']);
  });

  it('checks an edit against the stored date, and keeps a leap month the edit does not mention', async () => {
    const d = await add({ kind: 'birthday', calendar: 'lunar', year: 2023, month: 2, day: 10, leapMonth: true });
    const label = await f.call(f.lawyerA, 'PATCH', `${base()}/${d.id}`, { label: '闰月生日' });
    expect(label.json()).toMatchObject({ leapMonth: true, month: 2, label: '闰月生日' });
    const e = expectError(await f.call(f.lawyerA, 'PATCH', `${base()}/${d.id}`, { month: 4 }), 400, 'validation_failed');
    expect(e.details).toEqual([{ field: 'leapMonth', message: 'lunar year 2023 has leap month 2, not 4' }]);
    const solar = await f.call(f.lawyerA, 'PATCH', `${base()}/${d.id}`, { calendar: 'solar', year: null });
    expect(solar.json()).toMatchObject({ calendar: 'solar', leapMonth: false, month: 2, day: 10, year: null });
  });

  it("accepts only a contact of the same client", async () => {
    const other = await f.createClient(f.lawyerA, { kind: 'organisation', name: '另一家公司' });
    const stranger = await addContact({ name: '外人' }, other.id);
    const e = expectError(
      await f.call(f.lawyerA, 'POST', base(), { kind: 'birthday', contactId: stranger.id, calendar: 'solar', month: 1, day: 1 }),
      400,
      'validation_failed',
    );
    expect(e.details).toEqual([{ field: 'contactId', message: expect.any(String) }]);
    const d = await add({ kind: 'custom', calendar: 'solar', month: 1, day: 1 });
    const p = expectError(await f.call(f.lawyerA, 'PATCH', `${base()}/${d.id}`, { contactId: stranger.id }), 400, 'validation_failed');
    expect(p.details).toEqual([{ field: 'contactId', message: expect.any(String) }]);
  });

  it("drops a contact's dates with the contact", async () => {
    const wang = await addContact({ name: '王建国' });
    await add({ kind: 'wedding_anniversary', contactId: wang.id, calendar: 'solar', month: 5, day: 20 });
    expect((await f.call(f.lawyerA, 'DELETE', `/clients/${f.client.id}/contacts/${wang.id}`)).statusCode).toBe(204);
    expect((await list()).total).toBe(0);
  });
});

describe('dates kept on client and contact records', () => {
  it("lists an individual's birthday and contacts' birthdays read-only, under their own ids", async () => {
    const person = await f.createClient(f.lawyerA, { kind: 'individual', name: '张伟', birthday: { calendar: 'lunar', month: 10, day: 20 } });
    const c = await addContact({ name: '张太太', birthday: { calendar: 'solar', year: 1980, month: 3, day: 8 } }, person.id);
    const items = (await list(f.lawyerA, person.id)).items;
    expect(items).toEqual([
      expect.objectContaining({ id: `client-birthday:${person.id}`, kind: 'birthday', contactId: null, calendar: 'lunar', month: 10, day: 20, nextOccurrence: '2026-11-28' }),
      expect.objectContaining({ id: `contact-birthday:${c.id}`, kind: 'birthday', contactId: c.id, contactName: '张太太', year: 1980, nextOccurrence: '2027-03-08' }),
    ]);
    for (const id of items.map((i) => i.id)) {
      expectError(await f.call(f.lawyerA, 'PATCH', `${base(person.id)}/${id}`, { day: 2 }), 400, 'bad_request');
      expectError(await f.call(f.lawyerA, 'DELETE', `${base(person.id)}/${id}`), 400, 'bad_request');
    }
    // another client's derived ids are unknown here
    expectError(await f.call(f.lawyerA, 'DELETE', `${base()}/contact-birthday:${c.id}`), 404, 'not_found');
    expectError(await f.call(f.lawyerA, 'DELETE', `${base()}/client-birthday:${person.id}`), 404, 'not_found');
  });

  it("lists an organisation's founding day", async () => {
    const org = await f.createClient(f.lawyerA, { kind: 'organisation', name: '老字号公司', foundedOn: '1998-12-08' });
    expect((await list(f.lawyerA, org.id)).items).toEqual([
      expect.objectContaining({ id: `founding-day:${org.id}`, kind: 'founding_day', calendar: 'solar', year: 1998, month: 12, day: 8, nextOccurrence: '2026-12-08' }),
    ]);
  });
});

describe('important dates: visibility (X-1)', () => {
  it('answers 404 to a lawyer of another team on every route, and for a date of another client', async () => {
    const d = await add({ kind: 'custom', calendar: 'solar', month: 1, day: 1 });
    const calls = [
      ['GET', base()],
      ['POST', base(), { kind: 'custom', calendar: 'solar', month: 1, day: 2 }],
      ['PATCH', `${base()}/${d.id}`, { day: 3 }],
      ['DELETE', `${base()}/${d.id}`],
    ] as const;
    for (const [method, url, body] of calls) expectError(await f.call(f.lawyerB, method, url, body), 404, 'not_found');

    const other = await f.createClient(f.lawyerA, { kind: 'organisation', name: '另一家公司' });
    expectError(await f.call(f.lawyerA, 'PATCH', `${base(other.id)}/${d.id}`, { day: 3 }), 404, 'not_found');
    expectError(await f.call(f.lawyerA, 'DELETE', `${base(other.id)}/${d.id}`), 404, 'not_found');
    expect((await list()).items.map((x) => x.day)).toEqual([1]);
  });

  it("lets the team's assistant work on dates; the secretary reads active clients only and never writes", async () => {
    const d = await add({ kind: 'custom', calendar: 'solar', month: 1, day: 1 });
    expect((await f.call(f.assistantA, 'PATCH', `${base()}/${d.id}`, { day: 2 })).statusCode).toBe(200);
    expectError(await f.call(f.secretary, 'GET', base()), 404, 'not_found');
    await f.activate(f.client.id);
    expect((await list(f.secretary)).total).toBe(1);
    expectError(await f.call(f.secretary, 'POST', base(), { kind: 'custom', calendar: 'solar', month: 1, day: 2 }), 403, 'forbidden');
    expectError(await f.call(f.secretary, 'PATCH', `${base()}/${d.id}`, { day: 3 }), 403, 'forbidden');
    expectError(await f.call(f.secretary, 'DELETE', `${base()}/${d.id}`), 403, 'forbidden');
  });
});
