import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ImportField, Locale } from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { writeChunk } from '../exports/exports.csv.js';
import { getSettings } from '../settings/settings.service.js';
import { decideBatch, Touched, type BatchEnv } from './imports.batch.js';
import { writeTouched } from './imports.flush.js';
import { columnsFor, FileRefused, headerFrom, type Header } from './imports.headers.js';
import { storedMessage, type RowError } from './imports.messages.js';
import { isBannerRow, isEmptyRow, readRows, type FileFormat } from './imports.reader.js';
import { reportPath } from './imports.report.js';
import { parseRow, type Columns, type ImportRow } from './imports.rows.js';
import { heartbeatKey, KEPT_ERRORS } from './imports.service.js';

/** Rows per transaction: a crash leaves whole batches, and no transaction holds the database long. */
export const BATCH_ROWS = 500;

export type ImportJob = {
  id: string;
  file: string;
  format: FileFormat;
  mapping: Record<string, ImportField>;
  dryRun: boolean;
  /** for the progress bar until the exact count is known */
  estimatedRows: number;
  ctx: Ctx & { actor: Actor };
};

type Counts = { processed: number; created: number; updated: number; unchanged: number; errorRows: number };

class Interrupted extends Error {}

type Batch = { rows: ImportRow[]; errors: RowError[]; size: number };
const emptyBatch = (): Batch => ({ rows: [], errors: [], size: 0 });

/** One import: reads the file row by row and commits every BATCH_ROWS rows with the record's counts. */
class ImportRun {
  readonly counts: Counts = { processed: 0, created: 0, updated: 0, unchanged: 0, errorRows: 0 };
  private readonly kept: RowError[] = [];
  /** A dry run writes nothing, so what it would have created is remembered across batches. */
  private readonly carried = new Touched();

  constructor(
    private readonly deps: { db: Db; clock: Clock },
    private readonly job: ImportJob,
    private readonly env: BatchEnv,
    private readonly report: fs.WriteStream,
  ) {}

  async readAll(stopping: () => boolean): Promise<void> {
    let header: Header | null = null;
    let columns: Columns | null = null;
    let batch = emptyBatch();
    for await (const sheetRow of readRows(this.job.file, this.job.format)) {
      if (!header) {
        header = headerFrom(sheetRow);
        if (header) columns = columnsFor(header.headers, this.job.mapping);
        continue;
      }
      if (isEmptyRow(sheetRow.cells) || isBannerRow(sheetRow.cells)) continue;
      batch.size++;
      const parsed = parseRow(sheetRow, columns!);
      if ('ok' in parsed) batch.rows.push(parsed.ok);
      else batch.errors.push(...parsed.errors);
      if (batch.size >= BATCH_ROWS) {
        if (stopping()) throw new Interrupted();
        await this.commit(batch);
        batch = emptyBatch();
      }
    }
    if (batch.size) await this.commit(batch);
    if (!header) throw new FileRefused('文件中没有表头行', 'The file has no header row');
  }

