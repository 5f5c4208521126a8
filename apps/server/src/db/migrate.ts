import { Migrator, PostgresIntrospector, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../plugins/db.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-clients.js';
import * as m0003 from './migrations/0003-client-sort-indexes.js';
import * as m0004 from './migrations/0004-export-expiry.js';
import * as m0005 from './migrations/0005-working-days.js';
import * as m0006 from './migrations/0006-matters.js';
import * as m0007 from './migrations/0007-interactions.js';
import * as m0008 from './migrations/0008-matter-process.js';
import * as m0009 from './migrations/0009-service-standards.js';
import * as m0010 from './migrations/0010-classification.js';
import * as m0011 from './migrations/0011-job-runs.js';
import * as m0012 from './migrations/0012-care-programme.js';
import * as m0013 from './migrations/0013-reminders.js';
import * as m0014 from './migrations/0014-calendar-feeds.js';
import * as m0015 from './migrations/0015-requests.js';
import * as m0016 from './migrations/0016-surveys.js';
import * as m0017 from './migrations/0017-complaints.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-clients': m0002,
  '0003-client-sort-indexes': m0003,
  '0004-export-expiry': m0004,
  '0005-working-days': m0005,
  '0006-matters': m0006,
  '0007-interactions': m0007,
  '0008-matter-process': m0008,
  '0009-service-standards': m0009,
  '0010-classification': m0010,
  '0011-job-runs': m0011,
  '0012-care-programme': m0012,
  '0013-reminders': m0013,
  '0014-calendar-feeds': m0014,
  '0015-requests': m0015,
  '0016-surveys': m0016,
  '0017-complaints': m0017,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Kysely looks for its migration tables in every schema unless told which one; another
 * schema's tables in the same PostgreSQL database would then be taken for ours.
 */
async function migrationTableSchema(db: Db): Promise<string | undefined> {
  if (!(db.introspection instanceof PostgresIntrospector)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/** Brings the schema up to date; throws (never exits 0) when a migration fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: await migrationTableSchema(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
