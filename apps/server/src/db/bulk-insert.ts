// Bulk writes for year plans and the demo firm: as few statements as each dialect allows, the
// statement text built once per table and row count instead of compiled per call.
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import { tableColumns, type Database } from './schema.js';

/** Bind variables per statement: under SQLite's 32,766. */
const MAX_PARAMS = 32_000;
/** Rows per PostgreSQL statement (one JSON parameter each). */
const JSON_ROWS = 5_000;

export const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

type Options = { /** on a unique-key clash the row is left out: two runs at once write each key once */ conflictColumns?: readonly string[] };

const texts = new Map<string, string>();

/**
 * Inserts rows carrying every column of the table; returns how many were written.
 * SQLite: multi-row VALUES with bind variables. PostgreSQL: one JSON parameter per statement
 * unpacked by json_populate_recordset (far less parsing than 30,000 bind variables).
 */
export async function bulkInsert<T extends keyof Database>(db: Kysely<Database>, table: T, rows: readonly Database[T][], options: Options = {}): Promise<number> {
  if (!rows.length) return 0;
  const columns = tableColumns[table] as readonly string[];
  const conflict = options.conflictColumns ? ` on conflict (${options.conflictColumns.map((c) => `"${c}"`).join(', ')}) do nothing` : '';
  const names = columns.map((c) => `"${c}"`).join(', ');
  let written = 0;
  if (isPostgres(db)) {
    const text = `insert into "${table}" (${names}) select ${names} from json_populate_recordset(null::"${table}", $1::json)${conflict}`;
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      const r = await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.length <= JSON_ROWS ? rows : rows.slice(i, i + JSON_ROWS))]));
      written += Number(r.numAffectedRows ?? 0);
    }
    return written;
  }
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.length <= per ? rows : rows.slice(i, i + per);
    const key = `${table}:${part.length}:${conflict}`;
    let text = texts.get(key);
    if (!text) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      text = `insert into "${table}" (${names}) values ${Array.from({ length: part.length }, () => row).join(', ')}${conflict}`;
      if (texts.size > 200) texts.clear();
      texts.set(key, text);
    }
    const params: unknown[] = [];
    for (const r of part as unknown as readonly Record<string, unknown>[]) for (const c of columns) params.push(r[c]);
    const r = await db.executeQuery(CompiledQuery.raw(text, params));
    written += Number(r.numAffectedRows ?? 0);
  }
  return written;
}

