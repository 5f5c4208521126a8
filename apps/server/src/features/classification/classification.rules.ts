import type { ClassificationSettings, ClientStatus, FieldError, Grade, Quadrant, Settings, Tier } from '@retainer/shared';

/** What the rules need to know of one client, from its matters and fees (amounts in fen, days YYYY-MM-DD). */
export type ClientFacts = {
  hourlyRateFen: number | null;
  /** matters of any status, ever */
  matters: number;
  /** matters whose status is not closed */
  openMatters: number;
  /** retainers whose expiry is today or later */
  retainersInForce: number;
  /** matters opened in the trailing 36 months */
  matters36: number;
  fees12Fen: number;
  fees36Fen: number;
  /** first and last engagement: the earliest/latest of matter opened and fee received */
  firstEngagedOn: string | null;
  lastEngagedOn: string | null;
};

export type Rfm = { r: number; f: number; m: number };
export type Score = 1 | 2 | 3 | 4 | 5;

export type Derived = { grade: Grade; rfm: Rfm; tier: Tier; quadrant: Quadrant; status: 'prospect' | 'active' | 'dormant' };

type S = Pick<Settings, 'gradeHourlyRateAFen' | 'gradeHourlyRateBFen'> & ClassificationSettings;

/** Calendar arithmetic on firm-local days (no time zone involved once the day is known). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * The day windows relative to `today`: "trailing N months" are the days after the same
 * calendar day N months earlier, up to and including today.
 */
export function windows(today: string): { after12: string; after36: string } {
  // called once per client in a recompute: the same day's windows are kept
  if (lastWindows?.today !== today) lastWindows = { today, after12: addMonths(today, -12), after36: addMonths(today, -36) };
  return lastWindows;
}
let lastWindows: { today: string; after12: string; after36: string } | null = null;

/** K-1: the hourly rate decides when there is one; otherwise trailing-12-month fees. */
export function gradeOf(f: Pick<ClientFacts, 'hourlyRateFen' | 'fees12Fen'>, s: S): { grade: Grade; rule: 'hourly_rate' | 'fees_12m' } {
  if (f.hourlyRateFen != null) {
    const grade = f.hourlyRateFen >= s.gradeHourlyRateAFen ? 'A' : f.hourlyRateFen >= s.gradeHourlyRateBFen ? 'B' : 'C';
    return { grade, rule: 'hourly_rate' };
  }
  const grade = f.fees12Fen >= s.gradeFeesAFen ? 'A' : f.fees12Fen >= s.gradeFeesBFen ? 'B' : 'C';
  return { grade, rule: 'fees_12m' };
}

/** K-2 R: days since the last engagement; never engaged → 1. */
export function recencyScore(days: number | null, s: S): Score {
  if (days === null) return 1;
  if (days <= s.rfmRecency5Days) return 5;
  if (days <= s.rfmRecency4Days) return 4;
  if (days <= s.rfmRecency3Days) return 3;
  if (days <= s.rfmRecency2Days) return 2;
  return 1;
}

/** K-2 F: matters opened in the trailing 36 months. */
export function frequencyScore(n: number, s: S): Score {
  if (n >= s.rfmFrequency5) return 5;
  if (n >= s.rfmFrequency4) return 4;
  if (n >= s.rfmFrequency3) return 3;
  if (n >= s.rfmFrequency2) return 2;
  return 1;
}

/** K-2 M: fees received in the trailing 36 months, in fen. */
export function monetaryScore(fen: number, s: S): Score {
  if (fen >= s.rfmMonetary5Fen) return 5;
  if (fen >= s.rfmMonetary4Fen) return 4;
  if (fen >= s.rfmMonetary3Fen) return 3;
  if (fen >= s.rfmMonetary2Fen) return 2;
  return 1;
}

/**
 * K-2 quintile mode: a score from the client's place among the clients with any activity on that
 * measure (`values`, higher is better). Score = ⌈5 × share of those clients at or below the value⌉,
 * so ties share one score (the one of the tie's top place) and the best client always scores 5;
 * a value of no activity (`null`) scores 1.
 */
export function quintileScorer(values: number[]): (v: number | null) => Score {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return (v) => {
    if (v === null || n === 0) return 1;
    // number of values ≤ v (upper bound)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(5, Math.max(1, Math.ceil((5 * lo) / n))) as Score;
  };
}

/** K-3: first rule that matches; a first engagement within 12 months makes a client potential. */
export function tierOf(rfm: Rfm, firstEngagedOn: string | null, today: string): { tier: Tier; rule: string } {
  const { r, f, m } = rfm;
  if (r >= 4 && f >= 4 && m >= 4) return { tier: 'strategic', rule: 'rfm_444' };
  if (r >= 3 && f >= 3 && m >= 3) return { tier: 'core', rule: 'rfm_333' };
  if (f >= 3 && m <= 2) return { tier: 'potential', rule: 'frequent_small' };
  if (firstEngagedOn !== null && firstEngagedOn > windows(today).after12 && firstEngagedOn <= today) return { tier: 'potential', rule: 'new_client' };
  return { tier: 'basic', rule: 'otherwise' };
}

