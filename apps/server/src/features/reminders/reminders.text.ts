import type { Locale } from '@retainer/shared';

/** P-10: the words of digests and forwarded notifications, in the user's language. */
export const DIGEST_TEXT = {
  'zh-CN': {
    subject: (day: string) => `律维每日摘要 · ${day}`,
    greeting: (name: string) => `${name}，您好：`,
    intro: '以下是今天需要您关注的事项。',
    footer: '此邮件由律维自动发送；可在「个人设置」中关闭每日摘要。',
    unread: (n: number) => `未读通知（${n} 条）`,
    tasks: (n: number) => `今日到期及逾期的待办（${n} 项）`,
    touchpoints: (n: number) => `今日到期及逾期的维护任务（${n} 项）`,
    overdue: '逾期',
    due: (day: string) => `截止 ${day}`,
    more: (n: number) => `……另有 ${n} 项，请登录查看`,
    testSubject: '律维测试邮件',
    testBody: '这是一封测试邮件：邮件设置可以正常发送。',
  },
  'en-US': {
    subject: (day: string) => `Retainer daily digest · ${day}`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'Here is what needs your attention today.',
    footer: 'Sent automatically by Retainer; turn the daily digest off under Account settings.',
    unread: (n: number) => `Unread notifications (${n})`,
    tasks: (n: number) => `Tasks due today or overdue (${n})`,
    touchpoints: (n: number) => `Touchpoints due today or overdue (${n})`,
    overdue: 'Overdue',
    due: (day: string) => `due ${day}`,
    more: (n: number) => `…and ${n} more; sign in to see them`,
    testSubject: 'Retainer test email',
    testBody: 'This is a test email: the email settings work.',
  },
} satisfies Record<Locale, unknown>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const KIND_TEXT: Record<Locale, Record<string, (d: Record<string, unknown>) => string>> = {
  'zh-CN': {
    leak_alert: (d) => `${str(d.userName)} 在 ${str(d.day)} 查看了 ${str(d.distinctClients)} 位客户（阈值 ${str(d.threshold)}）`,
    personnel_change: (d) => `客户「${str(d.clientName)}」的联系人信息有变化`,
    export_approval: (d) => `${str(d.userName)} 申请导出 ${str(d.rowCount)} 行客户数据，待审批`,
    export_decided: (d) => (d.approved === true ? `${str(d.approverName)} 批准了您的导出申请` : `${str(d.approverName)} 驳回了您的导出申请`),
    client_transferred: (d) => `客户「${str(d.clientName)}」已转交给您`,
  },
  'en-US': {
    leak_alert: (d) => `${str(d.userName)} viewed ${str(d.distinctClients)} clients on ${str(d.day)} (threshold ${str(d.threshold)})`,
    personnel_change: (d) => `Contact details changed at client "${str(d.clientName)}"`,
    export_approval: (d) => `${str(d.userName)} asks to export ${str(d.rowCount)} client rows`,
    export_decided: (d) => (d.approved === true ? `${str(d.approverName)} approved your export` : `${str(d.approverName)} rejected your export`),
    client_transferred: (d) => `Client "${str(d.clientName)}" was transferred to you`,
  },
};

/** A notification in words: its own message when the sender wrote one, else by kind. */
export function notificationText(locale: Locale, kind: string, data: Record<string, unknown>): string {
  if (typeof data.message === 'string' && data.message) return data.message;
  const byKind = KIND_TEXT[locale][kind];
  if (byKind) return byKind(data);
  return locale === 'en-US' ? `New notification (${kind})` : `新通知（${kind}）`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
