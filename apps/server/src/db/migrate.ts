import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../plugins/db.js';
import * as m0001 from './migrations/0001-foundation.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws (never exits 0) when a migration fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
