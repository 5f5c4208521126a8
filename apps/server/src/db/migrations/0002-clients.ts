import type { Kysely } from 'kysely';

// Issue: client database (C-1..C-11, K-1, K-5, X-1..X-4). Written once for both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status_reason', 'text')
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('grade_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade_reason', 'text')
    .addColumn('tier', 'text')
    .addColumn('industry', 'text')
    .addColumn('region', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('source', 'text')
    .addColumn('referrer_client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('referrer_name', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('manager_id', 'text', (c) => c.references('users.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('hourly_rate_fen', 'bigint')
    .addColumn('potential_needs', 'text')
    .addColumn('potential_resources', 'text')
    .addColumn('notes', 'text')
    .addColumn('gender', 'text')
    .addColumn('birthday_calendar', 'text')
    .addColumn('birthday_year', 'integer')
    .addColumn('birthday_month', 'integer')
    .addColumn('birthday_day', 'integer')
    .addColumn('birthday_leap', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('id_number', 'text')
    .addColumn('family_situation', 'text')
    .addColumn('income_bracket', 'text')
    .addColumn('employer', 'text')
    .addColumn('job_title', 'text')
    .addColumn('hobbies', 'text')
    .addColumn('wechat', 'text')
    .addColumn('uscc', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('registered_capital_fen', 'bigint')
    .addColumn('employee_scale', 'text')
    .addColumn('revenue_bracket', 'text')
    .addColumn('founded_on', 'text')
    .addColumn('customer_groups', 'text')
    .addColumn('business_partners', 'text')
    .addColumn('website', 'text')
    .addColumn('last_contact_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Visibility paths and the common filters, each with id for keyset pages.
  await db.schema.createIndex('clients_owner_idx').on('clients').columns(['owner_id', 'id']).execute();
  await db.schema.createIndex('clients_manager_idx').on('clients').columns(['manager_id', 'id']).execute();
  await db.schema.createIndex('clients_team_idx').on('clients').columns(['team_id', 'id']).execute();
  await db.schema.createIndex('clients_status_idx').on('clients').columns(['status', 'id']).execute();
  await db.schema.createIndex('clients_name_idx').on('clients').columns(['name', 'id']).execute();
  await db.schema.createIndex('clients_uscc_idx').on('clients').column('uscc').execute();
  await db.schema.createIndex('clients_id_number_idx').on('clients').column('id_number').execute();

  await db.schema
    .createTable('client_tags')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_tags_pk', ['client_id', 'tag'])
    .execute();
  await db.schema.createIndex('client_tags_tag_idx').on('client_tags').columns(['tag', 'client_id']).execute();

  await db.schema
    .createTable('client_search')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('gram', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_search_pk', ['gram', 'client_id'])
    .execute();
  await db.schema.createIndex('client_search_client_idx').on('client_search').column('client_id').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('title', 'text')
    .addColumn('decision_role', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('wechat', 'text')
    .addColumn('birthday_calendar', 'text')
    .addColumn('birthday_year', 'integer')
    .addColumn('birthday_month', 'integer')
    .addColumn('birthday_day', 'integer')
    .addColumn('birthday_leap', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hobbies', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_client_idx').on('contacts').columns(['client_id', 'id']).execute();

  await db.schema
    .createTable('personnel_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personnel_changes_client_idx').on('personnel_changes').columns(['client_id', 'changed_at']).execute();

  await db.schema
    .createTable('important_dates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('leap_month', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('year', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('important_dates_client_idx').on('important_dates').column('client_id').execute();

  await db.schema
    .createTable('client_relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('to_client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('client_relationships_unique', ['from_client_id', 'to_client_id', 'kind'])
    .execute();
  await db.schema.createIndex('client_relationships_to_idx').on('client_relationships').column('to_client_id').execute();

  await db.schema
    .createTable('timeline_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timeline_events_client_idx').on('timeline_events').columns(['client_id', 'at', 'id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_name_unique', ['user_id', 'scope', 'name'])
    .execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('access_log_client_idx').on('access_log').columns(['client_id', 'at']).execute();
  await db.schema.createIndex('access_log_user_day_idx').on('access_log').columns(['user_id', 'day', 'client_id']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('file_path', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('conflict_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('hit_count', 'integer', (c) => c.notNull())
    .addColumn('hits', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'conflict_checks', 'exports', 'imports', 'access_log', 'saved_views', 'settings', 'notifications', 'timeline_events',
    'client_relationships', 'important_dates', 'personnel_changes', 'contacts', 'client_search', 'client_tags', 'clients',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
