import type { StandardKind } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/**
 * M-4: one service obligation of a matter. `key` makes generation idempotent: (matter, kind, key) is
 * unique — 'engagement' / 'closing' for the one-off kinds, the week's Monday for weekly briefs, the
 * adverse event's id for adverse-event notices.
 */
export interface ServiceObligationsTable {
  id: string;
  matter_id: string;
  kind: StandardKind;
  key: string;
  /** UTC instant */
  due_at: string;
  done_at: string | null;
  /** stored status: the derived "breached" comes from breached_at */
  status: 'open' | 'done' | 'cancelled';
  /** set once when the breach is flagged; cleared only when the obligation turns out done on time */
  breached_at: string | null;
  /** when the lead lawyer was told of the breach (one notification per breach) */
  breach_notified_at: string | null;
  note: string | null;
  /** satisfaction survey: the task created for it */
  task_id: string | null;
  done_by: string | null;
  created_at: string;
  updated_at: string;
}

/** M-4: an adverse event (法院驳回、对方反诉…) and when the client was told of it. */
export interface AdverseEventsTable {
  id: string;
  matter_id: string;
  description: string;
  occurred_at: string;
  notified_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const serviceObligationsColumns = columnsOf<ServiceObligationsTable>()(
  'id', 'matter_id', 'kind', 'key', 'due_at', 'done_at', 'status', 'breached_at', 'breach_notified_at', 'note', 'task_id', 'done_by',
  'created_at', 'updated_at',
);
export const adverseEventsColumns = columnsOf<AdverseEventsTable>()(
  'id', 'matter_id', 'description', 'occurred_at', 'notified_at', 'created_by', 'created_at', 'updated_at',
);
