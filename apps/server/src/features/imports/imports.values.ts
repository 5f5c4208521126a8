import { INDUSTRIES, type CalendarDate } from '@retainer/shared';
import { problem, type Problem } from './imports.messages.js';
import { CellError, type Cell } from './imports.reader.js';

// C-10: what people type in spreadsheets, turned into the API's values, each with a coded
// reason (worded in the reader's language later) when it cannot be.

export type Parsed<T> = { ok: T } | { error: Problem };
const fail = (...args: Parameters<typeof problem>): { error: Problem } => ({ error: problem(...args) });

/** Full-width digits, letters and punctuation as ASCII (０１３ → 013). */
export const nfkc = (s: string) => s.normalize('NFKC').trim();

export function textOf(cell: Cell): string | null {
  if (cell === null || cell instanceof CellError) return null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const s = typeof cell === 'number' ? numberText(cell) : cell.trim();
  return s === '' ? null : s;
}

/** 13800001111 rather than 1.38e10; integers as written. */
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

const KINDS: Record<string, 'individual' | 'organisation'> = {
  个人: 'individual', 自然人: 'individual', individual: 'individual', person: 'individual',
  单位: 'organisation', 企业: 'organisation', 公司: 'organisation', 机构: 'organisation', 组织: 'organisation',
  法人: 'organisation', organisation: 'organisation', organization: 'organisation', company: 'organisation',
};
export function parseKind(s: string): Parsed<'individual' | 'organisation'> {
  const v = KINDS[nfkc(s).toLowerCase()];
  return v ? { ok: v } : fail('kind_unknown', { value: short(s) });
}

/** Names of organisations usually end like this; used only when the row gives no type. */
const ORG_NAME = /(公司|集团|事务所|律所|中心|工厂|厂|商店|银行|医院|学校|大学|学院|协会|商会|基金会|委员会|研究院|研究所|合作社|政府|局)$|\b(ltd|limited|inc|llc|corp|co|gmbh)\.?$/i;
export const looksLikeOrganisation = (name: string) => ORG_NAME.test(nfkc(name));

/** GB/T 4754-2017 section names → letters. */
export const INDUSTRY_NAMES: Record<string, string> = {
  '农、林、牧、渔业': 'A', 采矿业: 'B', 制造业: 'C', '电力、热力、燃气及水生产和供应业': 'D', 建筑业: 'E',
  批发和零售业: 'F', '交通运输、仓储和邮政业': 'G', 住宿和餐饮业: 'H', '信息传输、软件和信息技术服务业': 'I',
  金融业: 'J', 房地产业: 'K', 租赁和商务服务业: 'L', 科学研究和技术服务业: 'M', '水利、环境和公共设施管理业': 'N',
  '居民服务、修理和其他服务业': 'O', 教育: 'P', 卫生和社会工作: 'Q', '文化、体育和娱乐业': 'R',
  '公共管理、社会保障和社会组织': 'S', 国际组织: 'T',
};
/** GB/T 4754 section: its letter, its name, or both ("C 制造业"). */
export function parseIndustry(s: string): Parsed<(typeof INDUSTRIES)[number]> {
  const v = nfkc(s);
  const letter = /^([A-Ta-t])(?:$|[\s.、:：-])/.exec(v)?.[1]?.toUpperCase() ?? INDUSTRY_NAMES[v.replace(/\s+/g, '')];
  const found = INDUSTRIES.find((i) => i === letter);
  return found ? { ok: found } : fail('industry_unknown', { value: short(s) });
}

const SOURCES: Record<string, 'referral' | 'website' | 'event' | 'walk_in' | 'other'> = {
  转介绍: 'referral', 介绍: 'referral', 推荐: 'referral', 老客户介绍: 'referral', referral: 'referral',
  网站: 'website', 官网: 'website', 网络: 'website', website: 'website',
  活动: 'event', 讲座: 'event', 沙龙: 'event', event: 'event',
  自行上门: 'walk_in', 上门: 'walk_in', 来访: 'walk_in', walk_in: 'walk_in', 'walk-in': 'walk_in',
  其他: 'other', 其它: 'other', other: 'other',
};
export function parseSource(s: string): Parsed<'referral' | 'website' | 'event' | 'walk_in' | 'other'> {
  const v = SOURCES[nfkc(s).toLowerCase()];
  return v ? { ok: v } : fail('source_unknown', { value: short(s) });
}

export function parseGender(s: string): Parsed<'male' | 'female'> {
  const v = nfkc(s).toLowerCase();
  if (['男', 'male', 'm', '男性'].includes(v)) return { ok: 'male' };
  if (['女', 'female', 'f', '女性'].includes(v)) return { ok: 'female' };
  return fail('gender_unknown', { value: short(s) });
}

