import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession, loginUi, useBrowserApp } from './harness.js';

const { running, withPage } = useBrowserApp();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// The firm is in Asia/Shanghai (UTC+8 all year, no daylight saving): firm wall-clock time is UTC + 8 h.
const FIRM_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** 'YYYY-MM-DD HH:mm' of an instant, firm time (what the pickers and the tables show). */
const firmMinute = (ms: number) => new Date(ms + FIRM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
/** 'YYYY-MM-DD' of an instant, firm time. */
const firmDay = (ms: number) => new Date(ms + FIRM_OFFSET_MS).toISOString().slice(0, 10);
/** The instant of a firm wall-clock minute 'YYYY-MM-DD HH:mm'. */
const firmInstant = (minute: string) => new Date(`${minute.replace(' ', 'T')}:00+08:00`).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

type Matter = { id: string; title: string; status: string; engagedAt: string | null; leadLawyerId: string };
type Standard = {
  id: string;
  kind: string;
  dueAt: string;
  doneAt: string | null;
  status: string;
  breachedAt: string | null;
  adverseEvent: { description: string; occurredAt: string; notifiedAt: string | null } | null;
};
type KeyDate = { id: string; kind: string; date: string; time: string | null; title: string; note: string | null; remindDaysBefore: number; auto: boolean };
type Task = { id: string; clientId: string; title: string; dueOn: string; assigneeId: string; status: string };

/** A fresh lawyer (so firm-wide lists and "my tasks" hold only this test's data) with a client of their own. */
async function freshLawyerWithClient(baseUrl: string, clientPrefix: string) {
  const admin = await ApiSession.login(baseUrl, 'admin@retainer.test');
  const user = await admin.createUser('lawyer', 'std');
  const lawyer = await ApiSession.login(baseUrl, user.email);
  const client = await lawyer.request<{ id: string; name: string }>('POST', '/clients', { kind: 'organisation', name: unique(clientPrefix) });
  return { user, lawyer, client };
}

/** An engaged, in-progress litigation matter, moved along the flow through the API as the routes require. */
async function inProgressMatter(lawyer: ApiSession, clientId: string) {
  const opened = await lawyer.request<Matter>('POST', '/matters', {
    clientId,
    type: 'litigation',
    title: unique('服务标准测试买卖合同纠纷'),
    // a week back, so an adverse event an hour ago is never before the opening day
    openedOn: addDays(firmDay(Date.now()), -7),
  });
  const engaged = await lawyer.request<Matter>('POST', `/matters/${opened.id}/transition`, { to: 'engaged' });
  expect(engaged.status).toBe('engaged');
  expect(engaged.engagedAt).not.toBeNull();
  const inProgress = await lawyer.request<Matter>('POST', `/matters/${opened.id}/transition`, { to: 'in_progress' });
  expect(inProgress.status).toBe('in_progress');
  return { ...inProgress, engagedAt: engaged.engagedAt! };
}

/** The 3rd working day after the engagement day (the day itself never counts), from the firm's working-day calendar. */
async function thirdWorkingDayAfter(lawyer: ApiSession, engagedAt: string): Promise<string> {
  const day = firmDay(Date.parse(engagedAt));
  const cal = await lawyer.request<{ items: { date: string; working: boolean }[] }>('GET', `/calendar/working-days?from=${day}&to=${addDays(day, 30)}`);
  const working = cal.items.filter((d) => d.date > day && d.working).map((d) => d.date);
  expect(working.length).toBeGreaterThanOrEqual(3);
  return working[2]!;
}

/** Type into an antd date-and-time picker (in a modal) and confirm with Enter. */
async function pickDateTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/**
 * Type a day into an antd date picker in a drawer's form, click that day in the panel, then click the drawer's
 * title so that the panel closes (Enter would also submit the form).
 */
async function pickDay(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(day);
  await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
  await page.locator('.ant-drawer-title:visible').click();
  await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'hidden' });
  await expect.poll(() => input.inputValue()).toBe(day);
}

const standardsOf = (lawyer: ApiSession, matterId: string) => lawyer.request<{ items: Standard[] }>('GET', `/matters/${matterId}/standards`).then((r) => r.items);
const keyDatesOf = (lawyer: ApiSession, matterId: string) => lawyer.request<{ items: KeyDate[] }>('GET', `/matters/${matterId}/key-dates`).then((r) => r.items);

