import fs from 'node:fs';
import path from 'node:path';
import type { ImportField, ImportRowError } from '@retainer/shared';
import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { csvLine, UTF8_BOM, writeChunk } from '../exports/exports.csv.js';
import { getSettings } from '../settings/settings.service.js';
import { decideBatch, Touched, type BatchEnv } from './imports.batch.js';
import { filesDir } from './imports.files.js';
import { writeTouched } from './imports.flush.js';
import { columnsFor, FileRefused, headerFrom, type Header } from './imports.headers.js';
import { isBannerRow, isEmptyRow, readRows, type FileFormat } from './imports.reader.js';
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

export const reportPath = (config: Config, id: string) => path.join(filesDir(config, 'imports'), `${id}.report.csv`);
export const REPORT_HEADER = ['行号', '列', '原因'];

type Batch = { rows: ImportRow[]; errors: ImportRowError[]; size: number };
const emptyBatch = (): Batch => ({ rows: [], errors: [], size: 0 });

/** One import: reads the file row by row and commits every BATCH_ROWS rows with the record's counts. */
class ImportRun {
  readonly counts: Counts = { processed: 0, created: 0, updated: 0, unchanged: 0, errorRows: 0 };
  private readonly kept: ImportRowError[] = [];
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
    for (const e of errors) await writeChunk(this.report, csvLine([e.row, e.column, e.reason]));
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
      await writeChunk(report, UTF8_BOM + csvLine(REPORT_HEADER));
      await db.updateTable('imports').set({ status: 'running' }).where('id', '=', job.id).execute();
      const env: BatchEnv = { actor: job.ctx.actor, settings: await getSettings(db), now: clock.now().toISOString(), owners: new Map() };
      run = new ImportRun({ db, clock }, job, env, report);
      await run.readAll(() => this.stopping);
      await this.finish(job.id, run.counts, 'done', null);
    } catch (e) {
      if (!(e instanceof FileRefused) && !(e instanceof Interrupted)) this.deps.log(e);
      const counts = run?.counts ?? { processed: 0, created: 0, updated: 0, unchanged: 0, errorRows: 0 };
      await this.finish(job.id, counts, 'failed', failureMessage(e, counts)).catch((err: unknown) => this.deps.log(err));
    } finally {
      report.end();
      fs.rmSync(job.file, { force: true });
    }
  }

  private async finish(id: string, counts: Counts, status: 'done' | 'failed', message: string | null) {
    const { db, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('imports')
        .set({ status, message, total_rows: counts.processed, finished_at: clock.now().toISOString() })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .execute();
      await trx.deleteFrom('meta').where('key', '=', heartbeatKey(id)).execute();
    });
  }
}

function failureMessage(e: unknown, counts: Counts): string {
  const kept = counts.processed ? `前 ${counts.processed} 行已处理并保存；修正后重新导入同一文件，已导入的行会计为“未变化”。` : '未写入任何客户。';
  if (e instanceof FileRefused) return `${e.zh}。${kept}`;
  if (e instanceof Interrupted) return `服务停止，导入中断。${kept}`;
  return `读取或写入时出错，导入中止（文件可能已损坏）。${kept}`;
}
