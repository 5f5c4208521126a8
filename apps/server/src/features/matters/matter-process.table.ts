import type { KeyDateKind } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';
import type { MatterType } from './matters.table.js';

/** M-3: who last edited a matter type's checklist template, and when. */
export interface ChecklistTemplatesTable {
  matter_type: MatterType;
  updated_at: string;
  updated_by: string | null;
}

/** M-3: a template step; new matters copy their type's steps. */
export interface ChecklistTemplateStepsTable {
  id: string;
  matter_type: MatterType;
  position: number;
  title: string;
  guidance: string | null;
  /** calendar days after the matter's opening date */
  due_days: number;
}

/** M-3: a matter's own copy of a step, so later template edits leave it alone. */
export interface MatterChecklistStepsTable {
  id: string;
  matter_id: string;
  position: number;
  title: string;
  guidance: string | null;
  due_days: number;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
  created_at: string;
}

/** M-5: a hearing, deadline, limitation period or renewal on a matter. */
export interface MatterKeyDatesTable {
  id: string;
  matter_id: string;
  kind: KeyDateKind;
  /** firm-local day YYYY-MM-DD */
  date: string;
  /** firm-local HH:mm, or none */
  time: string | null;
  title: string;
  note: string | null;
  remind_days_before: number;
  /** when the lead lawyer was reminded; cleared when the date or lead time changes */
  reminded_at: string | null;
  /** 'retainer_renewal' when the system keeps it in step with the matter; null when entered by hand */
  source: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** M-5: the renewal task and key date kept for a retainer's expiry, so a changed expiry moves them. */
export interface MatterRenewalsTable {
  matter_id: string;
  expires_on: string;
  task_id: string | null;
  key_date_id: string | null;
}

export const checklistTemplatesColumns = columnsOf<ChecklistTemplatesTable>()('matter_type', 'updated_at', 'updated_by');
export const checklistTemplateStepsColumns = columnsOf<ChecklistTemplateStepsTable>()('id', 'matter_type', 'position', 'title', 'guidance', 'due_days');
export const matterChecklistStepsColumns = columnsOf<MatterChecklistStepsTable>()(
  'id', 'matter_id', 'position', 'title', 'guidance', 'due_days', 'done_at', 'done_by', 'note', 'created_at',
);
export const matterKeyDatesColumns = columnsOf<MatterKeyDatesTable>()(
  'id', 'matter_id', 'kind', 'date', 'time', 'title', 'note', 'remind_days_before', 'reminded_at', 'source', 'created_by', 'created_at', 'updated_at',
);
export const matterRenewalsColumns = columnsOf<MatterRenewalsTable>()('matter_id', 'expires_on', 'task_id', 'key_date_id');
