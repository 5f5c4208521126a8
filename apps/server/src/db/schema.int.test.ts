import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dialect, openTestDatabase } from '../test/harness.js';
import { migrateToLatest } from './migrate.js';
import { tableColumns } from './schema.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
let handle: Handle | null = null;

afterEach(async () => {
  await handle?.drop();
  handle = null;
});

/** The migrated tables of this test's own database (PostgreSQL: only its own schema). */
async function migratedColumns(h: Handle): Promise<Record<string, string[]>> {
  let tables = await h.db.introspection.getTables();
  if (dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(h.db);
    tables = tables.filter((t) => t.schema === rows[0]!.schema);
  }
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
}

describe(`schema (${dialect})`, () => {
  it('has exactly the tables and columns the table interfaces declare', async () => {
    handle = await openTestDatabase();
    const expected = Object.fromEntries(Object.entries(tableColumns).map(([t, cols]) => [t, [...cols].sort()]));
    const actual = await migratedColumns(handle);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);
  });

  it('applies every migration on an empty database, and nothing on a second run', async () => {
    handle = await openTestDatabase({ migrate: false });
    expect(await migratedColumns(handle)).toEqual({});
    const first = await migrateToLatest(handle.db);
    expect(first).toContain('0001-foundation');
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(Object.keys(await migratedColumns(handle)).sort()).toEqual(Object.keys(tableColumns).sort());
  });

  it('migrates a second database while another one is already migrated (PostgreSQL: a schema beside it)', async () => {
    handle = await openTestDatabase();
    const second = await openTestDatabase({ migrate: false });
    try {
      expect(await migrateToLatest(second.db)).toContain('0001-foundation');
      expect(Object.keys(await migratedColumns(second)).sort()).toEqual(Object.keys(tableColumns).sort());
    } finally {
      await second.drop();
    }
  });

  it('keeps data across a repeated migration run', async () => {
    handle = await openTestDatabase();
    await handle.db.insertInto('meta').values({ key: 'probe', value: '律维' }).execute();
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const row = await handle.db.selectFrom('meta').selectAll().where('key', '=', 'probe').executeTakeFirst();
    expect(row).toEqual({ key: 'probe', value: '律维' });
  });
});
