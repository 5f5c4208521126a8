import { describe, expect, it } from 'vitest';
import { applyStep, mayAct, median, nextStep, stageOf, type ComplaintState } from './complaints.rules.js';

const recorded: ComplaintState = { step: 1, valid: null, accepted: null };

function walk(...moves: [step: 2 | 3 | 4 | 5 | 6, outcome?: { valid?: boolean; accepted?: boolean }][]) {
  let s = recorded;
  for (const [step, outcome] of moves) {
    expect(nextStep(s)).toBe(step);
    s = applyStep(s, step, outcome ?? {});
  }
  return s;
}

describe('complaint steps (Q-2)', () => {
  it('goes 1→6 in order for a valid complaint the client accepts', () => {
    const s = walk([2, { valid: true }], [3], [4], [5, { accepted: true }], [6]);
    expect(nextStep(s)).toBeNull();
    expect(stageOf(s)).toBe('closed');
  });

  it('sends an invalid complaint from 2 straight to 6', () => {
    const s = walk([2, { valid: false }]);
    expect(nextStep(s)).toBe(6);
    expect(stageOf(s)).toBe('evaluation');
  });

  it('loops 5→4 when the client does not accept, and clears the answer on the new proposal', () => {
    const s = walk([2, { valid: true }], [3], [4], [5, { accepted: false }]);
    expect(nextStep(s)).toBe(4);
    expect(stageOf(s)).toBe('solution');
    const again = applyStep(s, 4, {});
    expect(again.accepted).toBeNull();
    expect(nextStep(again)).toBe(5);
    expect(nextStep(applyStep(again, 5, { accepted: true }))).toBe(6);
  });

  it('never skips: each state allows exactly one next step', () => {
    expect(nextStep(recorded)).toBe(2);
    expect(stageOf(recorded)).toBe('validity');
    expect(nextStep({ step: 2, valid: true, accepted: null })).toBe(3);
    expect(nextStep({ step: 3, valid: true, accepted: null })).toBe(4);
    expect(nextStep({ step: 4, valid: true, accepted: null })).toBe(5);
    expect(stageOf({ step: 4, valid: true, accepted: null })).toBe('acceptance');
  });
});

describe('who may act (Q-2 rights)', () => {
  const complaint = { handlerId: 'h', targetUserId: 't' };
  it('lets partners/admins and the handler act, never the complained-about person', () => {
    expect(mayAct({ id: 'p', role: 'partner' }, complaint, true)).toBe(true);
    expect(mayAct({ id: 'h', role: 'lawyer' }, complaint, false)).toBe(true);
    expect(mayAct({ id: 'x', role: 'lawyer' }, complaint, false)).toBe(false);
    expect(mayAct({ id: 't', role: 'partner' }, complaint, true)).toBe(false);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
