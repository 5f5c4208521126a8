import type { Kysely } from 'kysely';

// C-9: the client list's default order (-updatedAt) and the created-at order walk an index,
// so a page (and a search whose grams are all common) reads only the rows it returns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('clients_updated_idx').on('clients').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('clients_created_idx').on('clients').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clients_created_idx').execute();
  await db.schema.dropIndex('clients_updated_idx').execute();
}
