// P-4/P-5: a client's touchpoints for one calendar year, from its programme rules. Pure: the
// generator feeds it rows and writes the difference.
import type { CalendarDate, ClientStatus, Grade, ProgrammeChannel, ProgrammeRole, Tier, TouchpointKind } from '@retainer/shared';
import { festivalDates, occurrencesInYear, type FestivalKey } from '../calendar/lunar.js';
import { fnv1a } from '../../plugins/hash.js';
import { addDays } from '../../plugins/days.js';

export type PlanRule = {
  id: string;
  grade: Grade;
  tiers: Tier[] | null;
  kind: TouchpointKind;
  perYear: number;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  guidance: string;
  leadDays: number;
  statuses: ClientStatus[];
};

/** A date of the client's own (C-5): the principal one is the individual's birthday or the founding day. */
export type OwnDate = { key: string; label: string; date: CalendarDate; principal: boolean };

export type PlanClient = {
  id: string;
  grade: Grade | null;
  tier: Tier | null;
  status: ClientStatus;
  /** the month-day of a retainer in force, for the annual report's due date (P-2) */
  retainerAnniversary: string | null;
  ownDates: OwnDate[];
};

export type Planned = {
  ruleId: string;
  kind: TouchpointKind;
  periodKey: string;
  occasion: string | null;
  occasionOn: string | null;
  windowStart: string;
  windowEnd: string;
  dueOn: string;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  guidance: string;
};

/** A client without a grade yet is served as grade C (P-3: the lightest programme). */
export const gradeOf = (c: Pick<PlanClient, 'grade'>): Grade => c.grade ?? 'C';

export function appliesTo(rule: PlanRule, client: PlanClient): boolean {
  if (rule.grade !== gradeOf(client) || !rule.statuses.includes(client.status)) return false;
  return rule.tiers === null || (client.tier !== null && rule.tiers.includes(client.tier));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();


const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** FNV-1a of `${prefix}${i}` as a fraction: spreads due dates over a period, the same every run. */
function spreadOf(prefixHash: number, i: number): number {
  return fnv1a(String(i), prefixHash) / 4294967296;
}

function periodLabel(year: number, perYear: number, i: number): string {
  switch (perYear) {
    case 12:
      return `${year}-${pad2(i + 1)}`;
    case 6:
      return `${year}-B${i + 1}`;
    case 4:
      return `${year}-Q${i + 1}`;
    case 3:
      return `${year}-T${i + 1}`;
    case 2:
      return `${year}-H${i + 1}`;
    default:
      return `${year}`;
  }
}

type Period = { key: string; windowStart: string; windowEnd: string; dueDays: readonly string[] };

// The periods of a year are the same for every client: computed once per (year, periods).
const periodCache = new Map<string, readonly Period[]>();

function periodsOf(year: number, perYear: number): readonly Period[] {
  const cacheKey = `${year}:${perYear}`;
  let periods = periodCache.get(cacheKey);
  if (!periods) {
    const months = 12 / perYear;
    const list: Period[] = [];
    for (let i = 0; i < perYear; i++) {
      const startMonth = i * months + 1;
      const endMonth = startMonth + months - 1;
      const windowStart = day(year, startMonth, 1);
      const windowEnd = day(year, endMonth, lastOfMonth(year, endMonth));
      const span = Math.max(1, Math.floor((daysBetween(windowStart, windowEnd) + 1) * 0.8));
      list.push({ key: periodLabel(year, perYear, i), windowStart, windowEnd, dueDays: Array.from({ length: span }, (_, d) => addDays(windowStart, d)) });
    }
    periods = list;
    periodCache.set(cacheKey, periods);
  }
  return periods;
}

/**
 * Periodic rules: the year in `perYear` equal periods; the touchpoint may be done any day of its
 * period and is due on a day spread over the period's first 80% (so one person's month does not
 * pile up on its last day). The annual report is due on 31 Dec or the retainer's anniversary.
 */
function periodic(rule: PlanRule, client: PlanClient, year: number, out: Planned[]): void {
  const periods = periodsOf(year, rule.perYear);
  const prefix = fnv1a(`${client.id}:${rule.kind}:`);
  for (let i = 0; i < periods.length; i++) {
    const { key, windowStart, windowEnd, dueDays } = periods[i]!;
    let dueOn: string;
    if (rule.kind === 'annual_report') {
      const anniversary = client.retainerAnniversary ? `${year}-${client.retainerAnniversary}` : null;
      dueOn = anniversary && anniversary <= windowEnd && !anniversary.endsWith('02-29') ? anniversary : windowEnd;
    } else {
      dueOn = dueDays[Math.floor(spreadOf(prefix, i) * dueDays.length)]!;
    }
    out.push({
      ruleId: rule.id, kind: rule.kind, periodKey: key, occasion: null, occasionOn: null, windowStart, windowEnd, dueOn,
      role: rule.role, channel: rule.channel, guidance: rule.guidance,
    });
  }
}

type Candidate = { key: string; occasion: string; on: string };

/**
 * P-5: the dates care touches fall on this year, in the order they are taken: the client's
 * principal date (birthday or founding day), Spring Festival, Mid-Autumn, the client's other dates
 * (contacts' birthdays, anniversaries, custom) by date, Dragon Boat, New Year. Lunar dates convert
 * per year (lunar.ts: day 30 of a short month falls on day 29; a leap-month date falls in the
 * ordinary month in years without that leap month).
 */
export function careCandidates(client: PlanClient, year: number): Candidate[] {
  const festivals = new Map(festivalDates(year).map((f) => [f.key, f.date]));
  const own = (principal: boolean) =>
    client.ownDates
      .filter((d) => d.principal === principal)
      .flatMap((d) => occurrencesInYear(d.date, year).slice(0, 1).map((on) => ({ key: d.key, occasion: d.label, on })))
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.key < b.key ? -1 : 1));
  const festival = (k: FestivalKey): Candidate[] => [{ key: k, occasion: k, on: festivals.get(k)! }];
  return [...own(true), ...festival('spring_festival'), ...festival('mid_autumn'), ...own(false), ...festival('dragon_boat'), ...festival('new_year')];
}

/** The first `perYear` candidates on distinct days; each due `leadDays` before its date. */
function care(rule: PlanRule, client: PlanClient, year: number): Planned[] {
  const taken = new Set<string>();
  const out: Planned[] = [];
  for (const c of careCandidates(client, year)) {
    if (out.length >= rule.perYear) break;
    if (taken.has(c.on)) continue;
    taken.add(c.on);
    const dueOn = addDays(c.on, -rule.leadDays);
    out.push({
      ruleId: rule.id, kind: rule.kind, periodKey: `${year}:care:${c.key}`, occasion: c.occasion, occasionOn: c.on,
      windowStart: addDays(dueOn, -14), windowEnd: addDays(c.on, 7), dueOn, role: rule.role, channel: rule.channel, guidance: rule.guidance,
    });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
}

/** Every touchpoint the client's programme plans for the year (before any is written). */
export function planYear(client: PlanClient, rules: readonly PlanRule[], year: number): Planned[] {
  const out: Planned[] = [];
  for (const rule of rules) {
    if (!appliesTo(rule, client)) continue;
    if (rule.kind === 'care') for (const p of care(rule, client, year)) out.push(p);
    else periodic(rule, client, year, out);
  }
  return out;
}
