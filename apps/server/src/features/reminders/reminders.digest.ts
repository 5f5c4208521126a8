import type { Locale } from '@retainer/shared';
import { firmDay } from '../../plugins/clock.js';
import type { Db } from '../../plugins/db.js';
import type { EmailPayload } from './reminders.channels.js';
import { enqueue, type ReminderDeps } from './reminders.outbox.js';
import { readSmtpConfig, smtpReady } from './reminders.settings.js';
import { feedLabels, occasionLabel } from '../calendar-feed/calendar-feed.labels.js';
import { DIGEST_TEXT, escapeHtml, notificationText } from './reminders.text.js';

export type DigestUser = { id: string; name: string; email: string; locale: Locale };
export type DigestContext = { db: Db; user: DigestUser; today: string; timeZone: string };
/** One part of a digest: a heading and its lines; null or no lines leaves it out. */
export type DigestSection = { title: string; lines: string[]; more: number };
export type DigestSectionFn = (ctx: DigestContext) => Promise<DigestSection | null>;

const SHOWN = 20;

async function unreadNotifications({ db, user }: DigestContext): Promise<DigestSection | null> {
  const [rows, count] = await Promise.all([
    db.selectFrom('notifications').select(['kind', 'data']).where('user_id', '=', user.id).where('read_at', 'is', null).orderBy('id', 'desc').limit(SHOWN).execute(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  if (!n) return null;
  const lines = rows.map((r) => notificationText(user.locale, r.kind, JSON.parse(r.data) as Record<string, unknown>));
  return { title: DIGEST_TEXT[user.locale].unread(n), lines, more: n - lines.length };
}

async function dueTasks({ db, user, today }: DigestContext): Promise<DigestSection | null> {
  const q = db.selectFrom('tasks as t').where('t.assignee_id', '=', user.id).where('t.status', '=', 'open').where('t.due_on', '<=', today);
  const [rows, count] = await Promise.all([
    q.innerJoin('clients as c', 'c.id', 't.client_id').select(['t.title', 't.due_on', 'c.name as client_name']).orderBy('t.due_on').orderBy('t.id').limit(SHOWN).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  if (!n) return null;
  const t = DIGEST_TEXT[user.locale];
  const lines = rows.map((r) => `${r.due_on < today ? `[${t.overdue}] ` : ''}${r.title}${user.locale === 'en-US' ? ` (${r.client_name})` : `（${r.client_name}）`} · ${t.due(r.due_on)}`);
  return { title: t.tasks(n), lines, more: n - lines.length };
}

/** P-8/P-10: the user's touchpoints due today or overdue (care programme). */
async function dueTouchpoints({ db, user, today }: DigestContext): Promise<DigestSection | null> {
  const q = db.selectFrom('touchpoints as t').where('t.assignee_id', '=', user.id).where('t.status', '=', 'open').where('t.due_on', '<=', today);
  const [rows, count] = await Promise.all([
    q.innerJoin('clients as c', 'c.id', 't.client_id').select(['t.kind', 't.occasion', 't.due_on', 'c.name as client_name']).orderBy('t.due_on').orderBy('t.id').limit(SHOWN).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  if (!n) return null;
  const t = DIGEST_TEXT[user.locale];
  const l = feedLabels(user.locale);
  const lines = rows.map((r) => {
    const what = `${l.touchpoint[r.kind]}${r.occasion ? ` · ${occasionLabel(r.occasion, l)}` : ''}`;
    return `${r.due_on < today ? `[${t.overdue}] ` : ''}${l.of(what, r.client_name)} · ${t.due(r.due_on)}`;
  });
  return { title: t.touchpoints(n), lines, more: n - lines.length };
}

/** P-10: what a digest is made of, in order; a user whose sections are all empty gets no email. */
export const DIGEST_SECTIONS: DigestSectionFn[] = [dueTouchpoints, unreadNotifications, dueTasks];

export function renderDigest(user: DigestUser, today: string, sections: DigestSection[]): Omit<EmailPayload, 'to'> {
  const t = DIGEST_TEXT[user.locale];
  const textParts = [t.greeting(user.name), t.intro, ''];
  const htmlParts = [`<p>${escapeHtml(t.greeting(user.name))}</p>`, `<p>${escapeHtml(t.intro)}</p>`];
  for (const s of sections) {
    const lines = [...s.lines, ...(s.more > 0 ? [t.more(s.more)] : [])];
    textParts.push(`■ ${s.title}`, ...lines.map((l) => `  - ${l}`), '');
    htmlParts.push(`<h3 style="margin:16px 0 4px">${escapeHtml(s.title)}</h3>`, `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  }
  textParts.push(t.footer);
  htmlParts.push(`<p style="color:#888;font-size:12px">${escapeHtml(t.footer)}</p>`);
  return { subject: t.subject(today), text: textParts.join('\n'), html: `<div style="font-family:sans-serif">${htmlParts.join('')}</div>` };
}

export async function buildDigest(ctx: DigestContext): Promise<EmailPayload | null> {
  const sections: DigestSection[] = [];
  for (const fn of DIGEST_SECTIONS) {
    const s = await fn(ctx);
    if (s && (s.lines.length || s.more > 0)) sections.push(s);
  }
  if (!sections.length) return null;
  return { to: ctx.user.email, ...renderDigest(ctx.user, ctx.today, sections) };
}

export const digestKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/** P-10: one digest per user and firm day (the idempotency key), only while email is set up. */
export async function enqueueDailyDigests(deps: ReminderDeps): Promise<number> {
  const { db, clock, config } = deps;
  if (!smtpReady(await readSmtpConfig(db))) return 0;
  const today = firmDay(clock.now(), config.firmTimeZone);
  const users = await db
    .selectFrom('users as u')
    .leftJoin('digest_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('u.active', '=', 1)
    .where((eb) => eb.or([eb('p.enabled', 'is', null), eb('p.enabled', '=', 1)]))
    .orderBy('u.id')
    .execute();
  const done = new Set(
    (await db.selectFrom('deliveries').select('idempotency_key').where('idempotency_key', 'like', `digest:%:${today}`).execute()).map(
      (r) => r.idempotency_key,
    ),
  );
  let queued = 0;
  for (const user of users) {
    const key = digestKey(user.id, today);
    if (done.has(key) || !user.email) continue;
    const payload = await buildDigest({ db, user, today, timeZone: config.firmTimeZone });
    if (payload && (await enqueue(db, clock, { channel: 'email', userId: user.id, key, payload }))) queued++;
  }
  return queued;
}
