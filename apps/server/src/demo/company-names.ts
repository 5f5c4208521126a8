import type { Rng } from './random.js';
import { cityShort, type City } from './regions.js';

// Parts of demo company names: city + 字号 (trade name) + industry word + form, e.g. 杭州云帆科技有限公司.
// The industry word decides the GB/T 4754-2017 section (门类) of the company.

/** First and second characters of a two-character 字号; pairs are made from both lists. */
export const TRADE_FIRST = [
  '华', '宏', '鼎', '恒', '瑞', '金', '东', '新', '远', '安', '嘉', '博', '智', '润', '泰', '盛', '兴', '永', '天', '正',
  '卓', '和', '信', '德', '明', '汇', '锦', '海', '星', '云', '晨', '通', '中', '万', '众', '长', '康', '启', '创', '弘',
  '鸿', '景', '睿', '融', '聚', '优', '宁', '赛', '易', '凯',
] as const;

export const TRADE_SECOND = [
  '达', '信', '通', '盛', '源', '泰', '丰', '诚', '远', '邦', '科', '创', '华', '辰', '宇', '航', '腾', '帆', '峰', '业',
  '锐', '联', '鑫', '威', '悦', '升', '阳', '川', '森', '耀', '昌', '隆', '捷', '誉', '润', '瀚', '合', '安', '驰', '智',
] as const;

/** Foreign-invested companies use a transliterated brand and the (中国)/(city) form; all invented. */
export const FOREIGN_BRANDS = ['艾森特', '维斯顿', '科瑞斯', '霍尔曼', '斯坦因', '罗斯克', '麦德林', '博森', '卡尔森', '诺维格', '安柏瑞', '泰勒斯'] as const;

/** An industry word and its GB/T 4754-2017 section. `tech`: typical of 高新技术 companies. */
export type IndustryWord = { word: string; section: string; tech?: boolean; weight: number };

export const INDUSTRY_WORDS: readonly IndustryWord[] = [
  { word: '科技', section: 'I', tech: true, weight: 14 },
  { word: '信息技术', section: 'I', tech: true, weight: 6 },
  { word: '网络科技', section: 'I', tech: true, weight: 5 },
  { word: '软件', section: 'I', tech: true, weight: 4 },
  { word: '数据科技', section: 'I', tech: true, weight: 2 },
  { word: '贸易', section: 'F', weight: 8 },
  { word: '商贸', section: 'F', weight: 4 },
  { word: '进出口', section: 'F', weight: 3 },
  { word: '电子商务', section: 'F', weight: 3 },
  { word: '实业', section: 'C', weight: 5 },
  { word: '机械制造', section: 'C', weight: 3 },
  { word: '电子', section: 'C', tech: true, weight: 3 },
  { word: '新材料', section: 'C', tech: true, weight: 3 },
  { word: '生物医药', section: 'C', tech: true, weight: 3 },
  { word: '医疗器械', section: 'C', tech: true, weight: 2 },
  { word: '食品', section: 'C', weight: 2 },
  { word: '纺织', section: 'C', weight: 2 },
  { word: '化工', section: 'C', weight: 1 },
  { word: '汽车零部件', section: 'C', weight: 2 },
  { word: '建设工程', section: 'E', weight: 3 },
  { word: '建筑装饰工程', section: 'E', weight: 2 },
  { word: '房地产开发', section: 'K', weight: 3 },
  { word: '置业', section: 'K', weight: 2 },
  { word: '物业管理', section: 'K', weight: 2 },
  { word: '物流', section: 'G', weight: 3 },
  { word: '供应链管理', section: 'L', weight: 2 },
  { word: '餐饮管理', section: 'H', weight: 2 },
  { word: '酒店管理', section: 'H', weight: 1 },
  { word: '投资管理', section: 'L', weight: 3 },
  { word: '企业管理咨询', section: 'L', weight: 3 },
  { word: '人力资源', section: 'L', weight: 2 },
  { word: '广告', section: 'L', weight: 1 },
  { word: '融资租赁', section: 'J', weight: 1 },
  { word: '商业保理', section: 'J', weight: 1 },
  { word: '新能源', section: 'D', tech: true, weight: 2 },
  { word: '环保科技', section: 'N', tech: true, weight: 2 },
  { word: '生态农业', section: 'A', weight: 1 },
  { word: '矿业', section: 'B', weight: 1 },
  { word: '文化传媒', section: 'R', weight: 2 },
  { word: '影视文化', section: 'R', weight: 1 },
  { word: '教育科技', section: 'P', weight: 1 },
  { word: '医疗管理', section: 'Q', weight: 1 },
  { word: '检测技术', section: 'M', tech: true, weight: 1 },
  { word: '工程设计', section: 'M', weight: 1 },
  { word: '家政服务', section: 'O', weight: 1 },
];

