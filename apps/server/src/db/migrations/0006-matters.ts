import { sql, type Kysely } from 'kysely';

// M-1, M-2: matters of a client, their team and opposing parties, and fee receipts. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('forum', 'text')
    .addColumn('amount_in_dispute_fen', 'bigint')
    .addColumn('fee_arrangement', 'text')
    .addColumn('agreed_fee_fen', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('engaged_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('retainer_expires_on', 'text')
    .addColumn('lead_lawyer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matters_client_idx').on('matters').columns(['client_id', 'id']).execute();
  await db.schema.createIndex('matters_lead_idx').on('matters').columns(['lead_lawyer_id', 'id']).execute();
  await db.schema.createIndex('matters_status_idx').on('matters').columns(['status', 'id']).execute();

  await db.schema
    .createTable('matter_members')
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_members_pk', ['matter_id', 'user_id'])
    .execute();
  // "clients of matters they are a member of" looks members up by user.
  await db.schema.createIndex('matter_members_user_idx').on('matter_members').columns(['user_id', 'matter_id']).execute();

  await db.schema
    .createTable('matter_opposing_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matter_opposing_parties_name_idx').on('matter_opposing_parties').column('name').execute();
  await db.schema.createIndex('matter_opposing_parties_matter_idx').on('matter_opposing_parties').column('matter_id').execute();

  await db.schema
    .createTable('fees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fees_client_received_idx').on('fees').columns(['client_id', 'received_on']).execute();
  await db.schema.createIndex('fees_matter_idx').on('fees').columns(['matter_id', 'received_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['fees', 'matter_opposing_parties', 'matter_members', 'matters']) {
    await db.schema.dropTable(t).execute();
  }
}
