// Turning encryption on, off or to a new key, for the live database and every backup beside it. Each file is written
// whole under a temporary name, checked with integrity_check under its new key, and only then renamed over the old
// one: a crash at any moment leaves either the old file or the new one, never half of each.
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { listBackups } from '../backup';
import { isEncryptedFile, keyOf, openKeyed, rekeyConnection, type DbKey } from './cipher';
import { folderKeyFile, writeKeyFile, type KeyFile } from './keyFile';

const tmpBeside = (file: string) => `${file}.rekey-tmp-${crypto.randomBytes(4).toString('hex')}`;

function verifyWithKey(file: string, key: DbKey | null): void {
  const db = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (result !== 'ok') throw new Error(`重新加密後的檔案檢查未通過：${result}`);
  } finally {
    db.close();
  }
}

/** Re-encrypts a closed copy in place and proves it opens with the new key. */
export function rekeyCopy(tmp: string, from: DbKey | null, to: DbKey | null): void {
  const db = openKeyed(tmp, from, { fileMustExist: true });
  try {
    rekeyConnection(db, to);
  } finally {
    db.close();
  }
  verifyWithKey(tmp, to);
}

/**
 * A copy of the live database under the new key, verified, ready to be renamed over the live file. VACUUM INTO is a
 * consistent copy while the app is open and keeps the live connection's key.
 */
export function rewrittenCopy(live: Database.Database, dbFile: string, to: DbKey | null): string {
  const tmp = tmpBeside(dbFile);
  try {
    live.prepare('VACUUM INTO ?').run(tmp);
    rekeyCopy(tmp, keyOf(live), to);
    return tmp;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Every backup in `dir` under the new key (those under the old key or plain); the folder's key file follows. */
export function rekeyBackups(dir: string, from: DbKey | null, to: DbKey | null, keyFile: KeyFile | null): number {
  if (keyFile) writeKeyFile(folderKeyFile(dir), keyFile); // first: a crash midway leaves each copy openable
  let done = 0;
  for (const b of listBackups(dir)) {
    const current = isEncryptedFile(b.file) ? from : null;
    if (current === to || (current && to && current.equals(to))) continue;
    const tmp = tmpBeside(b.file);
    try {
      fs.copyFileSync(b.file, tmp);
      rekeyCopy(tmp, current, to);
      fs.renameSync(tmp, b.file);
      done++;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw new Error(`備份 ${b.name} 無法改用新金鑰：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!keyFile) fs.rmSync(folderKeyFile(dir), { force: true });
  return done;
}
