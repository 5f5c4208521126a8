import { DEFAULT_SETTINGS, type Settings } from '@retainer/shared';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  classify,
  effectiveStatus,
  frequencyScore,
  gradeOf,
  monetaryScore,
  quadrantOf,
  quintileScorer,
  recencyScore,
  scorersFor,
  statusOf,
  thresholdProblems,
  tierOf,
  type ClientFacts,
} from './classification.rules.js';

const s = DEFAULT_SETTINGS;
const yuan = (n: number) => n * 100;
const TODAY = '2026-11-25';
const none: ClientFacts = {
  hourlyRateFen: null,
  matters: 0,
  openMatters: 0,
  retainersInForce: 0,
  matters36: 0,
  fees12Fen: 0,
  fees36Fen: 0,
  firstEngagedOn: null,
  lastEngagedOn: null,
};

describe('K-1 grade', () => {
  it('uses the hourly rate when there is one, at the thresholds', () => {
    expect(gradeOf({ hourlyRateFen: yuan(3000), fees12Fen: 0 }, s)).toEqual({ grade: 'A', rule: 'hourly_rate' });
    expect(gradeOf({ hourlyRateFen: yuan(2999.99), fees12Fen: yuan(1e6) }, s).grade).toBe('B');
    expect(gradeOf({ hourlyRateFen: yuan(1500), fees12Fen: 0 }, s).grade).toBe('B');
    expect(gradeOf({ hourlyRateFen: yuan(1499), fees12Fen: 0 }, s).grade).toBe('C');
  });
  it('falls back to trailing-12-month fees without a rate', () => {
    expect(gradeOf({ hourlyRateFen: null, fees12Fen: yuan(300_000) }, s)).toEqual({ grade: 'A', rule: 'fees_12m' });
    expect(gradeOf({ hourlyRateFen: null, fees12Fen: yuan(300_000) - 1 }, s).grade).toBe('B');
    expect(gradeOf({ hourlyRateFen: null, fees12Fen: yuan(50_000) }, s).grade).toBe('B');
    expect(gradeOf({ hourlyRateFen: null, fees12Fen: yuan(50_000) - 1 }, s).grade).toBe('C');
    expect(gradeOf({ hourlyRateFen: null, fees12Fen: 0 }, s).grade).toBe('C');
  });
});

