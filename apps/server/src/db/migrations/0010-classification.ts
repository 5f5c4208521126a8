import type { Kysely } from 'kysely';

// K-2..K-6: RFM scores, quadrant, manual tier and the classification history. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('r_score', 'integer').execute();
  await db.schema.alterTable('clients').addColumn('f_score', 'integer').execute();
  await db.schema.alterTable('clients').addColumn('m_score', 'integer').execute();
  await db.schema.alterTable('clients').addColumn('quadrant', 'text').execute();
  await db.schema.alterTable('clients').addColumn('tier_manual', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('clients').addColumn('tier_reason', 'text').execute();
  await db.schema.alterTable('clients').addColumn('classified_at', 'text').execute();

  await db.schema
    .createTable('classification_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old', 'text')
    .addColumn('new', 'text')
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classification_changes_client_idx').on('classification_changes').columns(['client_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('classification_changes').execute();
  for (const c of ['classified_at', 'tier_reason', 'tier_manual', 'quadrant', 'm_score', 'f_score', 'r_score']) {
    await db.schema.alterTable('clients').dropColumn(c).execute();
  }
}
