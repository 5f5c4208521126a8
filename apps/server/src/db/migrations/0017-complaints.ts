import type { Kysely } from 'kysely';

// Q-1..Q-3: complaints and the record of each of their six steps. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('complainant_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('target_matter_id', 'text', (c) => c.references('matters.id').onDelete('set null'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('demands', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('steps_done', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer')
    .addColumn('cause', 'text')
    .addColumn('responsible_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('accepted', 'integer')
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('stage_since', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_client_idx').on('complaints').columns(['client_id', 'received_at']).execute();
  await db.schema.createIndex('complaints_received_idx').on('complaints').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('complaints_stage_idx').on('complaints').columns(['stage', 'received_at']).execute();
  await db.schema.createIndex('complaints_target_idx').on('complaints').columns(['target_user_id']).execute();

  await db.schema
    .createTable('complaint_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    // two step posts seen against the same state cannot both land
    .addUniqueConstraint('complaint_steps_seq_key', ['complaint_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('complaint_steps').execute();
  await db.schema.dropTable('complaints').execute();
}
