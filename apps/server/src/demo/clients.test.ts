import {
  clientCreateSchema,
  contactCreateSchema,
  DEFAULT_SETTINGS,
  INDUSTRIES,
  isValidIdNumber,
  isValidUscc,
  type CalendarDate,
} from '@retainer/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { lunarToSolar, validateCalendarDate } from '../features/calendar/lunar.js';
import { initialsOf, searchText } from '../features/clients/clients.search.js';
import type { ClientsTable } from '../features/clients/clients.table.js';
import { emptyClient, gradeFromRate } from '../features/clients/clients.write.js';
import { CITIES } from './regions.js';
import { CLIENT_TAGS, generateClients, type DemoClientBatch } from './clients.js';
import { DEMO_SEED, generateFirm, type DemoFirm, type DemoUser } from './firm.js';

type All = { [K in keyof DemoClientBatch]: DemoClientBatch[K] };

function collect(firm: DemoFirm, options: Parameters<typeof generateClients>[2] = {}): All {
  const all: All = { clients: [], tags: [], contacts: [], personnelChanges: [], importantDates: [], relationships: [], timeline: [] };
  for (const b of generateClients(firm, 'small', options)) {
    for (const k of Object.keys(all) as (keyof All)[]) (all[k] as unknown[]).push(...b[k]);
  }
  return all;
}

const share = (n: number, of: number) => n / of;

