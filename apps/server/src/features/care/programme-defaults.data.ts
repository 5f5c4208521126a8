import type { ClientStatus, Grade, ProgrammeChannel, ProgrammeRole, Tier, TouchpointKind } from '@retainer/shared';

export type DefaultRule = {
  kind: TouchpointKind;
  perYear: number;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  guidance: string;
  leadDays: number;
  tiers?: Tier[];
  statuses?: ClientStatus[];
};

/** When the shipped defaults were written; the migration stamps the rules with it. */
export const SHIPPED_PROGRAMMES_AT = '2026-11-26T00:00:00.000Z';

const deepVisit: DefaultRule = {
  kind: 'deep_visit', perYear: 4, role: 'client_manager', channel: 'visit', leadDays: 7, tiers: ['strategic', 'core'],
  guidance: '季度深度拜访：与客户高层座谈，回顾本季度法律服务，了解经营计划与潜在法律需求。',
};

/**
 * P-2 (grade A, "41234"), P-3 (B and C) as shipped; admins edit them at /settings/programmes.
 * Strategic and core tiers also get the quarterly deep visit (seed 002).
 */
export const SHIPPED_PROGRAMMES: Record<Grade, DefaultRule[]> = {
  A: [
    { kind: 'contact', perYear: 12, role: 'lead_lawyer', channel: 'phone', leadDays: 3, guidance: '每月至少联系一次：电话或微信问候，了解客户近况和新的法律需求。' },
    { kind: 'visit', perYear: 6, role: 'lead_lawyer', channel: 'visit', leadDays: 7, guidance: '每两个月登门拜访一次，当面沟通案件进展与经营中的法律风险。' },
    { kind: 'annual_report', perYear: 1, role: 'lead_lawyer', channel: 'email', leadDays: 30, guidance: '年度法律服务工作报告（律师与助理共同完成）：12月31日或顾问合同周年日前提交。' },
    { kind: 'festival_invitation', perYear: 1, role: 'client_manager', channel: 'event', leadDays: 21, guidance: '邀请客户参加一年一度的客户节活动。' },
    { kind: 'return_visit', perYear: 2, role: 'secretary', channel: 'phone', leadDays: 7, guidance: '质量回访：完成满意度调查和需求调查表。' },
    { kind: 'care', perYear: 3, role: 'client_manager', channel: 'gift', leadDays: 3, guidance: '在客户的重要日子（节日、生日、成立纪念日）送上问候或礼品。' },
    { kind: 'newsletter', perYear: 4, role: 'assistant', channel: 'email', leadDays: 7, guidance: '按客户所在行业定制的法律资讯。' },
    deepVisit,
  ],
  B: [
    { kind: 'contact', perYear: 6, role: 'lead_lawyer', channel: 'phone', leadDays: 3, guidance: '每两个月联系一次，了解客户近况和法律需求。' },
    { kind: 'visit', perYear: 4, role: 'lead_lawyer', channel: 'visit', leadDays: 7, guidance: '每季度拜访一次。' },
    { kind: 'annual_report', perYear: 1, role: 'lead_lawyer', channel: 'email', leadDays: 30, guidance: '年度法律服务工作报告：12月31日或顾问合同周年日前提交。' },
    { kind: 'festival_invitation', perYear: 1, role: 'client_manager', channel: 'event', leadDays: 21, guidance: '邀请客户参加年度客户节活动。' },
    { kind: 'return_visit', perYear: 2, role: 'secretary', channel: 'phone', leadDays: 7, guidance: '质量回访：完成满意度调查和需求调查表。' },
    { kind: 'care', perYear: 3, role: 'client_manager', channel: 'gift', leadDays: 3, guidance: '在客户的重要日子送上问候。' },
    { kind: 'newsletter', perYear: 4, role: 'assistant', channel: 'email', leadDays: 7, guidance: '法律资讯（行业通用版）。' },
    deepVisit,
  ],
  C: [
    { kind: 'contact', perYear: 4, role: 'lead_lawyer', channel: 'phone', leadDays: 3, guidance: '每季度联系一次。' },
    { kind: 'return_visit', perYear: 1, role: 'secretary', channel: 'phone', leadDays: 7, guidance: '年度质量回访：满意度调查。' },
    { kind: 'care', perYear: 2, role: 'client_manager', channel: 'wechat', leadDays: 3, guidance: '春节和生日（或成立纪念日）问候。' },
    { kind: 'newsletter', perYear: 4, role: 'assistant', channel: 'email', leadDays: 7, guidance: '通用法律资讯。' },
    deepVisit,
  ],
};
