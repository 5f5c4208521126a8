import type { Kysely } from 'kysely';

// I-1 interactions with their people, follow-up tasks (generic, reused by later features),
// I-3 needs archive, and I-2 cadence flags (one notification per person and month). Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('matter_id', 'text', (c) => c.references('matters.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('needs_discovered', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_client_idx').on('interactions').columns(['client_id', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_author_idx').on('interactions').columns(['created_by', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_matter_idx').on('interactions').column('matter_id').execute();

  await db.schema
    .createTable('interaction_participants')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('interaction_participants_pk', ['interaction_id', 'user_id'])
    .execute();
  // "my interactions" and the cadence counts look participants up by user
  await db.schema.createIndex('interaction_participants_user_idx').on('interaction_participants').columns(['user_id', 'interaction_id']).execute();

  await db.schema
    .createTable('interaction_contacts')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_contacts_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_contacts_contact_idx').on('interaction_contacts').column('contact_id').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('tasks_client_idx').on('tasks').columns(['client_id', 'status']).execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_client_idx').on('needs').columns(['client_id', 'status']).execute();

  await db.schema
    .createTable('cadence_flags')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cadence_flags_pk', ['month', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['cadence_flags', 'needs', 'tasks', 'interaction_contacts', 'interaction_participants', 'interactions']) {
    await db.schema.dropTable(t).execute();
  }
}
