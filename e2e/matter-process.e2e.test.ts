import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, newContext, useBrowserApp } from './harness.js';

const { running } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Checklist = { steps: { id: string; position: number; title: string; done: boolean }[]; progress: { done: number; total: number } };

describe('matter checklist (M-3) and classification (K-2..K-4)', () => {
  it('a new litigation matter carries its checklist; ticking the first step shows progress and is saved', async () => {
    const { server, browser } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const client = await lawyer.request<{ id: string }>('POST', '/clients', { kind: 'organisation', name: unique('流程清单测试有限公司') });
    const matter = await lawyer.request<{ id: string }>('POST', '/matters', { clientId: client.id, type: 'litigation', title: unique('借款合同纠纷'), openedOn: '2026-11-02' });
    const before = await lawyer.request<Checklist>('GET', `/matters/${matter.id}/checklist`);
    expect(before.steps.length).toBeGreaterThan(3);
    expect(before.progress).toMatchObject({ done: 0, total: before.steps.length });

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'lawyer@retainer.test');
      await page.getByTestId('my-day-page').waitFor();
      await page.goto(`/matters/${matter.id}`);
      const card = page.getByTestId('matter-checklist');
      await card.getByText(`已完成 0/${before.steps.length}`).waitFor();
      const first = card.getByTestId('checklist-step-1');
      await first.getByText(before.steps[0]!.title).waitFor();
      // the box is controlled: it shows ticked once the server has saved the step
      await first.getByRole('checkbox').click();
      await card.locator('[data-testid="checklist-step-1"][data-done="true"]').waitFor();
      await card.getByText(`已完成 1/${before.steps.length}`).waitFor();
    } finally {
      await context.close();
    }
    const after = await lawyer.request<Checklist>('GET', `/matters/${matter.id}/checklist`);
    expect(after.steps.find((s) => s.position === 1)!.done).toBe(true);
    expect(after.progress.done).toBe(1);
  });

  it('a partner sees the firm counted by tier and recomputes after confirming', async () => {
    const { server, browser } = running();
    const partner = await ApiSession.login(server.baseUrl, 'partner@retainer.test');
    await partner.request('POST', '/classification/recompute', {});
    const summary = await partner.request<{ total: number }>('GET', '/classification/summary');
    expect(summary.total).toBeGreaterThan(0);

    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await loginUi(page, 'partner@retainer.test');
      await page.goto('/classification');
      await page.getByTestId('classification-page').waitFor();
      await page.getByTestId('tier-counts').getByText(`共 ${summary.total} 位`).waitFor();
      await page.getByTestId('tier-counts').getByText('战略客户').waitFor();
      await page.getByTestId('quadrant-table').getByText('黄金客户').waitFor();
      await page.getByTestId('recompute-button').click();
      await page.getByRole('button', { name: '开始计算' }).click();
      await page.locator('.ant-message').filter({ hasText: `已计算 ${summary.total} 位客户` }).waitFor();
    } finally {
      await context.close();
    }
  });
});
