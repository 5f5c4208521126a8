import { describe, expect, it } from 'vitest';
import { careCandidates, planYear, type PlanClient, type PlanRule } from './care.plan.js';

const rule = (over: Partial<PlanRule>): PlanRule => ({
  id: 'r1', grade: 'A', tiers: null, kind: 'contact', perYear: 12, role: 'lead_lawyer', channel: 'phone', guidance: '', leadDays: 3, statuses: ['active'], ...over,
});
const client = (over: Partial<PlanClient> = {}): PlanClient => ({
  id: 'c1', grade: 'A', tier: 'basic', status: 'active', retainerAnniversary: null, ownDates: [], ...over,
});

describe('planYear (P-4)', () => {
  it('splits the year into equal periods, each due inside its own window', () => {
    for (const [perYear, keys] of [
      [12, ['2027-01', '2027-12']],
      [6, ['2027-B1', '2027-B6']],
      [4, ['2027-Q1', '2027-Q4']],
      [3, ['2027-T1', '2027-T3']],
      [2, ['2027-H1', '2027-H2']],
      [1, ['2027', '2027']],
    ] as const) {
      const plan = planYear(client(), [rule({ perYear })], 2027);
      expect(plan).toHaveLength(perYear);
      expect([plan[0]!.periodKey, plan.at(-1)!.periodKey]).toEqual(keys);
      expect(plan[0]!.windowStart).toBe('2027-01-01');
      expect(plan.at(-1)!.windowEnd).toBe('2027-12-31');
      for (const p of plan) expect(p.dueOn >= p.windowStart && p.dueOn <= p.windowEnd).toBe(true);
    }
    // February's window in a common year
    expect(planYear(client(), [rule({})], 2027)[1]).toMatchObject({ windowStart: '2027-02-01', windowEnd: '2027-02-28' });
  });

  it('applies a rule only to its grade, tiers and statuses; a client without a grade gets C', () => {
    expect(planYear(client({ grade: 'B' }), [rule({})], 2027)).toEqual([]);
    expect(planYear(client({ status: 'dormant' }), [rule({})], 2027)).toEqual([]);
    expect(planYear(client({ status: 'dormant' }), [rule({ statuses: ['active', 'dormant'] })], 2027)).toHaveLength(12);
    expect(planYear(client({ tier: 'basic' }), [rule({ tiers: ['strategic', 'core'] })], 2027)).toEqual([]);
    expect(planYear(client({ tier: 'core' }), [rule({ tiers: ['strategic', 'core'] })], 2027)).toHaveLength(12);
    expect(planYear(client({ grade: null }), [rule({ grade: 'C' })], 2027)).toHaveLength(12);
  });

  it("dues the annual report on the retainer's anniversary when it has one", () => {
    const r = rule({ kind: 'annual_report', perYear: 1 });
    expect(planYear(client(), [r], 2027)[0]!.dueOn).toBe('2027-12-31');
    expect(planYear(client({ retainerAnniversary: '06-30' }), [r], 2027)[0]!.dueOn).toBe('2027-06-30');
  });
});

describe('care dates (P-5)', () => {
  const care = (perYear: number, c = client()) => planYear(c, [rule({ kind: 'care', perYear, leadDays: 3 })], 2027);

  it("takes the principal date, Spring Festival and Mid-Autumn first, N days ahead", () => {
    const c = client({ ownDates: [{ key: 'founding_day', label: 'founding_day', principal: true, date: { calendar: 'solar', year: 2005, month: 5, day: 18, leapMonth: false } }] });
    expect(care(2, c).map((p) => [p.occasion, p.occasionOn, p.dueOn])).toEqual([
      ['spring_festival', '2027-02-06', '2027-02-03'],
      ['founding_day', '2027-05-18', '2027-05-15'],
    ]);
    expect(care(3, c).map((p) => p.occasion)).toEqual(['spring_festival', 'founding_day', 'mid_autumn']);
    expect(care(3).map((p) => p.occasion)).toEqual(['spring_festival', 'dragon_boat', 'mid_autumn']);
  });

  it('never takes one day twice: a birthday on the Spring Festival leaves room for the next date', () => {
    const c = client({ ownDates: [{ key: 'birthday', label: 'birthday', principal: true, date: { calendar: 'lunar', year: null, month: 1, day: 1, leapMonth: false } }] });
    const plan = care(2, c);
    expect(plan.map((p) => p.occasionOn)).toEqual(['2027-02-06', '2027-09-15']);
  });

  it('converts a leap-month birthday in a year without that leap month to the ordinary month', () => {
    // 闰六月初十 (e.g. born 2017 or 2025); 2027 has no leap month, so it falls on 六月初十
    const c = client({ ownDates: [{ key: 'birthday', label: 'birthday', principal: true, date: { calendar: 'lunar', year: 2025, month: 6, day: 10, leapMonth: true } }] });
    const on = careCandidates(c, 2027).find((x) => x.key === 'birthday')!.on;
    const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric' });
    // ICU's Chinese calendar as the second source for the month and day
    expect(fmt.format(new Date(`${on}T04:00:00Z`))).toBe('6/10');
  });
});
