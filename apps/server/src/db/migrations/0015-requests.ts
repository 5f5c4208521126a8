import type { Kysely } from 'kysely';

// S-1..S-4: client service requests with their two SLA targets (first reply, first opinion) and the
// commitments told to clients. Instants are UTC ISO text on both dialects, so they compare as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('sla_mode', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text');
  for (const p of ['reply', 'opinion']) {
    t = t
      .addColumn(`${p}_minutes`, 'integer', (c) => c.notNull())
      .addColumn(`${p}_base_due_at`, 'text', (c) => c.notNull())
      .addColumn(`${p}_due_at`, 'text', (c) => c.notNull())
      .addColumn(`${p}_warn_at`, 'text', (c) => c.notNull())
      .addColumn(`${p}_done_at`, 'text')
      .addColumn(`${p}_note`, 'text')
      .addColumn(`${p}_late`, 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn(`${p}_warned_at`, 'text')
      .addColumn(`${p}_breach_flagged_at`, 'text');
  }
  await t
    .addColumn('closed_at', 'text')
    .addColumn('close_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_client_idx').on('requests').columns(['client_id', 'received_at']).execute();
  await db.schema.createIndex('requests_assignee_idx').on('requests').columns(['assignee_id', 'status', 'next_due_at']).execute();
  await db.schema.createIndex('requests_received_idx').on('requests').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('requests_open_due_idx').on('requests').columns(['status', 'next_due_at']).execute();

  await db.schema
    .createTable('request_commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('told_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_commitments_request_idx').on('request_commitments').columns(['request_id', 'target']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_commitments').execute();
  await db.schema.dropTable('requests').execute();
}
