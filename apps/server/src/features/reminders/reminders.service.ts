import type { Delivery, DeliveryListQuery, DigestPreference, EmailTestResult } from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { Forbidden } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { DEFAULT_TIMEOUT_MS, failureText, smtpChannel, type EmailPayload } from './reminders.channels.js';
import { readSmtpConfig, smtpReady } from './reminders.settings.js';
import { DIGEST_TEXT, escapeHtml } from './reminders.text.js';

/** N-4: the delivery log, newest first. */
export async function listDeliveries(db: Db, query: DeliveryListQuery): Promise<{ items: Delivery[]; nextCursor: string | null; total: number }> {
  let q = db.selectFrom('deliveries as d');
  if (query.status) q = q.where('d.status', '=', query.status);
  if (query.channel) q = q.where('d.channel', '=', query.channel);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select('u.name as user_name')
      .$if(after !== null, (qb) => qb.where('d.id', '<', String(after![0])))
      .orderBy('d.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return {
    items: items.map((r) => {
      const p = JSON.parse(r.payload) as Partial<EmailPayload> & { body?: { text?: unknown } };
      const subject = r.channel === 'email' ? (p.subject ?? null) : typeof p.body?.text === 'string' ? p.body.text.slice(0, 120) : null;
      return {
        id: r.id,
        channel: r.channel,
        userId: r.user_id,
        userName: r.user_name,
        idempotencyKey: r.idempotency_key,
        recipient: r.channel === 'email' ? (p.to ?? null) : null,
        subject,
        status: r.status,
        attempts: Number(r.attempts),
        nextAttemptAt: r.next_attempt_at,
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      };
    }),
    nextCursor,
    total: Number(count.n),
  };
}

export async function getDigestPreference(db: Db, userId: string): Promise<DigestPreference> {
  const [user, pref, smtp] = await Promise.all([
    db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst(),
    db.selectFrom('digest_preferences').select('enabled').where('user_id', '=', userId).executeTakeFirst(),
    readSmtpConfig(db),
  ]);
  if (!user) throw new Forbidden();
  return { enabled: pref ? Number(pref.enabled) === 1 : true, email: user.email, emailConfigured: smtpReady(smtp) };
}

export async function setDigestPreference(deps: { db: Db; clock: Clock }, userId: string, enabled: boolean): Promise<DigestPreference> {
  const row = { user_id: userId, enabled: enabled ? 1 : 0, updated_at: deps.clock.now().toISOString() };
  await deps.db
    .insertInto('digest_preferences')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ enabled: row.enabled, updated_at: row.updated_at }))
    .execute();
  return getDigestPreference(deps.db, userId);
}

/**
 * N-4: sends a test email at once (not through the queue: the admin waits for the answer) and logs
 * it as a delivery, sent or dead, so it is never retried.
 */
export async function sendTestEmail(deps: { db: Db; clock: Clock }, actor: Actor, to: string | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<EmailTestResult> {
  const { db, clock } = deps;
  const smtp = await readSmtpConfig(db);
  const address = to ?? (await db.selectFrom('users').select('email').where('id', '=', actor.id).executeTakeFirstOrThrow()).email;
  const t = DIGEST_TEXT[actor.locale];
  const payload: EmailPayload = { to: address, subject: t.testSubject, text: t.testBody, html: `<p>${escapeHtml(t.testBody)}</p>` };
  const id = newId(clock.now().getTime());
  const key = `test:${id}`;
  let error: string | null = null;
  if (!smtp.host || !smtp.sender) {
    error = actor.locale === 'en-US' ? 'Save the SMTP host and sender first' : '请先保存 SMTP 服务器和发件人';
  } else {
    try {
      await smtpChannel(smtp, timeoutMs).send({ id, idempotencyKey: key, payload });
    } catch (e) {
      error = failureText(e);
    }
  }
  const now = clock.now().toISOString();
  await db
    .insertInto('deliveries')
    .values({
      id,
      channel: 'email',
      user_id: actor.id,
      idempotency_key: key,
      payload: JSON.stringify(payload),
      status: error ? 'dead' : 'sent',
      attempts: 1,
      next_attempt_at: null,
      last_error: error,
      created_at: now,
      sent_at: error ? null : now,
    })
    .execute();
  return { ok: !error, to: address, error, deliveryId: id };
}
