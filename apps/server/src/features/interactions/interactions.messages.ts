import type { FieldError } from '@retainer/shared';
import type { Actor } from '../../plugins/context.js';
import { ValidationFailed } from '../../plugins/errors.js';

// Field messages are written for people, in the language the actor reads.
const MESSAGES = {
  future: { 'zh-CN': '沟通时间不能晚于当前时间', 'en-US': 'The time cannot be in the future' },
  matter: { 'zh-CN': '该事项不属于此客户', 'en-US': 'This matter does not belong to the client' },
  matterHidden: { 'zh-CN': '您的角色不能关联事项', 'en-US': 'Your role cannot link matters' },
  contact: { 'zh-CN': '联系人不属于此客户', 'en-US': 'This contact does not belong to the client' },
  participant: { 'zh-CN': '参与人须为在职用户', 'en-US': 'Participants must be active users' },
  assignee: { 'zh-CN': '负责人须为能查看此客户的在职用户', 'en-US': 'The assignee must be an active user who can see this client' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function invalid(actor: Actor, ...errors: [field: string, key: MessageKey][]): ValidationFailed {
  const details: FieldError[] = errors.map(([field, key]) => ({ field, message: MESSAGES[key][actor.locale] }));
  return new ValidationFailed(details);
}
