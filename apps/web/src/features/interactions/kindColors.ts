import type { InteractionKind } from '@retainer/shared';

/** One colour per kind of touch, used wherever an interaction is listed. */
export const KIND_COLORS: Record<InteractionKind, string> = {
  call: 'blue',
  visit: 'green',
  meeting: 'cyan',
  wechat: 'lime',
  email: 'geekblue',
  sms: 'default',
  greeting: 'magenta',
  gift: 'pink',
  training: 'purple',
  report: 'gold',
  return_visit: 'orange',
  newsletter: 'default',
  event: 'volcano',
};
