import type { Kysely } from 'kysely';
import { SHIPPED_AT, SHIPPED_CALENDAR } from '../../features/calendar/holidays.data.js';
import type { CalendarDaysTable, CalendarYearsTable } from '../../features/calendar/working-days.table.js';

type Tables = { calendar_days: CalendarDaysTable; calendar_years: CalendarYearsTable };

// M-6: statutory holidays and make-up workdays, with the 2025–2027 table shipped in the release.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  // an admin replaces a whole year
  await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').column('year').execute();

  const tdb = db as unknown as Kysely<Tables>;
  for (const y of SHIPPED_CALENDAR) {
    await tdb.insertInto('calendar_years').values({ year: y.year, status: y.status, source: y.source, updated_at: SHIPPED_AT, updated_by: null }).execute();
    await tdb
      .insertInto('calendar_days')
      .values(y.days.map((d) => ({ date: d.date, year: y.year, kind: d.kind, name: d.name })))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('calendar_years').execute();
}
