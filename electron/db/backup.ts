// Backups: written through SQLite (never by copying the live file) to a temporary name, verified with
// integrity_check, then renamed; rotated to 7 daily, 4 weekly and 12 monthly copies.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep, type BackupFile } from '../../shared/domain/backupRotation';
import { keyOf, openKeyed, type DbKey } from './encryption/cipher';
import { folderKeyFile, keyFileOf } from './encryption/keyFile';
import { integrityCheck } from './health';

const NAME = /^staffbook-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})?-([a-z-]+)\.db$/;

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function stamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}${p(now.getMilliseconds(), 3)}`;
}

export function backupName(now: Date, reason: string): string {
  return `staffbook-${stamp(now)}-${reason}.db`;
}

export function listBackups(dir: string): (BackupFile & { file: string; size: number })[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => !!x.m)
    .map(({ name, m }) => {
      const file = path.join(dir, name);
      return { name, file, size: fs.statSync(file).size, takenAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` };
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/**
 * Verifies a finished copy and moves it into place; a copy that fails the check is deleted, never kept.
 * The copy inherits WAL mode; switching it to a rollback journal makes the backup one self-contained file.
 */
export function verifyAndPlace(tmp: string, dest: string, key: DbKey | null): void {
  const copy = openKeyed(tmp, key);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const result = integrityCheck(tmp, key);
  if (result !== 'ok') {
    fs.rmSync(tmp, { force: true });
    throw new Error(`備份檔完整性檢查未通過：${result}`);
  }
  fs.renameSync(tmp, dest);
}

/**
 * A copy of an encrypted database is encrypted with the same key, and its folder gets the (wrapped) key file, so the
 * passphrase opens the copy on another PC as well as the recovery key does.
 */
function keepKeyFileBeside(db: Database.Database, dir: string): void {
  const own = keyFileOf(db.name);
  if (keyOf(db) && fs.existsSync(own)) fs.copyFileSync(own, folderKeyFile(dir));
}

const tmpName = (dest: string) => `${dest}.tmp-${crypto.randomBytes(4).toString('hex')}`;

/** A backup with SQLite's online backup API (consistent while the app keeps writing). */
export async function takeBackup(db: Database.Database, dir: string, reason: string, now = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, backupName(now, reason));
  const tmp = tmpName(dest);
  const key = keyOf(db);
  // SQLite3MC's backup API refuses an encrypted source; VACUUM INTO copies it under the same key.
  if (key) db.prepare('VACUUM INTO ?').run(tmp);
  else await db.backup(tmp);
  verifyAndPlace(tmp, dest, key);
  keepKeyFileBeside(db, dir);
  rotate(dir, now);
  return dest;
}

/**
 * The synchronous snapshot taken before migrating: the database is opened synchronously at start-up, and
 * `VACUUM INTO` is SQLite's own consistent copy (the backup API is asynchronous in better-sqlite3).
 */
export function snapshotSync(db: Database.Database, dir: string, reason: string, now = new Date()): string {
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, backupName(now, reason));
  const tmp = tmpName(dest);
  db.prepare('VACUUM INTO ?').run(tmp);
  verifyAndPlace(tmp, dest, keyOf(db));
  keepKeyFileBeside(db, dir);
  return dest;
}

export function rotate(dir: string, now = new Date()): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all, now);
  const removed = all.filter((b) => !keep.has(b.name));
  for (const b of removed) fs.rmSync(b.file, { force: true });
  return removed.map((b) => b.name);
}

export function hasBackupOn(dir: string, day: string): boolean {
  return listBackups(dir).some((b) => b.takenAt.startsWith(day));
}