describe('service standards (M-4) in the browser', () => {
  it('the matter page shows the project timeline due 3 working days after the engagement, and records an adverse event', async () => {
    const { server } = running();
    const { user, lawyer, client } = await freshLawyerWithClient(server.baseUrl, '服务标准测试有限公司');
    const matter = await inProgressMatter(lawyer, client.id);
    const dueDay = await thirdWorkingDayAfter(lawyer, matter.engagedAt);
    const before = await standardsOf(lawyer, matter.id);
    const timeline = before.find((s) => s.kind === 'project_timeline');
    // the server's due time is the end of that day, firm time
    expect(timeline).toMatchObject({ status: 'open', doneAt: null, dueAt: new Date(`${dueDay}T23:59:59.999+08:00`).toISOString() });
    const open = before.filter((s) => s.status === 'open').length;

    // an event 40 minutes ago, the client told 30 minutes later: within the hour
    const now = Date.now();
    const occurred = firmMinute(now - 40 * 60_000);
    const notified = firmMinute(now - 10 * 60_000);
    const description = unique('法院驳回财产保全申请');

    await withPage(async (page) => {
      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
      await page.goto(`/matters/${matter.id}`);
      const card = page.getByTestId('matter-standards');
      const timelineRow = card.locator(`tr[data-row-key="${timeline!.id}"]`);
      await timelineRow.getByText('项目时间表', { exact: true }).waitFor();
      // an end-of-day deadline reads as 24:00 of its day
      await timelineRow.getByText(`${dueDay} 24:00`, { exact: true }).waitFor();
      await timelineRow.locator('[data-testid="standard-status"][data-status="open"]').waitFor();
      await card.getByTestId('standards-summary').filter({ hasText: `0 项已超时，${open} 项待办` }).waitFor();

      // record the adverse event with its time and when the client was told
      await card.getByTestId('adverse-event-new').click();
      const modal = page.getByTestId('adverse-event-modal');
      await modal.getByText('记录不利事件').first().waitFor();
      await page.getByTestId('adverse-event-description').fill(description);
      await pickDateTime(page, 'adverse-event-occurred', occurred);
      await pickDateTime(page, 'adverse-event-notified', notified);
      await page.getByTestId('adverse-event-save').click();
      await page.locator('.ant-message').filter({ hasText: '已记录不利事件' }).waitFor();
      await page.getByTestId('adverse-event-description').waitFor({ state: 'detached' });

      const eventRow = card.locator('tr[data-row-key]').filter({ hasText: description });
      await eventRow.getByText('不利事件告知', { exact: true }).waitFor();
      await eventRow.getByText(`发生于 ${occurred}`, { exact: false }).waitFor();
      // told on time: done, with the notice time as its completion time
      await eventRow.locator('[data-testid="standard-status"][data-status="done"]').filter({ hasText: '按时完成' }).waitFor();
      await eventRow.getByText(notified, { exact: true }).waitFor();
      await card.getByTestId('standards-summary').filter({ hasText: `0 项已超时，${open} 项待办` }).waitFor();
    });

    // what the UI did was saved: the event, its notice, due one hour after it, no breach
    const after = await standardsOf(lawyer, matter.id);
    const events = after.filter((s) => s.kind === 'adverse_event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'done',
      breachedAt: null,
      doneAt: firmInstant(notified),
      dueAt: new Date(Date.parse(firmInstant(occurred)) + 3_600_000).toISOString(),
      adverseEvent: { description, occurredAt: firmInstant(occurred), notifiedAt: firmInstant(notified) },
    });
    expect(after.find((s) => s.id === timeline!.id)).toMatchObject({ status: 'open', dueAt: timeline!.dueAt });
  });

  it('a partner finds the matter on the firm-wide standards page', async () => {
    const { server } = running();
    const { user, lawyer, client } = await freshLawyerWithClient(server.baseUrl, '服务标准汇总测试有限公司');
    const matter = await inProgressMatter(lawyer, client.id);
    const dueDay = await thirdWorkingDayAfter(lawyer, matter.engagedAt);
    await lawyer.request('POST', `/matters/${matter.id}/adverse-events`, {
      description: unique('对方提起反诉'),
      occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      notifiedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    });
    const partner = await ApiSession.login(server.baseUrl, 'partner@retainer.test');
    const mine = await partner.request<{ items: { matterId: string; kind: string; status: string }[]; total: number }>('GET', `/service-standards?status=open&assigneeId=${user.id}`);
    expect(mine.items.every((s) => s.matterId === matter.id && s.status === 'open')).toBe(true);
    expect(mine.items.map((s) => s.kind)).toContain('project_timeline');

    await withPage(async (page) => {
      await loginUi(page, 'partner@retainer.test');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      // the default view is what is overdue: nothing for this lawyer
      await page.goto(`/matters/standards?assigneeId=${user.id}`);
      const list = page.getByTestId('standards-list');
      await list.getByText('没有符合条件的服务标准').waitFor();

      await page.getByTestId('standards-view').getByText('待办', { exact: true }).click();
      await page.waitForURL(/view=open/);
      await page.getByTestId('standards-total').filter({ hasText: `共 ${mine.total} 条` }).waitFor();
      const timelineRow = list.locator('tr[data-row-key]').filter({ hasText: '项目时间表' });
      await timelineRow.getByRole('link', { name: matter.title }).waitFor();
      await timelineRow.getByRole('link', { name: client.name }).waitFor();
      await timelineRow.getByText(user.name, { exact: true }).waitFor();
      await timelineRow.getByText(`${dueDay} 24:00`, { exact: true }).waitFor();
      await expect(list.locator('tr[data-row-key]').count()).resolves.toBe(mine.items.length);

      // all states: the adverse event told on time is there too
      await page.getByTestId('standards-view').getByText('全部状态', { exact: true }).click();
      await list.locator('tr[data-row-key]').filter({ hasText: '不利事件告知' }).filter({ hasText: '按时完成' }).getByRole('link', { name: matter.title }).waitFor();

      // the matter's link leads to its page
      await timelineRow.getByRole('link', { name: matter.title }).click();
      await page.waitForURL(`**/matters/${matter.id}`);
      await page.getByTestId('matter-title').filter({ hasText: matter.title }).waitFor();
    });
  });
});

