import type { ComplaintStep } from '@retainer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextStep, stageOf, type ComplaintState } from '../features/complaints/complaints.rules.js';
import { dialect, openTestDatabase } from '../test/harness.js';
import { seedComplaints } from './complaints.js';
import { DEMO_NOW } from './demo-time.js';
import { seedDemo } from './seed.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

describe(`demo complaints (${dialect})`, () => {
  let handle: Handle;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    handle = await openTestDatabase();
    result = await seedDemo(handle.db, 'small', 'Demo-Passw0rd!');
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('adds a few complaints, every step replayable by the rules, none in the future', async () => {
    const complaints = await handle.db.selectFrom('complaints').selectAll().orderBy('id').execute();
    const steps = await handle.db.selectFrom('complaint_steps').selectAll().orderBy('complaint_id').orderBy('seq').execute();
    expect(complaints).toHaveLength(result.complaints.complaints);
    expect(complaints.length).toBeGreaterThanOrEqual(20);
    expect(steps).toHaveLength(result.complaints.steps);
    for (const c of complaints) {
      const own = steps.filter((s) => s.complaint_id === c.id);
      expect(own.map((s) => s.seq)).toEqual(own.map((_, i) => i + 1));
      expect(own[0]!.step).toBe(1);
      let state: ComplaintState = { step: 1, valid: null, accepted: null };
      for (const s of own.slice(1)) {
        expect(s.step).toBe(nextStep(state));
        const data = JSON.parse(s.data) as { valid?: boolean; accepted?: boolean };
        state = s.step === 2 ? { step: 2, valid: data.valid!, accepted: null } : s.step === 4 ? { ...state, step: 4, accepted: null } : s.step === 5 ? { ...state, step: 5, accepted: data.accepted! } : { ...state, step: s.step as ComplaintStep };
      }
      expect({ step: c.step, stage: c.stage, steps_done: c.steps_done }).toEqual({ step: state.step, stage: stageOf(state), steps_done: own.length });
      expect(Date.parse(own.at(-1)!.at)).toBeLessThanOrEqual(DEMO_NOW);
      expect(Date.parse(c.received_at)).toBeLessThanOrEqual(Date.parse(own[0]!.at));
    }
    const stages = new Set(complaints.map((c) => c.stage));
    expect(stages.has('closed')).toBe(true);
    expect(complaints.some((c) => c.valid === 0)).toBe(true);
    // a 5 → 4 loop: a step 4 after a step 5
    expect(steps.some((s, i) => s.step === 4 && steps[i - 1]?.complaint_id === s.complaint_id && steps[i - 1]?.step === 5)).toBe(true);
    const events = await handle.db.selectFrom('timeline_events').select('id').where('kind', 'like', 'complaint_%').execute();
    expect(events).toHaveLength(steps.length);
  });

  it('is deterministic: the same seed gives the same complaints', async () => {
    const before = await handle.db.selectFrom('complaints').select(['id', 'client_id', 'stage', 'received_at']).orderBy('id').execute();
    await handle.db.deleteFrom('complaint_steps').execute();
    await handle.db.deleteFrom('complaints').execute();
    await handle.db.deleteFrom('timeline_events').where('kind', 'like', 'complaint_%').execute();
    await seedComplaints(handle.db);
    const after = await handle.db.selectFrom('complaints').select(['id', 'client_id', 'stage', 'received_at']).orderBy('id').execute();
    expect(after).toEqual(before);
  });
});
