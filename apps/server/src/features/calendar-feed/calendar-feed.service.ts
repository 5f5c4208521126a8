import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeed } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { NotFound } from '../../plugins/errors.js';
import { memberClientIds } from '../clients/clients.visibility.js';

type Db = Kysely<Database>;

/** The feed's path on this server; the web app puts its own origin in front. */
export const feedPath = (token: string) => `/api/v1/calendar-feed/${token}.ics`;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
// 32 random bytes: unguessable, and URL-safe as base64url (43 characters).
const newToken = () => randomBytes(32).toString('base64url');

/**
 * P-9: the caller's feed, created on the first read. Only the token's hash is kept, so the URL is
 * answered when it is made (here or by a rotation) and null on later reads.
 */
export async function readOrCreateFeed(db: Db, clock: Clock, userId: string): Promise<CalendarFeed> {
  const now = clock.now().toISOString();
  const token = newToken();
  // two first reads at once: one insert wins, the other answers like a later read
  const inserted = await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: digest(token), created_at: now, rotated_at: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  const row = await db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  return { url: created ? feedPath(token) : null, createdAt: row.created_at, rotatedAt: row.rotated_at };
}

/** P-9: a new token; the old URL answers 404 from now on. */
export async function rotateFeed(db: Db, clock: Clock, userId: string): Promise<CalendarFeed> {
  const now = clock.now().toISOString();
  const token = newToken();
  const row = await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: digest(token), created_at: now, rotated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: digest(token), rotated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { url: feedPath(token), createdAt: row.created_at, rotatedAt: row.rotated_at };
}

/**
 * The feed's owner as an actor with their own visibility. An unknown or replaced token, or
 * a deactivated user, is 404: nothing tells them apart.
 */
export async function feedOwner(db: Db, token: string): Promise<Actor> {
  const u = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.team_id', 'users.locale'])
    .where('calendar_feeds.token_hash', '=', digest(token))
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!u) throw new NotFound();
  const actor: Actor = { id: u.id, name: u.name, role: u.role, teamId: u.team_id, locale: u.locale };
  actor.memberClientIds = await memberClientIds(db, actor);
  return actor;
}