/** Associations (社会团体, USCC registration authority 5, type 1): name tail and section S. */
export const ASSOCIATIONS = ['软件行业协会', '餐饮行业协会', '中小企业商会', '跨境电子商务协会', '建筑业协会', '物流协会'] as const;

/** Company forms; 集团 names usually drop the industry word (杭州云帆集团有限公司). */
export const COMPANY_FORMS = [
  { form: '有限公司', weight: 70 },
  { form: '有限责任公司', weight: 4 },
  { form: '股份有限公司', weight: 14 },
  { form: '集团有限公司', weight: 8 },
  { form: '集团股份有限公司', weight: 2 },
] as const;

export const EMPLOYEE_SCALES = ['20人以下', '20-99人', '100-299人', '300-999人', '1000-4999人', '5000人以上'] as const;
export const REVENUE_BRACKETS = ['500万元以下', '500万-2000万元', '2000万-1亿元', '1亿-10亿元', '10亿元以上'] as const;
/** Registered capital in 万元 (×1,000,000 for fen). */
export const CAPITALS_WAN = [10, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000] as const;

export const CUSTOMER_GROUPS = [
  '中小企业', '大型国有企业', '政府及事业单位', '终端消费者', '海外采购商', '连锁零售商', '医院及医疗机构', '高校及科研院所', '互联网平台',
] as const;

/** Contact posts: department, title and decision role (C-4). */
export const POSTS = [
  { department: '董事会', title: '董事长', role: 'decision_maker', weight: 3 },
  { department: '总经办', title: '总经理', role: 'decision_maker', weight: 5 },
  { department: '总经办', title: '副总经理', role: 'influencer', weight: 4 },
  { department: '总经办', title: '总经理助理', role: 'gatekeeper', weight: 3 },
  { department: '法务部', title: '法务总监', role: 'influencer', weight: 6 },
  { department: '法务部', title: '法务经理', role: 'influencer', weight: 6 },
  { department: '法务部', title: '法务专员', role: 'user', weight: 6 },
  { department: '合规部', title: '合规总监', role: 'influencer', weight: 2 },
  { department: '财务部', title: '财务总监', role: 'influencer', weight: 4 },
  { department: '财务部', title: '财务经理', role: 'user', weight: 3 },
  { department: '董事会办公室', title: '董事会秘书', role: 'influencer', weight: 2 },
  { department: '人力资源部', title: '人力资源总监', role: 'influencer', weight: 2 },
  { department: '人力资源部', title: 'HR经理', role: 'user', weight: 3 },
  { department: '行政部', title: '行政经理', role: 'gatekeeper', weight: 2 },
  { department: '采购部', title: '采购经理', role: 'user', weight: 2 },
] as const;

export const DECISION_ROLE_LABELS: Record<string, string> = {
  decision_maker: '决策者',
  influencer: '影响者',
  user: '使用者',
  gatekeeper: '把关者',
};

export const BUSINESS_PARTNER_WORDS = ['银行', '会计师事务所', '供应商', '经销商', '物流服务商', '云服务商'] as const;

export type OrgName = { name: string; trade: string; authority: string; section: string; form: string; tags: string[] };

export function companyName(rng: Rng, city: City, trade: string, industry: IndustryWord, form: string): OrgName {
  const group = form.startsWith('集团');
  const word = group ? rng.pick(['', '控股', '实业', '投资']) : industry.word;
  const tags = industry.tech && !group ? ['高新技术'] : [];
  return { name: `${cityShort(city)}${trade}${word}${form}`, trade, authority: '91', section: industry.section, form, tags };
}

export function subsidiaryName(rng: Rng, city: City, trade: string, industry: IndustryWord): OrgName {
  return companyName(rng, city, trade, industry, '有限公司');
}

export function foreignName(rng: Rng, city: City, industry: IndustryWord): OrgName {
  const brand = rng.pick(FOREIGN_BRANDS);
  const seat = rng.next() < 0.5 ? '中国' : cityShort(city);
  return { name: `${brand}（${seat}）${industry.word}有限公司`, trade: brand, authority: '91', section: industry.section, form: '有限公司', tags: ['外资'] };
}

/** Associations (社会团体) register with the civil affairs authority: USCC authority 5, type 1. */
export function associationName(rng: Rng, city: City): OrgName {
  return { name: `${city.city}${rng.pick(ASSOCIATIONS)}`, trade: cityShort(city), authority: '51', section: 'S', form: '', tags: [] };
}
