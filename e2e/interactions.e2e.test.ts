import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, running } = useBrowserApp();

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('interactions (I-1)', () => {
  it("a lawyer logs an interaction from the top bar's button and finds it on the client's 沟通记录 tab", async () => {
    const server = running().server;
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const name = unique('杭州沟通测试科技有限公司');
    const client = await lawyer.request<{ id: string }>('POST', '/clients', { kind: 'organisation', name });
    await lawyer.request('POST', `/clients/${client.id}/contacts`, { name: '周总', title: '法务总监' });
    const summary = unique('讨论年度顾问续约，客户希望增加合规培训');
    const followUp = unique('发送续约方案');

    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();

      // the button is in the top bar on every page
      await page.getByTestId('log-interaction').click();
      const drawer = page.getByTestId('interaction-drawer');
      await drawer.waitFor();
      // Pick the client with the keyboard once the search has found it, and see it picked. A click on the option
      // raced the dropdown settling as the results came in: mousedown and mouseup landed on different nodes (the
      // click went to <body>), nothing was picked, the contacts below stayed disabled, and the test timed out
      // waiting for 周总.
      const clientPicker = page.getByTestId('interaction-client');
      await clientPicker.locator('input').fill(name);
      await page.getByTestId('client-picker-option').filter({ hasText: name }).waitFor();
      await clientPicker.locator('input').press('Enter');
      await clientPicker.filter({ hasText: name }).waitFor();
      await drawer.getByText('面访', { exact: true }).click();
      await page.getByTestId('interaction-summary').fill(summary);
      // The contacts select is enabled once the client is in the form, and its options come from a query that
      // starts only then: type to search (fill waits for it to be enabled), wait for the option, pick it with
      // Enter, and see it selected before going on.
      const contacts = page.getByTestId('interaction-contacts');
      await contacts.locator('input').fill('周总');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '周总（法务总监）' }).waitFor();
      await contacts.locator('input').press('Enter');
      await contacts.locator('.ant-select-selection-item').filter({ hasText: '周总（法务总监）' }).waitFor();
      // close the multi-select's dropdown by going back to the summary
      await page.getByTestId('interaction-summary').click();
      await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
      await page.getByTestId('interaction-add-followup').click();
      await page.getByTestId('interaction-followup-title').fill(followUp);
      // Enter in the last field saves
      await page.getByTestId('interaction-followup-title').press('Enter');
      await page.locator('.ant-message').filter({ hasText: '沟通记录已保存' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });

      await page.goto(`/clients/${client.id}?tab=interactions`);
      const row = page.getByTestId('interaction-row').filter({ hasText: summary });
      await row.waitFor();
      await expect(row.getAttribute('data-kind')).resolves.toBe('visit');
      // wait for each line rather than reading the row's text once
      await row.getByText('客户方：周总', { exact: true }).waitFor();
      await row.getByText('我方：李思远', { exact: true }).waitFor();
      await row.getByText('李思远 记录', { exact: false }).waitFor();
      // the timeline carries it too
      await page.getByTestId('client-tab-timeline').click();
      await page.getByTestId('timeline-event').filter({ hasText: '记录了沟通' }).filter({ hasText: summary }).waitFor();

      // and the follow-up is on my tasks
      await page.goto('/tasks');
      await page.getByTestId('task-row').filter({ hasText: followUp }).waitFor();
    });
    const saved = await lawyer.request<{ lastContactAt: string | null }>('GET', `/clients/${client.id}`);
    expect(saved.lastContactAt).not.toBeNull();
  });
});
