import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, newContext, useBrowserApp } from './harness.js';

const { running } = useBrowserApp();

describe('client list bulk actions (C-9)', () => {
  it('selects two clients, adds a tag to both, and the rows show it', async () => {
    const { server, browser } = running();
    const prefix = `批量测试${Date.now().toString(36)}`;
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const names = [`${prefix}甲有限公司`, `${prefix}乙有限公司`];
    for (const name of names) await lawyer.request('POST', '/clients', { kind: 'organisation', name });

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.goto('/clients');
      await page.getByTestId('clients-page').waitFor();
      await page.getByTestId('clients-search').fill(prefix);
      await page.getByTestId('clients-total').filter({ hasText: /^共 2 条$/ }).waitFor();

      // keyboard: the checkboxes are named for their client and toggle with Space
      for (const name of names) {
        const box = page.getByRole('checkbox', { name: `选择 ${name}` });
        await box.focus();
        await page.keyboard.press('Space');
        await expect(box.isChecked()).resolves.toBe(true);
      }
      await expect(page.getByTestId('clients-bulk-count').textContent()).resolves.toBe('已选择 2 个客户');
      // lawyers may not transfer, so the bar does not offer it
      await expect(page.getByTestId('clients-bulk-transfer').count()).resolves.toBe(0);

      await page.getByTestId('clients-bulk-add-tags').click();
      await page.getByTestId('clients-bulk-tags').waitFor();
      await page.keyboard.type('重点维护');
      await page.keyboard.press('Enter');
      // once a tag is taken the suggestions close, so they do not cover the dialog's buttons
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await page.getByTestId('clients-bulk-tags-submit').click();
      await expect(page.getByTestId('clients-bulk-confirm').textContent()).resolves.toContain('标签：重点维护');
      await page.getByTestId('clients-bulk-run').click();
      await page.locator('.ant-message').filter({ hasText: '已完成 2 个客户' }).waitFor();

      for (const name of names) {
        const row = page.locator(`[data-testid^="client-row-"][data-name="${name}"]`);
        await row.getByTestId('client-tags').filter({ hasText: '重点维护' }).waitFor();
      }
      // the succeeded rows are no longer selected
      await expect(page.getByTestId('clients-bulk-bar').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }

    const found = await lawyer.request<{ items: { name: string; tags: string[] }[] }>('GET', `/clients?tag=${encodeURIComponent('重点维护')}&q=${encodeURIComponent(prefix)}`);
    expect(found.items.map((c) => c.name).sort()).toEqual([...names].sort());
  });
});
