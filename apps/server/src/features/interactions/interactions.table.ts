import type { InteractionKind, NeedSource, NeedStatus, TaskStatus } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** I-1: one touch with a client. Times are UTC ISO instants. */
export interface InteractionsTable {
  id: string;
  client_id: string;
  matter_id: string | null;
  kind: InteractionKind;
  occurred_at: string;
  summary: string;
  needs_discovered: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Users who took part (the cadence counts go through this table). */
export interface InteractionParticipantsTable {
  interaction_id: string;
  user_id: string;
}

export interface InteractionContactsTable {
  interaction_id: string;
  contact_id: string;
}

/** A follow-up task on a client; generic, so later features (surveys, service standards) reuse it. */
export interface TasksTable {
  id: string;
  client_id: string;
  interaction_id: string | null;
  title: string;
  /** firm-local day YYYY-MM-DD */
  due_on: string;
  assignee_id: string;
  status: TaskStatus;
  done_at: string | null;
  created_by: string;
  created_at: string;
}

/** I-3: a structured need on the client. */
export interface NeedsTable {
  id: string;
  client_id: string;
  area: string;
  description: string;
  source: NeedSource;
  /** the interaction, survey response, … it came from */
  source_id: string | null;
  status: NeedStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** I-2: a person told of a cadence shortfall for a month (once per person and month). */
export interface CadenceFlagsTable {
  month: string;
  user_id: string;
  flagged_at: string;
}

export const interactionsColumns = columnsOf<InteractionsTable>()(
  'id', 'client_id', 'matter_id', 'kind', 'occurred_at', 'summary', 'needs_discovered', 'created_by', 'created_at', 'updated_at',
);
export const interactionParticipantsColumns = columnsOf<InteractionParticipantsTable>()('interaction_id', 'user_id');
export const interactionContactsColumns = columnsOf<InteractionContactsTable>()('interaction_id', 'contact_id');
export const tasksColumns = columnsOf<TasksTable>()(
  'id', 'client_id', 'interaction_id', 'title', 'due_on', 'assignee_id', 'status', 'done_at', 'created_by', 'created_at',
);
export const needsColumns = columnsOf<NeedsTable>()(
  'id', 'client_id', 'area', 'description', 'source', 'source_id', 'status', 'created_by', 'created_at', 'updated_at',
);
export const cadenceFlagsColumns = columnsOf<CadenceFlagsTable>()('month', 'user_id', 'flagged_at');
