import type { DeliveryChannel, DeliveryStatus } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** P-10, N-4: one row per message to send; the outbox is also the delivery log. */
export interface DeliveriesTable {
  id: string;
  channel: DeliveryChannel;
  user_id: string | null;
  idempotency_key: string;
  /** JSON text: EmailPayload or WebhookPayload (reminders.channels.ts) */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  /** queued/failed: when it may be tried; sending: when the claim's lease runs out */
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** P-10: a user without a row gets the digest (on by default). */
export interface DigestPreferencesTable {
  user_id: string;
  /** 1 or 0 */
  enabled: number;
  updated_at: string;
}

export const deliveriesColumns = columnsOf<DeliveriesTable>()(
  'id', 'channel', 'user_id', 'idempotency_key', 'payload', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at',
);
export const digestPreferencesColumns = columnsOf<DigestPreferencesTable>()('user_id', 'enabled', 'updated_at');
