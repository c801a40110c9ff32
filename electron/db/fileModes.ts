// The roster holds national IDs and password hashes: its files are the signed-in OS user's alone — 0600 files, 0700
// folders — whatever the umask. SQLite gives the -wal and -shm files the database file's own mode, so creating the
// database 0600 before SQLite touches it covers them; they are tightened again anyway. On Windows chmod only toggles
// read-only: there the per-user %APPDATA% folder's ACL is what keeps other users out (see the README).
import fs from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates the folder 0700 if missing; tightens an existing one only when `ours` (a folder only the app uses). */
export function ensurePrivateDir(dir: string, ours: boolean): void {
  const existed = fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (!existed || ours) fs.chmodSync(dir, PRIVATE_DIR);
}

/** Makes sure `file` exists (empty if new) and is 0600 before SQLite opens or writes it. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  fs.chmodSync(file, PRIVATE_FILE);
}

/** Tightens the database and its -wal/-shm/-journal companions, where they exist. */
export function tightenDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.chmodSync(f, PRIVATE_FILE);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
