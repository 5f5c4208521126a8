// UI.md "Checking it": 1440×900 screenshots of the main pages in zh-CN and en-US on the demo firm.
// Run: node --import tsx e2e/screenshots.ts   (writes to $SHOTS_DIR, default /tmp/shots)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ApiSession, launchBrowser, loginUi, newContext, startServer } from './harness.js';

const outDir = process.env.SHOTS_DIR ?? '/tmp/shots';

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // some history for the audit log
    const admin = await ApiSession.login(server.baseUrl, 'admin@retainer.test');
    const team = await admin.request<{ id: string }>('POST', '/teams', { name: '涉外业务部', description: '跨境投资与国际仲裁' });
    await admin.request('PATCH', `/teams/${team.id}`, { description: '跨境投资、国际贸易与国际仲裁' });
    const user = await admin.createUser('lawyer', 'shot');
    await admin.request('PATCH', `/users/${user.id}`, { phone: '139 1234 5678', teamId: team.id });

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const context = await newContext(browser, server.baseUrl);
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: path.join(outDir, `${locale}-${name}.png`) });

      await page.goto('/login');
      if (locale === 'en-US') await page.getByTestId('lang-en-US').click();
      await settle(page);
      await shot('login');
      await page.getByTestId('login-email').fill('admin@retainer.test');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-password').press('Enter');
      await page.getByTestId('login-error').waitFor();
      await shot('login-error');

      await loginUi(page, 'admin@retainer.test');
      await page.getByTestId('users-page').waitFor();
      const current = await page.getByTestId('nav-users').textContent();
      if ((locale === 'en-US') !== (current === 'Users')) {
        await page.getByTestId(`lang-${locale}`).click();
        await page.waitForTimeout(500);
      }
      await settle(page);
      await shot('users');
      await page.getByTestId('user-deactivate').first().click();
      await page.waitForTimeout(400);
      await shot('users-deactivate');
      await page.keyboard.press('Escape');
      await page.getByTestId('user-more').first().click();
      await page.getByTestId('user-reset-password').click();
      await page.getByTestId('reset-password-input-generate').click();
      await page.waitForTimeout(400);
      await shot('users-reset-password');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
      await page.getByTestId('users-new').click();
      await page.getByTestId('user-form').waitFor();
      await page.getByTestId('user-form-password-generate').click();
      await page.getByTestId('user-form-submit').click();
      await page.waitForTimeout(500);
      await shot('users-drawer');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
      await shot('users-unsaved');
      await page.getByTestId('discard-changes').click();

      await page.getByTestId('nav-teams').click();
      await page.getByTestId('teams-page').waitFor();
      await settle(page);
      await shot('teams');
      await page.getByTestId('team-delete').first().click();
      await page.getByTestId('confirm-delete').click();
      await page.waitForTimeout(800);
      await shot('teams-delete-409');

      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-page').waitFor();
      await settle(page);
      await page.locator('.ant-table-row').nth(1).click();
      await page.waitForTimeout(400);
      await shot('audit');

      await page.getByTestId('nav-account').click();
      await page.getByTestId('account-page').waitFor();
      await settle(page);
      await shot('account');

      await page.goto('/no-such-page');
      await page.getByTestId('page-404').waitFor();
      await shot('404');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/users');
      await settle(page);
      await shot('phone-users');
      await context.close();

      const phone = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, locale });
      const p2 = await phone.newPage();
      await p2.goto('/login');
      await settle(p2);
      await p2.screenshot({ path: path.join(outDir, `${locale}-phone-login.png`) });
      await phone.close();
    }

    const lawyer = await newContext(browser, server.baseUrl);
    const lp = await lawyer.newPage();
    await loginUi(lp, 'lawyer@retainer.test');
    await lp.getByTestId('my-day-page').waitFor();
    await lp.goto('/users');
    await lp.getByTestId('page-403').waitFor();
    await lp.screenshot({ path: path.join(outDir, 'zh-CN-403.png') });
    await lawyer.close();
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
