import type { Locale } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { WebhookPayload } from './reminders.channels.js';
import { enqueue } from './reminders.outbox.js';
import { readWebhookConfig, webhookReady } from './reminders.settings.js';
import { notificationText } from './reminders.text.js';

type NewNotification = { id: string; user_id: string; kind: string; data: string; link: string | null; created_at: string };

/**
 * P-10: while the webhook is on, each new in-app notification is also queued for it, inside the
 * transaction that creates the notification: both commit or neither, so none is lost or sent twice.
 */
export async function forwardToWebhook(trx: Kysely<Database>, clock: Clock, rows: NewNotification[]): Promise<void> {
  if (!rows.length || !webhookReady(await readWebhookConfig(trx))) return;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name', 'locale'])
    .where('id', 'in', [...new Set(rows.map((r) => r.user_id))])
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const r of rows) {
    const user = byId.get(r.user_id);
    const locale: Locale = user?.locale ?? 'zh-CN';
    const data = JSON.parse(r.data) as Record<string, unknown>;
    const payload: WebhookPayload = {
      body: {
        event: 'notification.created',
        id: r.id,
        kind: r.kind,
        text: notificationText(locale, r.kind, data),
        link: r.link,
        createdAt: r.created_at,
        user: { id: r.user_id, name: user?.name ?? null },
        data,
      },
    };
    await enqueue(trx, clock, { channel: 'webhook', userId: r.user_id, key: `webhook:notification:${r.id}`, payload });
  }
}
