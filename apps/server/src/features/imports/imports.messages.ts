import {
  FIELD_MESSAGES,
  IMPORT_ROW_ERROR_CODES,
  type ImportRowError,
  type ImportRowErrorCode,
  type ImportRowErrorParams,
  type Locale,
} from '@retainer/shared';

// C-10: row errors are stored as a code and its params and worded when someone reads them,
// in that reader's language. Reports stored before codes hold Chinese text, shown as written.

type Params = ImportRowErrorParams;

/** A row error as stored (imports.errors JSON and the report file). */
export type RowError = { row: number; column: string | null; code: ImportRowErrorCode; params: Params };

/** Why a value was refused, before the row and column are known. */
export type Problem = { code: ImportRowErrorCode; params: Params };

export const problem = (code: ImportRowErrorCode, params: Params = {}): Problem => ({ code, params });

type Words = { 'zh-CN': (p: Params) => string; 'en-US': (p: Params) => string };

const str = (v: Params[string] | undefined) => (v === null || v === undefined ? '' : String(v));

const CODE_LABELS: Record<string, Record<Locale, string>> = {
  idNumber: { 'zh-CN': '身份证号', 'en-US': 'ID number' },
  uscc: { 'zh-CN': '统一社会信用代码', 'en-US': 'unified social credit code' },
  namePhone: { 'zh-CN': '名称和电话', 'en-US': 'name and phone' },
};
const label = (v: Params[string] | undefined, locale: Locale) => CODE_LABELS[str(v)]?.[locale] ?? str(v);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** What a schema message is about when the column alone does not say it (codes, contact fields). */
function withSubject(field: string, text: string, locale: Locale, codesToo: boolean): string {
  const subject = field.startsWith('contact')
    ? { 'zh-CN': '联系人', 'en-US': 'Contact' }[locale]
    : codesToo && (field === 'idNumber' || field === 'uscc')
      ? CODE_LABELS[field]![locale]
      : null;
  if (!subject) return text;
  return locale === 'zh-CN' ? `${subject}${text}` : `${upperFirst(subject)}: ${lowerFirst(text)}`;
}

/** A schema issue about one field, with its subject where the column does not name it. */
const about = (zh: (p: Params) => string, en: (p: Params) => string): Words => ({
  'zh-CN': (p) => withSubject(str(p.field), zh(p), 'zh-CN', true),
  'en-US': (p) => withSubject(str(p.field), en(p), 'en-US', true),
});

