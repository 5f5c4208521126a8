import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../plugins/context.js';
import { fixedClock } from '../plugins/clock.js';
import { surveyStats } from '../features/surveys/stats.service.js';
import { statusOf } from '../features/surveys/surveys.service.js';
import { dialect, openTestDatabase } from '../test/harness.js';
import { DEMO_NOW, iso } from './demo-time.js';
import { seedDemo } from './seed.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

describe(`demo surveys (${dialect})`, () => {
  let handle: Handle;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    handle = await openTestDatabase();
    result = await seedDemo(handle.db, 'small', 'Demo-Passw0rd!');
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('sends surveys after closed matters and on return visits, answered with a realistic spread, some expired', async () => {
    const db = handle.db;
    const surveys = await db.selectFrom('surveys').selectAll().execute();
    expect(surveys).toHaveLength(result.surveys.surveys);
    expect(surveys.filter((s) => s.matter_id).length).toBeGreaterThan(10);
    expect(surveys.filter((s) => s.channel === 'recorded').length).toBeGreaterThan(3);
    const now = iso(DEMO_NOW);
    const states = surveys.map((s) => statusOf(s, now));
    for (const s of ['answered', 'expired'] as const) expect(states, s).toContain(s);
    expect(surveys.every((s) => s.created_at <= now && (s.answered_at ?? '') <= now)).toBe(true);

    const responses = await db.selectFrom('survey_responses').selectAll().execute();
    expect(responses).toHaveLength(result.surveys.responses);
    const scores = responses.flatMap((r) => (r.score === null ? [] : [r.score]));
    const high = scores.filter((s) => s >= 80).length / scores.length;
    expect(high).toBeGreaterThan(0.7);
    expect(scores.some((s) => s <= 60)).toBe(true);
    // every low score has its follow-up task; needs answers are in the needs archive
    const low = responses.filter((r) => r.overall !== null && r.overall <= 3);
    expect(low.every((r) => r.task_id)).toBe(true);
    const needs = await db.selectFrom('needs').select(['source_id']).where('source', '=', 'survey').execute();
    expect(needs.length).toBe(result.surveys.needs);
    expect(needs.length).toBeGreaterThan(0);
    expect(result.surveys.improvements).toBeGreaterThanOrEqual(0);
    const events = await db.selectFrom('timeline_events').select('kind').where('kind', 'in', ['survey_sent', 'survey_answered']).execute();
    expect(events.length).toBe(surveys.length + responses.length);

    const admin: Actor = { id: 'x', name: '', role: 'admin', teamId: null, locale: 'zh-CN' };
    const stats = await surveyStats({ db, clock: fixedClock(now), timeZone: 'Asia/Shanghai' }, admin, { by: 'quarter' });
    expect(stats.total.responses).toBe(responses.filter((r) => r.kind === 'satisfaction').length);
    expect(stats.total.nps).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    const ids = async (h: Handle) => (await h.db.selectFrom('survey_responses').select(['id', 'score']).orderBy('id').execute()).map((r) => `${r.id}:${r.score}`);
    const again = await openTestDatabase();
    try {
      await seedDemo(again.db, 'small', 'Demo-Passw0rd!');
      expect(await ids(again)).toEqual(await ids(handle));
    } finally {
      await again.drop();
    }
  });
});
