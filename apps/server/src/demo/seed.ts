import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { bulkInsert, isPostgres } from '../db/bulk-insert.js';
import type { Database } from '../db/schema.js';
import type { Db } from '../plugins/db.js';
import { hashPassword } from '../features/auth/passwords.js';
import { gramsOf } from '../features/clients/clients.search.js';
import { generateDemo, type DemoActivityBatch } from './activity.js';
import type { DemoClientBatch } from './clients.js';
import { DEMO_ACCOUNTS, DEMO_SEED, generateFirm, type Scale } from './firm.js';
import { seedTouchpoints } from './touchpoints.js';
import { seedComplaints } from './complaints.js';
import { seedRequests } from './requests.js';
import { seedSurveys } from './surveys.js';

/** Bind variables per statement: under SQLite's 32,766 (and PostgreSQL's 65,535). */
const MAX_PARAMS = 32_000;
const GRAM_ROWS = 20_000;

/** Multi-row inserts as large as the parameter limit allows for rows of that width. */
async function insertBatches<T extends object>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per) await insert(rows.length <= per ? rows : rows.slice(i, i + per));
}

async function insertGrams(trx: Kysely<Database>, postgres: boolean, ids: string[], grams: string[]) {
  if (!postgres) {
    return void (await bulkInsert(trx, 'client_search', ids.map((id, k) => ({ client_id: id, gram: grams[k]! }))));
  }
  for (let i = 0; i < ids.length; i += GRAM_ROWS) {
    const a = ids.slice(i, i + GRAM_ROWS);
    const b = grams.slice(i, i + GRAM_ROWS);
    await sql`insert into client_search (client_id, gram) select * from unnest(${a}::text[], ${b}::text[])`.execute(trx);
  }
}

/** One batch of demo clients and everything hanging off them, parents first. */
async function insertClientBatch(trx: Kysely<Database>, postgres: boolean, b: DemoClientBatch): Promise<number> {
  await bulkInsert(trx, 'clients', b.clients);
  await bulkInsert(trx, 'client_tags', b.tags);
  await bulkInsert(trx, 'contacts', b.contacts);
  await bulkInsert(trx, 'personnel_changes', b.personnelChanges);
  await bulkInsert(trx, 'important_dates', b.importantDates);
  await bulkInsert(trx, 'client_relationships', b.relationships);
  await bulkInsert(trx, 'timeline_events', b.timeline);
  // C-9: the same grams reindexClient writes, from the search text built the same way.
  const ids: string[] = [];
  const grams: string[] = [];
  for (const c of b.clients) {
    for (const gram of gramsOf(c.search_text)) {
      ids.push(c.id);
      grams.push(gram);
    }
  }
  await insertGrams(trx, postgres, ids, grams);
  return grams.length;
}

/** The clients' history, parents first. */
async function insertActivity(trx: Kysely<Database>, a: DemoActivityBatch): Promise<void> {
  await bulkInsert(trx, 'matters', a.matters);
  await bulkInsert(trx, 'matter_members', a.members);
  await bulkInsert(trx, 'matter_opposing_parties', a.parties);
  await bulkInsert(trx, 'fees', a.fees);
  await bulkInsert(trx, 'interactions', a.interactions);
  await bulkInsert(trx, 'interaction_participants', a.participants);
  await bulkInsert(trx, 'interaction_contacts', a.interactionContacts);
  await bulkInsert(trx, 'tasks', a.tasks);
  await bulkInsert(trx, 'needs', a.needs);
  await bulkInsert(trx, 'matter_checklist_steps', a.checklistSteps);
  // after the tasks: a survey obligation points at its task
  await bulkInsert(trx, 'service_obligations', a.obligations);
  await bulkInsert(trx, 'timeline_events', a.timeline);
}