const MESSAGES: Record<ImportRowErrorCode, Words> = {
  cell_error: {
    'zh-CN': (p) => `单元格是错误值 ${str(p.value)}，请修正公式或填写数值`,
    'en-US': (p) => `The cell holds the error value ${str(p.value)}; fix the formula or enter a value`,
  },
  cell_too_long: {
    'zh-CN': (p) => `单元格内容过长（超过 ${str(p.max)} 个字符）`,
    'en-US': (p) => `The cell is too long (over ${str(p.max)} characters)`,
  },
  name_required: { 'zh-CN': () => '客户名称不能为空', 'en-US': () => 'The client name is empty' },
  contact_name_required: {
    'zh-CN': () => '填写了联系人信息，但缺少联系人姓名',
    'en-US': () => 'Contact details are given but the contact name is missing',
  },
  kind_unknown: {
    'zh-CN': (p) => `类型无法识别（${str(p.value)}），请填写“个人/自然人”或“单位/企业”`,
    'en-US': (p) => `Unknown client type (${str(p.value)}); use individual or organisation (个人 / 单位)`,
  },
  industry_unknown: {
    'zh-CN': (p) => `行业无法识别（${str(p.value)}），请填写国民经济行业门类字母 A–T 或门类名称，如“制造业”`,
    'en-US': (p) => `Unknown industry (${str(p.value)}); use a GB/T 4754 section letter A–T or its Chinese name, e.g. 制造业`,
  },
  source_unknown: {
    'zh-CN': (p) => `客户来源无法识别（${str(p.value)}），可填：转介绍、网站、活动、自行上门、其他`,
    'en-US': (p) => `Unknown client source (${str(p.value)}); use referral, website, event, walk-in or other`,
  },
  gender_unknown: {
    'zh-CN': (p) => `性别无法识别（${str(p.value)}），请填写“男”或“女”`,
    'en-US': (p) => `Unknown gender (${str(p.value)}); use male or female (男 / 女)`,
  },
  decision_role_unknown: {
    'zh-CN': (p) => `联系人角色无法识别（${str(p.value)}），可填：决策者、影响者、使用者、把关者`,
    'en-US': (p) => `Unknown contact role (${str(p.value)}); use decision maker, influencer, user or gatekeeper`,
  },
  amount_negative: { 'zh-CN': () => '金额不能为负数', 'en-US': () => 'The amount must not be negative' },
  amount_decimals: {
    'zh-CN': () => '金额最多保留两位小数（精确到分）',
    'en-US': () => 'The amount may have at most two decimals (to the fen)',
  },
  amount_invalid: {
    'zh-CN': (p) => `金额格式不正确（${str(p.value)}），请填写数字，如 1500 或 1500.50`,
    'en-US': (p) => `Not an amount (${str(p.value)}); enter a number such as 1500 or 1500.50`,
  },
  date_invalid: {
    'zh-CN': (p) => `日期格式无法识别（${str(p.value)}），请使用 YYYY-MM-DD，如 2023-02-28`,
    'en-US': (p) => `Unrecognised date (${str(p.value)}); use YYYY-MM-DD, e.g. 2023-02-28`,
  },
  date_nonexistent: { 'zh-CN': (p) => `日期不存在（${str(p.value)}）`, 'en-US': (p) => `No such date (${str(p.value)})` },
  birthday_invalid: {
    'zh-CN': (p) => `生日格式无法识别（${str(p.value)}），请使用 YYYY-MM-DD 或 MM-DD；农历生日前加“农历”`,
    'en-US': (p) => `Unrecognised birthday (${str(p.value)}); use YYYY-MM-DD or MM-DD, with 农历 before a lunar date`,
  },
  birthday_nonexistent: { 'zh-CN': (p) => `生日日期不存在（${str(p.value)}）`, 'en-US': (p) => `No such birthday (${str(p.value)})` },
  code_as_number: {
    'zh-CN': (p) => `${label(p.field, 'zh-CN')}被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写`,
    'en-US': (p) => `Excel stored the ${label(p.field, 'en-US')} as a number and lost its last digits; format the column as Text and enter it again`,
  },
  code_scientific: {
    'zh-CN': (p) => `${label(p.field, 'zh-CN')}是科学计数法（${str(p.value)}），后几位已丢失；请把该列设为“文本”格式后重新填写`,
    'en-US': (p) =>
      `The ${label(p.field, 'en-US')} is in scientific notation (${str(p.value)}) and has lost its last digits; format the column as Text and enter it again`,
  },
  // The shared schemas' own messages (FIELD_MESSAGES), as the API words them.
  field_message: {
    'zh-CN': (p) => fieldMessage(p, 'zh-CN'),
    'en-US': (p) => fieldMessage(p, 'en-US'),
  },
  too_long: about(
    (p) => `内容过长（最多 ${str(p.max)} 个字符）`,
    (p) => `Too long (at most ${str(p.max)} characters)`,
  ),
  too_many: about(
    (p) => `最多 ${str(p.max)} 个`,
    (p) => `At most ${str(p.max)} items`,
  ),
  required: about(() => '不能为空', () => 'Must not be empty'),
  email_invalid: about(() => '邮箱格式不正确', () => 'Not a valid e-mail address'),
  format_invalid: about(() => '格式不正确', () => 'Invalid format'),
  duplicate_hidden: {
    'zh-CN': (p) =>
      `与系统中已有客户重复（${label(p.key, 'zh-CN')}相同），该客户由 ${str(p.owner) || '其他律师'} 负责，您无权查看或修改；如需更新请联系该律师`,
    'en-US': (p) =>
      `Duplicates an existing client (same ${label(p.key, 'en-US')}) handled by ${str(p.owner) || 'another lawyer'}, which you may not view or change; ask that lawyer to update it`,
  },
  owner_unknown: {
    'zh-CN': () => '主办律师邮箱不存在，或该用户不是在职的律师/合伙人',
    'en-US': () => 'No active lawyer or partner has this owner e-mail',
  },
  owner_not_self: {
    'zh-CN': () => '律师只能导入本人主办的客户（主办律师邮箱须为本人邮箱）',
    'en-US': () => 'Lawyers import only clients they own (the owner e-mail must be your own)',
  },
  owner_required: {
    'zh-CN': () => '新客户需要主办律师：请填写“主办律师邮箱”列',
    'en-US': () => 'A new client needs an owner lawyer: fill in the owner e-mail column',
  },
  owner_other_team: {
    'zh-CN': () => '助理只能导入本团队律师主办的客户',
    'en-US': () => 'Assistants import only clients owned by lawyers of their team',
  },
};

function fieldMessage(p: Params, locale: Locale): string {
  const own = FIELD_MESSAGES[str(p.message)];
  if (!own) return MESSAGES.format_invalid[locale](p);
  // These messages already name the code they are about; only a contact's need the subject.
  return withSubject(str(p.field), own[locale], locale, false);
}

const isCode = (v: unknown): v is ImportRowErrorCode => typeof v === 'string' && (IMPORT_ROW_ERROR_CODES as readonly string[]).includes(v);

/** One stored row error in the reader's language; one stored before codes keeps its text. */
export function wordRowError(stored: unknown, locale: Locale): ImportRowError {
  const e = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const row = typeof e.row === 'number' ? e.row : 0;
  const column = typeof e.column === 'string' ? e.column : null;
  if (isCode(e.code)) {
    const params = (e.params && typeof e.params === 'object' ? e.params : {}) as Params;
    return { row, column, code: e.code, params, reason: MESSAGES[e.code][locale](params) };
  }
  return { row, column, code: null, params: {}, reason: typeof e.reason === 'string' ? e.reason : '' };
}

/** The report's header row. */
export const REPORT_HEADER: Record<Locale, string[]> = {
  'zh-CN': ['行号', '列', '原因'],
  'en-US': ['Row', 'Column', 'Reason'],
};

/** Import.message is stored as JSON of both languages; records from before hold Chinese text. */
export const storedMessage = (message: Record<Locale, string>): string => JSON.stringify(message);

export function wordMessage(stored: string | null, locale: Locale): string | null {
  if (stored === null || !stored.startsWith('{')) return stored;
  try {
    const v = JSON.parse(stored) as Partial<Record<Locale, unknown>>;
    const text = v[locale];
    return typeof text === 'string' ? text : stored;
  } catch {
    return stored;
  }
}
