import type { ComplaintCause, ComplaintChannel, ComplaintStage } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** one complaint and where it stands in the six steps. Times are UTC ISO instants. */
export interface ComplaintsTable {
  id: string;
  client_id: string;
  complainant_contact_id: string | null;
  complainant_name: string;
  received_at: string;
  channel: ComplaintChannel;
  target_user_id: string | null;
  target_matter_id: string | null;
  content: string;
  demands: string;
  statement: string;
  /** the last step done, 1..6 */
  step: number;
  stage: ComplaintStage;
  /** step records so far: the guard against two step posts applying at once */
  steps_done: number;
  /** 1 valid, 0 invalid, null before step 2 */
  valid: number | null;
  cause: ComplaintCause | null;
  responsible_user_id: string | null;
  /** step 5's answer: 1 accepted, 0 negotiate again, null before it or after a new proposal */
  accepted: number | null;
  handler_id: string | null;
  recorded_by: string | null;
  stage_since: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** who did which step when, and what (the step's body as JSON). */
export interface ComplaintStepsTable {
  id: string;
  complaint_id: string;
  seq: number;
  step: number;
  data: string;
  actor_id: string | null;
  at: string;
}

export const complaintsColumns = columnsOf<ComplaintsTable>()(
  'id',
  'client_id',
  'complainant_contact_id',
  'complainant_name',
  'received_at',
  'channel',
  'target_user_id',
  'target_matter_id',
  'content',
  'demands',
  'statement',
  'step',
  'stage',
  'steps_done',
  'valid',
  'cause',
  'responsible_user_id',
  'accepted',
  'handler_id',
  'recorded_by',
  'stage_since',
  'closed_at',
  'created_at',
  'updated_at',
);
export const complaintStepsColumns = columnsOf<ComplaintStepsTable>()('id', 'complaint_id', 'seq', 'step', 'data', 'actor_id', 'at');
