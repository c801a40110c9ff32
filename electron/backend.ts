// One back end = one database connection + the dispatcher over it. Every shell opens exactly one.
// A damaged database still opens — read-only, with the reason — so the clerk gets a message and a restore button,
// never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { todayIso } from '../shared/dates/roc';
import { createDispatcher, handlers, type Dispatch } from './api';
import { SessionStore } from './auth/sessions';
import { idleMinutes } from './services/auth';
import { auditEvent } from './db/audit';
import { backupDirFor, hasBackupOn, listBackups, takeBackup } from './db/backup';
import { isCorruption, openDatabase, openReadOnly, type Db } from './db/connection';
import { KeyRequiredError, openKeyed, type DbKey } from './db/encryption/cipher';
import { decryptDatabase, encryptDatabase, rekeyDatabase, type EncryptionHost } from './db/encryption/encryptionOps';
import { folderKeyFile, keyFileOf, makeKeyFile, writeKeyFile } from './db/encryption/keyFile';
import { rekeyCopy } from './db/encryption/rewrite';
import { keySourcesFromEnv, unlockFile, type KeySources } from './db/encryption/unlock';
import { integrityCheck } from './db/health';
import { loadMigrations } from './db/migrate';
import type { ServiceContext, SystemOps } from './services/context';

export interface Backend {
  readonly db: Db;
  dispatch: Dispatch;
  system: SystemOps;
  damaged: () => string | null;
  close: () => void;
}

function openOrDamaged(dbPath: string, actor: () => string, key: DbKey | null): { db: Db; damaged: string | null } {
  try {
    return { db: openDatabase(dbPath, actor, key), damaged: null };
  } catch (e) {
    if (!isCorruption(e)) throw e;
    const reason = `資料庫檔案受損，已改為唯讀模式：${e instanceof Error ? e.message : String(e)}。請從最新的正常備份還原。`;
    // Unreadable even read-only: an empty in-memory schema keeps every screen working while the clerk restores.
    return { db: openReadOnly(dbPath, key) ?? openDatabase(':memory:', actor), damaged: reason };
  }
}

/** A file is a usable Staffbook backup when it passes integrity_check and has our schema at a version we know. */
export function verifyBackupFile(file: string, key: DbKey | null = null): void {
  if (!fs.existsSync(file)) throw new Error(`找不到備份檔 ${file}`);
  let result: string;
  try {
    result = integrityCheck(file, key);
  } catch (e) {
    throw new Error(`不是可用的資料庫檔：${e instanceof Error ? e.message : String(e)}`);
  }
  if (result !== 'ok') throw new Error(`備份檔完整性檢查未通過：${result}`);
  const probe = openKeyed(file, key, { readonly: true });
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    const hasPeople = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'").get();
    if (!hasPeople || version < 1) throw new Error('這不是人力簿的資料庫檔');
    if (version > loadMigrations().length) throw new Error('備份檔來自較新版的人力簿，請先更新程式');
  } finally {
    probe.close();
  }
}

export interface BackendOptions {
  today?: () => string;
  /** who acts through this back end, for the audit log (the shell: app, web, cli:<os user>) */
  actor?: string;
  /** people must sign in (the app and browser mode); the CLI and tests are trusted local callers */
  requireLogin?: boolean;
  /** how an encrypted database is unlocked: passphrase / recovery key (default: the environment), OS key store */
  keys?: KeySources;
}

