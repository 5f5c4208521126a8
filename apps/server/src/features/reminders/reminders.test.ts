import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from './reminders.channels.js';
import { renderDigest } from './reminders.digest.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MIN } from './reminders.outbox.js';
import { notificationText } from './reminders.text.js';

describe('reminders (P-10)', () => {
  it('signs `<timestamp>.<body>` with HMAC-SHA256', () => {
    const body = '{"a":1}';
    expect(webhookSignature('secret', '1700000000', body)).toBe(createHmac('sha256', 'secret').update(`1700000000.${body}`).digest('hex'));
    expect(webhookSignature('secret', '1700000001', body)).not.toBe(webhookSignature('secret', '1700000000', body));
  });

  it('backs off 1, 5, 15, 60, 180, 360 minutes, then gives up', () => {
    expect(RETRY_DELAYS_MIN).toEqual([1, 5, 15, 60, 180, 360]);
    expect(MAX_ATTEMPTS).toBe(7);
  });

  it('renders a digest as text and escaped HTML, with "more" lines', () => {
    const mail = renderDigest({ id: 'u', name: '王律师', email: 'w@x.cn', locale: 'zh-CN' }, '2026-11-25', [
      { title: '今日到期及逾期的待办（3 项）', lines: ['<script>回访</script>'], more: 2 },
    ]);
    expect(mail.subject).toBe('律维每日摘要 · 2026-11-25');
    expect(mail.text).toContain('王律师，您好');
    expect(mail.text).toContain('  - <script>回访</script>');
    expect(mail.text).toContain('另有 2 项');
    expect(mail.html).toContain('&lt;script&gt;回访&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('words a notification by its message, its kind, or generically', () => {
    expect(notificationText('zh-CN', 'anything', { message: '自带的文字' })).toBe('自带的文字');
    expect(notificationText('en-US', 'client_transferred', { clientName: 'Acme' })).toBe('Client "Acme" was transferred to you');
    expect(notificationText('zh-CN', 'new_kind', {})).toBe('新通知（new_kind）');
  });
});