/** K-4 value quadrant from F and M. */
export function quadrantOf(f: number, m: number): Quadrant {
  if (f >= 4 && m >= 4) return 'golden';
  if (f <= 2 && m >= 4) return 'big';
  if (f >= 4 && m <= 2) return 'frequent_small';
  return 'other';
}

/** K-5 derived status: prospect (never a matter), active (open matter, retainer in force or a fee in 12 months), else dormant. */
export function statusOf(f: Pick<ClientFacts, 'matters' | 'openMatters' | 'retainersInForce' | 'fees12Fen'>): { status: Derived['status']; rule: string } {
  if (f.matters === 0) return { status: 'prospect', rule: 'no_matter' };
  if (f.openMatters > 0) return { status: 'active', rule: 'open_matter' };
  if (f.retainersInForce > 0) return { status: 'active', rule: 'retainer_in_force' };
  if (f.fees12Fen > 0) return { status: 'active', rule: 'fee_12m' };
  return { status: 'dormant', rule: 'no_recent_engagement' };
}

export type Scorers = { r(days: number | null): Score; f(n: number): Score; m(fen: number): Score };

/** Threshold scorers, or quintile scorers over the firm's clients' facts. */
export function scorersFor(s: S, today: string, all?: Iterable<ClientFacts>): Scorers {
  if (s.rfmMode !== 'quintile' || !all) {
    return { r: (d) => recencyScore(d, s), f: (n) => frequencyScore(n, s), m: (fen) => monetaryScore(fen, s) };
  }
  const rs: number[] = [];
  const fs: number[] = [];
  const ms: number[] = [];
  for (const c of all) {
    if (c.lastEngagedOn !== null) rs.push(-daysBetween(c.lastEngagedOn, today));
    if (c.matters36 > 0) fs.push(c.matters36);
    if (c.fees36Fen > 0) ms.push(c.fees36Fen);
  }
  const [qr, qf, qm] = [quintileScorer(rs), quintileScorer(fs), quintileScorer(ms)];
  return { r: (d) => qr(d === null ? null : -d), f: (n) => qf(n > 0 ? n : null), m: (fen) => qm(fen > 0 ? fen : null) };
}

export type Classified = Derived & { rules: { grade: string; tier: string; status: string }; recencyDays: number | null };

/** Every derived value of one client (overrides are applied by the caller). */
export function classify(f: ClientFacts, s: S, today: string, sc: Scorers): Classified {
  const g = gradeOf(f, s);
  const recencyDays = f.lastEngagedOn === null ? null : Math.max(0, daysBetween(f.lastEngagedOn, today));
  const rfm = { r: sc.r(recencyDays), f: sc.f(f.matters36), m: sc.m(f.fees36Fen) };
  const t = tierOf(rfm, f.firstEngagedOn, today);
  const st = statusOf(f);
  return {
    grade: g.grade,
    rfm,
    tier: t.tier,
    quadrant: quadrantOf(rfm.f, rfm.m),
    status: st.status,
    rules: { grade: g.rule, tier: t.rule, status: st.rule },
    recencyDays,
  };
}

/** The stored status: a person's lost/dismissed wins over the derived one (K-5). */
export function effectiveStatus(stored: { status: ClientStatus; status_manual: number }, derived: Derived['status']): ClientStatus {
  return stored.status_manual === 1 && (stored.status === 'lost' || stored.status === 'dismissed') ? stored.status : derived;
}

/** Thresholds must be ordered so every score stays reachable (400 with reasons otherwise). */
export function thresholdProblems(s: S): FieldError[] {
  const out: FieldError[] = [];
  const desc = (fields: (keyof S)[], what: string) => {
    for (let i = 1; i < fields.length; i++) {
      const hi = s[fields[i - 1]!] as number;
      const lo = s[fields[i]!] as number;
      if (!(hi > lo)) out.push({ field: fields[i]!, message: `${what}: must be below ${String(fields[i - 1])} (${hi})` });
    }
  };
  const asc = (fields: (keyof S)[], what: string) => {
    for (let i = 1; i < fields.length; i++) {
      const lo = s[fields[i - 1]!] as number;
      const hi = s[fields[i]!] as number;
      if (!(hi > lo)) out.push({ field: fields[i]!, message: `${what}: must be above ${String(fields[i - 1])} (${lo})` });
    }
  };
  desc(['gradeHourlyRateAFen', 'gradeHourlyRateBFen'], 'hourly-rate thresholds fall from A to B');
  desc(['gradeFeesAFen', 'gradeFeesBFen'], 'fee thresholds fall from A to B');
  asc(['rfmRecency5Days', 'rfmRecency4Days', 'rfmRecency3Days', 'rfmRecency2Days'], 'recency days grow from R=5 to R=2');
  desc(['rfmFrequency5', 'rfmFrequency4', 'rfmFrequency3', 'rfmFrequency2'], 'matter counts fall from F=5 to F=2');
  desc(['rfmMonetary5Fen', 'rfmMonetary4Fen', 'rfmMonetary3Fen', 'rfmMonetary2Fen'], 'fee amounts fall from M=5 to M=2');
  if (s.rfmFrequency2 < 1) out.push({ field: 'rfmFrequency2', message: 'at least one matter for F=2' });
  if (s.rfmMonetary2Fen < 1) out.push({ field: 'rfmMonetary2Fen', message: 'a positive amount for M=2' });
  return out;
}
