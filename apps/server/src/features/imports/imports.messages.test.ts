import { describe, expect, it } from 'vitest';
import { storedMessage, wordMessage, wordRowError } from './imports.messages.js';

describe('row errors in the reader’s language', () => {
  it('words a coded error in Chinese and in English, keeping row and column', () => {
    const stored = { row: 7, column: '成立日期', code: 'date_nonexistent', params: { value: '2023-02-30' } };
    expect(wordRowError(stored, 'zh-CN')).toEqual({ ...stored, reason: '日期不存在（2023-02-30）' });
    expect(wordRowError(stored, 'en-US')).toEqual({ ...stored, reason: 'No such date (2023-02-30)' });
  });

  it('reuses the shared field messages, naming the contact or the code where the column does not', () => {
    const uscc = { row: 2, column: '信用代码', code: 'field_message', params: { field: 'uscc', message: 'uscc_invalid' } };
    expect(wordRowError(uscc, 'zh-CN').reason).toBe('统一社会信用代码无效（校验位不正确）');
    expect(wordRowError(uscc, 'en-US').reason).toBe('Not a valid unified social credit code (check character)');
    const phone = { row: 2, column: '联系人电话', code: 'field_message', params: { field: 'contactPhone', message: 'phone_invalid' } };
    expect(wordRowError(phone, 'zh-CN').reason).toBe('联系人电话号码格式不正确');
    expect(wordRowError(phone, 'en-US').reason).toBe('Contact: not a valid phone number');
    const id = { row: 3, column: '身份证', code: 'too_long', params: { field: 'idNumber', max: 18 } };
    expect(wordRowError(id, 'zh-CN').reason).toBe('身份证号内容过长（最多 18 个字符）');
    expect(wordRowError(id, 'en-US').reason).toBe('ID number: too long (at most 18 characters)');
    const dup = { row: 9, column: 'USCC', code: 'duplicate_hidden', params: { key: 'uscc', owner: null } };
    expect(wordRowError(dup, 'zh-CN').reason).toContain('（统一社会信用代码相同），该客户由 其他律师 负责');
    expect(wordRowError(dup, 'en-US').reason).toContain('(same unified social credit code) handled by another lawyer');
  });

  it('shows an error stored before codes as it was written, in either language', () => {
    const old = { row: 4, column: '电话', reason: '电话号码格式不正确' };
    for (const locale of ['zh-CN', 'en-US'] as const) {
      expect(wordRowError(old, locale)).toEqual({ row: 4, column: '电话', code: null, params: {}, reason: '电话号码格式不正确' });
    }
  });

  it('stores the import message in both languages and reads older Chinese text as it is', () => {
    const stored = storedMessage({ 'zh-CN': '服务停止，导入中断。', 'en-US': 'The server stopped.' });
    expect(wordMessage(stored, 'en-US')).toBe('The server stopped.');
    expect(wordMessage(stored, 'zh-CN')).toBe('服务停止，导入中断。');
    expect(wordMessage('导入被中断（服务重启或异常退出）。', 'en-US')).toBe('导入被中断（服务重启或异常退出）。');
    expect(wordMessage(null, 'zh-CN')).toBeNull();
  });
});
