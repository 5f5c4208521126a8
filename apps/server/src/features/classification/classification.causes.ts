import type { ClientClassification, Locale, Quadrant, Settings, Tier } from '@retainer/shared';
import type { ClientsTable } from '../clients/clients.table.js';
import type { Classified, ClientFacts } from './classification.rules.js';

type Causes = ClientClassification['causes'];

const TIER: Record<Tier, Record<Locale, string>> = {
  strategic: { 'zh-CN': '战略客户', 'en-US': 'strategic' },
  core: { 'zh-CN': '核心客户', 'en-US': 'core' },
  potential: { 'zh-CN': '潜力客户', 'en-US': 'potential' },
  basic: { 'zh-CN': '基础客户', 'en-US': 'basic' },
};
const QUADRANT: Record<Quadrant, Record<Locale, string>> = {
  golden: { 'zh-CN': '黄金客户', 'en-US': 'golden' },
  big: { 'zh-CN': '大客户', 'en-US': 'big' },
  frequent_small: { 'zh-CN': '高频小额', 'en-US': 'frequent, small' },
  other: { 'zh-CN': '其他', 'en-US': 'other' },
};
const STATUS: Record<ClientsTable['status'], Record<Locale, string>> = {
  prospect: { 'zh-CN': '潜在客户', 'en-US': 'prospect' },
  active: { 'zh-CN': '合作中', 'en-US': 'active' },
  dormant: { 'zh-CN': '短期未合作', 'en-US': 'dormant' },
  lost: { 'zh-CN': '流失', 'en-US': 'lost' },
  dismissed: { 'zh-CN': '主动解除', 'en-US': 'dismissed' },
};

