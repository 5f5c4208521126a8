import { npsOf, SATISFACTION_DIMENSIONS, type Answers, type Locale, type StatsDimension, type StatsRow, type SurveyStats } from '@retainer/shared';
import { firmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { filtered, responsesOf } from './responses.service.js';
import type { SurveyDeps } from './surveys.service.js';

type Point = { score: number | null; recommend: number | null; answers: Answers };

const MATTER_TYPE_LABELS: Record<string, Record<Locale, string>> = {
  retainer: { 'zh-CN': '常年法律顾问', 'en-US': 'Retainer' },
  litigation: { 'zh-CN': '民商事诉讼', 'en-US': 'Litigation' },
  arbitration: { 'zh-CN': '仲裁', 'en-US': 'Arbitration' },
  non_litigation: { 'zh-CN': '非诉专项', 'en-US': 'Non-litigation project' },
  criminal: { 'zh-CN': '刑事', 'en-US': 'Criminal' },
  consultation: { 'zh-CN': '咨询', 'en-US': 'Consultation' },
};
const NONE: Record<Locale, string> = { 'zh-CN': '未关联', 'en-US': 'None' };

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** V-3 / A-2: one group's figures: mean score, share ≥ 90, NPS and each dimension's mean (1–5). */
export function summarize(key: string, label: string, points: readonly Point[]): StatsRow {
  const scores = points.flatMap((p) => (p.score === null ? [] : [p.score]));
  const nps = npsOf(points.flatMap((p) => (p.recommend === null ? [] : [p.recommend])));
  const dimensions: Record<string, number | null> = {};
  for (const d of SATISFACTION_DIMENSIONS) dimensions[d] = mean(points.flatMap((p) => (typeof p.answers[d] === 'number' ? [p.answers[d]] : [])));
  return {
    key,
    label,
    responses: points.length,
    meanScore: mean(scores),
    shareHigh: scores.length ? Math.round((scores.filter((s) => s >= 90).length / scores.length) * 1000) / 10 : null,
    ...nps,
    dimensions,
  };
}

function quarterOf(day: string) {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** V-3: satisfaction responses grouped by client, lawyer, team, matter type or period; visible clients only. */
export async function surveyStats(
  deps: SurveyDeps,
  actor: Actor,
  query: { by: StatsDimension; from?: string | undefined; to?: string | undefined; clientId?: string | undefined },
): Promise<SurveyStats> {
  const rows = await filtered(responsesOf(deps.db, actor), { ...query, kind: 'satisfaction' }, actor, deps.timeZone)
    .leftJoin('teams', 'teams.id', 'survey_responses.team_id')
    .select([
      'survey_responses.score',
      'survey_responses.recommend',
      'survey_responses.answers',
      'survey_responses.client_id',
      'survey_responses.lawyer_id',
      'survey_responses.team_id',
      'survey_responses.matter_type',
      'survey_responses.submitted_at',
      'clients.name as client_name',
      'lawyer.name as lawyer_name',
      'teams.name as team_name',
    ])
    .execute();
  const groups = new Map<string, { label: string; points: Point[] }>();
  const all: Point[] = [];
  for (const r of rows) {
    const point: Point = { score: r.score, recommend: r.recommend, answers: JSON.parse(r.answers) as Answers };
    all.push(point);
    const day = firmDay(new Date(r.submitted_at), deps.timeZone);
    const [key, label] = ((): [string, string] => {
      switch (query.by) {
        case 'client':
          return [r.client_id, r.client_name];
        case 'lawyer':
          return [r.lawyer_id ?? '-', r.lawyer_name ?? NONE[actor.locale]];
        case 'team':
          return [r.team_id ?? '-', r.team_name ?? NONE[actor.locale]];
        case 'matter_type':
          return [r.matter_type ?? '-', r.matter_type ? (MATTER_TYPE_LABELS[r.matter_type]?.[actor.locale] ?? r.matter_type) : NONE[actor.locale]];
        case 'month':
          return [day.slice(0, 7), day.slice(0, 7)];
        case 'quarter':
          return [quarterOf(day), quarterOf(day)];
      }
    })();
    const g = groups.get(key) ?? { label, points: [] };
    g.points.push(point);
    groups.set(key, g);
  }
  const periodic = query.by === 'month' || query.by === 'quarter';
  const out = [...groups.entries()].map(([key, g]) => summarize(key, g.label, g.points));
  out.sort((a, b) => (periodic ? a.key.localeCompare(b.key) : b.responses - a.responses || a.label.localeCompare(b.label)));
  return { by: query.by, total: summarize('total', actor.locale === 'zh-CN' ? '合计' : 'Total', all), rows: out.slice(0, 500) };
}
