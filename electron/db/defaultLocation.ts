// The database file a shell opens: --db, else STAFFBOOK_DB, else the default per-user folder (electron/paths.ts).
// On Windows the default moved from roaming %APPDATA%\Staffbook to machine-local %LOCALAPPDATA%\Staffbook; the first
// start after the move carries the roster over once — backup first, then a verified copy, then the old file renamed
// so nothing opens the stale copy by accident. An encrypted database moves encrypted, under the same key, with its
// key file; without a key that opens it nothing moves and the reason is shown (KeyRequiredError).
import fs from 'node:fs';
import path from 'node:path';
import { defaultDbPath, roamingAppDataDir, type PathEnv } from '../paths';
import { backupDirFor, snapshotSync, verifyAndPlace } from './backup';
import { openKeyed } from './encryption/cipher';
import { keyFileOf } from './encryption/keyFile';
import { keySourcesFromEnv, unlockFile, type KeySources } from './encryption/unlock';

export const MOVED_SUFFIX = '.moved-to-local';
const NOTE = '已移至本機.txt';

export interface MoveResult {
  from: string;
  to: string;
  backup: string;
}

/**
 * Once: when `localDb` does not exist yet and `roamingDir` holds a staffbook.db, that database is backed up in its own
 * backups/ folder, copied (consistent, integrity-checked) to `localDb` with its backups, and renamed with
 * MOVED_SUFFIX plus a note saying where the data went. Returns null when there was nothing to move.
 */
export function moveRoamingDatabase(
  localDb: string,
  roamingDir: string | null,
  { keys = keySourcesFromEnv(), now = new Date() }: { keys?: KeySources; now?: Date } = {},
): MoveResult | null {
  if (!roamingDir) return null;
  const roamingDb = path.join(roamingDir, 'staffbook.db');
  if (fs.existsSync(localDb) || !fs.existsSync(roamingDb) || path.resolve(roamingDb) === path.resolve(localDb)) return null;
  const key = unlockFile(roamingDb, keys); // null for a plain file
  const src = openKeyed(roamingDb, key, { fileMustExist: true });
  let backup: string;
  try {
    backup = snapshotSync(src, backupDirFor(roamingDb), 'before-move-to-local', now);
    fs.mkdirSync(path.dirname(localDb), { recursive: true });
    const tmp = `${localDb}.moving`;
    fs.rmSync(tmp, { force: true });
    src.prepare('VACUUM INTO ?').run(tmp);
    verifyAndPlace(tmp, localDb, key);
  } finally {
    src.close();
  }
  if (key && fs.existsSync(keyFileOf(roamingDb))) fs.copyFileSync(keyFileOf(roamingDb), keyFileOf(localDb));
  fs.cpSync(backupDirFor(roamingDb), backupDirFor(localDb), { recursive: true, force: false, errorOnExist: false });
  fs.renameSync(roamingDb, roamingDb + MOVED_SUFFIX);
  fs.writeFileSync(
    path.join(roamingDir, NOTE),
    `人力簿的資料庫已於 ${now.toISOString()} 移到本機資料夾：\r\n${localDb}\r\n` +
      `漫遊設定檔會在不同電腦之間覆寫檔案，所以資料庫改放本機。此處的 staffbook.db${MOVED_SUFFIX} 是移動前的舊檔，` +
      `移動前的備份在 backups 資料夾。\r\n`,
  );
  return { from: roamingDb, to: localDb, backup };
}

/** The database a shell should open; moves a roaming Windows database to the local default first when it is used.
 * `keys` open an encrypted roaming database (the app adds the OS key store; the CLI and browser mode the environment). */
export function resolveDbPath(explicit: string | undefined, { keys, paths }: { keys?: KeySources; paths?: PathEnv } = {}): string {
  if (explicit) return path.resolve(explicit);
  const fromEnv = (paths?.env ?? process.env).STAFFBOOK_DB;
  if (fromEnv) return path.resolve(fromEnv);
  const file = defaultDbPath(paths);
  const moved = moveRoamingDatabase(file, roamingAppDataDir(paths), { keys });
  if (moved) console.log(`資料庫已從漫遊資料夾移到本機：${moved.from} → ${moved.to}（移動前備份：${moved.backup}）`);
  return file;
}
