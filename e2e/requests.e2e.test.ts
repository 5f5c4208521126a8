import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, running } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Page<T> = { items: T[] };
type Request = { id: string; subject: string; reply: { doneAt: string | null; state: string } };

describe('client requests (S-1..S-4)', () => {
  it('a lawyer logs a request in the inbox, sees its countdown and records the first reply', async () => {
    const { server } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const client = (await lawyer.request<Page<{ id: string; name: string }>>('GET', '/clients?limit=1&sort=name')).items[0]!;
    const subject = unique('合同违约金条款咨询');
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/requests');
      await page.getByTestId('requests-page').waitFor();
      await page.getByTestId('request-new').click();
      const form = page.getByTestId('request-form');
      await form.waitFor();
      const picker = form.getByTestId('interaction-client');
      await picker.locator('input').fill(client.name);
      await page.getByTestId('client-picker-option').filter({ hasText: client.name }).first().waitFor();
      await picker.locator('input').press('Enter');
      await picker.filter({ hasText: client.name }).waitFor();
      await page.getByTestId('request-form-subject').fill(subject);
      await page.getByTestId('request-form-subject').press('Enter');
      await page.locator('.ant-message').filter({ hasText: '已登记需求' }).waitFor();

      // the detail drawer opens on the new request with a live countdown
      const detail = page.getByTestId('request-detail');
      await detail.getByText(subject).first().waitFor();
      const replySla = detail.getByTestId('request-detail-reply-sla');
      await expect.poll(async () => replySla.textContent()).toMatch(/剩余 \d/);
      // and the inbox row shows the same countdown
      const row = page.locator('[data-testid="request-row"]').filter({ hasText: subject });
      await row.getByTestId('request-reply-sla').filter({ hasText: '剩余' }).waitFor();

      await detail.getByTestId('request-action-reply').click();
      await page.getByTestId('request-action-submit').click();
      await page.locator('.ant-message').filter({ hasText: '已记录首次回复' }).waitFor();
      await replySla.filter({ hasText: '按时完成' }).waitFor();
    });
    const mine = await lawyer.request<Page<Request>>('GET', `/requests?assignee=mine&q=${encodeURIComponent(subject)}`);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.reply.state).toBe('met');
  });
});
