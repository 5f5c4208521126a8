// Words for demo matters, fee notes, interactions, needs and follow-up tasks.
import type { InteractionKind } from '@retainer/shared';
import type { MatterType } from '../features/matters/matters.table.js';

/** Province abbreviations (简称) that open a court's case number: (2025)浙0106民初1234号. */
export const PROVINCE_ABBR: Record<string, string> = {
  北京市: '京', 上海市: '沪', 天津市: '津', 重庆市: '渝', 广东省: '粤', 浙江省: '浙', 江苏省: '苏', 四川省: '川', 湖北省: '鄂',
  陕西省: '陕', 山东省: '鲁', 福建省: '闽', 湖南省: '湘', 河南省: '豫', 安徽省: '皖', 辽宁省: '辽', 河北省: '冀', 云南省: '云',
  江西省: '赣', 广西壮族自治区: '桂', 黑龙江省: '黑', 吉林省: '吉', 山西省: '晋', 贵州省: '黔', 海南省: '琼',
};

/** Commercial disputes of organisations: the cause (案由) opens the title. */
export const COMMERCIAL_CAUSES = [
  '买卖合同纠纷', '建设工程施工合同纠纷', '借款合同纠纷', '股权转让纠纷', '房屋租赁合同纠纷', '劳动争议', '侵害商标权纠纷',
  '侵害发明专利权纠纷', '著作权权属、侵权纠纷', '服务合同纠纷', '承揽合同纠纷', '股东知情权纠纷', '公司决议纠纷',
  '不正当竞争纠纷', '保证合同纠纷', '运输合同纠纷', '技术服务合同纠纷',
] as const;
/** Individuals' civil disputes. */
export const PERSONAL_CAUSES = [
  '离婚纠纷', '继承纠纷', '民间借贷纠纷', '房屋租赁合同纠纷', '劳动争议', '机动车交通事故责任纠纷', '商品房预售合同纠纷', '股权转让纠纷',
] as const;
export const ARBITRATION_CAUSES = ['股权投资协议争议', '国际货物买卖合同争议', '建设工程合同争议', '融资租赁合同争议', '特许经营合同争议', '委托加工合同争议'] as const;
export const CRIMINAL_CHARGES = ['合同诈骗罪', '职务侵占罪', '非法吸收公众存款罪', '虚开增值税专用发票罪', '侵犯商业秘密罪', '危险驾驶罪', '非国家工作人员受贿罪'] as const;
export const PROJECTS = [
  'A轮融资法律服务', '股权激励方案设计', '并购项目法律尽职调查', '数据合规体系建设', '境外投资备案', '企业合规管理体系建设',
  '债务重组法律服务', '新三板挂牌专项法律服务', '知识产权布局与商标注册', '员工手册及劳动用工合规审查', '供应链合同体系梳理',
  '私募基金设立法律服务', '不动产收购专项法律服务', '家族财富传承方案',
] as const;
export const CONSULTATIONS = [
  '劳动用工法律咨询', '合同审查', '投资风险法律咨询', '知识产权保护咨询', '税务合规咨询', '个人信息保护合规咨询', '股权架构咨询',
  '债权催收方案咨询',
] as const;
export const PERSONAL_CONSULTATIONS = ['婚姻家事法律咨询', '遗嘱与继承咨询', '房产交易法律咨询', '劳动权益咨询', '公司设立咨询', '个人投资风险法律咨询'] as const;
export const PERSONAL_PROJECTS = ['家族财富传承方案', '婚前财产协议起草', '不动产收购专项法律服务', '股权代持安排'] as const;

export const ARBITRATION_BODIES = ['中国国际经济贸易仲裁委员会', '北京仲裁委员会', '上海国际仲裁中心', '深圳国际仲裁院', '杭州仲裁委员会', '广州仲裁委员会'] as const;

