import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, newContext, useBrowserApp } from './harness.js';

const { running } = useBrowserApp();

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('matters', () => {
  it('a lawyer opens a matter from the client page, confirms the engagement, records a fee and sees it', async () => {
    const { server, browser } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const client = await lawyer.request<{ id: string; name: string }>('POST', '/clients', { kind: 'organisation', name: unique('事项测试有限公司') });
    const title = unique('买卖合同纠纷');

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.goto(`/clients/${client.id}`);
      await page.getByTestId('client-tab-matters').click();
      await page.getByTestId('client-matters').getByText('该客户还没有事项').waitFor();

      // 新建事项 in a drawer: the client is fixed, the lead lawyer defaults to the lawyer
      await page.getByTestId('client-matters-new').click();
      await page.getByTestId('matter-form').waitFor();
      await expect(page.getByTestId('matter-form-client-fixed').inputValue()).resolves.toBe(client.name);
      // inline validation before anything is sent
      await page.getByTestId('matter-form-submit').click();
      await page.getByTestId('matter-form').locator('.ant-form-item-explain-error').filter({ hasText: '请输入事项名称' }).waitFor();
      await page.getByTestId('matter-form-title').fill(title);
      await page.getByTestId('matter-form-caseNumber').fill('(2026)浙0106民初1234号');
      await page.getByTestId('matter-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: `已新建事项「${title}」` }).waitFor();

      const row = page.locator(`[data-testid^="matter-row-"][data-title="${title}"]`);
      await row.getByText('立案咨询').waitFor();
      await row.click();

      await page.getByTestId('matter-page').waitFor();
      await expect(page.getByTestId('matter-title').textContent()).resolves.toBe(title);
      await expect(page.getByTestId('matter-header').getByTestId('matter-status-tag').textContent()).resolves.toBe('立案咨询');

      // intake → engaged, confirmed in a modal
      await page.getByTestId('matter-transition').click();
      await page.getByTestId('matter-transition-confirm').click();
      await page.locator('.ant-message').filter({ hasText: '事项已改为「已委托」' }).waitFor();
      await page.getByTestId('matter-header').locator('[data-testid="matter-status-tag"][data-status="engaged"]').waitFor();
      await expect(page.getByTestId('matter-transition').textContent()).resolves.toContain('开始办理');

      // a fee in 元, shown in ¥ with the total
      await page.getByTestId('fees-new').click();
      await page.getByTestId('fee-form').waitFor();
      await page.getByTestId('fee-form-amount').fill('12345.67');
      await page.getByTestId('fee-form-note').fill('首期律师费');
      await page.getByTestId('fee-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: '已登记收费 ¥12,345.67' }).waitFor();
      await page.getByTestId('fees-table').getByText('首期律师费').waitFor();
      await page.getByTestId('fees-total').filter({ hasText: '¥12,345.67' }).waitFor();

      // the server agrees, and the client's timeline carries both events
      const matters = await lawyer.request<{ items: { id: string; status: string; feesTotalFen: number }[] }>('GET', `/matters?clientId=${client.id}`);
      expect(matters.items.map((m) => [m.status, m.feesTotalFen])).toEqual([['engaged', 1_234_567]]);
      await page.getByTestId('matter-client').click();
      await page.getByTestId('client-tab-timeline').click();
      await page.getByTestId('timeline-event').filter({ hasText: '登记了收费' }).filter({ hasText: '¥12,345.67' }).waitFor();
      await page.getByTestId('timeline-event').filter({ hasText: '新建了事项' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
