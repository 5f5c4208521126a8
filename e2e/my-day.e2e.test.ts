import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, newContext, useBrowserApp } from './harness.js';

const { running } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Tp = { id: string; status: string };
type MyDay = { today: string; overdue: Tp[]; overdueTotal: number; upcoming: Tp[]; upcomingTotal: number };
type Compliance = { from: string; to: string; total: { due: number; onTime: number } };

/** The demo's plan for this year (idempotent: re-running only adjusts what changed). */
async function planYear(baseUrl: string, year: number) {
  const admin = await ApiSession.login(baseUrl, 'admin@retainer.test');
  await admin.request('POST', '/touchpoints/generate', { year });
}

describe('my day (P-8) and programme compliance (P-7)', () => {
  it('a lawyer lands on My day, sees the counts the server gives, and logs the first touchpoint in one go', async () => {
    const { server, browser } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    await planYear(server.baseUrl, Number((await lawyer.request<MyDay>('GET', '/my-day')).today.slice(0, 4)));
    const before = await lawyer.request<MyDay>('GET', '/my-day');
    const first = before.overdue[0] ?? before.upcoming[0];
    expect(first, 'the demo plan gives the lawyer something to do').toBeDefined();
    const summary = unique('电话回访，客户对本季度服务满意');

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      expect(new URL(page.url()).pathname).toBe('/my-day');
      await page.locator(`[data-testid="my-day-overdue-count"][data-count="${before.overdueTotal}"]`).waitFor();
      await page.locator(`[data-testid="my-day-upcoming-count"][data-count="${before.upcomingTotal}"]`).waitFor();

      const item = page.getByTestId('my-day-touchpoint').first();
      await expect(item.getAttribute('data-touchpoint-id')).resolves.toBe(first!.id);
      await item.getByTestId('my-day-log').click();
      const drawer = page.getByTestId('interaction-drawer');
      await drawer.waitFor();
      await drawer.getByTestId('interaction-notice').waitFor();
      await page.getByTestId('interaction-summary').fill(summary);
      await page.getByTestId('interaction-submit').click();
      await page.locator('.ant-message').filter({ hasText: '沟通记录已保存' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });
      // refetched: the logged touchpoint leaves the list and the count drops
      await page.locator(`[data-testid="my-day-touchpoint"][data-touchpoint-id="${first!.id}"]`).waitFor({ state: 'detached' });
      const wasOverdue = before.overdue.some((t) => t.id === first!.id);
      const section = wasOverdue ? 'my-day-overdue-count' : 'my-day-upcoming-count';
      const expected = (wasOverdue ? before.overdueTotal : before.upcomingTotal) - 1;
      await page.locator(`[data-testid="${section}"][data-count="${expected}"]`).waitFor();
    } finally {
      await context.close();
    }

    const done = await lawyer.request<Tp & { interactionId: string | null }>('GET', `/touchpoints/${first!.id}`);
    expect(done.status).toBe('done');
    expect(done.interactionId).not.toBeNull();
    const after = await lawyer.request<MyDay>('GET', '/my-day');
    expect([...after.overdue, ...after.upcoming].map((t) => t.id)).not.toContain(first!.id);
  });

  it("a partner's compliance headline shows the server's firm total for this month", async () => {
    const { server, browser } = running();
    const partner = await ApiSession.login(server.baseUrl, 'partner@retainer.test');
    const { today } = await partner.request<MyDay>('GET', '/my-day');
    await planYear(server.baseUrl, Number(today.slice(0, 4)));
    const [y, m] = today.split('-').map(Number) as [number, number];
    const from = `${today.slice(0, 7)}-01`;
    const to = `${today.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    const api = await partner.request<Compliance>('GET', `/touchpoints/compliance?from=${from}&to=${to}&groupBy=assignee`);
    expect(api.total.due).toBeGreaterThan(0);

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'partner@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.getByTestId('nav-compliance').click();
      await page.getByTestId('compliance-page').waitFor();
      const headline = page.locator(`[data-testid="compliance-headline"][data-due="${api.total.due}"][data-on-time="${api.total.onTime}"]`);
      await headline.waitFor();
      await headline.getByText(`按时完成 ${api.total.onTime} / 应完成 ${api.total.due}`, { exact: false }).waitFor();
      await headline.getByText(`${from} 至 ${api.to}`, { exact: false }).waitFor();
      await page.getByTestId('compliance-table').locator('.ant-table-row').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('a request past its reply time is on the assignee\'s My day with its countdown (S-4)', async () => {
    const { server, browser } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const clients = await lawyer.request<{ items: { id: string }[] }>('GET', '/clients?limit=1');
    const subject = unique('询问合同续签条款');
    // five hours ago: past the first-reply target of every grade (A 15 min, B 1 h, C 4 h)
    const receivedAt = new Date(Date.now() - 5 * 3600_000).toISOString();
    const created = await lawyer.request<{ id: string }>('POST', '/requests', { clientId: clients.items[0]!.id, channel: 'phone', receivedAt, subject });

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'lawyer@retainer.test');
      const section = page.getByTestId('my-day-requests');
      const item = section.locator(`[data-testid="near-breach-item"][data-id="${created.id}"]`);
      await item.waitFor();
      await expect(item.textContent()).resolves.toContain(subject);
      await section.getByTestId('my-day-requests-all').click();
      await page.waitForURL((url) => url.pathname === '/requests');
    } finally {
      await context.close();
    }
  });
});