describe('generateClients', () => {
  let firm: DemoFirm;
  let small: All;
  let user: (email: string) => DemoUser;
  beforeAll(() => {
    firm = generateFirm('small');
    small = collect(firm);
    user = (email) => firm.users.find((u) => u.email === email)!;
  });

  it('is deterministic: the same seed gives the same clients, ids included', () => {
    const again = collect(generateFirm('small', DEMO_SEED), { seed: DEMO_SEED, batchSize: 64 });
    expect(again.clients.slice(0, 200)).toEqual(small.clients.slice(0, 200));
    expect(again).toEqual(small);
    // Batching changes nothing.
    const firstBatch = generateClients(firm, 'small', { batchSize: 200 }).next().value as DemoClientBatch;
    expect(firstBatch.clients).toEqual(small.clients.slice(0, 200));
    expect(firstBatch.contacts).toEqual(small.contacts.filter((c) => firstBatch.clients.some((x) => x.id === c.client_id)));
  });

  it('gives different clients for a different seed', () => {
    const other = collect(generateFirm('small', 7), { seed: 7, count: 50 });
    expect(other.clients.map((c) => c.id)).not.toEqual(small.clients.slice(0, 50).map((c) => c.id));
    expect(other.clients.map((c) => c.name)).not.toEqual(small.clients.slice(0, 50).map((c) => c.name));
  });

  it('makes 500 clients at the small scale, about 60% organisations, with unique ids and ascending times', () => {
    expect(small.clients).toHaveLength(500);
    const orgs = small.clients.filter((c) => c.kind === 'organisation').length;
    expect(share(orgs, 500)).toBeGreaterThan(0.5);
    expect(share(orgs, 500)).toBeLessThan(0.7);
    const ids = [...small.clients, ...small.contacts, ...small.importantDates, ...small.relationships, ...small.timeline, ...small.personnelChanges].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < small.clients.length; i++) {
      expect(small.clients[i]!.created_at > small.clients[i - 1]!.created_at).toBe(true);
      expect(small.clients[i]!.id > small.clients[i - 1]!.id).toBe(true);
    }
    for (const c of small.clients) expect(c.updated_at >= c.created_at).toBe(true);
    expect(small.clients.at(-1)!.updated_at < '2026-11-25').toBe(true);
    expect(new Set(small.clients.filter((c) => c.kind === 'organisation').map((c) => c.name)).size).toBe(orgs);
  });

  it('fills every column like createClient does, with values the API itself would accept', () => {
    const columns = Object.keys({ ...emptyClient(), id: 0, kind: 0, name: 0, name_initials: 0, status: 0, grade: 0, owner_id: 0, created_at: 0, updated_at: 0 }).sort();
    for (const c of small.clients) {
      expect(Object.keys(c).sort()).toEqual(columns);
      const input = {
        kind: c.kind, name: c.name, industry: c.industry, region: c.region, city: c.city, address: c.address, phone: c.phone,
        email: c.email, source: c.source, referrerClientId: c.referrer_client_id, referrerName: c.referrer_name,
        tags: small.tags.filter((t) => t.client_id === c.id).map((t) => t.tag), hourlyRateFen: c.hourly_rate_fen,
        potentialNeeds: c.potential_needs, potentialResources: c.potential_resources, notes: c.notes, gender: c.gender,
        birthday: c.birthday_calendar
          ? { calendar: c.birthday_calendar, year: c.birthday_year, month: c.birthday_month, day: c.birthday_day, leapMonth: c.birthday_leap === 1 }
          : null,
        idNumber: c.id_number, familySituation: c.family_situation, incomeBracket: c.income_bracket, employer: c.employer,
        jobTitle: c.job_title, hobbies: c.hobbies, wechat: c.wechat, uscc: c.uscc, legalRepresentative: c.legal_representative,
        registeredCapitalFen: c.registered_capital_fen, employeeScale: c.employee_scale, revenueBracket: c.revenue_bracket,
        foundedOn: c.founded_on, customerGroups: c.customer_groups, businessPartners: c.business_partners, website: c.website,
        ownerId: c.owner_id, managerId: c.manager_id, teamId: c.team_id,
      };
      const parsed = clientCreateSchema.safeParse(input);
      expect(parsed.success ? [] : parsed.error.issues, c.name).toEqual([]);
    }
    for (const k of small.contacts) {
      const parsed = contactCreateSchema.safeParse({
        name: k.name, department: k.department, title: k.title, decisionRole: k.decision_role, phone: k.phone, email: k.email,
        wechat: k.wechat, hobbies: k.hobbies, tags: JSON.parse(k.tags) as string[], isPrimary: k.is_primary === 1, status: k.status,
        birthday: k.birthday_calendar
          ? { calendar: k.birthday_calendar, year: k.birthday_year, month: k.birthday_month, day: k.birthday_day, leapMonth: k.birthday_leap === 1 }
          : null,
      });
      expect(parsed.success ? [] : parsed.error.issues, k.name).toEqual([]);
    }
  });

  it('gives every organisation a valid USCC of its city and every ID number a valid check digit', () => {
    const orgs = small.clients.filter((c) => c.kind === 'organisation');
    const people = small.clients.filter((c) => c.kind === 'individual');
    for (const c of orgs) {
      expect(isValidUscc(c.uscc!), c.uscc!).toBe(true);
      const city = CITIES.find((x) => x.city === c.city)!;
      expect([city.code, ...city.districts.map((d) => d[1])]).toContain(c.uscc!.slice(2, 8));
      expect(c.region).toBe(city.province);
      expect(c.legal_representative).toBeTruthy();
      expect(c.registered_capital_fen! % 100).toBe(0);
      expect(c.founded_on! < c.created_at.slice(0, 10)).toBe(true);
      expect(INDUSTRIES).toContain(c.industry);
      expect(c.employee_scale).toBeTruthy();
      expect(c.id_number).toBeNull();
    }
    const withId = people.filter((c) => c.id_number);
    expect(share(withId.length, people.length)).toBeGreaterThan(0.7);
    for (const c of withId) {
      expect(isValidIdNumber(c.id_number!), c.id_number!).toBe(true);
      const city = CITIES.find((x) => x.city === c.city)!;
      expect(city.districts.map((d) => d[1])).toContain(c.id_number!.slice(0, 6));
      // The 17th digit is odd for men, even for women.
      expect(Number(c.id_number![16]) % 2).toBe(c.gender === 'male' ? 1 : 0);
      expect(c.uscc).toBeNull();
    }
    const codes = [...orgs.map((c) => c.uscc), ...withId.map((c) => c.id_number)];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives individuals solar or lunar birthdays (about a third lunar) that the ID number agrees with', () => {
    const people = small.clients.filter((c) => c.kind === 'individual');
    const lunar = people.filter((c) => c.birthday_calendar === 'lunar');
    expect(share(lunar.length, people.length)).toBeGreaterThan(0.2);
    expect(share(lunar.length, people.length)).toBeLessThan(0.45);
    for (const c of people) {
      const date: CalendarDate = { calendar: c.birthday_calendar!, year: c.birthday_year, month: c.birthday_month!, day: c.birthday_day!, leapMonth: c.birthday_leap === 1 };
      expect(validateCalendarDate(date), `${c.name} ${JSON.stringify(date)}`).toBeNull();
      const solar = date.calendar === 'solar' ? `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : lunarToSolar(date.year!, date.month, date.day, date.leapMonth);
      if (c.id_number) expect(`${c.id_number.slice(6, 10)}-${c.id_number.slice(10, 12)}-${c.id_number.slice(12, 14)}`).toBe(solar);
    }
    // Leap-month birthdays exist only where that lunar year has that leap month (validateCalendarDate above).
    const all = [...collect(firm, { count: 3000 }).clients];
    expect(all.some((c) => c.birthday_leap === 1)).toBe(true);
    for (const d of [...small.importantDates, ...small.contacts.map((k) => ({ calendar: k.birthday_calendar, year: k.birthday_year, month: k.birthday_month, day: k.birthday_day, leap_month: k.birthday_leap }))]) {
      if (!d.calendar) continue;
      expect(validateCalendarDate({ calendar: d.calendar, year: d.year, month: d.month!, day: d.day!, leapMonth: d.leap_month === 1 })).toBeNull();
    }
  });

  it('grades A, B and C from the hourly rate, about half of the clients having one', () => {
    const rated = small.clients.filter((c) => c.hourly_rate_fen !== null);
    expect(share(rated.length, 500)).toBeGreaterThan(0.35);
    expect(share(rated.length, 500)).toBeLessThan(0.65);
    for (const c of small.clients) expect(c.grade).toBe(gradeFromRate(c.hourly_rate_fen, DEFAULT_SETTINGS));
    for (const g of ['A', 'B', 'C'] as const) expect(small.clients.filter((c) => c.grade === g).length, g).toBeGreaterThan(25);
  });

  it('places clients with lawyers and partners, their teams, and client managers on ~30% (mostly A/B)', () => {
    const byId = new Map(firm.users.map((u) => [u.id, u]));
    for (const c of small.clients) {
      const owner = byId.get(c.owner_id)!;
      expect(['lawyer', 'partner']).toContain(owner.role);
      expect(c.team_id).toBe(owner.team_id);
      if (c.manager_id) expect(byId.get(c.manager_id)!.role).toBe('client_manager');
    }
    const managed = small.clients.filter((c) => c.manager_id);
    expect(share(managed.length, 500)).toBeGreaterThan(0.2);
    expect(share(managed.length, 500)).toBeLessThan(0.4);
    const rate = (g: string) => share(managed.filter((c) => c.grade === g).length, small.clients.filter((c) => c.grade === g).length);
    expect(rate('A')).toBeGreaterThan(rate('C'));
    expect(rate('B')).toBeGreaterThan(rate('C'));
    const lawyers = firm.users.filter((u) => u.role === 'lawyer');
    for (const l of lawyers) expect(small.clients.some((c) => c.owner_id === l.id), l.email).toBe(true);
  });

  it('gives every fixed demo account a realistic, different set of clients', () => {
    const lawyer = user('lawyer@retainer.test');
    const lawyer2 = user('lawyer2@retainer.test');
    const manager = user('manager@retainer.test');
    const assistant = user('assistant@retainer.test');
    const partner = user('partner@retainer.test');
    const owned = small.clients.filter((c) => c.owner_id === lawyer.id);
    expect(owned.length).toBeGreaterThanOrEqual(15);
    expect(owned.length).toBeLessThanOrEqual(30);
    // a lawyer sees owned and team clients, a manager managed ones, an assistant the team's.
    const sees = (u: DemoUser) => (c: ClientsTable) => c.owner_id === u.id || c.team_id === u.team_id;
    const seen1 = small.clients.filter(sees(lawyer)).map((c) => c.id);
    const seen2 = small.clients.filter(sees(lawyer2)).map((c) => c.id);
    expect(seen1.length).toBeGreaterThan(owned.length);
    expect(seen2.length).toBeGreaterThan(10);
    expect(seen2.filter((id) => seen1.includes(id))).toEqual([]);
    expect(small.clients.filter((c) => c.owner_id === lawyer2.id).length).toBeGreaterThan(5);
    const managed = small.clients.filter((c) => c.manager_id === manager.id);
    expect(managed.length).toBeGreaterThan(10);
    expect(managed.filter((c) => c.grade !== 'C').length).toBeGreaterThan(managed.length / 2);
    expect(small.clients.filter((c) => c.team_id === assistant.team_id).length).toBeGreaterThan(20);
    expect(small.clients.filter((c) => c.owner_id === partner.id).length).toBeGreaterThan(0);
  });

  it('gives organisations ~3 contacts with one primary in post, some who left with the change on record', () => {
    const orgs = small.clients.filter((c) => c.kind === 'organisation');
    expect(share(small.contacts.length, orgs.length)).toBeGreaterThan(2.5);
    expect(share(small.contacts.length, orgs.length)).toBeLessThan(4);
    for (const o of orgs) {
      const mine = small.contacts.filter((k) => k.client_id === o.id);
      expect(mine.length, o.name).toBeGreaterThan(0);
      const primary = mine.filter((k) => k.is_primary === 1);
      expect(primary).toHaveLength(1);
      expect(primary[0]!.status).toBe('in_post');
    }
    const left = small.contacts.filter((k) => k.status === 'left');
    expect(left.length).toBeGreaterThan(10);
    for (const k of left) expect(small.personnelChanges.filter((p) => p.contact_id === k.id && p.new_value === 'left')).toHaveLength(1);
    expect(new Set(small.contacts.map((k) => k.decision_role))).toEqual(new Set(['decision_maker', 'influencer', 'user', 'gatekeeper']));
    const individuals = new Set(small.clients.filter((c) => c.kind === 'individual').map((c) => c.id));
    expect(small.contacts.some((k) => individuals.has(k.client_id))).toBe(false);
  });

  it('fills search_text and name_initials exactly as reindexClient builds them', () => {
    for (const c of small.clients) {
      const names = [c.name, ...small.contacts.filter((k) => k.client_id === c.id).sort((a, b) => (a.id < b.id ? -1 : 1)).map((k) => k.name)];
      const tags = small.tags.filter((t) => t.client_id === c.id).map((t) => t.tag).sort();
      expect(c.search_text).toBe(searchText({ names, tags }));
      expect(c.name_initials).toBe(initialsOf(c.name));
    }
    expect(small.clients.find((c) => c.name.includes('有限公司'))!.search_text).toContain('yxgs');
  });

  it('uses the small list of tags, and important dates, relationships and statuses for some', () => {
    const used = new Set(small.tags.map((t) => t.tag));
    for (const t of used) expect(CLIENT_TAGS).toContain(t);
    expect(used.size).toBe(CLIENT_TAGS.length);
    expect(small.importantDates.some((d) => d.kind === 'wedding_anniversary')).toBe(true);
    expect(small.importantDates.some((d) => d.kind === 'custom')).toBe(true);

    const ids = small.clients.map((c) => c.id);
    const index = new Map(ids.map((id, i) => [id, i]));
    const kinds = new Set(small.relationships.map((r) => r.kind));
    for (const k of ['parent_subsidiary', 'family', 'referred_by']) expect(kinds.has(k as never), k).toBe(true);
    expect(share(small.relationships.length, 500)).toBeLessThan(0.2);
    const keys = small.relationships.map((r) => `${r.from_client_id}|${r.to_client_id}|${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of small.relationships) {
      expect(index.has(r.from_client_id) && index.has(r.to_client_id)).toBe(true);
      expect(r.from_client_id).not.toBe(r.to_client_id);
      if (r.kind === 'family') {
        const [a, b] = [r.from_client_id, r.to_client_id].map((id) => small.clients[index.get(id)!]!);
        expect([a!.kind, b!.kind]).toEqual(['individual', 'individual']);
      }
    }
    for (const c of small.clients.filter((x) => x.referrer_client_id)) {
      expect(c.source).toBe('referral');
      expect(index.get(c.referrer_client_id!)!).toBeLessThan(index.get(c.id)!);
      expect(keys).toContain(`${c.id}|${c.referrer_client_id}|referred_by`);
    }

    const lost = small.clients.filter((c) => c.status === 'lost');
    const dismissed = small.clients.filter((c) => c.status === 'dismissed');
    expect(lost.length).toBeGreaterThan(2);
    expect(dismissed.length).toBeGreaterThan(0);
    expect(lost.length + dismissed.length).toBeLessThan(40);
    for (const c of [...lost, ...dismissed]) {
      expect(c.status_manual).toBe(1);
      expect(c.status_reason).toBeTruthy();
      expect(small.timeline.some((e) => e.client_id === c.id && e.kind === 'status_changed')).toBe(true);
    }
    for (const c of small.clients.filter((x) => x.status === 'prospect')) expect([c.status_manual, c.status_reason]).toEqual([0, null]);
    expect(small.timeline.filter((e) => e.kind === 'client_created')).toHaveLength(500);
  });
});
