import type { Kysely } from 'kysely';

// M-4 service standards: obligations of a matter (timeline, weekly briefs, adverse-event notices,
// satisfaction survey) and the adverse events themselves. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('adverse_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('adverse_events_matter_idx').on('adverse_events').columns(['matter_id', 'occurred_at']).execute();

  await db.schema
    .createTable('service_obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('breached_at', 'text')
    .addColumn('breach_notified_at', 'text')
    .addColumn('note', 'text')
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_obligations_key_uq', ['matter_id', 'kind', 'key'])
    .execute();
  // the breach job scans open obligations by due time; the firm-wide list pages by due time
  await db.schema.createIndex('service_obligations_due_idx').on('service_obligations').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('service_obligations_breach_idx').on('service_obligations').columns(['breached_at', 'breach_notified_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('service_obligations').execute();
  await db.schema.dropTable('adverse_events').execute();
}
