import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue, backupNow, KEEP_BACKUPS, listBackups } from './backup.js';
import { fixedClock } from './clock.js';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'retainer-backup-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function liveDb(dir: string) {
  const db = new SQLite(path.join(dir, 'retainer.db'));
  db.pragma('journal_mode = WAL');
  db.exec('create table t (id integer primary key, v text)');
  return db;
}

describe('Z-4 embedded backups', () => {
  it('keeps the newest 14 daily backups', async () => {
    const dir = tempDir();
    const db = liveDb(dir);
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const written: string[] = [];
    for (let day = 0; day < 17; day++) {
      db.prepare('insert into t (v) values (?)').run(`day ${day}`);
      written.push(await backupNow(db, dir, clock));
      clock.advance(24 * 3600_000);
    }
    const kept = listBackups(dir);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept).toEqual(written.slice(-KEEP_BACKUPS));
    // The newest backup is a complete, consistent copy.
    const copy = new SQLite(kept.at(-1)!, { readonly: true });
    expect((copy.prepare('select count(*) n from t').get() as { n: number }).n).toBe(17);
    copy.close();
    db.close();
  });

  it('backs up only when the newest backup is a day old', async () => {
    const dir = tempDir();
    const db = liveDb(dir);
    const clock = fixedClock('2026-03-01T08:00:00Z');
    expect(await backupIfDue(db, dir, clock)).not.toBeNull();
    expect(await backupIfDue(db, dir, clock)).toBeNull();
    clock.advance(25 * 3600_000);
    expect(await backupIfDue(db, dir, clock)).not.toBeNull();
    expect(listBackups(dir)).toHaveLength(2);
    db.close();
  });
});
