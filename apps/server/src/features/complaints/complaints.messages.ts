import type { ComplaintStep, FieldError } from '@retainer/shared';
import type { Actor } from '../../plugins/context.js';
import { AppError, ValidationFailed, type Localized } from '../../plugins/errors.js';

// Field messages are written for people, in the language the actor reads.
const MESSAGES = {
  future: { 'zh-CN': '时间不能晚于当前时间', 'en-US': 'The time cannot be in the future' },
  beforeReceived: { 'zh-CN': '时间不能早于投诉受理时间', 'en-US': 'The time cannot be before the complaint was received' },
  matter: { 'zh-CN': '该事项不属于此客户', 'en-US': 'This matter does not belong to the client' },
  matterHidden: { 'zh-CN': '您的角色不能关联事项', 'en-US': 'Your role cannot link matters' },
  contact: { 'zh-CN': '联系人不属于此客户', 'en-US': 'This contact does not belong to the client' },
  user: { 'zh-CN': '用户不存在', 'en-US': 'No such user' },
  handler: {
    'zh-CN': '处理人须为能查看此客户的在职用户，且不能是被投诉人',
    'en-US': 'The handler must be an active user who can see this client and not the person complained about',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function invalid(actor: Actor, ...errors: [field: string, key: MessageKey][]): ValidationFailed {
  const details: FieldError[] = errors.map(([field, key]) => ({ field, message: MESSAGES[key][actor.locale] }));
  return new ValidationFailed(details);
}

const STEP_NAMES: Record<ComplaintStep, Localized> = {
  1: { 'zh-CN': '记录投诉', 'en-US': 'record' },
  2: { 'zh-CN': '判定是否成立', 'en-US': 'decide validity' },
  3: { 'zh-CN': '认定责任', 'en-US': 'identify responsibility' },
  4: { 'zh-CN': '提出解决方案', 'en-US': 'propose a solution' },
  5: { 'zh-CN': '实施并确认', 'en-US': 'carry out and confirm' },
  6: { 'zh-CN': '评估总结', 'en-US': 'evaluate' },
};

/** a step out of order (skipped, repeated, or after closing): 409 with what is expected. */
export class InvalidTransition extends AppError {
  constructor(from: number, attempted: number, expected: ComplaintStep | null) {
    const zh = expected ? `当前应进行「${STEP_NAMES[expected]['zh-CN']}」，不能跳步或重复` : '投诉已结案，不能再办理步骤';
    const en = expected ? `The next step is "${STEP_NAMES[expected]['en-US']}"; steps cannot be skipped or repeated` : 'The complaint is closed';
    super('conflict', 409, { 'zh-CN': zh, 'en-US': en }, { reason: 'invalid_transition', from, attempted, expected });
  }
}
