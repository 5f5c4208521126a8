import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqlBool } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export type DbHandle = {
  db: Db;
  dialect: Dialect;
  /** The raw embedded connection, for online backups; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
};

export type DbOptions =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string; poolSize?: number };

// The dialect seams live here and nowhere else: bigint/count come back as numbers on both.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDatabase(options: DbOptions): DbHandle {
  if (options.dialect === 'sqlite') {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const sqlite = new SQLite(options.file);
    // Z-4: durable commits; WAL lets readers run beside the writer.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Refreshes the planner's statistics where they are missing or stale (cheap; limited work).
    sqlite.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/** Statements kept per SQL text, the oldest dropped first. */
const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query it runs; a prepared statement is reusable, and preparing a bulk
 * insert of hundreds of rows costs more than running it. Safe on the one connection Kysely
 * serializes its queries on (a stream holds the connection until it ends).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

export function describeDatabase(options: DbOptions): string {
  if (options.dialect === 'sqlite') return `SQLite ${options.file}`;
  const u = new URL(options.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** A LIKE pattern for "contains value", with %, _ and \\ taken literally (needs ESCAPE '\\'). */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive substring match, the same on both dialects: PostgreSQL's LIKE is
 * case-sensitive, and SQLite's LIKE has no escape character unless one is named.
 */
export function containsText(column: string, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${likeContains(value.toLowerCase())} escape '\\'`;
}

/**
 * A unique constraint refused a write: two requests raced past a service's own check
 * (PostgreSQL runs them concurrently). Callers answer it as a conflict, not a 500.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