/** The tables seedDemo fills, for ANALYZE after a bulk load. */
const SEEDED_TABLES = [
  'teams', 'users', 'clients', 'client_tags', 'client_search', 'contacts', 'personnel_changes', 'important_dates',
  'client_relationships', 'timeline_events', 'matters', 'matter_members', 'matter_opposing_parties', 'fees', 'interactions',
  'interaction_participants', 'interaction_contacts', 'tasks', 'needs', 'matter_checklist_steps', 'service_obligations',
] as const;

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/** SQLite's default 2 MB page cache turns each index insert of a large load into a read from the OS. */
async function withLoadCache<T>(db: Db, postgres: boolean, load: () => Promise<T>): Promise<T> {
  if (postgres) return load();
  const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]!.cache_size;
  await sql`pragma cache_size = -262144`.execute(db);
  try {
    return await load();
  } finally {
    await sql.raw(`pragma cache_size = ${Number(before)}`).execute(db);
  }
}

type IndexDef = { name: string; sql: string };

/**
 * The seeded tables' secondary indexes (not those behind a primary key or constraint), to be dropped
 * before a bulk load and built once after it: maintaining them row by row makes a large load slow
 * down as they outgrow the cache (PERFORMANCE.md: 2M rows 12.4 s with indexes, 2.3 s without).
 */
async function secondaryIndexes(trx: Kysely<Database>, postgres: boolean): Promise<IndexDef[]> {
  const tables = [...SEEDED_TABLES];
  if (postgres) {
    return (
      await sql<IndexDef>`select i.relname as name, pg_get_indexdef(x.indexrelid) as sql
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and t.relname in (${sql.join(tables)})
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
        order by i.relname`.execute(trx)
    ).rows;
  }
  return (
    await sql<IndexDef>`select name, sql from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)}) order by name`.execute(trx)
  ).rows;
}

/** Runs a bulk load with the secondary indexes dropped, then rebuilds them, all in the caller's transaction. */
async function withoutSecondaryIndexes<T>(trx: Kysely<Database>, postgres: boolean, load: () => Promise<T>): Promise<T> {
  const indexes = await secondaryIndexes(trx, postgres);
  for (const ix of indexes) await sql`drop index ${sql.id(ix.name)}`.execute(trx);
  const result = await load();
  if (postgres) await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
  for (const ix of indexes) await sql.raw(ix.sql).execute(trx);
  return result;
}

/** A strong, readable one-time demo password. */
export function generatePassword(): string {
  return `Rt-${randomBytes(9).toString('base64url')}`;
}

/**
 * Z-5: loads the demo firm and its clients in one transaction. Every demo user shares one password
 * (hashed once: argon2id per user would take minutes at the large scale).
 */
