import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { withPage, running } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type List<T> = { items: T[] };
type Complaint = { id: string; stage: string; steps: { step: number }[]; accepted: boolean | null };

/** An Ant Design select: type to search, pick the option with this text. */
async function choose(page: Page, testId: string, text: string, search = true) {
  const select = page.getByTestId(testId);
  await select.click();
  if (search) await select.locator('input').fill(text);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Submits the step form and waits for the stage it leads to. */
async function submitStep(page: Page, nextStage: string) {
  await page.getByTestId('complaint-step-submit').click();
  await page.getByTestId('complaint-drawer').getByTestId('complaint-stage').filter({ hasText: nextStage }).waitFor();
}

describe('complaints (Q-1, Q-2)', () => {
  it('a lawyer records a complaint; a partner carries it through the six steps, negotiating once more', async () => {
    const { server } = running();
    const lawyer = await ApiSession.login(server.baseUrl, 'lawyer@retainer.test');
    const client = (await lawyer.request<List<{ id: string; name: string }>>('GET', '/clients?limit=1&sort=name')).items[0]!;
    const content = unique('承办律师多日未回复邮件');
    let id = '';

    await withPage(async (page) => {
      await loginUi(page, 'lawyer@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`/complaints?clientId=${client.id}&clientName=${encodeURIComponent(client.name)}`);
      await page.getByTestId('complaint-board').waitFor();
      await page.getByTestId('complaint-new').click();
      const form = page.getByTestId('complaint-form');
      await form.waitFor();
      await page.getByTestId('complaint-name').fill('王总');
      await choose(page, 'complaint-target', '陈婉清');
      await page.getByTestId('complaint-content').fill(content);
      await page.getByTestId('complaint-demands').fill('更换承办律师并书面致歉');
      await page.getByTestId('complaint-statement').fill('我方于上周三发送合同修改意见，至今未获答复。');
      await page.getByTestId('complaint-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: '投诉已登记' }).waitFor();
      // the detail opens: recorded, waiting for a partner's decision the lawyer may not make
      const drawer = page.getByTestId('complaint-drawer');
      await drawer.getByTestId('complaint-no-right').waitFor();
      id = new URL(page.url()).searchParams.get('id')!;
      expect(id).toBeTruthy();
      await page.locator('[data-testid="complaint-column-validity"] [data-testid="complaint-card"]').filter({ hasText: content }).waitFor();
    });

    await withPage(async (page) => {
      await loginUi(page, 'partner@retainer.test');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`/complaints?id=${id}`);
      const drawer = page.getByTestId('complaint-drawer');
      await drawer.getByTestId('complaint-steps').waitFor();

      await page.getByTestId('complaint-step-finding').fill('经调阅邮件记录，情况属实');
      await submitStep(page, '待定责');
      await choose(page, 'complaint-step-responsible', '陈婉清');
      await choose(page, 'complaint-step-cause', '响应不及时', false);
      await page.getByTestId('complaint-step-analysis').fill('案件量大，未设置备用联系人');
      await submitStep(page, '待提方案');
      await page.getByTestId('complaint-step-solution').fill('合伙人致电道歉，指定备用联系人');
      await submitStep(page, '待客户确认');
      // the client does not accept: confirm, back to step 4
      await page.getByTestId('complaint-step-accepted').getByText('重新协商').click();
      await page.getByTestId('complaint-step-note').fill('客户要求减免本月部分费用');
      await page.getByTestId('complaint-step-submit').click();
      await page.getByTestId('complaint-step-confirm').click();
      await drawer.getByTestId('complaint-stage').filter({ hasText: '待提方案' }).waitFor();
      await page.getByTestId('complaint-step-solution').fill('减免本月 20% 工时费用，并指定备用联系人');
      await submitStep(page, '待客户确认');
      await page.getByTestId('complaint-step-note').fill('客户确认接受');
      await submitStep(page, '待评估');
      await page.getByTestId('complaint-step-rootCause').fill('缺少邮件响应时限提醒');
      await page.getByTestId('complaint-step-prevention').fill('启用请求响应时限提醒');
      await submitStep(page, '已结案');
      await drawer.getByTestId('complaint-closed').waitFor();
      await drawer.getByTestId('complaint-history').getByText('第 2 轮').waitFor();
    });

    const partner = await ApiSession.login(server.baseUrl, 'partner@retainer.test');
    const done = await partner.request<Complaint>('GET', `/complaints/${id}`);
    expect(done.stage).toBe('closed');
    expect(done.accepted).toBe(true);
    expect(done.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 4, 5, 6]);
  });
});