describe('K-2 RFM thresholds', () => {
  it('R by days since the last engagement; never → 1', () => {
    expect([0, 90, 91, 180, 181, 365, 366, 730, 731].map((d) => recencyScore(d, s))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect(recencyScore(null, s)).toBe(1);
  });
  it('F by matters opened in 36 months: ≥8 → 5, ≥5 → 4, ≥3 → 3, 2 → 2, else 1', () => {
    expect([9, 8, 7, 5, 4, 3, 2, 1, 0].map((n) => frequencyScore(n, s))).toEqual([5, 5, 4, 4, 3, 3, 2, 1, 1]);
  });
  it('M by fees in 36 months (yuan thresholds in fen)', () => {
    const m = (y: number) => monetaryScore(yuan(y), s);
    expect([m(1_000_000), m(999_999.99), m(300_000), m(299_999), m(100_000), m(99_999), m(30_000), m(29_999.99), m(0)]).toEqual([5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  it('follows changed settings', () => {
    const custom: Settings = { ...s, rfmFrequency5: 4, rfmFrequency4: 3, rfmFrequency3: 2, rfmFrequency2: 1 };
    expect([4, 3, 2, 1, 0].map((n) => frequencyScore(n, custom))).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('K-2 quintile mode', () => {
  it('scores ⌈5 × share at or below⌉ among active clients; none → 1', () => {
    const q = quintileScorer([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(q)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(q(null)).toBe(1);
  });
  it('gives ties one score, that of the tie’s top place', () => {
    const q = quintileScorer([1, 1, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(q(1)).toBe(3);
    expect(q(5)).toBe(5);
    expect(quintileScorer([7])(7)).toBe(5);
    expect(quintileScorer([])(7)).toBe(1);
  });
  it('ranks recency the right way round (more recent is better) and leaves inactive clients at 1', () => {
    const qs: Settings = { ...s, rfmMode: 'quintile' };
    const facts = [1, 2, 3, 4, 5].map((i) => ({ ...none, matters: 1, matters36: i, fees36Fen: i * 100, lastEngagedOn: addMonths(TODAY, -i) }));
    const sc = scorersFor(qs, TODAY, [...facts, none]);
    expect(sc.r(20)).toBe(5);
    expect(sc.r(160)).toBe(1);
    expect(sc.r(null)).toBe(1);
    expect(sc.f(5)).toBe(5);
    expect(sc.f(0)).toBe(1);
    expect(sc.m(100)).toBe(1);
    expect(sc.m(300)).toBe(3);
  });
});

describe('K-3 tier, first match', () => {
  it('strategic, core, potential, basic in that order', () => {
    expect(tierOf({ r: 4, f: 4, m: 4 }, null, TODAY).tier).toBe('strategic');
    expect(tierOf({ r: 3, f: 4, m: 4 }, null, TODAY).tier).toBe('core');
    expect(tierOf({ r: 3, f: 3, m: 3 }, null, TODAY).tier).toBe('core');
    expect(tierOf({ r: 2, f: 3, m: 3 }, null, TODAY).tier).toBe('basic');
    expect(tierOf({ r: 5, f: 3, m: 2 }, null, TODAY)).toEqual({ tier: 'potential', rule: 'frequent_small' });
    expect(tierOf({ r: 5, f: 2, m: 2 }, null, TODAY).tier).toBe('basic');
  });
  it('a first engagement within the last 12 months makes a client potential', () => {
    expect(tierOf({ r: 5, f: 1, m: 1 }, '2025-11-26', TODAY)).toEqual({ tier: 'potential', rule: 'new_client' });
    expect(tierOf({ r: 5, f: 1, m: 1 }, '2025-11-25', TODAY).tier).toBe('basic');
    // a higher tier still comes first
    expect(tierOf({ r: 5, f: 5, m: 5 }, '2026-10-01', TODAY).tier).toBe('strategic');
  });
});

describe('K-4 quadrant', () => {
  it('golden, big, frequent-small, other', () => {
    expect(quadrantOf(4, 4)).toBe('golden');
    expect(quadrantOf(2, 4)).toBe('big');
    expect(quadrantOf(3, 5)).toBe('other');
    expect(quadrantOf(4, 2)).toBe('frequent_small');
    expect(quadrantOf(4, 3)).toBe('other');
    expect(quadrantOf(1, 1)).toBe('other');
  });
});

describe('K-5 status', () => {
  it('prospect, active by open matter, retainer or fee, else dormant', () => {
    expect(statusOf(none).status).toBe('prospect');
    expect(statusOf({ ...none, matters: 1, openMatters: 1 })).toEqual({ status: 'active', rule: 'open_matter' });
    expect(statusOf({ ...none, matters: 1, retainersInForce: 1 }).rule).toBe('retainer_in_force');
    expect(statusOf({ ...none, matters: 1, fees12Fen: 1 }).rule).toBe('fee_12m');
    expect(statusOf({ ...none, matters: 1 }).status).toBe('dormant');
  });
  it('a person’s lost or dismissed wins', () => {
    expect(effectiveStatus({ status: 'lost', status_manual: 1 }, 'active')).toBe('lost');
    expect(effectiveStatus({ status: 'dismissed', status_manual: 1 }, 'prospect')).toBe('dismissed');
    expect(effectiveStatus({ status: 'active', status_manual: 0 }, 'dormant')).toBe('dormant');
  });
});

describe('classify and settings', () => {
  it('puts it together for one client', () => {
    const facts = { ...none, matters: 3, openMatters: 1, matters36: 3, fees12Fen: yuan(60_000), fees36Fen: yuan(120_000), firstEngagedOn: '2024-01-05', lastEngagedOn: '2026-10-01' };
    const c = classify(facts, s, TODAY, scorersFor(s, TODAY));
    expect(c).toMatchObject({ grade: 'B', rfm: { r: 5, f: 3, m: 3 }, tier: 'core', quadrant: 'other', status: 'active', recencyDays: 55 });
  });
  it('months end on the last day of shorter months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', -36)).toBe('2023-11-25');
  });
  it('accepts the defaults and names every threshold out of order', () => {
    expect(thresholdProblems(s)).toEqual([]);
    const bad = thresholdProblems({ ...s, rfmRecency4Days: 60, rfmMonetary2Fen: yuan(200_000), gradeFeesBFen: yuan(400_000) });
    expect(bad.map((p) => p.field).sort()).toEqual(['gradeFeesBFen', 'rfmMonetary2Fen', 'rfmRecency4Days']);
  });
});
