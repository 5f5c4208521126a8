import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import { AppError } from '../../plugins/errors.js';
import { getSettings } from '../settings/settings.service.js';

// exported client data does not pile up on disk. A ready export's file is deleted once it
// is older than the firm's retention; the export stays listed, marked expired.

type Deps = { db: Db; clock: Clock; config: Config };

const DAY_MS = 86_400_000;

/** When a file finished at `finishedAt` is due for deletion. */
export const expiryOf = (finishedAt: string, retentionDays: number) => new Date(new Date(finishedAt).getTime() + retentionDays * DAY_MS).toISOString();

export function expiredError(retentionDays: number): AppError {
  return new AppError('gone', 410, {
    'zh-CN': `导出文件已超过保留期限（${retentionDays} 天）并已删除，请重新导出`,
    'en-US': `The export file was kept for ${retentionDays} days and has been deleted; please export again`,
  });
}

/** The file of a stored `file_path`, never outside the data directory's files. */
function fileOf(config: Config, filePath: string): string | null {
  const root = path.resolve(config.dataDir, 'files');
  const file = path.resolve(root, filePath);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Deletes one export's file (already gone is fine) and marks it expired. The file goes first:
 * a crash in between leaves a ready export without its file, which the next run finishes.
 */
export async function expireExport({ db, clock, config }: Deps, row: { id: string; file_path: string | null }): Promise<void> {
  const file = row.file_path ? fileOf(config, row.file_path) : null;
  if (file) fs.rmSync(file, { force: true });
  await db
    .updateTable('exports')
    .set({ status: 'expired', file_path: null, expired_at: clock.now().toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'ready')
    .execute();
}

/** The daily step: every ready export older than the retention. Returns how many expired. */
export async function expireExports(deps: Deps, log: (msg: string) => void = () => {}): Promise<number> {
  const { exportRetentionDays } = await getSettings(deps.db);
  const cutoff = new Date(deps.clock.now().getTime() - exportRetentionDays * DAY_MS).toISOString();
  const due = await deps.db
    .selectFrom('exports')
    .select(['id', 'file_path'])
    .where('status', '=', 'ready')
    .where('finished_at', '<=', cutoff)
    .orderBy('id')
    .execute();
  let done = 0;
  for (const row of due) {
    try {
      await expireExport(deps, row);
      done++;
    } catch (e) {
      // one file that cannot be deleted (permissions) does not stop the others; it stays ready
      log(`export ${row.id}: could not delete its file: ${(e as Error).message}`);
    }
  }
  return done;
}
