import type { ClientStatus, Programme, ProgrammeChannel, ProgrammeRole, Tier, TouchpointKind } from '@retainer/shared';

/** A rule as edited in the form: tiers [] means every tier. */
export interface RuleValue {
  id?: string;
  kind: TouchpointKind;
  perYear: number;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  tiers: Tier[];
  statuses: ClientStatus[];
  leadDays: number;
  guidance?: string;
  active: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Counts for the save confirmation: rules added, changed (any field or position) and removed. */
export function ruleChanges(before: Programme, after: RuleValue[]): { added: number; changed: number; removed: number } {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  let added = 0;
  let changed = 0;
  after.forEach((r, i) => {
    const o = r.id ? old.get(r.id) : undefined;
    if (!o) return void added++;
    const same =
      o.kind === r.kind &&
      o.perYear === r.perYear &&
      o.role === r.role &&
      o.channel === r.channel &&
      sameSet(o.tiers ?? [], r.tiers) &&
      sameSet(o.statuses, r.statuses) &&
      o.leadDays === r.leadDays &&
      o.guidance === (r.guidance ?? '').trim() &&
      o.active === r.active &&
      before.rules.indexOf(o) === i;
    if (!same) changed++;
  });
  const kept = new Set(after.flatMap((r) => (r.id ? [r.id] : [])));
  const removed = before.rules.filter((r) => !kept.has(r.id)).length;
  return { added, changed, removed };
}
