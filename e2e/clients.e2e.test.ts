import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, baseUrl } = useBrowserApp();

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Opens the create drawer as an organisation and fills name and USCC. */
async function fillNewOrganisation(page: Page, name: string, uscc: string) {
  await page.getByTestId('clients-new').click();
  await page.getByTestId('client-form').waitFor();
  await page.getByTestId('client-form-kind-organisation').click();
  await page.getByTestId('client-form-name').fill(name);
  await page.getByTestId('client-form-uscc').fill(uscc);
}

describe('clients', () => {
  it('a lawyer creates an organisation client with a valid USCC, finds it in the list and opens its 360 page', async () => {
    const name = unique('杭州测试科技有限公司');
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      // everyone but admins lands on My day; the client list is in the navigation
      await page.waitForURL('**/my-day');
      await page.getByTestId('nav-clients').click();
      await page.getByTestId('clients-page').waitFor();

      await fillNewOrganisation(page, name, '91350100M000100Y43');
      await page.getByTestId('client-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: `已创建客户 ${name}` }).waitFor();

      await page.getByTestId('clients-search').fill(name);
      // the search applies once typing settles
      await page.getByTestId('clients-total').filter({ hasText: /^共 1 条$/ }).waitFor();
      await page.locator(`[data-testid^="client-row-"][data-name="${name}"]`).click();

      await page.getByTestId('client-page').waitFor();
      await expect(page.getByTestId('client-title').textContent()).resolves.toBe(name);
      await expect(page.getByTestId('client-owner').textContent()).resolves.toBe('李思远');
      await expect(page.getByTestId('client-field-uscc').textContent()).resolves.toBe('91350100M000100Y43');
      await expect(page.getByTestId('breadcrumb-tail').textContent()).resolves.toBe(name);
      // the timeline is the default tab and starts with the creation
      await page.getByTestId('timeline-event').filter({ hasText: '创建了客户' }).waitFor();
    });
  });

  it('an invalid USCC shows the error on its field and nothing is created', async () => {
    const name = unique('无效代码测试有限公司');
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.goto('/clients');
      await page.getByTestId('clients-page').waitFor();
      await fillNewOrganisation(page, name, '91350100M000100Y44');
      await page.getByTestId('client-form-submit').click();

      const error = page.getByTestId('client-form').locator('.ant-form-item-explain-error');
      await error.filter({ hasText: '统一社会信用代码无效' }).waitFor();
      await expect(page.getByTestId('client-form').isVisible()).resolves.toBe(true);
    });
    const lawyer = await ApiSession.login(baseUrl(), 'lawyer@retainer.test');
    const found = await lawyer.request<{ total: number }>('GET', `/clients?q=${encodeURIComponent(name)}`);
    expect(found.total).toBe(0);
  });

  it('a lawyer of another team opening the client URL gets the 404 page', async () => {
    const lawyer = await ApiSession.login(baseUrl(), 'lawyer@retainer.test');
    const client = await lawyer.request<{ id: string }>('POST', '/clients', { kind: 'organisation', name: unique('保密客户有限公司') });

    await withPage(async (page) => {
      await loginUi(page, 'lawyer2@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.goto(`/clients/${client.id}`);
      const notFound = page.getByTestId('page-404');
      await notFound.waitFor();
      await expect(notFound.textContent()).resolves.toContain('客户不存在或无权查看');
      await expect(page.getByTestId('client-page').count()).resolves.toBe(0);
      await page.getByTestId('back-to-clients').click();
      await page.waitForURL('**/clients');
    });
  });
});
