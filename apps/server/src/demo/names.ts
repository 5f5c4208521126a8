// Common Chinese surnames (by frequency) and given-name characters for demo people.
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '欧阳', '司马', '上官',
] as const;

export const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '浩', '宇', '晨', '欣怡', '子涵', '梓轩', '思远', '雨桐', '文博', '嘉怡', '俊杰', '婉清', '志强', '海燕',
  '建国', '晓东', '立新', '国华', '春梅', '晓明', '慧', '颖', '琳', '斌', '鹏', '瑶', '昊天', '若曦', '一鸣', '亦凡',
] as const;

/** Practice groups of a full-service Chinese firm; larger firms repeat them per office. */
export const PRACTICE_GROUPS = [
  { name: '诉讼部', description: '民商事诉讼与仲裁' },
  { name: '公司商事部', description: '公司治理、并购重组、常年法律顾问' },
  { name: '知识产权部', description: '专利、商标、著作权与商业秘密' },
  { name: '金融与资本市场部', description: '银行融资、证券发行、基金' },
  { name: '劳动与合规部', description: '劳动争议、人力资源合规、数据合规' },
  { name: '刑事部', description: '刑事辩护与企业刑事合规' },
  { name: '房地产与建设工程部', description: '房地产开发、建设工程纠纷' },
  { name: '涉外业务部', description: '跨境投资、国际贸易与海外上市' },
  { name: '破产重整部', description: '破产清算、重整与债务重组' },
  { name: '税务部', description: '税务筹划与税务争议' },
] as const;

export const OFFICES = ['北京', '上海', '深圳', '广州', '杭州', '成都', '南京', '武汉', '西安', '重庆'] as const;