  /** Decides and writes one batch, with the record's counts, in one transaction. */
  private async commit(batch: Batch): Promise<void> {
    const { db, clock } = this.deps;
    const { job, env } = this;
    const next = { ...this.counts };
    const errors = [...batch.errors];
    await db.transaction().execute(async (trx) => {
      const touched = job.dryRun ? this.carried : new Touched();
      env.now = clock.now().toISOString();
      const decided = await decideBatch(trx, env, touched, batch.rows);
      if (!job.dryRun) await writeTouched(trx, job.ctx, clock, touched, job.id);
      errors.push(...decided.errors);
      errors.sort((a, b) => a.row - b.row);
      next.processed += batch.size;
      next.created += decided.outcomes.filter((o) => o === 'created').length;
      next.updated += decided.outcomes.filter((o) => o === 'updated').length;
      next.unchanged += decided.outcomes.filter((o) => o === 'unchanged').length;
      next.errorRows += new Set(errors.map((e) => e.row)).size;
      const updated = await trx
        .updateTable('imports')
        .set({
          processed_rows: next.processed,
          created_count: next.created,
          updated_count: next.updated,
          unchanged_count: next.unchanged,
          error_count: next.errorRows,
          total_rows: Math.max(job.estimatedRows, next.processed),
          errors: JSON.stringify([...this.kept, ...errors].slice(0, KEPT_ERRORS)),
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      // Marked failed meanwhile (a heartbeat judged stale): this batch is not written.
      if (Number(updated.numUpdatedRows) !== 1) throw new Interrupted();
      await trx.updateTable('meta').set({ value: clock.now().toISOString() }).where('key', '=', heartbeatKey(job.id)).execute();
    });
    Object.assign(this.counts, next);
    this.kept.push(...errors.slice(0, Math.max(0, KEPT_ERRORS - this.kept.length)));
    // Coded, one JSON line each: the download words them in the reader's language.
    for (const e of errors) await writeChunk(this.report, `${JSON.stringify(e)}\n`);
    // Let requests in between batches (better-sqlite3 runs on this thread).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** C-10: imports run in this process, in the background, one batch transaction at a time. */
export class ImportRunner {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(private readonly deps: { db: Db; clock: Clock; config: Config; log: (err: unknown) => void }) {}

  get active(): ReadonlySet<string> {
    return new Set(this.running.keys());
  }

  start(job: ImportJob): void {
    const done = this.run(job).finally(() => this.running.delete(job.id));
    this.running.set(job.id, done);
  }

  /** On shutdown: running imports stop after their current batch and are marked failed. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(job: ImportJob): Promise<void> {
    const { db, clock, config } = this.deps;
    const report = fs.createWriteStream(reportPath(config, job.id));
    let run: ImportRun | null = null;
    try {
      await db.updateTable('imports').set({ status: 'running' }).where('id', '=', job.id).execute();
      const env: BatchEnv = { actor: job.ctx.actor, settings: await getSettings(db), now: clock.now().toISOString(), owners: new Map() };
      run = new ImportRun({ db, clock }, job, env, report);
      await run.readAll(() => this.stopping);
      await closed(report);
      await this.finish(job.id, run.counts, 'done', null);
    } catch (e) {
      if (!(e instanceof FileRefused) && !(e instanceof Interrupted)) this.deps.log(e);
      await closed(report);
      const counts = run?.counts ?? { processed: 0, created: 0, updated: 0, unchanged: 0, errorRows: 0 };
      await this.finish(job.id, counts, 'failed', failureMessage(e, counts)).catch((err: unknown) => this.deps.log(err));
    } finally {
      fs.rmSync(job.file, { force: true });
    }
  }

  private async finish(id: string, counts: Counts, status: 'done' | 'failed', message: Record<Locale, string> | null) {
    const { db, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('imports')
        .set({ status, message: message && storedMessage(message), total_rows: counts.processed, finished_at: clock.now().toISOString() })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .execute();
      await trx.deleteFrom('meta').where('key', '=', heartbeatKey(id)).execute();
    });
  }
}

/** The report is on disk before the record says the import has finished (a download may follow at once). */
async function closed(report: fs.WriteStream): Promise<void> {
  if (!report.writableEnded) report.end();
  await finished(report).catch(() => {});
}

function failureMessage(e: unknown, counts: Counts): Record<Locale, string> {
  const n = counts.processed;
  const zh = n ? `前 ${n} 行已处理并保存；修正后重新导入同一文件，已导入的行会计为“未变化”。` : '未写入任何客户。';
  const en = n
    ? `The first ${n} rows were processed and saved; after fixing the file, import it again and those rows count as unchanged.`
    : 'No client was written.';
  if (e instanceof FileRefused) return { 'zh-CN': `${e.zh}。${zh}`, 'en-US': `${e.en}. ${en}` };
  if (e instanceof Interrupted) return { 'zh-CN': `服务停止，导入中断。${zh}`, 'en-US': `The server stopped and the import was interrupted. ${en}` };
  return {
    'zh-CN': `读取或写入时出错，导入中止（文件可能已损坏）。${zh}`,
    'en-US': `Reading or writing failed and the import stopped (the file may be damaged). ${en}`,
  };
}
