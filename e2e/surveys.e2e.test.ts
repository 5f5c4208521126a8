import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, running } = useBrowserApp();
const SHOTS = process.env.SURVEY_SHOTS_DIR ?? '/tmp/shots-surveys';

type Client = { id: string; name: string };

describe('satisfaction survey by personal link (V-2, V-3)', () => {
  it('a lawyer sends a survey, the client answers on a phone without login, the response shows in the results', async () => {
    const { server, browser } = running();
    await mkdir(SHOTS, { recursive: true });
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const client = (await lawyer.request<{ items: Client[] }>('GET', '/clients?limit=1')).items[0]!;
    let link = '';

    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`/clients/${client.id}`);
      await page.getByTestId('client-send-survey').click();
      const modal = page.getByTestId('survey-send');
      await modal.getByTestId('survey-template-satisfaction').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${SHOTS}/send-dialog.png` });
      await page.getByTestId('survey-send-submit').click();
      await page.getByTestId('survey-link-result').waitFor();
      link = await page.getByTestId('survey-link').inputValue();
      await page.screenshot({ path: `${SHOTS}/send-link.png` });
    });
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

    // the client's phone: no session, 360 px wide
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    try {
      const page = await phone.newPage();
      await page.goto(link);
      await page.getByTestId('public-survey-title').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/public-360.png`, fullPage: true });

      // a required question left out is shown inline, nothing sent
      await page.getByTestId('survey-submit').click();
      await page.getByTestId('error-overall').waitFor();
      await page.screenshot({ path: `${SHOTS}/public-360-errors.png` });
      for (const key of ['competence', 'responsiveness', 'communication', 'outcome', 'value', 'overall']) await page.getByTestId(`answer-${key}-5`).click();
      await page.getByTestId('answer-recommend-10').click();
      await page.getByTestId('answer-comments').fill('团队响应及时，专业过硬。');
      await page.getByTestId('survey-submit').click();
      await page.getByTestId('survey-thanks').waitFor();
      await page.screenshot({ path: `${SHOTS}/public-360-thanks.png` });

      // the same link again: a clear "already submitted" page
      await page.goto(link);
      await page.getByTestId('survey-answered').waitFor();
      await page.screenshot({ path: `${SHOTS}/public-360-answered.png` });
      await page.goto(`${server.baseUrl}/s/${'x'.repeat(43)}`);
      await page.getByTestId('survey-invalid').waitFor();
      await page.screenshot({ path: `${SHOTS}/public-360-invalid.png` });
    } finally {
      await phone.close();
    }

    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/surveys/results');
      await page.getByTestId('survey-stats-table').waitFor();
      const row = page.getByTestId('responses-table').locator('tr', { hasText: client.name }).first();
      await row.waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${SHOTS}/results.png`, fullPage: true });
      await row.click();
      await page.getByTestId('response-detail').waitFor();
      await expect(page.getByTestId('response-answers').textContent()).resolves.toContain('团队响应及时');
      await page.screenshot({ path: `${SHOTS}/response-detail.png`, fullPage: true });
    });
  });
});
