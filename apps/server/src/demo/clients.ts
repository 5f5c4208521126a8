// Z-5: demo clients of the demo firm — organisations with valid USCCs and contacts, individuals with
// valid ID numbers and solar or lunar birthdays, important dates, relationships, tags and grades —
// deterministic: the same firm, scale and seed give the same records, ids and times.
import { DEFAULT_SETTINGS, idNumberCheck, usccCheck, type Role } from '@retainer/shared';
import { pinyin } from 'pinyin-pro';
import { lunarToSolar } from '../features/calendar/lunar.js';
import { initialsOf, searchText } from '../features/clients/clients.search.js';
import type { ClientsTable, ClientTagsTable } from '../features/clients/clients.table.js';
import { emptyClient, gradeFromRate } from '../features/clients/clients.write.js';
import type { ContactsTable, PersonnelChangesTable } from '../features/contacts/contacts.table.js';
import type { ImportantDatesTable } from '../features/important-dates/important-dates.table.js';
import type { ClientRelationshipsTable } from '../features/relationships/relationships.table.js';
import type { TimelineEventsTable } from '../features/timeline/timeline.table.js';
import {
  BUSINESS_PARTNER_WORDS,
  CAPITALS_WAN,
  COMPANY_FORMS,
  CUSTOMER_GROUPS,
  DECISION_ROLE_LABELS,
  EMPLOYEE_SCALES,
  INDUSTRY_WORDS,
  POSTS,
  REVENUE_BRACKETS,
  TRADE_FIRST,
  TRADE_SECOND,
  associationName,
  companyName,
  foreignName,
  subsidiaryName,
  type OrgName,
} from './company-names.js';
import { DEMO_SEED, type DemoFirm, type DemoUser, type Scale } from './firm.js';
import { SURNAMES } from './names.js';
import {
  DISMISSED_REASONS,
  FAMILY,
  FEMALE_GIVEN,
  HOBBIES,
  INCOME_BRACKETS,
  JOB_TITLES,
  LOST_REASONS,
  MALE_GIVEN,
  MOBILE_PREFIXES,
  NOTES,
  PERSONAL_EMAIL_DOMAINS,
  POTENTIAL_NEEDS,
  POTENTIAL_RESOURCES,
} from './people.js';
import { Rng } from './random.js';
import { foundingNearNow } from './care-dates.js';
import { CITIES, cityShort, ROADS, type City } from './regions.js';

export const CLIENT_COUNTS: Record<Scale, number> = { small: 500, medium: 20_000, large: 200_000 };
export const CLIENT_TAGS = ['VIP', '上市公司', '外资', '国企', '高新技术', '家族企业', '常年顾问'] as const;

/** Clients are created over this period, in order, so ids (UUID v7) and times are stable and ascending. */
const CREATED_FROM = Date.parse('2024-01-03T01:00:00.000Z');
const CREATED_UNTIL = Date.parse('2026-10-30T09:00:00.000Z');
const UPDATED_UNTIL = Date.parse('2026-11-20T09:00:00.000Z');
const DAY_MS = 86_400_000;
/** The clients' random stream is separate from the firm's, so adding clients changes no user. */
const CLIENTS_SALT = 0x2c1e_57a1;

export type DemoClientBatch = {
  clients: ClientsTable[];
  tags: ClientTagsTable[];
  contacts: ContactsTable[];
  personnelChanges: PersonnelChangesTable[];
  importantDates: ImportantDatesTable[];
  relationships: ClientRelationshipsTable[];
  timeline: TimelineEventsTable[];
};

type Options = { seed?: number; count?: number; batchSize?: number };

// ---------------------------------------------------------------------------------------------
// Small helpers.