export function openBackend(dbPath: string, options: BackendOptions = {}): Backend {
  // The signed-in user of the call being served, else the shell's own name (set by the dispatcher per call).
  let callActor: string | null = null;
  const actor = () => callActor ?? options.actor ?? 'system';
  const sources: KeySources = options.keys ?? keySourcesFromEnv();
  let key = unlockFile(dbPath, sources);
  let { db, damaged } = openOrDamaged(dbPath, actor, key);
  const swapIn = (tmp: string, newKey: DbKey | null) => {
    ctx.db.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
    fs.renameSync(tmp, dbPath);
    key = newKey;
    ({ db, damaged } = openOrDamaged(dbPath, actor, key));
    ctx.db = db;
  };
  const host: EncryptionHost = {
    dbPath,
    db: () => ctx.db,
    key: () => key,
    os: sources.os,
    backup: (reason) => ctx.system.backup(reason),
    swapIn,
  };
  const usable = () => {
    if (dbPath === ':memory:') throw new Error('記憶體中的資料庫無法加密');
    if (damaged) throw new Error('資料庫受損時不能變更加密：請先從備份還原');
  };
  const encryption: SystemOps['encryption'] = {
    state: () => ({ on: !!key, cipher: key ? String(ctx.db.pragma('cipher', { simple: true })) : null, osKeyStore: !!sources.os }),
    encrypt: async (passphrase) => {
      usable();
      const recoveryKey = await encryptDatabase(host, passphrase);
      auditEvent(ctx.db, actor(), 'encrypt', '啟用資料庫加密（含全部備份）');
      return recoveryKey;
    },
    rekey: async (passphrase) => {
      usable();
      const recoveryKey = await rekeyDatabase(host, passphrase);
      auditEvent(ctx.db, actor(), 'rekey', '更換資料庫金鑰（含全部備份）');
      return recoveryKey;
    },
    decrypt: async () => {
      usable();
      await decryptDatabase(host);
      auditEvent(ctx.db, actor(), 'decrypt', '關閉資料庫加密（含全部備份）');
    },
  };
  const ctx: ServiceContext = {
    db,
    today: options.today ?? (() => todayIso()),
    actor,
    auth: null,
    system: {
      dbPath,
      damaged: () => damaged,
      backup: async (reason, toDir) => {
        if (dbPath === ':memory:') throw new Error('記憶體中的資料庫無法備份');
        const file = await takeBackup(ctx.db, toDir ?? backupDirFor(dbPath), reason);
        if (!damaged) auditEvent(ctx.db, actor(), 'backup', `${reason}：${file}`);
        return file;
      },
      /** Verifies the file, keeps the current database as a backup, then swaps the file in and reopens. */
      restore: async (file) => {
        const fileKey = backupKey(file, sources, key);
        verifyBackupFile(file, fileKey);
        const safetyBackup = damaged ? null : await takeBackup(ctx.db, backupDirFor(dbPath), 'before-restore');
        const tmp = `${dbPath}.restore-tmp`;
        fs.copyFileSync(file, tmp);
        // Encryption stays as it is: a plain backup restored into an encrypted office is encrypted first; an
        // encrypted backup brings its key file along (it opens with the same passphrase or recovery key).
        if (key && !fileKey) rekeyCopy(tmp, null, key);
        const newKey = key && !fileKey ? key : fileKey;
        if (fileKey && !(key && key.equals(fileKey))) {
          const beside = [keyFileOf(file), folderKeyFile(path.dirname(path.resolve(file)))].find((f) => fs.existsSync(f));
          if (beside) fs.copyFileSync(beside, keyFileOf(dbPath));
          else if (sources.passphrase || sources.os) writeKeyFile(keyFileOf(dbPath), makeKeyFile(fileKey, sources));
        }
        swapIn(tmp, newKey);
        if (!damaged) auditEvent(db, actor(), 'restore', `自 ${path.resolve(file)} 還原${safetyBackup ? `；還原前備份 ${safetyBackup}` : ''}`);
        return { restoredFrom: path.resolve(file), safetyBackup };
      },
      encryption,
    },
  };
  if (options.requireLogin) ctx.auth = { store: new SessionStore(() => idleMinutes(ctx)), session: null };
  return {
    get db() {
      return ctx.db;
    },
    dispatch: createDispatcher(ctx, handlers, (a) => (callActor = a)),
    system: ctx.system,
    damaged: () => damaged,
    close: () => ctx.db.close(),
  };
}

/** The key of a backup to restore; a file that is neither SQLite nor opened by any key we have is "not usable". */
function backupKey(file: string, sources: KeySources, current: DbKey | null): DbKey | null {
  try {
    return unlockFile(file, sources, [current]);
  } catch (e) {
    if (!(e instanceof KeyRequiredError)) throw e;
    throw new Error(`不是可用的資料庫檔，或是已加密而沒有能開啟它的金鑰：${e.message}`);
  }
}

/** The newest backup beside the database, for the one-click restore of a damaged database. */
export function newestBackup(dbPath: string): string | null {
  return listBackups(backupDirFor(dbPath))[0]?.file ?? null;
}

/** On the first start of each day (app and browser mode, not every CLI command), keep a copy. */
export async function dailyBackup(b: Backend, now = new Date()): Promise<string | null> {
  if (b.damaged() || b.system.dbPath === ':memory:') return null;
  const day = todayIso(now);
  if (hasBackupOn(backupDirFor(b.system.dbPath), day)) return null;
  return b.system.backup('daily');
}
