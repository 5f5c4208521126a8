import type { Grade, ProgrammeChannel, ProgrammeRole, TouchpointKind, TouchpointStatus } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** P-1: one rule of a grade's care programme. Lists are comma-separated text on both dialects. */
export interface ProgrammeRulesTable {
  id: string;
  grade: Grade;
  /** comma-separated tiers, or null for every tier */
  tiers: string | null;
  kind: TouchpointKind;
  per_year: number;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  guidance: string;
  lead_days: number;
  /** comma-separated client statuses */
  statuses: string;
  active: number;
  position: number;
  updated_at: string;
  updated_by: string | null;
}

/** P-4: one dated touchpoint of a client's plan; (client, rule, period) is unique. */
export interface TouchpointsTable {
  id: string;
  client_id: string;
  rule_id: string;
  kind: TouchpointKind;
  period_key: string;
  occasion: string | null;
  occasion_on: string | null;
  window_start: string;
  window_end: string;
  due_on: string;
  role: ProgrammeRole;
  channel: ProgrammeChannel;
  guidance: string;
  assignee_id: string | null;
  status: TouchpointStatus;
  done_at: string | null;
  /** the firm-local day it was done, for P-7's on-time count */
  done_on: string | null;
  interaction_id: string | null;
  skip_reason: string | null;
  skipped_by: string | null;
  overdue_flagged_at: string | null;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
}

export const programmeRulesColumns = columnsOf<ProgrammeRulesTable>()(
  'id', 'grade', 'tiers', 'kind', 'per_year', 'role', 'channel', 'guidance', 'lead_days', 'statuses', 'active', 'position', 'updated_at', 'updated_by',
);
export const touchpointsColumns = columnsOf<TouchpointsTable>()(
  'id', 'client_id', 'rule_id', 'kind', 'period_key', 'occasion', 'occasion_on', 'window_start', 'window_end', 'due_on', 'role', 'channel', 'guidance',
  'assignee_id', 'status', 'done_at', 'done_on', 'interaction_id', 'skip_reason', 'skipped_by', 'overdue_flagged_at', 'escalated_at', 'created_at', 'updated_at',
);
