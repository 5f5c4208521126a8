import type { Kysely } from 'kysely';
import type { SurveyTemplatesTable, SurveyTemplateVersionsTable } from '../../features/surveys/surveys.table.js';
import { SHIPPED_TEMPLATES, SHIPPED_TEMPLATES_AT } from '../../features/surveys/template-defaults.data.js';

// V-1..V-4: survey templates (seeded with the two shipped questionnaires), surveys sent by personal
// link, their responses and improvement items. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  const rows: SurveyTemplatesTable[] = SHIPPED_TEMPLATES.map((t) => ({
    id: t.id,
    kind: t.kind,
    name: t.name,
    intro: t.intro,
    version: 1,
    questions: JSON.stringify(t.questions),
    updated_at: SHIPPED_TEMPLATES_AT,
    updated_by: null,
  }));
  const tdb = db as Kysely<{ survey_templates: SurveyTemplatesTable; survey_template_versions: SurveyTemplateVersionsTable }>;
  await tdb.insertInto('survey_templates').values(rows).execute();

  // each version's questions, once: surveys point at the version they were sent with
  await db.schema
    .createTable('survey_template_versions')
    .addColumn('template_id', 'text', (c) => c.notNull().references('survey_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('survey_template_versions_pk', ['template_id', 'version'])
    .execute();
  await tdb
    .insertInto('survey_template_versions')
    .values(rows.map((r) => ({ template_id: r.id, version: 1, name: r.name, intro: r.intro, questions: r.questions, created_at: SHIPPED_TEMPLATES_AT, created_by: null })))
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('survey_templates.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('sent_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_client_idx').on('surveys').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('surveys_matter_idx').on('surveys').column('matter_id').execute();
  await db.schema.createIndex('surveys_created_idx').on('surveys').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // V-2: one submission per survey, also when two arrive at once
    .addColumn('survey_id', 'text', (c) => c.notNull().unique().references('surveys.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
    .addColumn('matter_type', 'text')
    .addColumn('lawyer_id', 'text', (c) => c.references('users.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('overall', 'integer')
    .addColumn('score', 'integer')
    .addColumn('recommend', 'integer')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .execute();
  await db.schema.createIndex('survey_responses_client_idx').on('survey_responses').columns(['client_id', 'submitted_at']).execute();
  await db.schema.createIndex('survey_responses_submitted_idx').on('survey_responses').columns(['submitted_at', 'id']).execute();

  await db.schema
    .createTable('improvement_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('response_id', 'text', (c) => c.references('survey_responses.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('client_told', 'integer', (c) => c.notNull())
    .addColumn('client_told_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('improvement_items_client_idx').on('improvement_items').column('client_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['improvement_items', 'survey_responses', 'surveys', 'survey_template_versions', 'survey_templates']) await db.schema.dropTable(t).execute();
}