describe('key dates (M-5) in the browser', () => {
  it('adds a key date from the matter page, lists it with its countdown, and deletes it after confirming', async () => {
    const { server } = running();
    const { user, lawyer, client } = await freshLawyerWithClient(server.baseUrl, '关键日期测试有限公司');
    const matter = await lawyer.request<Matter>('POST', '/matters', { clientId: client.id, type: 'litigation', title: unique('关键日期测试借款纠纷') });
    const date = addDays(firmDay(Date.now()), 30);
    const title = unique('举证期限届满');

    await withPage(async (page) => {
      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
      await page.goto(`/matters/${matter.id}`);
      const card = page.getByTestId('matter-key-dates');
      await card.getByText('暂无关键日期').waitFor();

      await card.getByTestId('key-dates-new').click();
      const drawer = page.getByTestId('key-date-form');
      await drawer.waitFor();
      // the form offers every kind; pick one, then name it
      await page.getByTestId('key-date-form-kind').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => options.allTextContents()).toEqual(['开庭', '举证/提交期限', '诉讼时效', '合同续签', '其他']);
      await options.filter({ hasText: '举证/提交期限' }).click();
      // a blank title takes the kind's name
      await expect.poll(() => page.getByTestId('key-date-form-title').inputValue()).toBe('举证/提交期限');
      await page.getByTestId('key-date-form-title').fill(title);
      await pickDay(page, 'key-date-form-date', date);
      await page.getByTestId('key-date-form-remind').fill('7');
      await page.getByTestId('key-date-form-note').fill('向法院提交证据目录');
      await page.getByTestId('key-date-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: '已添加关键日期' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });

      const saved = (await keyDatesOf(lawyer, matter.id)).find((k) => k.title === title);
      expect(saved).toMatchObject({ kind: 'filing_deadline', date, time: null, note: '向法院提交证据目录', remindDaysBefore: 7, auto: false });
      const item = card.getByTestId(`key-date-${saved!.id}`);
      await item.getByText(date, { exact: true }).waitFor();
      await item.getByText('还有 30 天', { exact: true }).waitFor();
      await item.getByText('举证/提交期限', { exact: true }).waitFor();
      await item.getByText(title, { exact: true }).waitFor();
      await item.getByText('提前 7 天提醒主办律师').waitFor();

      // deleting asks first
      await item.getByRole('button', { name: '删除' }).click();
      const confirm = page.locator('.ant-popover:visible').filter({ hasText: `删除关键日期「${title}」？` });
      await confirm.getByText('删除后将不再提醒。').waitFor();
      await confirm.getByRole('button', { name: /删\s*除/ }).click();
      await page.locator('.ant-message').filter({ hasText: '已删除关键日期' }).waitFor();
      await item.waitFor({ state: 'detached' });
      await card.getByText('暂无关键日期').waitFor();
    });
    expect(await keyDatesOf(lawyer, matter.id)).toEqual([]);
  });

  it("setting a retainer's expiry on the matter page adds the renewal date and a renewal task due 60 days before", async () => {
    const { server } = running();
    const { user, lawyer, client } = await freshLawyerWithClient(server.baseUrl, '常年顾问续约测试有限公司');
    const matter = await lawyer.request<Matter>('POST', '/matters', {
      clientId: client.id,
      type: 'retainer',
      title: unique('常年法律顾问'),
      feeArrangement: 'annual_retainer',
    });
    expect(matter.leadLawyerId).toBe(user.id);
    // far enough ahead that the task is not pulled in to today
    const expiresOn = addDays(firmDay(Date.now()), 120);
    const renewalDue = addDays(expiresOn, -60);

    await withPage(async (page) => {
      await loginUi(page, user.email);
      await page.waitForURL('**/my-day');
      await page.goto(`/matters/${matter.id}`);
      const card = page.getByTestId('matter-key-dates');
      await card.getByText('暂无关键日期').waitFor();

      await page.getByTestId('matter-edit').click();
      const drawer = page.getByTestId('matter-form');
      await drawer.waitFor();
      await pickDay(page, 'matter-form-retainerExpiresOn', expiresOn);
      await page.getByTestId('matter-form-submit').click();
      await page.locator('.ant-message').filter({ hasText: '已保存对事项的修改' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });

      // the system's renewal date shows up on the card without a reload
      const kds = await keyDatesOf(lawyer, matter.id);
      expect(kds.map((k) => [k.kind, k.date, k.title, k.auto])).toEqual([['contract_renewal', expiresOn, '常年法律顾问到期', true]]);
      const item = card.getByTestId(`key-date-${kds[0]!.id}`);
      await item.getByText(expiresOn, { exact: true }).waitFor();
      await item.getByText('合同续签', { exact: true }).waitFor();
      await item.getByText('常年法律顾问到期', { exact: true }).waitFor();
      await item.getByText('系统生成', { exact: true }).waitFor();
      await item.getByText('还有 120 天', { exact: true }).waitFor();

      // the renewal task: the lead lawyer's, 60 days before the expiry
      const tasks = await lawyer.request<{ items: Task[] }>('GET', '/tasks?status=open');
      expect(tasks.items.map((x) => [x.title, x.dueOn, x.assigneeId, x.clientId, x.status])).toEqual([
        [`常年法律顾问续约：${client.name}`, renewalDue, user.id, client.id, 'open'],
      ]);

      // deleting the generated date warns that it came from the expiry
      await item.getByRole('button', { name: '删除' }).click();
      const confirm = page.locator('.ant-popover:visible').filter({ hasText: '删除关键日期「常年法律顾问到期」？' });
      await confirm.getByText('这是根据顾问到期日生成的日期').waitFor();
      await confirm.getByRole('button', { name: /删\s*除/ }).click();
      await page.locator('.ant-message').filter({ hasText: '已删除关键日期' }).waitFor();
      await item.waitFor({ state: 'detached' });
      await card.getByText('暂无关键日期').waitFor();
    });
    expect(await keyDatesOf(lawyer, matter.id)).toEqual([]);
    // the task is a separate piece of work and stays
    const tasks = await lawyer.request<{ items: Task[] }>('GET', '/tasks?status=open');
    expect(tasks.items.map((x) => x.dueOn)).toEqual([renewalDue]);
  });
});
