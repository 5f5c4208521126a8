import type { MatterType } from './matters.table.js';

// M-3: the checklist templates shipped with the release (seeded by migration 0008). Admins edit them
// afterwards; these rows are never read again at run time. dueDays counts calendar days from opening.

export type DefaultStep = { title: string; guidance: string; dueDays: number };

export const SHIPPED_CHECKLISTS_AT = '2026-11-26T00:00:00.000Z';

export const SHIPPED_CHECKLISTS: Record<MatterType, DefaultStep[]> = {
  retainer: [
    { title: '签订常年法律顾问合同', guidance: '明确服务范围、响应时限、顾问费与服务期限，合同原件归档。', dueDays: 0 },
    { title: '组建顾问团队并告知对接人', guidance: '确定主办律师、协办律师和客户经理，书面告知客户联系方式与响应时限。', dueDays: 3 },
    { title: '客户情况调研与需求访谈', guidance: '了解公司治理、主营业务、合同管理和争议现状，填写《法律服务需求表》。', dueDays: 15 },
    { title: '法律风险体检并出具报告', guidance: '审查章程、重大合同、劳动用工与合规制度，出具风险提示与整改建议。', dueDays: 30 },
    { title: '建立合同审查与咨询响应机制', guidance: '与客户约定合同送审流程与审查时限，建立咨询台账。', dueDays: 30 },
    { title: '第一季度工作简报', guidance: '汇总本季度咨询、合同审查和风险提示，发送客户负责人。', dueDays: 90 },
    { title: '年中回访与满意度调查', guidance: '由法务秘书回访客户，发送《法律服务质量满意度调查表》。', dueDays: 180 },
    { title: '顾问期满前续约沟通', guidance: '顾问期满前两个月与客户沟通续约意向，准备续约方案。', dueDays: 300 },
    { title: '年度法律顾问工作报告', guidance: '总结全年服务内容、主要成果与风险，提出下一年度建议，提交客户。', dueDays: 330 },
  ],
  litigation: [
    { title: '接案与利益冲突审查', guidance: '检索客户、对方当事人及关联方，冲突检索记录留档后方可接案。', dueDays: 0 },
    { title: '签订委托合同', guidance: '签订委托代理合同和授权委托书，明确代理权限与收费方式。', dueDays: 3 },
    { title: '收集证据与案情分析', guidance: '列出证据清单，向客户收集原件，梳理事实与请求权基础。', dueDays: 15 },
    { title: '制定诉讼方案并告知客户', guidance: '书面诉讼方案含诉讼请求、证据策略、风险与费用预估，由客户签收风险告知书。', dueDays: 20 },
    { title: '立案', guidance: '提交起诉状、证据目录和身份材料，预交诉讼费；必要时同步申请财产保全。', dueDays: 30 },
    { title: '证据交换', guidance: '在举证期限内提交证据，准备质证意见，关注对方新证据。', dueDays: 60 },
    { title: '开庭', guidance: '庭前准备代理词和发问提纲；庭后 24 小时内向客户通报庭审情况。', dueDays: 90 },
    { title: '判决分析与告知', guidance: '收到判决后 3 日内书面分析判决结果，告知客户上诉期限与建议。', dueDays: 150 },
    { title: '结案归档', guidance: '出具结案报告，整理卷宗归档，提醒发送满意度调查。', dueDays: 180 },
  ],
  arbitration: [
    { title: '接案与利益冲突审查', guidance: '检索客户、对方当事人及关联方，冲突检索记录留档后方可接案。', dueDays: 0 },
    { title: '签订委托合同', guidance: '签订委托代理合同和授权委托书，明确代理权限与收费方式。', dueDays: 3 },
    { title: '审查仲裁协议与管辖', guidance: '核实仲裁条款效力、仲裁机构与适用规则，评估管辖异议空间。', dueDays: 7 },
    { title: '收集证据与案情分析', guidance: '列出证据清单，向客户收集原件，梳理事实与请求。', dueDays: 15 },
    { title: '制定仲裁方案并告知客户', guidance: '书面方案含仲裁请求、证据策略、风险与费用预估。', dueDays: 20 },
    { title: '提交仲裁申请或答辩', guidance: '按仲裁规则期限提交申请书或答辩书，预缴仲裁费。', dueDays: 30 },
    { title: '选定仲裁员', guidance: '与客户商定仲裁员人选，在规则期限内完成选定。', dueDays: 45 },
    { title: '证据提交与质证', guidance: '在仲裁庭指定期限内提交证据并发表质证意见。', dueDays: 60 },
    { title: '开庭审理', guidance: '庭前准备代理意见；庭后 24 小时内向客户通报开庭情况。', dueDays: 90 },
    { title: '裁决分析与后续评估', guidance: '收到裁决后分析结果，评估申请执行或申请撤销裁决的可行性并告知客户。', dueDays: 150 },
    { title: '结案归档', guidance: '出具结案报告，整理卷宗归档，提醒发送满意度调查。', dueDays: 170 },
  ],
  non_litigation: [
    { title: '接案与利益冲突审查', guidance: '检索客户、交易对方及关联方，冲突检索记录留档后方可接案。', dueDays: 0 },
    { title: '签订专项法律服务合同', guidance: '明确服务范围、交付成果、时间节点与收费方式。', dueDays: 3 },
    { title: '项目启动与工作计划', guidance: '召开启动会，确定项目时间表、分工和沟通机制，发送客户确认。', dueDays: 5 },
    { title: '尽职调查', guidance: '发送资料清单，开展访谈与公开信息核查，记录发现的问题。', dueDays: 30 },
    { title: '出具尽职调查报告', guidance: '报告列明主要法律风险、影响评估与解决建议。', dueDays: 45 },
    { title: '交易文件起草与谈判', guidance: '起草或审阅交易文件，参与谈判并记录各方修改意见。', dueDays: 60 },
    { title: '签署交割与审批备案', guidance: '核对交割条件，协助完成签署、政府审批或登记备案。', dueDays: 90 },
    { title: '出具法律意见书', guidance: '按约定出具法律意见书或专项报告，经复核后交付。', dueDays: 100 },
    { title: '项目总结与归档', guidance: '总结项目经验，整理底稿归档，提醒发送满意度调查。', dueDays: 120 },
  ],
  criminal: [
    { title: '接案与利益冲突审查', guidance: '检索委托人、犯罪嫌疑人及被害人，冲突检索记录留档后方可接案。', dueDays: 0 },
    { title: '签订委托协议并办理委托手续', guidance: '签订刑事委托协议，取得授权委托书，向办案机关提交委托手续。', dueDays: 1 },
    { title: '会见犯罪嫌疑人', guidance: '持律师执业证书、律师事务所证明和委托书会见，了解案情与强制措施，告知诉讼权利。', dueDays: 3 },
    { title: '申请变更强制措施或提交意见', guidance: '评估取保候审条件，向办案机关提交申请或法律意见。', dueDays: 7 },
    { title: '审查起诉阶段阅卷', guidance: '复制案卷材料，制作阅卷笔录，核对证据与事实。', dueDays: 45 },
    { title: '提交辩护意见', guidance: '向检察机关提交书面辩护意见，参与认罪认罚协商时记录过程。', dueDays: 60 },
    { title: '庭前准备与出庭辩护', guidance: '准备辩护词、质证意见和发问提纲；庭后及时向委托人通报。', dueDays: 120 },
    { title: '判决分析与上诉建议', guidance: '收到判决后向委托人分析判决，告知上诉期限与建议。', dueDays: 150 },
    { title: '结案归档', guidance: '出具结案报告，整理卷宗归档。', dueDays: 180 },
  ],
  consultation: [
    { title: '登记咨询与利益冲突审查', guidance: '记录咨询人、事项和对方当事人，完成冲突检索。', dueDays: 0 },
    { title: '了解事实并收集材料', guidance: '与客户沟通事实经过，列明需补充的材料。', dueDays: 1 },
    { title: '法律检索与分析', guidance: '检索相关法律法规、司法解释与类案，形成分析要点。', dueDays: 3 },
    { title: '出具咨询意见', guidance: '重要意见以书面形式出具，说明依据、风险与可选方案。', dueDays: 5 },
    { title: '回访并记录后续需求', guidance: '确认客户是否理解意见，记录潜在的委托需求。', dueDays: 10 },
    { title: '归档', guidance: '保存咨询记录与意见书。', dueDays: 15 },
  ],
};
