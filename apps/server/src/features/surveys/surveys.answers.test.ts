import { npsOf, scoreOf, type Question } from '@retainer/shared';
import { describe, expect, it } from 'vitest';
import { SHIPPED_TEMPLATES } from './template-defaults.data.js';
import { checkAnswers, checkTemplate, figuresOf, isLow } from './surveys.answers.js';
import { summarize } from './stats.service.js';

const satisfaction = SHIPPED_TEMPLATES.find((x) => x.kind === 'satisfaction')!.questions;
const needs = SHIPPED_TEMPLATES.find((x) => x.kind === 'needs')!.questions;
const full = { competence: 5, responsiveness: 4, communication: 4, outcome: 3, value: 4, overall: 4, recommend: 9 };

describe('V-3 score and NPS', () => {
  it('scores overall × 20 and flags ≤ 3 as low', () => {
    expect([1, 3, 5].map(scoreOf)).toEqual([20, 60, 100]);
    expect(scoreOf(null)).toBeNull();
    expect(figuresOf('satisfaction', full)).toEqual({ overall: 4, score: 80, recommend: 9 });
    expect(figuresOf('needs', { areas: ['ip'] })).toEqual({ overall: null, score: null, recommend: null });
    expect([isLow(3), isLow(4), isLow(null)]).toEqual([true, false, false]);
  });

  it('computes NPS as % promoters (9–10) minus % detractors (0–6)', () => {
    expect(npsOf([10, 9, 8, 7, 6, 0])).toEqual({ nps: 0, promoters: 2, passives: 2, detractors: 2 });
    expect(npsOf([10, 10, 9, 3]).nps).toBe(50);
    expect(npsOf([6]).nps).toBe(-100);
    expect(npsOf([]).nps).toBeNull();
    expect(npsOf([9, 9, 7]).nps).toBe(67);
  });

  it('summarizes a group with mean score, share ≥ 90 and dimension means', () => {
    const row = summarize('k', 'K', [
      { score: 100, recommend: 10, answers: { overall: 5, value: 4 } },
      { score: 60, recommend: 5, answers: { overall: 3, value: 2 } },
    ]);
    expect(row).toMatchObject({ responses: 2, meanScore: 80, shareHigh: 50, nps: 0, dimensions: { overall: 4, value: 3, competence: null } });
  });
});

describe('V-2 answer validation', () => {
  it('accepts a full answer and drops empty optional ones', () => {
    expect(checkAnswers(satisfaction, { ...full, comments: '  ' }, 'zh-CN')).toEqual({ answers: full, errors: [] });
  });

  it('refuses out-of-range, fractional, wrong-type, unknown and missing answers, per field', () => {
    const { errors } = checkAnswers(satisfaction, { ...full, overall: 0, competence: 4.5, recommend: -1, value: '4', outcome: undefined as never, nope: 1 }, 'en-US');
    expect(errors.map((e) => e.field).sort()).toEqual(['answers.competence', 'answers.nope', 'answers.outcome', 'answers.overall', 'answers.recommend', 'answers.value']);
  });

  it('checks choices against the options and de-duplicates multi answers', () => {
    expect(checkAnswers(needs, { areas: ['ip', 'ip', 'tax'], service_mode: 'retainer' }, 'zh-CN')).toEqual({ answers: { areas: ['ip', 'tax'], service_mode: 'retainer' }, errors: [] });
    expect(checkAnswers(needs, { areas: ['moon'], service_mode: ['retainer'] }, 'zh-CN').errors.map((e) => e.field)).toEqual(['answers.areas', 'answers.service_mode']);
    expect(checkAnswers(needs, {}, 'zh-CN').errors).toEqual([{ field: 'answers.areas', message: '此题必答' }]);
  });
});

describe('V-1 template rules', () => {
  it('keeps the scored items and unique keys', () => {
    expect(checkTemplate('satisfaction', satisfaction, 'zh-CN')).toEqual([]);
    expect(checkTemplate('needs', needs, 'zh-CN')).toEqual([]);
    expect(checkTemplate('satisfaction', satisfaction.filter((q) => q.key !== 'recommend'), 'en-US')).toHaveLength(1);
    const choice: Question = { key: 'x', type: 'single', label: 'x', help: null, required: false, options: [{ value: 'a', label: 'A' }] };
    expect(checkTemplate('satisfaction', [...satisfaction, choice, choice], 'en-US').map((e) => e.field)).toEqual(['questions.8.options', 'questions.9.key', 'questions.9.options']);
  });
});
