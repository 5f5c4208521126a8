import type { Kysely } from 'kysely';
import type { Grade } from '@retainer/shared';
import { SHIPPED_PROGRAMMES, SHIPPED_PROGRAMMES_AT } from '../../features/care/programme-defaults.data.js';
import type { ProgrammeRulesTable } from '../../features/care/care.table.js';
import { newId } from '../../plugins/ids.js';

// P-1..P-4: the care programme's rules per grade (seeded with the shipped defaults) and each
// client's dated touchpoints. Both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('tiers', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('per_year', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('statuses', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('programme_rules_grade_idx').on('programme_rules').columns(['grade', 'position']).execute();

  await db.schema
    .createTable('touchpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('programme_rules.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('occasion', 'text')
    .addColumn('occasion_on', 'text')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_on', 'text')
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('skip_reason', 'text')
    .addColumn('skipped_by', 'text', (c) => c.references('users.id'))
    .addColumn('overdue_flagged_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('touchpoints_plan_key', ['client_id', 'rule_id', 'period_key'])
    .execute();
  await db.schema.createIndex('touchpoints_assignee_idx').on('touchpoints').columns(['assignee_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('touchpoints_client_idx').on('touchpoints').columns(['client_id', 'due_on']).execute();
  await db.schema.createIndex('touchpoints_due_idx').on('touchpoints').columns(['due_on', 'status']).execute();
  // P-8: care dates in the next 14 days
  await db.schema.createIndex('touchpoints_occasion_idx').on('touchpoints').columns(['occasion_on', 'kind']).execute();

  const rows: ProgrammeRulesTable[] = [];
  for (const [grade, rules] of Object.entries(SHIPPED_PROGRAMMES) as [Grade, (typeof SHIPPED_PROGRAMMES)[Grade]][]) {
    rules.forEach((r, i) => {
      rows.push({
        id: newId(Date.parse(SHIPPED_PROGRAMMES_AT)),
        grade,
        tiers: r.tiers ? r.tiers.join(',') : null,
        kind: r.kind,
        per_year: r.perYear,
        role: r.role,
        channel: r.channel,
        guidance: r.guidance,
        lead_days: r.leadDays,
        statuses: (r.statuses ?? ['active']).join(','),
        active: 1,
        position: i + 1,
        updated_at: SHIPPED_PROGRAMMES_AT,
        updated_by: null,
      });
    });
  }
  await (db as Kysely<{ programme_rules: ProgrammeRulesTable }>).insertInto('programme_rules').values(rows).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('touchpoints').execute();
  await db.schema.dropTable('programme_rules').execute();
}
