import { columnsOf } from '../../db/columns.js';

/** K-6: one row per change of a client's grade, tier, status or quadrant, with its cause. */
export interface ClassificationChangesTable {
  id: string;
  client_id: string;
  field: 'grade' | 'tier' | 'status' | 'quadrant';
  old: string | null;
  new: string | null;
  cause: 'rule' | 'manual';
  /** the rule that decided (e.g. `fees_12m`, `rfm_333`) when cause is rule */
  rule: string | null;
  /** the person's reason when cause is manual */
  reason: string | null;
  actor_id: string | null;
  at: string;
}

export const classificationChangesColumns = columnsOf<ClassificationChangesTable>()(
  'id', 'client_id', 'field', 'old', 'new', 'cause', 'rule', 'reason', 'actor_id', 'at',
);
