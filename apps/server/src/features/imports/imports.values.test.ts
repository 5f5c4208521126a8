import { describe, expect, it } from 'vitest';
import { csvLine } from '../exports/exports.csv.js';
import { attachment } from '../exports/exports.download.js';
import { columnLetter, suggestMapping } from './imports.headers.js';
import { CellError } from './imports.reader.js';
import { codeText, parseBirthday, parseDay, parseIndustry, parseKind, parseYuan, splitTags } from './imports.values.js';

describe('spreadsheet values', () => {
  it('reads 元 as integer fen, exactly, with at most two decimals', () => {
    expect(parseYuan('1,500.50')).toEqual({ ok: 150_050 });
    expect(parseYuan('¥1500元')).toEqual({ ok: 150_000 });
    expect(parseYuan('１５００')).toEqual({ ok: 150_000 });
    expect(parseYuan('50万')).toEqual({ ok: 50_000_000 });
    expect(parseYuan(0.1 + 0.2)).toEqual({ ok: 30 });
    expect(parseYuan(1500.555)).toHaveProperty('error');
    expect(parseYuan('1500.555')).toHaveProperty('error');
    expect(parseYuan('-1')).toHaveProperty('error');
    expect(parseYuan('一千')).toHaveProperty('error');
  });

  it('accepts days that exist, in the forms people type, and Excel day numbers', () => {
    expect(parseDay('2023/2/28')).toEqual({ ok: '2023-02-28' });
    expect(parseDay('2023年2月28日')).toEqual({ ok: '2023-02-28' });
    expect(parseDay('20240229')).toEqual({ ok: '2024-02-29' });
    expect(parseDay(45000)).toEqual({ ok: '2023-03-15' });
    expect(parseDay('2023-02-30')).toEqual({ error: { code: 'date_nonexistent', params: { value: '2023-02-30' } } });
    expect(parseDay('2023-02-29')).toHaveProperty('error');
    expect(parseDay('明天')).toHaveProperty('error');
    expect(parseBirthday('3月8日')).toEqual({ ok: { calendar: 'solar', year: null, month: 3, day: 8, leapMonth: false } });
    expect(parseBirthday('农历1985-08-30')).toEqual({ ok: { calendar: 'lunar', year: 1985, month: 8, day: 30, leapMonth: false } });
    expect(parseBirthday('02-30')).toHaveProperty('error');
  });

  it('maps kinds and industries by letter or name, and splits tags on commas and 顿号', () => {
    expect(parseKind('自然人')).toEqual({ ok: 'individual' });
    expect(parseKind('企业')).toEqual({ ok: 'organisation' });
    expect(parseIndustry('制造业')).toEqual({ ok: 'C' });
    expect(parseIndustry('c')).toEqual({ ok: 'C' });
    expect(parseIndustry('I 信息传输、软件和信息技术服务业')).toEqual({ ok: 'I' });
    expect(parseIndustry('Z')).toHaveProperty('error');
    expect(splitTags('VIP、科技, 老客户；诉讼')).toEqual(['VIP', '科技', '老客户', '诉讼']);
  });

  it('refuses codes Excel turned into numbers', () => {
    expect(codeText(110105198503080000, 'idNumber')).toEqual({ error: { code: 'code_as_number', params: { field: 'idNumber' } } });
    expect(codeText('1.10105E+17', 'idNumber')).toEqual({ error: { code: 'code_scientific', params: { field: 'idNumber', value: '1.10105E+17' } } });
    expect(codeText('91110108000000010X', 'uscc')).toEqual({ ok: '91110108000000010X' });
    expect(codeText(new CellError('#N/A'), 'uscc')).toEqual({ ok: '' });
  });

  it('suggests a field for Chinese and English headers, each field once', () => {
    expect(suggestMapping(['客户名称', '手机号码', 'E-Mail', '小时费率（元）', '联系人职务', '联系人', '名称', '其他'])).toEqual({
      客户名称: 'name',
      手机号码: 'phone',
      'E-Mail': 'email',
      '小时费率（元）': 'hourlyRateYuan',
      联系人职务: 'contactTitle',
      联系人: 'contactName',
    });
    expect([0, 25, 26, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ']);
  });
});

describe('CSV and downloads', () => {
  it('quotes what needs quoting and defuses formulas, but leaves phone numbers alone', () => {
    expect(csvLine(['a,b', 'say "hi"', null, 12, '=1+1', '@x', '+86 138-0000-1111', '-5', '-cmd'])).toBe(
      '"a,b","say ""hi""",,12,\'=1+1,\'@x,+86 138-0000-1111,-5,\'-cmd\r\n',
    );
  });

  it('names the file in Chinese with an ASCII fallback', () => {
    expect(attachment('客户导出-20261125-1000.xlsx')).toBe(
      `attachment; filename="20261125-1000.xlsx"; filename*=UTF-8''${encodeURIComponent('客户导出-20261125-1000.xlsx')}`,
    );
    expect(attachment('导入错误报告.csv')).toBe(`attachment; filename="download.csv"; filename*=UTF-8''${encodeURIComponent('导入错误报告.csv')}`);
  });
});