const DECISION: Record<string, 'decision_maker' | 'influencer' | 'user' | 'gatekeeper'> = {
  决策者: 'decision_maker', 决策人: 'decision_maker', decision_maker: 'decision_maker', 'decision maker': 'decision_maker',
  影响者: 'influencer', 影响人: 'influencer', influencer: 'influencer',
  使用者: 'user', 使用人: 'user', user: 'user',
  把关者: 'gatekeeper', 把关人: 'gatekeeper', gatekeeper: 'gatekeeper',
};
export function parseDecisionRole(s: string): Parsed<'decision_maker' | 'influencer' | 'user' | 'gatekeeper'> {
  const v = DECISION[nfkc(s).toLowerCase()];
  return v ? { ok: v } : fail('decision_role_unknown', { value: short(s) });
}

/** Comma, full-width comma, 顿号 or semicolon separated. */
export const splitTags = (s: string) =>
  s
    .split(/[,，、;；\n]/)
    .map((t) => t.trim())
    .filter(Boolean);

/** 元 to integer 分, at most two decimals; "1,500.00", "¥1500", "1500元" and "50万" read as written. */
export function parseYuan(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    if (cell < 0) return fail('amount_negative');
    const fen = Math.round(cell * 100);
    return Math.abs(cell * 100 - fen) < 1e-6 ? { ok: fen } : fail('amount_decimals');
  }
  const raw = textOf(cell) ?? '';
  let v = nfkc(raw).replace(/[¥,\s]/g, '').replace(/(人民币|元|RMB|CNY)$/i, '');
  let scale = 1n;
  if (v.endsWith('万')) {
    v = v.slice(0, -1);
    scale = 10_000n;
  }
  if (v.startsWith('-')) return fail('amount_negative');
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(v);
  if (!m) return fail('amount_invalid', { value: short(raw) });
  // Exact decimal arithmetic: no floats between the cell and the stored fen.
  const decimals = m[2] ?? '';
  const units = BigInt(m[1]! + decimals) * scale * 100n;
  const divisor = 10n ** BigInt(decimals.length);
  if (units % divisor !== 0n) return fail('amount_decimals');
  return { ok: Number(units / divisor) };
}

const daysIn = (y: number | null, m: number) => (m === 2 ? (y === null || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day numbers (1900 date system) for cells formatted as dates. */
function fromSerial(n: number): { y: number; m: number; d: number } | null {
  if (!Number.isInteger(n) || n < 61 || n > 2_958_465) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

type Ymd = { y: number | null; m: number; d: number };

function ymdOf(cell: Cell, allowNoYear: boolean): Ymd | null {
  if (typeof cell === 'number') return fromSerial(cell);
  const v = nfkc(textOf(cell) ?? '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (allowNoYear && (m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(v))) return { y: null, m: Number(m[1]), d: Number(m[2]) };
  return null;
}

/** YYYY-MM-DD of a day that exists: 2023-02-30 is refused. */
export function parseDay(cell: Cell): Parsed<string> {
  const raw = textOf(cell) ?? '';
  const ymd = ymdOf(cell, false);
  if (!ymd || ymd.y === null) return fail('date_invalid', { value: short(raw) });
  const text = `${ymd.y}-${pad(ymd.m)}-${pad(ymd.d)}`;
  if (ymd.y < 1900 || ymd.y > 2100 || ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysIn(ymd.y, ymd.m)) {
    return fail('date_nonexistent', { value: text });
  }
  return { ok: text };
}

/** A solar birthday with or without the year ("1985-03-08", "3月8日"), or 农历 before a lunar one. */
export function parseBirthday(cell: Cell): Parsed<CalendarDate> {
  const raw = textOf(cell) ?? '';
  const lunar = typeof cell === 'string' && nfkc(cell).startsWith('农历');
  const ymd = ymdOf(lunar ? nfkc(raw).slice(2).trim() : cell, true);
  if (!ymd) return fail('birthday_invalid', { value: short(raw) });
  const maxDay = lunar ? 30 : daysIn(ymd.y, ymd.m);
  const yearOk = ymd.y === null || (ymd.y >= 1900 && ymd.y <= 2100);
  if (!yearOk || ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > maxDay) return fail('birthday_nonexistent', { value: short(raw) });
  return { ok: { calendar: lunar ? 'lunar' : 'solar', year: ymd.y, month: ymd.m, day: ymd.d, leapMonth: false } };
}

/** A code Excel stored as a number has already lost its last digits. */
export function codeText(cell: Cell, field: 'idNumber' | 'uscc'): Parsed<string> {
  if (typeof cell === 'number' && Math.abs(cell) >= 1e15) return fail('code_as_number', { field });
  const v = textOf(cell) ?? '';
  if (/^\d(\.\d+)?e\+?\d+$/i.test(nfkc(v))) return fail('code_scientific', { field, value: short(v) });
  return { ok: v };
}

/** A value quoted back in a reason, cut short (never a whole 10 MB cell). */
export function short(s: string): string {
  const v = s.trim();
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}
