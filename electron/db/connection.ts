// Opens the one writing connection with the pragmas the data needs to survive crashes, checks it, snapshots it before
// any migration, and brings the schema up to date.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { installAuditTriggers } from './audit';
import { openKeyed, type DbKey } from './encryption/cipher';
import { backupDirFor, snapshotSync } from './backup';
import { checkHealth, MIN_SQLITE, sqliteVersion, versionAtLeast } from './health';
import { networkShareProblem } from './location';
import { applyMigrations, loadMigrations, pendingMigrations } from './migrate';

export type Db = Database.Database;

/** The file is unreadable or fails quick_check/foreign_key_check: the app must not write to it. */
export class DamagedDatabaseError extends Error {}

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX']);

export function isCorruption(e: unknown): boolean {
  return e instanceof DamagedDatabaseError || CORRUPT_CODES.has((e as { code?: string })?.code ?? '');
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 leaves WAL at synchronous=NORMAL, which can lose the last commit on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * `actor` names who is acting, for the audit log's row-change triggers (see audit.ts); `key` opens an encrypted file
 * (a missing or wrong key is a KeyRequiredError, never "damaged").
 */
export function openDatabase(file: string, actor: () => string = () => 'system', key: DbKey | null = null): Db {
  const memory = file === ':memory:';
  if (!memory) {
    const share = networkShareProblem(file);
    if (share) throw new Error(share);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const existed = !memory && fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = openKeyed(file, key);
  try {
    const version = sqliteVersion(db);
    if (!versionAtLeast(version, MIN_SQLITE)) throw new Error(`SQLite ${version} 過舊（需 ${MIN_SQLITE} 以上）`);
    applyPragmas(db);
    if (existed) {
      const health = checkHealth(db);
      if (!health.ok) {
        throw new DamagedDatabaseError(`資料庫檢查未通過（quick_check：${health.quickCheck}；外鍵問題 ${health.foreignKeyProblems} 筆）`);
      }
    }
    const migrations = loadMigrations();
    if (existed && pendingMigrations(db, migrations).length) snapshotSync(db, backupDirFor(file), 'pre-migration');
    applyMigrations(db, migrations);
    installAuditTriggers(db, actor);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A damaged file opened only for reading, so the clerk can still see and export what is there. */
export function openReadOnly(file: string, key: DbKey | null = null): Db | null {
  try {
    return openKeyed(file, key, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
}