function weighted<T extends { weight: number }>(items: readonly T[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return (rng) => {
    const x = rng.next() * total;
    let k = 0;
    while (cumulative[k]! <= x) k++;
    return items[k]!;
  };
}

const chance = (rng: Rng, p: number) => rng.next() < p;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (ms: number) => new Date(ms).toISOString();
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const pinyinCache = new Map<string, string>();
/** Tone-less pinyin letters of a name, for e-mail addresses and web sites (cached). */
function pinyinOf(text: string): string {
  let v = pinyinCache.get(text);
  if (v === undefined) {
    v = pinyin(text, { toneType: 'none', type: 'array', surname: 'head' }).join('').replace(/[^a-z]/g, '');
    pinyinCache.set(text, v);
  }
  return v;
}

const initialsCache = new Map<string, string>();
function initialsCached(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = initialsOf(name);
    if (initialsCache.size < 50_000) initialsCache.set(name, v);
  }
  return v;
}

function mobile(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`;
}

function person(rng: Rng, gender: 'male' | 'female'): { name: string; surname: string } {
  const surname = rng.pick(SURNAMES);
  return { name: surname + rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN), surname };
}

/** GB 11714 organisation code check character over 8 digits. */
function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The lunar leap month of a lunar year, 0 when it has none (cached). */
const leapMonths = new Map<number, number>();
function leapMonthOf(lunarYear: number): number {
  let v = leapMonths.get(lunarYear);
  if (v === undefined) {
    v = 0;
    for (let m = 1; m <= 12; m++) {
      if (lunarToSolar(lunarYear, m, 1, true) !== null) {
        v = m;
        break;
      }
    }
    leapMonths.set(lunarYear, v);
  }
  return v;
}

type Birthday = { calendar: 'solar' | 'lunar'; year: number; month: number; day: number; leap: boolean; solar: string };

/**
 * A birthday in that (solar or lunar) year and the solar date it falls on (for the ID number).
 * Lunar birthdays sometimes fall in a leap month, only in years that really have one.
 */
function birthday(rng: Rng, year: number, lunar: boolean): Birthday {
  if (!lunar) {
    const month = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(year, month));
    return { calendar: 'solar', year, month, day, leap: false, solar: ymd(year, month, day) };
  }
  const leapMonth = leapMonthOf(year);
  const leap = leapMonth > 0 && chance(rng, 0.08);
  const month = leap ? leapMonth : rng.int(1, 12);
  let day = rng.int(1, 30);
  let solar = lunarToSolar(year, month, day, leap);
  if (solar === null) {
    day = 29; // a 29-day month
    solar = lunarToSolar(year, month, day, leap)!;
  }
  return { calendar: 'lunar', year, month, day, leap, solar };
}

// ---------------------------------------------------------------------------------------------
// The generator.

type OrgRef = { id: string; trade: string; city: number; owner: number };
type PersonRef = { id: string; surname: string; city: number; owner: number };
type SubsidiaryJob = { parent: OrgRef; trade: string; left: number };

/**
 * The demo clients of a firm, in batches (the large scale does not fit in memory at once).
 * Every batch only refers to clients of itself or of earlier batches.
 */
export function* generateClients(firm: DemoFirm, scale: Scale, options: Options = {}): Generator<DemoClientBatch> {
  const count = options.count ?? CLIENT_COUNTS[scale];
  const batchSize = options.batchSize ?? 1000;
  const rng = new Rng(((options.seed ?? DEMO_SEED) ^ CLIENTS_SALT) >>> 0);

  const users = firm.users.filter((u) => u.active === 1);
  const byRole = (role: Role) => users.filter((u) => u.role === role);
  // Lawyers own most clients; partners fewer (they also supervise).
  const owners: DemoUser[] = [...byRole('lawyer'), ...byRole('lawyer'), ...byRole('partner')];
  const managers = byRole('client_manager');
  const managersByTeam = new Map<string, DemoUser[]>();
  for (const m of managers) if (m.team_id) managersByTeam.set(m.team_id, [...(managersByTeam.get(m.team_id) ?? []), m]);
  const partners = byRole('partner');
  if (!owners.length) throw new Error('the demo firm has no lawyers');

  const pickCity = weighted(CITIES.map((c, i) => ({ weight: c.weight, i })));
  const pickIndustry = weighted(INDUSTRY_WORDS);
  const pickForm = weighted(COMPANY_FORMS);
  const pickPost = weighted(POSTS);
  // ~3.3 contacts per company (C-4).
  const pickContactCount = weighted([1, 2, 3, 4, 5].map((n, k) => ({ n, weight: [8, 14, 30, 28, 20][k]! })));

  const orgNames = new Set<string>();
  const codes = new Set<string>();
  const relKeys = new Set<string>();
  const orgs: OrgRef[] = [];
  const people: PersonRef[] = [];
  const all: string[] = [];
  const subsidiaries: SubsidiaryJob[] = [];
  const nearNow = foundingNearNow(firm);
  const step = (CREATED_UNTIL - CREATED_FROM) / count;

  let batch = emptyBatch();

  const relate = (from: string, to: string, kind: ClientRelationshipsTable['kind'], at: number, by: string, note: string | null) => {
    const key = `${from}|${to}|${kind}`;
    if (from === to || relKeys.has(key)) return;
    relKeys.add(key);
    batch.relationships.push({ id: rng.id(at), from_client_id: from, to_client_id: to, kind, note, created_by: by, created_at: iso(at) });
  };

  const trade = () => {
    const a = rng.pick(TRADE_FIRST);
    let b = rng.pick(TRADE_SECOND);
    if (b === a) b = TRADE_SECOND[(TRADE_SECOND.indexOf(b) + 1) % TRADE_SECOND.length]!;
    return a + b;
  };

  const uscc = (authority: string, city: City): string => {
    for (;;) {
      const region = chance(rng, 0.3) ? city.code : rng.pick(city.districts)[1];
      const body = pad(rng.int(0, 99_999_999), 8);
      const first17 = `${authority}${region}${body}${orgCodeCheck(body)}`;
      const code = first17 + usccCheck(first17)!;
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };

  const idNumber = (city: City, solarBirth: string, male: boolean): string => {
    for (;;) {
      const seq = rng.int(0, 499) * 2 + (male ? 1 : 0);
      const first17 = `${rng.pick(city.districts)[1]}${solarBirth.replaceAll('-', '')}${pad(seq, 3)}`;
      const code = first17 + idNumberCheck(first17);
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };

  const address = (city: City) => {
    const [district] = rng.pick(city.districts);
    const province = city.province === city.city ? '' : city.province;
    const area = district === city.city ? '' : district;
    return `${province}${city.city}${area}${rng.pick(ROADS)}${rng.int(1, 999)}号${chance(rng, 0.5) ? `${rng.int(2, 40)}楼` : ''}`;
  };

  for (let i = 0; i < count; i++) {
    const at = Math.round(CREATED_FROM + i * step + rng.next() * step * 0.8);
    const id = rng.id(at);
    const job = subsidiaries[0];
    const organisation = job !== undefined || chance(rng, 0.57);

    // Owner (a lawyer or partner) and team; a subsidiary usually stays with its group's lawyer.
    let ownerIndex = job && chance(rng, 0.8) ? job.parent.owner : rng.int(0, owners.length - 1);
    const relative = !organisation && people.length > 20 && chance(rng, 0.04) ? people[rng.int(0, people.length - 1)]! : null;
    if (relative && chance(rng, 0.8)) ownerIndex = relative.owner;
    const owner = owners[ownerIndex]!;

    // Grade from an agreed hourly rate for about half of the clients (K-1, default thresholds).
    let rate: number | null = null;
    if (chance(rng, organisation ? 0.55 : 0.4)) {
      const r = rng.next();
      const yuan = r < 0.3 ? rng.int(30, 60) * 100 : r < 0.65 ? rng.int(15, 29) * 100 : rng.int(6, 14) * 100;
      rate = yuan * 100;
    }
    const grade = gradeFromRate(rate, DEFAULT_SETTINGS);
    const managed = chance(rng, grade === 'A' ? 0.8 : grade === 'B' ? 0.5 : 0.15);
    let manager: DemoUser | null = null;
    if (managed && managers.length) {
      const local = owner.team_id ? managersByTeam.get(owner.team_id) : undefined;
      manager = local && chance(rng, 0.85) ? rng.pick(local) : rng.pick(managers);
    }

    const cityIndex = job ? (chance(rng, 0.7) ? job.parent.city : pickCity(rng).i) : relative ? relative.city : pickCity(rng).i;
    const city = CITIES[cityIndex]!;
    const tags = new Set<string>();
    if (grade === 'A' && chance(rng, 0.5)) tags.add('VIP');
    if (rate !== null && chance(rng, 0.35)) tags.add('常年顾问');

    const row = blankClient();
    row.id = id;
    row.kind = organisation ? 'organisation' : 'individual';
    row.grade = grade;
    row.owner_id = owner.id;
    row.manager_id = manager?.id ?? null;
    row.team_id = owner.team_id;
    row.hourly_rate_fen = rate;
    row.region = city.province;
    row.city = city.city;
    row.created_at = iso(at);
    const contacts: ContactsTable[] = [];

    if (organisation) {
      const industry = pickIndustry(rng);
      const kindRoll = rng.next();
      let n: OrgName;
      for (let attempt = 0; ; attempt++) {
        n = job
          ? subsidiaryName(rng, city, job.trade, pickIndustry(rng))
          : attempt < 3 && kindRoll < 0.02
            ? associationName(rng, city)
            : attempt < 3 && kindRoll < 0.06
              ? foreignName(rng, city, industry)
              : companyName(rng, city, trade(), industry, pickForm(rng).form);
        if (!orgNames.has(n.name)) break;
        if (attempt >= 20) {
          n.name = `${n.name.replace(/(有限公司|有限责任公司|股份有限公司)$/, '')}${rng.pick(city.districts)[0]}分公司`;
          if (!orgNames.has(n.name)) break;
        }
      }
      const { name, trade: tradeName, authority, section: industrySection, form } = n;
      for (const t of n.tags) tags.add(t);
      orgNames.add(name);
      row.name = name;
      row.industry = industrySection;
      row.uscc = uscc(authority, city);
      const rep = person(rng, chance(rng, 0.8) ? 'male' : 'female');
      row.legal_representative = rep.name;
      const capital = authority === '51' ? 10 : rng.pick(CAPITALS_WAN);
      row.registered_capital_fen = capital * 1_000_000;
      const scaleIndex = Math.min(EMPLOYEE_SCALES.length - 1, Math.max(0, Math.floor(Math.log10(capital)) - 1 + rng.int(-1, 1)));
      row.employee_scale = EMPLOYEE_SCALES[scaleIndex]!;
      row.revenue_bracket = REVENUE_BRACKETS[Math.min(REVENUE_BRACKETS.length - 1, Math.max(0, scaleIndex - 1 + rng.int(0, 1)))]!;
      const foundedYear = rng.int(1993, 2023);
      const foundedMonth = rng.int(1, 12);
      row.founded_on = ymd(foundedYear, foundedMonth, rng.int(1, daysInMonth(foundedYear, foundedMonth)));
      const slug = authority === '51' ? `${pinyinOf(cityShort(city))}${['sia', 'cta', 'sme', 'cec', 'cia', 'la'][rng.int(0, 5)]}` : pinyinOf(tradeName);
      const domain = `${slug}${industry.tech ? 'tech' : ''}.${rng.pick(['com', 'com.cn', 'cn'])}`;
      row.website = chance(rng, 0.7) ? `https://www.${domain}` : null;
      row.email = `${rng.pick(['info', 'contact', 'legal', 'office'])}@${domain}`;
      row.phone = `${city.areaCode}-${rng.int(5, 8)}${pad(rng.int(0, 9_999_999), city.areaCode.length === 3 ? 7 : 6)}`;
      row.address = address(city);
      row.customer_groups = chance(rng, 0.6) ? [rng.pick(CUSTOMER_GROUPS), rng.pick(CUSTOMER_GROUPS)].filter((g, k, a) => a.indexOf(g) === k).join('、') : null;
      row.business_partners = chance(rng, 0.4) ? `${cityShort(city)}${trade()}${rng.pick(BUSINESS_PARTNER_WORDS)}` : null;
      if (form.includes('股份') && chance(rng, 0.35)) tags.add('上市公司');
      if (form.startsWith('集团') && chance(rng, 0.25)) tags.add('国企');
      if (!tags.has('国企') && !tags.has('外资') && !tags.has('上市公司') && authority === '91' && chance(rng, 0.12)) tags.add('家族企业');

      // C-4: ~3 contacts, the first one primary and in post; some have left.
      const contactCount = authority === '51' ? 1 : pickContactCount(rng).n;
      const usedPosts = new Set<string>();
      for (let k = 0; k < contactCount; k++) {
        let post = pickPost(rng);
        for (let t = 0; t < 5 && usedPosts.has(post.title); t++) post = pickPost(rng);
        usedPosts.add(post.title);
        const gender = chance(rng, 0.55) ? 'male' : 'female';
        const p = person(rng, gender);
        const cAt = at + (k + 1) * 1000;
        const left = k > 0 && chance(rng, 0.1);
        const bday = chance(rng, 0.3) ? birthday(rng, rng.int(1960, 1998), chance(rng, 0.3)) : null;
        const withYear = bday !== null && chance(rng, 0.5);
        contacts.push({
          id: rng.id(cAt),
          client_id: id,
          name: p.name,
          department: post.department,
          title: post.title,
          decision_role: post.role,
          phone: mobile(rng),
          email: `${pinyinOf(p.name)}@${domain}`,
          wechat: chance(rng, 0.6) ? `${pinyinOf(p.name)}${rng.int(1, 999)}` : null,
          birthday_calendar: bday?.calendar ?? null,
          birthday_year: bday && withYear ? bday.year : null,
          birthday_month: bday?.month ?? null,
          birthday_day: bday?.day ?? null,
          // Without a year a leap-month date is still valid; keep it only with its year here.
          birthday_leap: bday?.leap && withYear ? 1 : 0,
          hobbies: chance(rng, 0.3) ? rng.pick(HOBBIES) : null,
          tags: JSON.stringify([post.department, DECISION_ROLE_LABELS[post.role]!]),
          is_primary: k === 0 ? 1 : 0,
          status: left ? 'left' : 'in_post',
          created_at: iso(cAt),
          updated_at: iso(cAt),
        });
      }

      const ref: OrgRef = { id, trade: tradeName, city: cityIndex, owner: ownerIndex };
      if (job) {
        relate(job.parent.id, id, 'parent_subsidiary', at + 20_000, owner.id, null);
        job.left--;
        if (job.left <= 0) subsidiaries.shift();
      } else if (form.startsWith('集团') && chance(rng, 0.35)) {
        subsidiaries.push({ parent: ref, trade: tradeName, left: rng.int(1, 3) });
      }
      if (orgs.length > 10 && chance(rng, 0.015)) {
        relate(id, orgs[rng.int(0, orgs.length - 1)]!.id, chance(rng, 0.5) ? 'affiliate' : 'business_partner', at + 21_000, owner.id, null);
      }
      orgs.push(ref);
      if (chance(rng, 0.08)) {
        const listed = tags.has('上市公司');
        batch.importantDates.push(
          importantDate(rng, id, null, 'custom', listed ? '上市纪念日' : rng.pick(['合作纪念日', '乔迁纪念日', '周年庆']), at + 30_000, rng.int(2015, 2025)),
        );
      }
    } else {
      // C-2: an individual; the ID number's birth date matches the (solar or lunar) birthday.
      const gender = chance(rng, 0.55) ? 'male' : 'female';
      const p = person(rng, gender);
      let name = p.name;
      if (relative && chance(rng, 0.7)) name = relative.surname + rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
      row.name = name;
      row.gender = gender;
      const b = birthday(rng, rng.int(1955, 2000), chance(rng, 1 / 3));
      row.birthday_calendar = b.calendar;
      row.birthday_year = b.year;
      row.birthday_month = b.month;
      row.birthday_day = b.day;
      row.birthday_leap = b.leap ? 1 : 0;
      row.id_number = chance(rng, 0.85) ? idNumber(city, b.solar, gender === 'male') : null;
      row.phone = mobile(rng);
      row.email = chance(rng, 0.7) ? `${pinyinOf(name)}${rng.int(1, 9999)}@${rng.pick(PERSONAL_EMAIL_DOMAINS)}` : null;
      row.wechat = chance(rng, 0.7) ? `wxid_${pinyinOf(name)}${rng.int(10, 9999)}` : null;
      row.address = chance(rng, 0.6) ? address(city) : null;
      const married = chance(rng, 0.7);
      row.family_situation = married ? rng.pick(FAMILY.filter((f) => f.startsWith('已婚'))) : rng.pick(['未婚', '离异，育有一子']);
      row.income_bracket = rng.pick(INCOME_BRACKETS);
      row.job_title = rng.pick(JOB_TITLES);
      if (orgs.length && chance(rng, 0.5)) {
        const org = orgs[rng.int(0, orgs.length - 1)]!;
        row.employer = `${cityShort(CITIES[org.city]!)}${org.trade}`;
      }
      row.hobbies = chance(rng, 0.6) ? [rng.pick(HOBBIES), rng.pick(HOBBIES)].filter((h, k, a) => a.indexOf(h) === k).join('、') : null;
      if (row.job_title === '企业主' || row.job_title === '董事长') {
        if (chance(rng, 0.3)) tags.add('家族企业');
      }
      if (married && chance(rng, 0.3)) {
        const y = Math.min(2024, b.year + rng.int(22, 35));
        const lunar = chance(rng, 0.15);
        const w = birthday(rng, y, lunar);
        batch.importantDates.push({
          id: rng.id(at + 30_000),
          client_id: id,
          contact_id: null,
          kind: 'wedding_anniversary',
          label: '结婚纪念日',
          calendar: w.calendar,
          month: w.month,
          day: w.day,
          leap_month: w.leap ? 1 : 0,
          year: w.year,
          created_at: iso(at + 30_000),
          updated_at: iso(at + 30_000),
        });
      }
      if (relative) relate(id, relative.id, 'family', at + 20_000, owner.id, chance(rng, 0.5) ? rng.pick(['配偶', '父子', '母女', '兄弟', '姐妹']) : null);
      people.push({ id, surname: name.startsWith(p.surname) ? p.surname : relative!.surname, city: cityIndex, owner: ownerIndex });
    }

    // A few percent come through an existing client (O-3, C-7); other referrals name a person.
    const sourceRoll = rng.next();
    if (sourceRoll < 0.2) {
      row.source = 'referral';
      if (all.length > 10 && chance(rng, 0.2)) {
        const referrer = all[rng.int(0, all.length - 1)]!;
        row.referrer_client_id = referrer;
        relate(id, referrer, 'referred_by', at + 22_000, owner.id, null);
      } else {
        row.referrer_name = person(rng, chance(rng, 0.5) ? 'male' : 'female').name;
      }
    } else {
      row.source = sourceRoll < 0.35 ? 'website' : sourceRoll < 0.52 ? 'event' : sourceRoll < 0.62 ? 'walk_in' : 'other';
    }
    if (chance(rng, 0.3)) row.potential_needs = rng.pick(POTENTIAL_NEEDS);
    if (chance(rng, 0.1)) row.potential_resources = rng.pick(POTENTIAL_RESOURCES);
    if (chance(rng, 0.2)) row.notes = rng.pick(NOTES);

    // K-5: most clients are active, some dormant or still prospects (derived from matters once they exist,
    // standing in for that until then); a few were let go or lost, by a person, with a reason.
    const statusRoll = rng.next();
    let updated = at;
    if (chance(rng, 0.3)) updated = Math.min(UPDATED_UNTIL, at + rng.int(1, 180) * DAY_MS + rng.int(0, DAY_MS - 1));
    batch.timeline.push({ id: rng.id(at), client_id: id, at: iso(at), kind: 'client_created', actor_id: owner.id, data: JSON.stringify({ name: row.name, grade }) });
    if (statusRoll < 0.03) {
      const lost = statusRoll < 0.02;
      row.status = lost ? 'lost' : 'dismissed';
      row.status_manual = 1;
      row.status_reason = rng.pick(lost ? LOST_REASONS : DISMISSED_REASONS);
      updated = Math.min(UPDATED_UNTIL, Math.max(updated, at + rng.int(30, 300) * DAY_MS));
      const actor = lost ? owner : (partners.length ? rng.pick(partners) : owner);
      batch.timeline.push({
        id: rng.id(updated),
        client_id: id,
        at: iso(updated),
        kind: 'status_changed',
        actor_id: actor.id,
        data: JSON.stringify({ from: 'prospect', to: row.status, cause: 'manual', reason: row.status_reason }),
      });
    } else {
      row.status = statusRoll < 0.63 ? 'active' : statusRoll < 0.75 ? 'dormant' : 'prospect';
    }
    // issue 6 item 10: the demo accounts' My day shows care dates
    row.founded_on = nearNow(row) ?? row.founded_on;
    row.updated_at = iso(updated);

    // C-6: a contact who left has that change on record.
    for (const c of contacts) {
      if (c.status !== 'left') continue;
      const when = Math.min(UPDATED_UNTIL, Date.parse(c.created_at) + rng.int(20, 400) * DAY_MS);
      batch.personnelChanges.push({
        id: rng.id(when),
        client_id: id,
        contact_id: c.id,
        field: 'status',
        old_value: 'in_post',
        new_value: 'left',
        changed_by: owner.id,
        changed_at: iso(when),
      });
      batch.timeline.push({
        id: rng.id(when),
        client_id: id,
        at: iso(when),
        kind: 'personnel_changed',
        actor_id: owner.id,
        data: JSON.stringify({ contactId: c.id, contactName: c.name, field: 'status', from: 'in_post', to: 'left' }),
      });
      c.updated_at = iso(when);
    }
    if (contacts.length && chance(rng, 0.05)) {
      const c = contacts[0]!;
      const y = rng.int(1990, 2020);
      batch.importantDates.push(importantDate(rng, id, c.id, 'wedding_anniversary', '结婚纪念日', at + 31_000, y));
    }

    // Search fields exactly as reindexClient builds them: names (client, then contacts by id), tags sorted.
    const sortedTags = [...tags].sort();
    row.search_text = searchText({ names: [row.name, ...contacts.map((c) => c.name)], tags: sortedTags });
    row.name_initials = initialsCached(row.name);
    for (const tag of sortedTags) batch.tags.push({ client_id: id, tag });

    batch.clients.push(row);
    for (const c of contacts) batch.contacts.push(c);
    all.push(id);

    if (batch.clients.length >= batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.clients.length) yield batch;
}

/** A client with every column set, as createClient starts one. */
function blankClient(): ClientsTable {
  return {
    id: '', kind: 'organisation', name: '', name_initials: '', status: 'prospect', grade: 'C', owner_id: '',
    created_at: '', updated_at: '', ...emptyClient(),
  };
}

function importantDate(
  rng: Rng,
  clientId: string,
  contactId: string | null,
  kind: ImportantDatesTable['kind'],
  label: string,
  at: number,
  year: number,
): ImportantDatesTable {
  const b = birthday(rng, year, false);
  return {
    id: rng.id(at),
    client_id: clientId,
    contact_id: contactId,
    kind,
    label,
    calendar: 'solar',
    month: b.month,
    day: b.day,
    leap_month: 0,
    year,
    created_at: iso(at),
    updated_at: iso(at),
  };
}

function emptyBatch(): DemoClientBatch {
  return { clients: [], tags: [], contacts: [], personnelChanges: [], importantDates: [], relationships: [], timeline: [] };
}
