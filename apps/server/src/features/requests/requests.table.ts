import type { Grade, RequestChannel, RequestPriority, RequestStatus, SlaMode, SlaTarget } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/**
 * S-1: one client request. Each SLA target (reply, opinion) keeps its base due time by grade, the due
 * time in force (a commitment's), the 80% warning instant, when it was met, and the job's flags.
 */
export interface RequestsTable {
  id: string;
  client_id: string;
  contact_id: string | null;
  channel: RequestChannel;
  received_at: string;
  subject: string;
  details: string | null;
  priority: RequestPriority;
  assignee_id: string;
  status: RequestStatus;
  /** the client's grade at received time */
  grade: Grade;
  sla_mode: SlaMode;
  /** soonest due time of an unmet target while open, else null (sorting, My day) */
  next_due_at: string | null;
  reply_minutes: number;
  reply_base_due_at: string;
  reply_due_at: string;
  reply_warn_at: string;
  reply_done_at: string | null;
  reply_note: string | null;
  /** 1 when the base due time passed before a commitment was told */
  reply_late: number;
  reply_warned_at: string | null;
  reply_breach_flagged_at: string | null;
  opinion_minutes: number;
  opinion_base_due_at: string;
  opinion_due_at: string;
  opinion_warn_at: string;
  opinion_done_at: string | null;
  opinion_note: string | null;
  opinion_late: number;
  opinion_warned_at: string | null;
  opinion_breach_flagged_at: string | null;
  closed_at: string | null;
  close_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** S-3: a time told to the client; the latest per target is the one in force. */
export interface RequestCommitmentsTable {
  id: string;
  request_id: string;
  target: SlaTarget;
  committed_at: string;
  told_at: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export const requestsColumns = columnsOf<RequestsTable>()(
  'id', 'client_id', 'contact_id', 'channel', 'received_at', 'subject', 'details', 'priority', 'assignee_id', 'status', 'grade', 'sla_mode',
  'next_due_at', 'reply_minutes', 'reply_base_due_at', 'reply_due_at', 'reply_warn_at', 'reply_done_at', 'reply_note', 'reply_late',
  'reply_warned_at', 'reply_breach_flagged_at', 'opinion_minutes', 'opinion_base_due_at', 'opinion_due_at', 'opinion_warn_at',
  'opinion_done_at', 'opinion_note', 'opinion_late', 'opinion_warned_at', 'opinion_breach_flagged_at', 'closed_at', 'close_note',
  'created_by', 'created_at', 'updated_at',
);
export const requestCommitmentsColumns = columnsOf<RequestCommitmentsTable>()(
  'id', 'request_id', 'target', 'committed_at', 'told_at', 'note', 'created_by', 'created_at',
);