/** ¥120,000 or ¥1,234.50 */
export function yuan(fen: number): string {
  const whole = fen % 100 === 0;
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

type Row = Pick<ClientsTable, 'grade' | 'grade_manual' | 'grade_reason' | 'tier' | 'tier_manual' | 'tier_reason' | 'status' | 'status_manual' | 'status_reason' | 'hourly_rate_fen'>;

/** K-1..K-5 in words a lawyer reads: the facts, the threshold met, the result. `withFees` false hides amounts. */
export function explain(row: Row, facts: ClientFacts, d: Classified, s: Settings, locale: Locale, withFees: boolean): Causes {
  const zh = locale === 'zh-CN';
  const hidden = zh ? '（涉及收费，无权查看）' : '(involves fees; not shown to you)';
  const quintile = s.rfmMode === 'quintile' ? (zh ? '（按全所五分位排名）' : ' (by rank among the firm’s clients)') : '';
  const { r, f, m } = d.rfm;

  let grade: string;
  if (row.grade_manual === 1) grade = zh ? `手动设定为 ${row.grade}：${row.grade_reason ?? ''}` : `Set to ${row.grade} by hand: ${row.grade_reason ?? ''}`;
  else if (!withFees) grade = hidden;
  else if (d.rules.grade === 'hourly_rate') {
    const rate = yuan(facts.hourlyRateFen ?? 0);
    grade = zh
      ? `约定小时费率 ${rate}/小时（A ≥ ${yuan(s.gradeHourlyRateAFen)}，B ≥ ${yuan(s.gradeHourlyRateBFen)}）→ ${d.grade}`
      : `Agreed hourly rate ${rate}/h (A ≥ ${yuan(s.gradeHourlyRateAFen)}, B ≥ ${yuan(s.gradeHourlyRateBFen)}) → ${d.grade}`;
  } else {
    grade = zh
      ? `无约定小时费率；近12个月收费 ${yuan(facts.fees12Fen)}（A ≥ ${yuan(s.gradeFeesAFen)}，B ≥ ${yuan(s.gradeFeesBFen)}）→ ${d.grade}`
      : `No agreed hourly rate; fees in the last 12 months ${yuan(facts.fees12Fen)} (A ≥ ${yuan(s.gradeFeesAFen)}, B ≥ ${yuan(s.gradeFeesBFen)}) → ${d.grade}`;
  }

  const rText =
    facts.lastEngagedOn === null
      ? zh
        ? `从未收案或收费 → R=${r}`
        : `Never engaged → R=${r}`
      : zh
        ? `最近一次收案或收费 ${facts.lastEngagedOn}（${d.recencyDays} 天前）→ R=${r}${quintile}`
        : `Last matter opened or fee received ${facts.lastEngagedOn} (${d.recencyDays} days ago) → R=${r}${quintile}`;
  const fText = zh ? `近36个月新收案 ${facts.matters36} 件 → F=${f}${quintile}` : `${facts.matters36} matter(s) opened in the last 36 months → F=${f}${quintile}`;
  const mText = !withFees ? hidden : zh ? `近36个月收费 ${yuan(facts.fees36Fen)} → M=${m}${quintile}` : `Fees in the last 36 months ${yuan(facts.fees36Fen)} → M=${m}${quintile}`;

  let tier: string;
  if (row.tier_manual === 1 && row.tier) {
    tier = zh ? `手动设定为${TIER[row.tier][locale]}：${row.tier_reason ?? ''}` : `Set to ${TIER[row.tier][locale]} by hand: ${row.tier_reason ?? ''}`;
  } else {
    const name = TIER[d.tier][locale];
    const why: Record<string, Record<Locale, string>> = {
      rfm_444: { 'zh-CN': `R=${r}、F=${f}、M=${m}，均 ≥ 4`, 'en-US': `R=${r}, F=${f}, M=${m}, all ≥ 4` },
      rfm_333: { 'zh-CN': `R=${r}、F=${f}、M=${m}，均 ≥ 3`, 'en-US': `R=${r}, F=${f}, M=${m}, all ≥ 3` },
      frequent_small: { 'zh-CN': `F=${f} ≥ 3 且 M=${m} ≤ 2`, 'en-US': `F=${f} ≥ 3 and M=${m} ≤ 2` },
      new_client: { 'zh-CN': `首次合作 ${facts.firstEngagedOn}，在近12个月内`, 'en-US': `First engaged ${facts.firstEngagedOn}, within the last 12 months` },
      otherwise: { 'zh-CN': `R=${r}、F=${f}、M=${m}，不符合更高层级的条件`, 'en-US': `R=${r}, F=${f}, M=${m}: no higher tier's condition is met` },
    };
    tier = `${why[d.rules.tier]![locale]} → ${name}`;
  }

  const quadWhy: Record<Quadrant, Record<Locale, string>> = {
    golden: { 'zh-CN': `F=${f} ≥ 4 且 M=${m} ≥ 4`, 'en-US': `F=${f} ≥ 4 and M=${m} ≥ 4` },
    big: { 'zh-CN': `F=${f} ≤ 2 且 M=${m} ≥ 4`, 'en-US': `F=${f} ≤ 2 and M=${m} ≥ 4` },
    frequent_small: { 'zh-CN': `F=${f} ≥ 4 且 M=${m} ≤ 2`, 'en-US': `F=${f} ≥ 4 and M=${m} ≤ 2` },
    other: { 'zh-CN': `F=${f}、M=${m} 不在三个象限内`, 'en-US': `F=${f}, M=${m} fall in none of the three quadrants` },
  };
  const quadrant = `${quadWhy[d.quadrant][locale]} → ${QUADRANT[d.quadrant][locale]}`;

  let status: string;
  if (row.status_manual === 1 && (row.status === 'lost' || row.status === 'dismissed')) {
    status = zh ? `手动标记为${STATUS[row.status][locale]}：${row.status_reason ?? ''}` : `Marked ${STATUS[row.status][locale]} by hand: ${row.status_reason ?? ''}`;
  } else {
    const why: Record<string, Record<Locale, string>> = {
      no_matter: { 'zh-CN': '从未有委托事项', 'en-US': 'Never had a matter' },
      open_matter: { 'zh-CN': `有 ${facts.openMatters} 件未结事项`, 'en-US': `${facts.openMatters} open matter(s)` },
      retainer_in_force: { 'zh-CN': '常年法律顾问合同在有效期内', 'en-US': 'A retainer is in force' },
      fee_12m: { 'zh-CN': '近12个月有收费', 'en-US': 'Fees received in the last 12 months' },
      no_recent_engagement: {
        'zh-CN': '无未结事项、无有效顾问合同、近12个月无收费',
        'en-US': 'No open matter, no retainer in force, no fee in the last 12 months',
      },
    };
    status = `${why[d.rules.status]![locale]} → ${STATUS[d.status][locale]}`;
  }
  return { grade, r: rText, f: fText, m: mText, tier, quadrant, status };
}