export async function seedDemo(
  db: Db,
  scale: Scale,
  password: string,
  options: { seed?: number; onProgress?: (counts: { clients: number; interactions: number }) => void } = {},
) {
  const seed = options.seed ?? DEMO_SEED;
  const firm = generateFirm(scale, seed);
  const passwordHash = await hashPassword(password);
  const counts = {
    clients: 0, contacts: 0, grams: 0, matters: 0, fees: 0, interactions: 0, needs: 0, tasks: 0, timeline: 0, checklistSteps: 0, obligations: 0,
  };
  const postgres = isPostgres(db);
  await withLoadCache(db, postgres, () => db.transaction().execute(async (trx) => {
    await insertBatches(firm.teams, (b) => trx.insertInto('teams').values(b).execute());
    const users = firm.users.map((u) => ({ ...u, password_hash: passwordHash }));
    await insertBatches(users, (b) => trx.insertInto('users').values(b).execute());
    await withoutSecondaryIndexes(trx, postgres, async () => {
      for (const { clients: batch, activity } of generateDemo(firm, scale, { seed })) {
        counts.grams += await insertClientBatch(trx, postgres, batch);
        await insertActivity(trx, activity);
        counts.clients += batch.clients.length;
        counts.contacts += batch.contacts.length;
        counts.matters += activity.matters.length;
        counts.fees += activity.fees.length;
        counts.interactions += activity.interactions.length;
        counts.needs += activity.needs.length;
        counts.tasks += activity.tasks.length;
        counts.checklistSteps += activity.checklistSteps.length;
        counts.obligations += activity.obligations.length;
        counts.timeline += batch.timeline.length + activity.timeline.length;
        options.onProgress?.(counts);
      }
    });
    await trx.insertInto('meta').values({ key: 'demo_scale', value: scale }).execute();
  }));
  await analyze(db, postgres, SEEDED_TABLES);
  // Issue 6 item 10: a year of touchpoints in mixed states, planned by the product's generator
  // (which reads the loaded tables, so after their statistics) and analyzed in turn.
  const care = await withLoadCache(db, postgres, () => seedTouchpoints(db));
  await analyze(db, postgres, ['touchpoints']);
  const touchpoints = care.planned.reduce((n, p) => n + p.created, 0);
  // Issue 7: complaints through their six steps, with their timeline events
  const complaints = await seedComplaints(db, seed);
  counts.timeline += complaints.timeline;
  // Issue 7: service requests in mixed SLA states, some open near breach for the demo accounts
  const requests = await seedRequests(db, seed);
  counts.timeline += requests.timeline;
  // Issue 7: surveys after closed matters and on return visits, their responses, loop tasks and needs
  const surveys = await seedSurveys(db, seed);
  counts.timeline += surveys.timeline;
  counts.tasks += surveys.tasks;
  counts.needs += surveys.needs;
  await analyze(db, postgres, ['surveys', 'survey_responses']);
  return {
    teams: firm.teams.length, users: firm.users.length, ...counts, touchpoints,
    touchpointStates: { done: care.done, late: care.late, skipped: care.skipped, overdue: care.overdue },
    complaints,
    requests,
    surveys,
    accounts: DEMO_ACCOUNTS,
  };
}

/** Fresh statistics, or the planner guesses from empty tables (PERFORMANCE.md). */
async function analyze(db: Db, postgres: boolean, tables: readonly (keyof Database)[]) {
  if (postgres) await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  else {
    // sampled statistics: a full ANALYZE reads every index of a multi-gigabyte file
    await sql`pragma analysis_limit = 1000`.execute(db);
    for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(db);
  }
}

/** Removes every business row, children first; only behind an explicit --reset. */
export async function wipe(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // firm data kept across a reset forgets who last edited it (the users go)
    await trx.updateTable('calendar_years').set({ updated_by: null }).execute();
    await trx.updateTable('checklist_templates').set({ updated_by: null }).execute();
    await trx.updateTable('programme_rules').set({ updated_by: null }).execute();
    await trx.updateTable('survey_templates').set({ updated_by: null }).execute();
    await trx.updateTable('survey_template_versions').set({ created_by: null }).execute();
    for (const t of [
      'deliveries', 'digest_preferences', 'calendar_feeds', 'job_runs',
      'conflict_checks', 'exports', 'imports', 'access_log', 'saved_views', 'settings', 'notifications', 'touchpoints',
      'complaint_steps', 'complaints',
      'request_commitments', 'requests',
      'improvement_items', 'survey_responses', 'surveys',
      // checklist templates and the holiday calendar are firm data from the migrations: kept
      'matter_renewals', 'matter_key_dates', 'matter_checklist_steps', 'service_obligations', 'adverse_events', 'classification_changes',
      'tasks', 'needs', 'interaction_contacts', 'interaction_participants', 'interactions', 'cadence_flags', 'fees',
      'matter_opposing_parties', 'matter_members', 'matters', 'timeline_events', 'client_relationships', 'important_dates', 'personnel_changes', 'contacts',
      'client_search', 'client_tags', 'clients', 'audit_events', 'sessions', 'login_throttle', 'users', 'teams', 'meta',
    ] as const) {
      await trx.deleteFrom(t).execute();
    }
  });
}
