import type { ComplaintStage, ComplaintStep, Role } from '@retainer/shared';

/** What the transition rules need to know about a complaint. */
export type ComplaintState = {
  /** the last step done (1..6) */
  step: ComplaintStep;
  /** step 2's finding (null before it) */
  valid: boolean | null;
  /** step 5's answer (null before it or after a new proposal) */
  accepted: boolean | null;
};

/**
 * Q-2, seed 004: the steps in order, none skipped. An invalid complaint goes from 2 straight to 6;
 * a solution the client does not accept goes back to 4 (negotiate again). Null once evaluated.
 */
export function nextStep(s: ComplaintState): ComplaintStep | null {
  switch (s.step) {
    case 1:
      return 2;
    case 2:
      return s.valid === false ? 6 : 3;
    case 3:
      return 4;
    case 4:
      return 5;
    case 5:
      return s.accepted ? 6 : 4;
    case 6:
      return null;
  }
}

/** Each stage is named after the step it waits for. */
export const STAGE_STEPS: Record<Exclude<ComplaintStage, 'closed'>, ComplaintStep> = {
  validity: 2,
  responsibility: 3,
  solution: 4,
  acceptance: 5,
  evaluation: 6,
};

export function stageOf(s: ComplaintState): ComplaintStage {
  const next = nextStep(s);
  if (next === null) return 'closed';
  return (Object.keys(STAGE_STEPS) as Exclude<ComplaintStage, 'closed'>[]).find((k) => STAGE_STEPS[k] === next)!;
}

/** The state after a step is done. */
export function applyStep(s: ComplaintState, step: ComplaintStep, outcome: { valid?: boolean; accepted?: boolean }): ComplaintState {
  if (step === 2) return { step, valid: outcome.valid ?? null, accepted: null };
  if (step === 4) return { ...s, step, accepted: null };
  if (step === 5) return { ...s, step, accepted: outcome.accepted ?? null };
  return { ...s, step };
}

/**
 * Who may carry steps 2–6: partners and admins (R-2 handles complaints) and the complaint's handler,
 * never the complained-about person, whatever their role.
 */
export function mayAct(actor: { id: string; role: Role }, c: { handlerId: string | null; targetUserId: string | null }, canHandle: boolean): boolean {
  if (c.targetUserId === actor.id) return false;
  return canHandle || c.handlerId === actor.id;
}

/** Median of a non-empty list of numbers (average of the two middle ones when even). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
