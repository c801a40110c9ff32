// Finding the key of an encrypted file from what this caller has: the recovery key, the passphrase, the OS key store
// (desktop app). A plain file needs none.
import path from 'node:path';
import { isEncryptedFile, KEY_HELP, KeyRequiredError, openKeyed, type DbKey } from './cipher';
import { folderKeyFile, keyFileOf, readKeyFile, unlockKeyFile, type OsKeyStore } from './keyFile';
import { parseRecoveryKey } from './recoveryKey';

export interface KeySources {
  passphrase?: string;
  recoveryKey?: string;
  os?: OsKeyStore;
}

/** STAFFBOOK_PASSPHRASE and STAFFBOOK_RECOVERY_KEY: how the CLI, browser mode and tests are given a key. */
export function keySourcesFromEnv(env: NodeJS.ProcessEnv = process.env): KeySources {
  return { passphrase: env.STAFFBOOK_PASSPHRASE || undefined, recoveryKey: env.STAFFBOOK_RECOVERY_KEY || undefined };
}

/** The key files that may hold a file's key: its own `<file>.keys`, then its folder's (a backup folder's). */
export const keyFilesFor = (file: string) => [keyFileOf(file), folderKeyFile(path.dirname(path.resolve(file)))];

function keyOpens(file: string, key: DbKey): boolean {
  try {
    openKeyed(file, key, { readonly: true, fileMustExist: true }).close();
    return true;
  } catch {
    return false;
  }
}

/**
 * The key that opens `file`, or null when the file is plain. Throws KeyRequiredError, in one Chinese sentence that
 * says what to do, when it is encrypted and nothing the caller has opens it.
 */
export function unlockFile(file: string, sources: KeySources, alsoTry: (DbKey | null)[] = []): DbKey | null {
  if (!isEncryptedFile(file)) return null;
  const candidates: DbKey[] = alsoTry.filter((k): k is DbKey => !!k);
  if (sources.recoveryKey) {
    const k = parseRecoveryKey(sources.recoveryKey);
    if (!k) throw new KeyRequiredError('復原金鑰格式或檢查碼不符：請逐組核對抄下的 14 組字元。');
    candidates.push(k);
  }
  for (const kf of keyFilesFor(file).map(readKeyFile)) {
    const k = kf && unlockKeyFile(kf, sources);
    if (k) candidates.push(k);
  }
  const key = candidates.find((k) => keyOpens(file, k));
  if (key) return key;
  const tried = sources.passphrase || sources.recoveryKey || sources.os ? '提供的密語或復原金鑰無法開啟' : '需要金鑰才能開啟';
  throw new KeyRequiredError(`資料庫已加密，${tried} ${file}。${KEY_HELP}`);
}
