// The database cipher (SQLite3 Multiple Ciphers, through the better-sqlite3-multiple-ciphers build that package.json
// installs under the name better-sqlite3). A random 256-bit key is handed to SQLite raw (x'…'), so SQLite runs no
// key derivation of its own: the key is already random, and the passphrase's slow KDF lives in keyfile.ts.
import Database from 'better-sqlite3';
import fs from 'node:fs';

/** SQLite3MC's default cipher: ChaCha20-Poly1305, which authenticates every page. */
export const CIPHER = 'chacha20';
export const KEY_BYTES = 32;
export type DbKey = Buffer;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A database that cannot be opened because its key is missing or wrong: the clerk's to act on, never "damaged". */
export class KeyRequiredError extends Error {
  readonly code = 'KEY_REQUIRED';
}

export const KEY_HELP =
  '請設定環境變數 STAFFBOOK_PASSPHRASE（啟用加密時設定的密語），或 STAFFBOOK_RECOVERY_KEY（啟用加密時抄下的復原金鑰）後再開啟。';

/** An existing, non-empty file whose first page is not plain SQLite: encrypted (or not a database at all). */
export function isEncryptedFile(file: string): boolean {
  if (file === ':memory:' || !fs.existsSync(file)) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && !head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

// Which key a connection was opened with, so backups and checks made from it use the same key without every
// caller passing it along.
const keys = new WeakMap<Database.Database, DbKey>();
export const keyOf = (db: Database.Database): DbKey | null => keys.get(db) ?? null;

/** Keys a fresh connection before its first read. A null key leaves the connection plain. */
export function applyKey(db: Database.Database, key: DbKey | null): void {
  if (!key) return;
  if (key.length !== KEY_BYTES) throw new Error('資料庫金鑰長度錯誤');
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  keys.set(db, key);
}

/** Re-encrypts an open connection's file with another key (null: decrypt). SQLite3MC rekeys in rollback mode only. */
export function rekeyConnection(db: Database.Database, key: DbKey | null): void {
  db.pragma('journal_mode = DELETE');
  if (key) {
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
    keys.set(db, key);
  } else {
    db.pragma("rekey = ''");
    keys.delete(db);
  }
}

/**
 * Opens a file with its key and proves the key by reading the schema; a wrong or missing key on an encrypted file
 * becomes a KeyRequiredError with the Chinese sentence that says what to do.
 */
export function openKeyed(file: string, key: DbKey | null, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB' && isEncryptedFile(file)) {
      throw new KeyRequiredError(key ? `資料庫金鑰不符，無法開啟 ${file}。${KEY_HELP}` : `資料庫已加密，需要金鑰才能開啟 ${file}。${KEY_HELP}`);
    }
    throw e;
  }
}

/** The cipher SQLite3MC reports for a keyed connection; null for a plain one. */
export function cipherOf(db: Database.Database): string | null {
  return keyOf(db) ? String(db.pragma('cipher', { simple: true })) : null;
}
