import type { Kysely } from 'kysely';

// X-3: export files are deleted after the firm's retention; the export stays listed as expired.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exports').addColumn('expired_at', 'text').execute();
  // housekeeping finds ready exports by age
  await db.schema.createIndex('exports_status_finished_idx').on('exports').columns(['status', 'finished_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('exports_status_finished_idx').execute();
  await db.schema.alterTable('exports').dropColumn('expired_at').execute();
}
