import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Clock } from './clock.js';

export const KEEP_BACKUPS = 14;
const DAY_MS = 24 * 3600_000;

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');
export const databaseFile = (dataDir: string) => path.join(dataDir, 'retainer.db');

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** When a backup was taken, from its name (retainer-YYYYMMDD-HHMMSS.db, UTC). */
function takenAt(file: string): number {
  const m = /retainer-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/.exec(file);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : 0;
}

export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^retainer-\d{8}-\d{6}\.db$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Z-4: SQLite's online backup gives a consistent copy while the app keeps writing. */
export async function backupNow(sqlite: SQLite.Database, dataDir: string, clock: Clock): Promise<string> {
  fs.mkdirSync(backupDir(dataDir), { recursive: true });
  const target = path.join(backupDir(dataDir), `retainer-${stamp(clock.now())}.db`);
  const partial = `${target}.partial`;
  await sqlite.backup(partial);
  fs.renameSync(partial, target);
  for (const old of listBackups(dataDir).slice(0, -KEEP_BACKUPS)) fs.rmSync(old, { force: true });
  return target;
}

/** Backs up when the newest backup is at least a day old; returns the new file or null. */
export async function backupIfDue(sqlite: SQLite.Database, dataDir: string, clock: Clock): Promise<string | null> {
  const newest = listBackups(dataDir).at(-1);
  const age = newest ? clock.now().getTime() - takenAt(newest) : Infinity;
  return age < DAY_MS ? null : backupNow(sqlite, dataDir, clock);
}

/** Z-4: daily backups in embedded mode, checked hourly (and a minute after start). */
export function scheduleBackups(sqlite: SQLite.Database, dataDir: string, clock: Clock, log: (msg: string) => void) {
  const tick = async () => {
    try {
      const file = await backupIfDue(sqlite, dataDir, clock);
      if (file) log(`backup written: ${file}`);
    } catch (e) {
      log(`backup failed: ${(e as Error).message}`);
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const timer = setInterval(() => void tick(), 3600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** Checks a file is a readable Retainer database before it replaces the live one. */
export function verifyBackup(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`integrity check failed: ${String(ok)}`);
    const has = db.prepare("select name from sqlite_master where type='table' and name in ('users','kysely_migration')").all();
    if (has.length < 2) throw new Error('not a Retainer database (tables missing)');
  } catch (e) {
    throw new Error(`${file} cannot be restored: ${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Restores a backup; the current database is kept as a backup first, so nothing is lost. */
export function restoreBackup(file: string, dataDir: string, clock: Clock): { restored: string; previous: string | null } {
  verifyBackup(file);
  const live = databaseFile(dataDir);
  let previous: string | null = null;
  if (fs.existsSync(live)) {
    // Fold the WAL into the main file so the copy is complete.
    const db = new SQLite(live);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.mkdirSync(backupDir(dataDir), { recursive: true });
    previous = path.join(backupDir(dataDir), `pre-restore-${stamp(clock.now())}.db`);
    fs.copyFileSync(live, previous);
  }
  const incoming = `${live}.restoring`;
  fs.copyFileSync(file, incoming);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
  fs.renameSync(incoming, live);
  return { restored: live, previous };
}
