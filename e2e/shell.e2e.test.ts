import { describe, expect, it } from 'vitest';
import { ApiSession, DEMO_PASSWORD, loginUi, uniqueEmail, useBrowserApp } from './harness.js';

const { withPage, baseUrl } = useBrowserApp();

describe('web shell', () => {
  it('admin signs in and lands on the users page', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await expect(page.getByTestId('login-title').textContent()).resolves.toBe('欢迎使用律维');
      await loginUi(page, 'admin@retainer.test');
      await page.waitForURL('**/users');
      await page.getByTestId('users-page').waitFor();
      await page.getByTestId('user-row-admin@retainer.test').waitFor();
      await expect(page.getByTestId('users-total').textContent()).resolves.toMatch(/^共 \d+ 条$/);
      await expect(page.getByTestId('nav-users').textContent()).resolves.toBe('用户');
    });
  });

  it('switches the language to English, remembers it per user, and back to 中文', async () => {
    const admin = await ApiSession.login(baseUrl(), 'admin@retainer.test');
    const user = await admin.createUser('lawyer', 'lang');

    await withPage(async (page) => {
      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
      await page.goto('/account');
      await expect(page.getByTestId('nav-account').textContent()).resolves.toBe('个人设置');

      await page.getByTestId('lang-en-US').click();
      await page.getByTestId('nav-account').filter({ hasText: 'My account' }).waitFor();
      await page.getByRole('heading', { name: 'My account' }).waitFor();

      await page.reload();
      await page.getByTestId('nav-account').filter({ hasText: 'My account' }).waitFor();

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL('**/login');
    });

    // A fresh browser (no local storage): the saved preference comes from the account.
    await withPage(async (page) => {
      await page.goto('/login');
      await expect(page.getByTestId('login-title').textContent()).resolves.toBe('欢迎使用律维');
      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
      await page.goto('/account');
      await page.getByTestId('nav-account').filter({ hasText: 'My account' }).waitFor();
      await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Lawyer');

      await page.getByTestId('lang-zh-CN').click();
      await page.getByTestId('nav-account').filter({ hasText: '个人设置' }).waitFor();
      await page.reload();
      await page.getByTestId('nav-account').filter({ hasText: '个人设置' }).waitFor();
      await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('律师');
    });
  });

  it('admin creates a user in the drawer; the user appears in the list and can sign in', async () => {
    const email = uniqueEmail('new');
    const name = `新同事${Math.random().toString(36).slice(2, 6)}`;
    let password = '';
    const admin = await ApiSession.login(baseUrl(), 'admin@retainer.test');
    const teams = await admin.request<{ items: { name: string }[] }>('GET', '/teams?limit=1');
    const teamName = teams.items[0]?.name ?? '';
    expect(teamName).not.toBe('');

    await withPage(async (page) => {
      await loginUi(page, 'admin@retainer.test');
      await page.getByTestId('users-page').waitFor();
      await page.getByTestId('users-new').click();

      const drawer = page.getByTestId('user-form');
      await drawer.waitFor();
      await page.getByTestId('user-form-name').fill(name);
      await page.getByTestId('user-form-email').fill(email);
      await page.getByTestId('user-form-phone').fill('138 0000 0000');
      await page.getByTestId('user-form-role').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="律师"]').click();
      await page.getByTestId('user-form-team').click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${teamName}"]`).click();
      await page.getByTestId('user-form-password-generate').click();
      password = await page.getByTestId('user-form-password').inputValue();
      expect(password.length).toBeGreaterThanOrEqual(10);

      await page.getByTestId('user-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: `已创建用户 ${name}` }).waitFor();

      await page.getByTestId('users-search').fill(email);
      const row = page.getByTestId(`user-row-${email}`);
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(name);
      await expect(row.textContent()).resolves.toContain('律师');
      await expect(row.textContent()).resolves.toContain(teamName);
    });

    await withPage(async (page) => {
      await loginUi(page, email, password);
      await page.waitForURL('**/my-day');
      await expect(page.getByTestId('user-name').textContent()).resolves.toBe(name);
    });
  });

  it('a lawyer opening /users sees the 403 page', async () => {
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL('**/my-day');
      await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);

      await page.goto('/users');
      await page.getByTestId('page-403').waitFor();
      await expect(page.getByTestId('users-table').count()).resolves.toBe(0);
      await page.getByTestId('back-home').click();
      await page.waitForURL('**/my-day');
    });
  });

  it('a wrong password shows the error and keeps the user on the login page', async () => {
    const admin = await ApiSession.login(baseUrl(), 'admin@retainer.test');
    const user = await admin.createUser('assistant', 'wrongpw');

    await withPage(async (page) => {
      await loginUi(page, user.email, `${DEMO_PASSWORD}x`);
      const error = page.getByTestId('login-error');
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain('账号或密码错误');
      expect(new URL(page.url()).pathname).toBe('/login');

      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
    });
  });
});
