import type { DeliveryChannel } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import { newId } from '../../plugins/ids.js';
import { DEFAULT_TIMEOUT_MS, failureText, smtpChannel, webhookChannel, type Channel } from './reminders.channels.js';
import { readSmtpConfig, readWebhookConfig, smtpReady } from './reminders.settings.js';

/** N-4: minutes to wait after the 1st, 2nd, … failed attempt; after the last one the delivery is dead. */
export const RETRY_DELAYS_MIN = [1, 5, 15, 60, 180, 360] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MIN.length + 1;
/**
 * A claimed ('sending') row holds a lease this long (far above the channel timeouts). A process that
 * dies mid-send leaves the row 'sending'; once the lease has run out it counts as a failed attempt
 * and is claimed again. Only that crash window can send twice; Message-ID and Idempotency-Key carry
 * the idempotency key so the far side can tell.
 */
export const LEASE_MS = 10 * 60_000;
const BATCH = 20;
/** rows handled per run at most; the next run (a minute later) takes the rest */
const MAX_PER_RUN = 500;

export type ReminderDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  /** channel timeouts (tests shorten them) */
  timeoutMs?: number;
  /** replaces the channels built from the settings (tests) */
  channels?: Partial<Record<DeliveryChannel, Channel>>;
};

/** Adds a message unless one with the same key exists; true when added. */
export async function enqueue(
  db: Kysely<Database>,
  clock: Clock,
  d: { channel: DeliveryChannel; userId: string | null; key: string; payload: unknown },
): Promise<boolean> {
  const now = clock.now();
  const res = await db
    .insertInto('deliveries')
    .values({
      id: newId(now.getTime()),
      channel: d.channel,
      user_id: d.userId,
      idempotency_key: d.key,
      payload: JSON.stringify(d.payload),
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function channelsFor(deps: ReminderDeps): Promise<Partial<Record<DeliveryChannel, Channel>>> {
  if (deps.channels) return deps.channels;
  const [smtp, webhook] = await Promise.all([readSmtpConfig(deps.db), readWebhookConfig(deps.db)]);
  const timeout = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    ...(smtpReady(smtp) ? { email: smtpChannel(smtp, timeout) } : {}),
    webhook: webhookChannel(webhook, () => deps.clock.now(), timeout),
  };
}

/**
 * Claims one due row: queued or failed and due, or sending with its lease run out. The condition is
 * re-checked by the update itself, so of two workers only one gets the row.
 */
async function claim(db: Db, id: string, now: Date) {
  return db
    .updateTable('deliveries')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString() }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed', 'sending'])
    .where('next_attempt_at', '<=', now.toISOString())
    .returning(['id', 'channel', 'idempotency_key', 'payload', 'attempts'])
    .executeTakeFirst();
}

export type DeliverOutcome = { sent: number; failed: number; dead: number };

/** N-4: sends what is due, one claimed row at a time. A channel that fails is left alone for the rest of the run. */
export async function deliverDue(deps: ReminderDeps): Promise<DeliverOutcome> {
  const { db, clock } = deps;
  const channels = await channelsFor(deps);
  const out: DeliverOutcome = { sent: 0, failed: 0, dead: 0 };
  const resting = new Set<DeliveryChannel>();
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const live = (['email', 'webhook'] as const).filter((c) => !resting.has(c));
    if (!live.length) break;
    const due = await db
      .selectFrom('deliveries')
      .select(['id', 'channel'])
      .where('status', 'in', ['queued', 'failed', 'sending'])
      .where('next_attempt_at', '<=', clock.now().toISOString())
      .where('channel', 'in', live)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!due.length) break;
    for (const candidate of due) {
      if (resting.has(candidate.channel)) continue;
      const row = await claim(db, candidate.id, clock.now());
      if (!row) continue;
      handled++;
      try {
        const channel = channels[row.channel];
        if (!channel) throw new Error(`${row.channel} channel not configured`);
        await channel.send({ id: row.id, idempotencyKey: row.idempotency_key, payload: JSON.parse(row.payload) });
        await db
          .updateTable('deliveries')
          .set({ status: 'sent', sent_at: clock.now().toISOString(), next_attempt_at: null, last_error: null })
          .where('id', '=', row.id)
          .execute();
        out.sent++;
      } catch (e) {
        resting.add(row.channel);
        const attempts = Number(row.attempts);
        const dead = attempts >= MAX_ATTEMPTS;
        const delay = RETRY_DELAYS_MIN[Math.min(attempts, RETRY_DELAYS_MIN.length) - 1] ?? 1;
        await db
          .updateTable('deliveries')
          .set({
            status: dead ? 'dead' : 'failed',
            next_attempt_at: dead ? null : new Date(clock.now().getTime() + delay * 60_000).toISOString(),
            last_error: failureText(e),
          })
          .where('id', '=', row.id)
          .execute();
        if (dead) out.dead++;
        else out.failed++;
      }
    }
  }
  return out;
}
