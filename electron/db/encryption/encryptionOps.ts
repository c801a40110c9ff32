// Turning encryption on, off and to a new key for one back end's database: a verified backup first, the new file
// verified under its new key before it replaces the old, then every backup beside it follows (RULES: nothing lost).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { backupDirFor } from '../backup';
import type { Db } from '../connection';
import { KEY_BYTES, type DbKey } from './cipher';
import { keyFileOf, makeKeyFile, passphraseProblem, writeKeyFile, type OsKeyStore } from './keyFile';
import { formatRecoveryKey } from './recoveryKey';
import { rekeyBackups, rewrittenCopy } from './rewrite';

export interface EncryptionHost {
  dbPath: string;
  db: () => Db;
  key: () => DbKey | null;
  os?: OsKeyStore;
  /** a verified backup under the current key, before anything changes */
  backup: (reason: string) => Promise<string>;
  /** closes the live connection, renames `tmp` over the database and reopens it with `key` */
  swapIn: (tmp: string, key: DbKey | null) => void;
}

export class EncryptionRefused extends Error {}

function checkPassphrase(host: EncryptionHost, passphrase: string | undefined): void {
  if (!passphrase && !host.os) throw new EncryptionRefused('這台電腦沒有系統金鑰庫可用，請設定一個密語（每次開啟時需要）');
  const problem = passphrase ? passphraseProblem(passphrase) : null;
  if (problem) throw new EncryptionRefused(problem);
}

/** A new random key for the database and its backups; returns the recovery key to show once. */
async function moveToKey(host: EncryptionHost, to: DbKey | null, passphrase: string | undefined, reason: string): Promise<string | null> {
  const from = host.key();
  await host.backup(reason);
  const tmp = rewrittenCopy(host.db(), host.dbPath, to);
  const keyFile = to ? makeKeyFile(to, { passphrase, os: host.os }) : null;
  try {
    if (keyFile) writeKeyFile(keyFileOf(host.dbPath), keyFile);
    host.swapIn(tmp, to);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  if (!to) fs.rmSync(keyFileOf(host.dbPath), { force: true });
  rekeyBackups(backupDirFor(host.dbPath), from, to, keyFile);
  return to ? formatRecoveryKey(to) : null;
}

export async function encryptDatabase(host: EncryptionHost, passphrase?: string): Promise<string> {
  if (host.key()) throw new EncryptionRefused('資料庫已經加密；要換金鑰請用「更換金鑰」');
  checkPassphrase(host, passphrase);
  return (await moveToKey(host, crypto.randomBytes(KEY_BYTES), passphrase, 'before-encrypt'))!;
}

export async function rekeyDatabase(host: EncryptionHost, passphrase?: string): Promise<string> {
  if (!host.key()) throw new EncryptionRefused('資料庫尚未加密；請先「啟用加密」');
  checkPassphrase(host, passphrase);
  return (await moveToKey(host, crypto.randomBytes(KEY_BYTES), passphrase, 'before-rekey'))!;
}

export async function decryptDatabase(host: EncryptionHost): Promise<void> {
  if (!host.key()) throw new EncryptionRefused('資料庫沒有加密');
  await moveToKey(host, null, undefined, 'before-decrypt');
}
