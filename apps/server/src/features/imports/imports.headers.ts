import type { ImportField } from '@retainer/shared';
import { cellText, isBannerRow, isEmptyRow, type Cell, type SheetRow } from './imports.reader.js';

// C-10: the header names people actually use, in Chinese and English, per field.
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['客户名称', '名称', '客户', '客户名', '姓名', '单位名称', '企业名称', '公司名称', 'name', 'client', 'client name', 'customer'],
  kind: ['类型', '客户类型', '客户性质', '性质', 'kind', 'type', 'client type'],
  phone: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '座机', 'phone', 'mobile', 'tel', 'telephone'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail'],
  idNumber: ['身份证号', '身份证', '身份证号码', '公民身份号码', 'id number', 'id no', 'id card'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'credit code', 'unified social credit code'],
  industry: ['行业', '所属行业', '行业门类', 'industry'],
  region: ['地区', '区域', '省份', '省', 'region', 'province'],
  city: ['城市', '市', 'city'],
  address: ['地址', '住址', '注册地址', '办公地址', '通讯地址', 'address'],
  source: ['来源', '客户来源', '获客渠道', 'source'],
  tags: ['标签', 'tags', 'tag'],
  hourlyRateYuan: ['小时费率(元)', '小时费率', '约定小时费率', '费率', '小时费率(元/小时)', 'hourly rate', 'rate'],
  legalRepresentative: ['法定代表人', '法人', '法人代表', 'legal representative'],
  registeredCapitalYuan: ['注册资本(元)', '注册资本', 'registered capital'],
  foundedOn: ['成立日期', '成立时间', '注册日期', 'founded', 'founded on', 'founding date'],
  website: ['网站', '官网', '网址', 'website', 'url'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', 'birthday', 'date of birth', 'dob'],
  employer: ['工作单位', '雇主', 'employer'],
  jobTitle: ['职务', '职位', 'job title', 'title'],
  wechat: ['微信', '微信号', 'wechat'],
  notes: ['备注', '说明', 'notes', 'note', 'remark', 'remarks'],
  ownerEmail: ['主办律师邮箱', '负责律师邮箱', '承办律师邮箱', '律师邮箱', 'owner email', 'lawyer email'],
  contactName: ['联系人', '联系人姓名', 'contact', 'contact name'],
  contactTitle: ['联系人职务', '联系人职位', 'contact title'],
  contactDepartment: ['联系人部门', '部门', 'contact department', 'department'],
  contactPhone: ['联系人电话', '联系人手机', 'contact phone'],
  contactEmail: ['联系人邮箱', 'contact email'],
  contactDecisionRole: ['联系人角色', '决策角色', 'decision role', 'contact role'],
};

/** Full-width forms, case, spaces, underscores, hyphens and a required-marker * do not matter. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_*-]+/g, '');
}

const BY_KEY = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const n of [field, ...names]) if (!BY_KEY.has(headerKey(n))) BY_KEY.set(headerKey(n), field);
}

/** Each header that names a field, the first such header per field. */
export function suggestMapping(headers: string[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const h of headers) {
    const field = h ? BY_KEY.get(headerKey(h)) : undefined;
    if (field && !taken.has(field)) {
      out[h] = field;
      taken.add(field);
    }
  }
  return out;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export type Header = { row: number; headers: string[] };

/** A problem with the file as a whole: nothing of it is imported. */
export class FileRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The header row: the first row with content that is not an export banner. */
export function headerFrom(row: SheetRow): Header | null {
  if (isEmptyRow(row.cells) || isBannerRow(row.cells)) return null;
  const headers = row.cells.map((c: Cell) => cellText(c).trim());
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!h) return;
    const first = seen.get(h);
    if (first !== undefined) {
      throw new FileRefused(
        `表头重复：“${h}”同时出现在第 ${columnLetter(first)} 列和第 ${columnLetter(i)} 列，请修改表头后重新上传`,
        `Duplicate header "${h}" in columns ${columnLetter(first)} and ${columnLetter(i)}; rename one and upload again`,
      );
    }
    seen.set(h, i);
  });
  if (!seen.size) return null;
  return { row: row.row, headers };
}

/** Checks a mapping against the file's headers; returns field → column index. */
export function columnsFor(headers: string[], mapping: Record<string, ImportField>): Map<ImportField, { index: number; header: string }> {
  const out = new Map<ImportField, { index: number; header: string }>();
  for (const [header, field] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    if (index < 0) throw new FileRefused(`映射中的列“${header}”不在文件的表头中`, `Mapped column "${header}" is not a header of the file`);
    const other = out.get(field);
    if (other) {
      throw new FileRefused(
        `“${other.header}”和“${header}”两列映射到了同一个字段，请只保留一列`,
        `Columns "${other.header}" and "${header}" map to the same field; keep one`,
      );
    }
    out.set(field, { index, header });
  }
  if (!out.has('name')) throw new FileRefused('请把一列映射到“客户名称”', 'Map one column to the client name');
  return out;
}
