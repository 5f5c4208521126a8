import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, running } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Touchpoint = { id: string; status: string; skipReason: string | null; interactionId: string | null };
type Rule = {
  id: string;
  kind: string;
  perYear: number;
  tiers: string[] | null;
  role: string;
  channel: string;
  guidance: string;
  leadDays: number;
  statuses: string[];
  active: boolean;
};

/** The demo firm starts without touchpoints; planning a year is idempotent, so each test may ask. */
async function planYear(baseUrl: string) {
  const admin = await ApiSession.login(baseUrl, 'admin@retainer.test');
  await admin.request('POST', '/touchpoints/generate', { year: 2026 });
}

describe('care programme (P-1, P-4, P-6)', () => {
  it('a lawyer logs an interaction from an open touchpoint, which completes it', async () => {
    const { server } = running();
    await planYear(server.baseUrl);
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const summary = unique('按维护计划联系客户，了解近期法律需求');
    let id = '';
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/touchpoints');
      const row = page.locator('[data-testid="touchpoint-row"][data-status="open"]').first();
      await row.waitFor();
      id = (await row.getAttribute('data-id'))!;
      await row.getByTestId('touchpoint-log').click();
      const drawer = page.getByTestId('interaction-drawer');
      await drawer.waitFor();
      await drawer.getByTestId('interaction-notice').waitFor();
      await page.getByTestId('interaction-summary').fill(summary);
      await page.getByTestId('interaction-submit').click();
      await page.locator('.ant-message').filter({ hasText: '沟通记录已保存' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });
      // the list refreshes: the done touchpoint leaves the open list
      await page.locator(`[data-testid="touchpoint-row"][data-id="${id}"]`).waitFor({ state: 'detached' });
    });
    const tp = await lawyer.request<Touchpoint>('GET', `/touchpoints/${id}`);
    expect(tp.status).toBe('done');
    expect(tp.interactionId).toBeTruthy();
  });

  it('a lawyer skips an open touchpoint with a reason', async () => {
    const { server } = running();
    await planYear(server.baseUrl);
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const reason = unique('客户近期出国，改为下季度拜访');
    let id = '';
    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/touchpoints');
      const row = page.locator('[data-testid="touchpoint-row"][data-status="open"]').first();
      await row.waitFor();
      id = (await row.getAttribute('data-id'))!;
      await row.getByTestId('touchpoint-skip').click();
      // (an empty reason is refused by the API: care.int.test.ts)
      await page.getByTestId('skip-reason').fill(reason);
      await page.getByTestId('skip-confirm').click();
      await page.locator('.ant-message').filter({ hasText: '已跳过该任务' }).waitFor();
      await page.locator(`[data-testid="touchpoint-row"][data-id="${id}"]`).waitFor({ state: 'detached' });
    });
    const tp = await lawyer.request<Touchpoint>('GET', `/touchpoints/${id}`);
    expect(tp.status).toBe('skipped');
    expect(tp.skipReason).toBe(reason);
  });

  it("an admin changes grade C's contact cadence on 维护计划模板 and it is saved", async () => {
    const { server } = running();
    const admin = await ApiSession.login(server.baseUrl, 'admin@retainer.test');
    const before = await admin.request<{ rules: Rule[] }>('GET', '/programmes/C');
    const index = before.rules.findIndex((r) => r.kind === 'contact');
    expect(index).toBeGreaterThanOrEqual(0);
    const current = before.rules[index]!;
    const target = current.perYear === 6 ? { perYear: 4, label: '每季度' } : { perYear: 6, label: '每两个月' };
    try {
      await withPage(async (page) => {
        await loginUi(page, 'admin@retainer.test');
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        await page.goto('/settings/programmes?grade=C');
        await page.getByTestId('programme-form-C').waitFor();
        await page.getByTestId(`rule-${index}-perYear`).click();
        await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${target.label}"]`).click();
        await page.getByTestId(`rule-${index}-perYear`).filter({ hasText: target.label }).waitFor();
        await page.getByTestId('programme-save').click();
        await page.getByTestId('programme-confirm').getByText('修改 1 条').waitFor();
        await page.getByTestId('programme-confirm-ok').click();
        await page.locator('.ant-message').filter({ hasText: '已保存 C 级客户的维护计划' }).waitFor();
      });
      const after = await admin.request<{ rules: Rule[] }>('GET', '/programmes/C');
      expect(after.rules.find((r) => r.id === current.id)?.perYear).toBe(target.perYear);
      expect(after.rules.length).toBe(before.rules.length);
    } finally {
      // put grade C back as it was for the other tests of this server
      await admin.request('PUT', '/programmes/C', {
        rules: before.rules.map((r) => ({
          id: r.id,
          tiers: r.tiers,
          kind: r.kind,
          perYear: r.perYear,
          role: r.role,
          channel: r.channel,
          guidance: r.guidance,
          leadDays: r.leadDays,
          statuses: r.statuses,
          active: r.active,
        })),
      });
    }
  });
});
