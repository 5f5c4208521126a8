import { sql, type Kysely } from 'kysely';
import { SHIPPED_CHECKLISTS, SHIPPED_CHECKLISTS_AT } from '../../features/matters/checklist-defaults.data.js';
import type { ChecklistTemplatesTable, ChecklistTemplateStepsTable } from '../../features/matters/matter-process.table.js';
import type { MatterType } from '../../features/matters/matters.table.js';
import { newId } from '../../plugins/ids.js';

type Tables = { checklist_templates: ChecklistTemplatesTable; checklist_template_steps: ChecklistTemplateStepsTable };

// M-3 checklist templates (seeded with the shipped defaults) and each matter's checklist; M-5 key dates
// with their reminder mark, and the link from a retainer to its renewal task and key date. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checklist_templates')
    .addColumn('matter_type', 'text', (c) => c.primaryKey())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('checklist_template_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_type', 'text', (c) => c.notNull().references('checklist_templates.matter_type').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text')
    .addColumn('due_days', 'integer', (c) => c.notNull().check(sql`due_days >= 0`))
    .execute();
  await db.schema.createIndex('checklist_template_steps_type_idx').on('checklist_template_steps').columns(['matter_type', 'position']).execute();

  await db.schema
    .createTable('matter_checklist_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text')
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matter_checklist_steps_matter_idx').on('matter_checklist_steps').columns(['matter_id', 'position']).execute();

  await db.schema
    .createTable('matter_key_dates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('remind_days_before', 'integer', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('source', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matter_key_dates_matter_idx').on('matter_key_dates').columns(['matter_id', 'date']).execute();
  // the reminder job scans the dates not yet reminded
  await db.schema.createIndex('matter_key_dates_pending_idx').on('matter_key_dates').columns(['reminded_at', 'date']).execute();

  await db.schema
    .createTable('matter_renewals')
    .addColumn('matter_id', 'text', (c) => c.primaryKey().references('matters.id').onDelete('cascade'))
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('key_date_id', 'text', (c) => c.references('matter_key_dates.id').onDelete('set null'))
    .execute();

  const tdb = db as unknown as Kysely<Tables>;
  for (const [type, steps] of Object.entries(SHIPPED_CHECKLISTS) as [MatterType, (typeof SHIPPED_CHECKLISTS)[MatterType]][]) {
    await tdb.insertInto('checklist_templates').values({ matter_type: type, updated_at: SHIPPED_CHECKLISTS_AT, updated_by: null }).execute();
    await tdb
      .insertInto('checklist_template_steps')
      .values(steps.map((s, i) => ({ id: newId(), matter_type: type, position: i + 1, title: s.title, guidance: s.guidance, due_days: s.dueDays })))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['matter_renewals', 'matter_key_dates', 'matter_checklist_steps', 'checklist_template_steps', 'checklist_templates']) {
    await db.schema.dropTable(t).execute();
  }
}
