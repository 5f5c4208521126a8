import type { EmailSettings, EmailSettingsUpdate, WebhookSettings, WebhookSettingsUpdate } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { ValidationFailed } from '../../plugins/errors.js';

// N-4: SMTP and webhook settings are firm settings (rows of `settings`), kept apart from the
// PATCH /settings schema so their secrets are never read back through it.
const EMAIL_KEY = 'reminders.email';
const WEBHOOK_KEY = 'reminders.webhook';

/** As stored, secrets included: only the channels read this. */
export type SmtpConfig = { enabled: boolean; host: string; port: number; secure: boolean; user: string; password: string | null; sender: string };
export type WebhookConfig = { enabled: boolean; url: string; secret: string | null };

const EMAIL_DEFAULT: SmtpConfig = { enabled: false, host: '', port: 587, secure: false, user: '', password: null, sender: '' };
const WEBHOOK_DEFAULT: WebhookConfig = { enabled: false, url: '', secret: null };

async function read<T extends object>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(row.value) as Partial<T>) };
  } catch {
    return fallback;
  }
}

async function write(db: Db, clock: Clock, ctx: Ctx, key: string, before: object, after: object, audit: object): Promise<void> {
  const now = clock.now().toISOString();
  const row = { key, value: JSON.stringify(after), updated_by: ctx.actor?.id ?? null, updated_at: now };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: now }))
      .execute();
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'settings', entityId: key, before, after: audit });
  });
}

export const readSmtpConfig = (db: Kysely<Database>) => read(db, EMAIL_KEY, EMAIL_DEFAULT);
export const readWebhookConfig = (db: Kysely<Database>) => read(db, WEBHOOK_KEY, WEBHOOK_DEFAULT);

/** Email is usable once enabled with a host and a sender. */
export const smtpReady = (c: SmtpConfig) => c.enabled && !!c.host && !!c.sender;
export const webhookReady = (c: WebhookConfig) => c.enabled && !!c.url && !!c.secret;

const publicEmail = ({ password, ...rest }: SmtpConfig): EmailSettings => ({ ...rest, passwordSet: !!password });
const publicWebhook = ({ secret, ...rest }: WebhookConfig): WebhookSettings => ({ ...rest, secretSet: !!secret });

export async function getEmailSettings(db: Db): Promise<EmailSettings> {
  return publicEmail(await readSmtpConfig(db));
}

export async function updateEmailSettings(deps: { db: Db; clock: Clock }, ctx: Ctx, input: EmailSettingsUpdate): Promise<EmailSettings> {
  const before = await readSmtpConfig(deps.db);
  const { password, ...rest } = input;
  const next: SmtpConfig = { ...rest, password: password === undefined ? before.password : password || null };
  // passwords stay out of the audit trail: only whether one changed
  await write(deps.db, deps.clock, ctx, EMAIL_KEY, publicEmail(before), next, { ...publicEmail(next), passwordChanged: password !== undefined });
  return publicEmail(next);
}

export async function getWebhookSettings(db: Db): Promise<WebhookSettings> {
  return publicWebhook(await readWebhookConfig(db));
}

export async function updateWebhookSettings(deps: { db: Db; clock: Clock }, ctx: Ctx, input: WebhookSettingsUpdate): Promise<WebhookSettings> {
  const before = await readWebhookConfig(deps.db);
  const next: WebhookConfig = { enabled: input.enabled, url: input.url, secret: input.secret ?? before.secret };
  if (next.enabled) {
    const missing = [
      ...(next.url ? [] : [{ field: 'url', message: ctx.actor?.locale === 'en-US' ? 'Required when enabled' : '启用时必须填写' }]),
      ...(next.secret ? [] : [{ field: 'secret', message: ctx.actor?.locale === 'en-US' ? 'Required when enabled' : '启用时必须填写' }]),
    ];
    if (missing.length) throw new ValidationFailed(missing);
  }
  await write(deps.db, deps.clock, ctx, WEBHOOK_KEY, publicWebhook(before), next, { ...publicWebhook(next), secretChanged: input.secret !== undefined });
  return publicWebhook(next);
}
