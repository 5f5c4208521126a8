import { createHmac } from 'node:crypto';
import type { DeliveryChannel } from '@retainer/shared';
import nodemailer from 'nodemailer';
import type { SmtpConfig, WebhookConfig } from './reminders.settings.js';

export type EmailPayload = { to: string; subject: string; text: string; html: string };
export type WebhookPayload = { body: Record<string, unknown> };

/** What a channel is given: the row's id and idempotency key, and its stored payload. */
export type OutgoingDelivery = { id: string; idempotencyKey: string; payload: unknown };

/** P-10: a way out. send() resolves once the far side has accepted the message, and throws otherwise. */
export interface Channel {
  readonly kind: DeliveryChannel;
  send(delivery: OutgoingDelivery): Promise<void>;
}

/** A hanging server fails the attempt in this time (connection, greeting and each socket read). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export function smtpChannel(config: SmtpConfig, timeoutMs = DEFAULT_TIMEOUT_MS): Channel {
  return {
    kind: 'email',
    async send(delivery) {
      const p = delivery.payload as EmailPayload;
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        dnsTimeout: timeoutMs,
      });
      try {
        // Message-ID from the idempotency key: a receiving server or client can spot a resend.
        const domain = config.sender.split('@')[1] ?? 'retainer.local';
        const messageId = `<${delivery.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
        const info = (await transport.sendMail({ from: config.sender, to: p.to, subject: p.subject, text: p.text, html: p.html, messageId })) as {
          rejected?: unknown[];
        };
        if (info.rejected?.length) throw new Error(`recipient rejected: ${p.to}`);
      } finally {
        transport.close();
      }
    },
  };
}

/** An attempt's error for the delivery log: nodemailer's code (ETIMEDOUT, EENVELOPE, …) and message. */
export function failureText(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, 500);
  const code = (e as { code?: unknown }).code;
  return (typeof code === 'string' && !e.message.includes(code) ? `${code}: ${e.message}` : e.message).slice(0, 500);
}

/** Hex HMAC-SHA256 of `<timestamp>.<body>` with the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * P-10: POST JSON, signed: X-Retainer-Timestamp (unix seconds) and X-Retainer-Signature
 * `sha256=<hex>` over `<timestamp>.<raw body>`. A non-2xx answer or a timeout fails the attempt.
 */
export function webhookChannel(config: WebhookConfig, now: () => Date, timeoutMs = DEFAULT_TIMEOUT_MS): Channel {
  return {
    kind: 'webhook',
    async send(delivery) {
      if (!config.url || !config.secret) throw new Error('webhook not configured');
      const body = JSON.stringify((delivery.payload as WebhookPayload).body);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-retainer-timestamp': timestamp,
          'x-retainer-signature': `sha256=${webhookSignature(config.secret, timestamp, body)}`,
          'x-retainer-delivery': delivery.id,
          'idempotency-key': delivery.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  };
}
