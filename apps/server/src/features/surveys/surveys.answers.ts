import { REQUIRED_QUESTIONS, scoreOf, type Answers, type FieldError, type Locale, type Question, type SurveyKind } from '@retainer/shared';

type Text = Record<Locale, string>;
const say = {
  required: { 'zh-CN': '此题必答', 'en-US': 'This question is required' },
  rating: { 'zh-CN': '请选择 1–5 分', 'en-US': 'Choose a score from 1 to 5' },
  scale: { 'zh-CN': '请选择 0–10 分', 'en-US': 'Choose a score from 0 to 10' },
  option: { 'zh-CN': '不是可选的选项', 'en-US': 'Not one of the options' },
  text: { 'zh-CN': '请填写文字（最多 2000 字）', 'en-US': 'Enter text (at most 2000 characters)' },
  unknown: { 'zh-CN': '问卷中没有这道题', 'en-US': 'No such question in this survey' },
} satisfies Record<string, Text>;

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * V-2: answers checked against the questions the survey was sent with. Returns the clean answers
 * (unanswered optional questions left out) or the field errors, `answers.<key>`.
 */
export function checkAnswers(questions: readonly Question[], answers: Answers, locale: Locale): { answers: Answers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean: Answers = {};
  const fail = (key: string, t: Text) => errors.push({ field: `answers.${key}`, message: t[locale] });
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) fail(key, say.unknown);
  for (const q of questions) {
    const v = answers[q.key];
    if (empty(v)) {
      if (q.required) fail(q.key, say.required);
      continue;
    }
    const values = new Set(q.options.map((o) => o.value));
    switch (q.type) {
      case 'rating':
        if (!isInt(v, 1, 5)) fail(q.key, say.rating);
        else clean[q.key] = v;
        break;
      case 'scale':
        if (!isInt(v, 0, 10)) fail(q.key, say.scale);
        else clean[q.key] = v;
        break;
      case 'single':
        if (typeof v !== 'string' || !values.has(v)) fail(q.key, say.option);
        else clean[q.key] = v;
        break;
      case 'multi':
        if (!Array.isArray(v) || v.some((x) => !values.has(x))) fail(q.key, say.option);
        else clean[q.key] = [...new Set(v)];
        break;
      case 'text':
        if (typeof v !== 'string' || v.trim().length > 2000) fail(q.key, say.text);
        else if (v.trim()) clean[q.key] = v.trim();
        break;
    }
  }
  return { answers: clean, errors };
}

/** V-3: the figures a response is counted by. */
export function figuresOf(kind: SurveyKind, answers: Answers): { overall: number | null; score: number | null; recommend: number | null } {
  if (kind !== 'satisfaction') return { overall: null, score: null, recommend: null };
  const overall = typeof answers.overall === 'number' ? answers.overall : null;
  const recommend = typeof answers.recommend === 'number' ? answers.recommend : null;
  return { overall, score: scoreOf(overall), recommend };
}

/** V-4: a low score opens a follow-up task. */
export const isLow = (overall: number | null) => overall !== null && overall <= 3;

/**
 * V-1: an edit keeps the items scores, NPS and the needs archive are computed from (same key and type),
 * and no two questions share a key; choices need options.
 */
export function checkTemplate(kind: SurveyKind, questions: readonly Question[], locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.key)) errors.push({ field: `questions.${i}.key`, message: locale === 'zh-CN' ? '题目标识重复' : 'Duplicate question key' });
    seen.add(q.key);
    if ((q.type === 'single' || q.type === 'multi') && q.options.length < 2) {
      errors.push({ field: `questions.${i}.options`, message: locale === 'zh-CN' ? '选择题至少需要两个选项' : 'A choice needs at least two options' });
    }
    if (new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      errors.push({ field: `questions.${i}.options`, message: locale === 'zh-CN' ? '选项标识重复' : 'Duplicate option value' });
    }
  });
  for (const [key, type] of Object.entries(REQUIRED_QUESTIONS[kind])) {
    const q = questions.find((x) => x.key === key);
    if (!q || q.type !== type) {
      errors.push({
        field: 'questions',
        message: locale === 'zh-CN' ? `不能删除或改变题目「${key}」：评分、NPS 和需求档案依据它计算` : `Question "${key}" (${type}) is required: scores, NPS and needs are computed from it`,
      });
    }
  }
  return errors;
}