/** Outcomes of closed matters, by type. */
export const OUTCOMES: Record<MatterType, readonly string[]> = {
  retainer: ['顾问期满，客户续签意向明确', '顾问期满，服务评价良好', '顾问期满，未续签'],
  litigation: ['一审胜诉，判决支持全部诉讼请求', '调解结案，对方分期履行', '一审部分胜诉', '对方撤诉', '二审维持原判', '执行完毕，款项全部到账'],
  arbitration: ['仲裁裁决支持我方主要请求', '仲裁中和解结案', '裁决驳回对方全部请求'],
  non_litigation: ['项目交割完成', '方案已落地实施', '交易完成，出具法律意见书', '项目终止，按约结算'],
  criminal: ['检察院作出不起诉决定', '判处缓刑', '一审判决，量刑低于公诉机关建议', '取保候审后撤销案件'],
  consultation: ['已出具书面法律意见', '咨询完毕，客户自行处理', '已出具审查意见'],
};

export const FEE_NOTES = ['首期律师费', '二期律师费', '尾款', '年度顾问费', '半年度顾问费', '风险代理费', '差旅费用结算', '按小时结算律师费'] as const;

/** What an interaction's summary says, by kind; {c} is the client's short name. */
export const SUMMARIES: Record<InteractionKind, readonly string[]> = {
  call: ['电话沟通案件进展，客户对下一步安排无异议', '电话回复{c}关于合同条款的疑问', '与{c}财务负责人电话确认付款安排', '电话了解{c}近期经营情况', '电话告知开庭时间及准备事项'],
  visit: ['拜访{c}，与管理层面谈年度法律需求', '赴{c}现场了解项目情况并收集材料', '上门拜访，介绍团队新增服务方向', '拜访{c}法务部，梳理存量合同风险'],
  meeting: ['与{c}召开案件策略会', '参加{c}董事会，列席提供法律意见', '与{c}及对方律师三方会谈', '项目周例会，确认尽调清单进度'],
  wechat: ['微信沟通文件修改意见', '微信发送庭审提纲供客户确认', '微信回复员工离职补偿问题', '微信群同步项目进度'],
  email: ['发送工作简报（周报）', '邮件发送合同审查意见', '邮件确认证据目录', '邮件发送法律意见书初稿'],
  sms: ['短信提醒开庭时间', '短信告知材料已寄出', '短信提醒签署授权委托书'],
  greeting: ['春节问候', '中秋节问候', '生日祝福', '公司周年庆祝贺', '端午节问候', '新年问候'],
  gift: ['中秋月饼礼盒', '春节茶叶礼盒', '生日鲜花', '端午粽子礼盒'],
  training: ['为{c}管理层做合同风险专题讲座', '劳动用工合规培训', '数据合规与个人信息保护培训', '企业刑事风险防范讲座'],
  report: ['递交年度法律服务工作报告', '递交专项法律风险排查报告', '递交季度合同审查汇总'],
  return_visit: ['质量回访：客户对服务整体满意，建议提高沟通频率', '质量回访并完成满意度调查', '回访了解案件办理体验，客户表示满意', '质量回访：客户希望增加书面简报'],
  newsletter: ['发送《法律资讯》月刊', '推送新《公司法》解读', '发送行业监管动态简报', '推送劳动法最新司法解释解读'],
  event: ['邀请参加律所客户答谢会', '邀请参加年度客户节', '邀请参加行业沙龙', '参加{c}年会'],
};

/** I-3 needs: area and what was heard. */
export const NEEDS = [
  { area: '劳动用工', description: '计划裁员，需要经济补偿方案' },
  { area: '合规', description: '拟建立数据合规体系' },
  { area: '知识产权', description: '新产品上市前需要商标布局' },
  { area: '融资', description: '明年启动B轮融资' },
  { area: '争议解决', description: '一笔应收账款长期拖欠，考虑起诉' },
  { area: '公司治理', description: '股东之间拟调整股权比例' },
  { area: '税务', description: '关注集团内部交易的税务风险' },
  { area: '家事', description: '希望做家族财富传承规划' },
  { area: '常年顾问', description: '考虑签订常年法律顾问合同' },
  { area: '跨境', description: '拟在东南亚设立子公司' },
] as const;

/** Follow-up tasks after an interaction. */
export const FOLLOW_UPS = [
  '整理会议纪要发客户', '补充证据材料清单', '起草法律意见书', '发送报价方案', '修改合同条款后回传', '预约下次拜访',
  '准备庭审提纲', '寄送授权委托书', '跟进付款进度', '整理满意度调查结果',
] as const;
