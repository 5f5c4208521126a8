import type { Question, SurveyKind } from '@retainer/shared';

// V-1: the two questionnaires the firm starts with (seeds 002, 004); admins edit them afterwards.
export const SHIPPED_TEMPLATES_AT = '2026-11-26T00:00:00.000Z';

const rating = (key: string, label: string): Question => ({ key, type: 'rating', label, help: null, required: true, options: [] });
const opt = (value: string, label: string) => ({ value, label });

export const SHIPPED_TEMPLATES: { id: string; kind: SurveyKind; name: string; intro: string; questions: Question[] }[] = [
  {
    id: 'tpl-satisfaction',
    kind: 'satisfaction',
    name: '法律服务质量满意度调查表',
    intro: '感谢您选择本所。为持续改进服务质量，请您对本次法律服务作出评价。本问卷约需 2 分钟，您的意见仅用于改进服务。',
    questions: [
      rating('competence', '律师的专业能力'),
      rating('responsiveness', '响应速度（回复及时、按时交付）'),
      rating('communication', '沟通（进展告知、解释清楚）'),
      rating('outcome', '处理结果'),
      rating('value', '性价比（收费与服务价值相符）'),
      rating('overall', '总体满意度'),
      { key: 'recommend', type: 'scale', label: '您有多大可能向朋友或合作伙伴推荐本所？', help: null, required: true, options: [] },
      { key: 'comments', type: 'text', label: '意见和建议', help: '您认为我们哪些方面需要改进？', required: false, options: [] },
    ],
  },
  {
    id: 'tpl-needs',
    kind: 'needs',
    name: '法律服务需求表',
    intro: '为了更好地为贵单位提供法律服务，请告诉我们您近期的法律需求和业务计划。',
    questions: [
      {
        key: 'areas',
        type: 'multi',
        label: '您近期需要哪些方面的法律服务？（可多选）',
        help: null,
        required: true,
        options: [
          opt('contracts', '合同审查与管理'),
          opt('labour', '劳动人事'),
          opt('ip', '知识产权'),
          opt('equity', '股权与公司治理'),
          opt('disputes', '诉讼仲裁'),
          opt('compliance', '合规与风控'),
          opt('tax', '财税法律'),
          opt('data', '数据与个人信息保护'),
          opt('debt', '债权清收'),
        ],
      },
      {
        key: 'plans',
        type: 'multi',
        label: '未来一年贵单位有哪些业务计划？（可多选）',
        help: null,
        required: false,
        options: [opt('financing', '融资'), opt('overseas', '海外拓展'), opt('hiring', '扩大招聘'), opt('mna', '并购重组'), opt('ipo', '上市筹备'), opt('new_business', '新业务/新产品')],
      },
      { key: 'plans_note', type: 'text', label: '请简要说明上述计划或其他需求', help: null, required: false, options: [] },
      {
        key: 'service_mode',
        type: 'single',
        label: '您更希望采用哪种服务方式？',
        help: null,
        required: false,
        options: [opt('retainer', '常年法律顾问'), opt('project', '专项服务'), opt('on_demand', '按次咨询'), opt('onsite', '驻场服务'), opt('training', '法律培训')],
      },
    ],
  },
];
