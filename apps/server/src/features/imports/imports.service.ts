import type { Import, ImportField, Locale } from '@retainer/shared';
import type { Selectable } from 'kysely';
import type { Clock } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { storedMessage, wordMessage, wordRowError } from './imports.messages.js';
import type { ImportsTable } from './imports.table.js';

/** The import record keeps the first row errors; the full list is the CSV report. */
export const KEPT_ERRORS = 1000;

/** The record as the API shows it, its row errors and message in the reader's language. */
export function toImport(row: Selectable<ImportsTable>, locale: Locale): Import {
  return {
    id: row.id,
    userId: row.user_id,
    fileName: row.file_name,
    format: row.format,
    dryRun: row.dry_run === 1,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    createdCount: row.created_count,
    updatedCount: row.updated_count,
    unchangedCount: row.unchanged_count,
    errorCount: row.error_count,
    errors: keptErrors(row).slice(0, KEPT_ERRORS).map((e) => wordRowError(e, locale)),
    message: wordMessage(row.message, locale),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** The row errors kept on the record, as stored (coded, or Chinese text before codes). */
export function keptErrors(row: Pick<Selectable<ImportsTable>, 'errors'>): unknown[] {
  const v: unknown = JSON.parse(row.errors);
  return Array.isArray(v) ? v : [];
}

export async function createImportRecord(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { fileName: string; format: 'xlsx' | 'csv'; dryRun: boolean; mapping: Record<string, ImportField>; totalRows: number },
) {
  const now = clock.now();
  const row: Selectable<ImportsTable> = {
    id: newId(now.getTime()),
    user_id: actor.id,
    file_name: input.fileName.slice(0, 255),
    format: input.format,
    dry_run: input.dryRun ? 1 : 0,
    status: 'queued',
    mapping: JSON.stringify(input.mapping),
    total_rows: input.totalRows,
    processed_rows: 0,
    created_count: 0,
    updated_count: 0,
    unchanged_count: 0,
    error_count: 0,
    errors: '[]',
    message: null,
    created_at: now.toISOString(),
    finished_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('imports').values(row).execute();
    await trx.insertInto('meta').values({ key: heartbeatKey(row.id), value: row.created_at }).execute();
  });
  return row;
}

/** The importer's own imports; admins may open anyone's. Others answer 404. */
export async function importRowFor(db: Db, actor: Actor, id: string): Promise<Selectable<ImportsTable>> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.user_id !== actor.id && actor.role !== 'admin')) throw new NotFound();
  return row;
}

export async function listImports(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }, locale: Locale) {
  let q = db.selectFrom('imports');
  if (actor.role !== 'admin') q = q.where('user_id', '=', actor.id);
  const after = decodeCursor(query.cursor, 1);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .$if(after !== null, (qb) => qb.where('id', '<', String(after![0])))
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map((r) => toImport(r, locale)), nextCursor, total: Number(count.n) };
}

/** Each running import refreshes this with every batch, so other processes can tell it is alive. */
export const heartbeatKey = (id: string) => `import-heartbeat:${id}`;

/**
 * Imports left queued or running by a process that died (crash, kill -9, restart) are marked
 * failed once their heartbeat is older than `staleMs`; what their committed batches wrote stays.
 */
export async function failAbandoned(db: Db, clock: Clock, active: ReadonlySet<string>, staleMs: number): Promise<void> {
  const open = await db.selectFrom('imports').select(['id', 'processed_rows']).where('status', 'in', ['queued', 'running']).execute();
  const candidates = open.filter((r) => !active.has(r.id));
  if (!candidates.length) return;
  const beats = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', candidates.map((r) => heartbeatKey(r.id))).execute();
  const now = clock.now();
  const cutoff = new Date(now.getTime() - staleMs).toISOString();
  for (const r of candidates) {
    const beat = beats.find((b) => b.key === heartbeatKey(r.id))?.value;
    if (beat && beat > cutoff) continue;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('imports')
        .set({
          status: 'failed',
          message: storedMessage({
            'zh-CN': `导入被中断（服务重启或异常退出）。前 ${r.processed_rows} 行已保存；重新导入同一文件时，已导入的行会计为“未变化”。`,
            'en-US': `The import was interrupted (the server restarted or stopped unexpectedly). The first ${r.processed_rows} rows were saved; importing the same file again counts them as unchanged.`,
          }),
          finished_at: now.toISOString(),
        })
        .where('id', '=', r.id)
        .where('status', 'in', ['queued', 'running'])
        .execute();
      await trx.deleteFrom('meta').where('key', '=', heartbeatKey(r.id)).execute();
    });
  }
}
