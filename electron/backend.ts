// One back end = one database connection + the dispatcher over it. Every shell opens exactly one.
// A damaged database still opens — read-only, with the reason — so the clerk gets a message and a restore button,
// never a crash.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { todayIso } from '../shared/dates/roc';
import { createDispatcher, handlers, type Dispatch } from './api';
import { SessionStore } from './auth/sessions';
import { idleMinutes } from './services/auth';
import { auditEvent } from './db/audit';
import { backupDirFor, hasBackupOn, listBackups, takeBackup } from './db/backup';
import { isCorruption, openDatabase, openReadOnly, type Db } from './db/connection';
import { integrityCheck, probeStaffbookFile } from './db/health';
import { loadMigrations } from './db/migrate';
import type { ServiceContext, SystemOps } from './services/context';

export interface Backend {
  readonly db: Db;
  dispatch: Dispatch;
  system: SystemOps;
  damaged: () => string | null;
  close: () => void;
}

function openOrDamaged(dbPath: string, actor: () => string): { db: Db; damaged: string | null } {
  try {
    return { db: openDatabase(dbPath, actor), damaged: null };
  } catch (e) {
    if (!isCorruption(e)) throw e;
    const reason = `資料庫檔案受損，已改為唯讀模式：${e instanceof Error ? e.message : String(e)}。請從最新的正常備份還原。`;
    // Unreadable even read-only: an empty in-memory schema keeps every screen working while the clerk restores.
    return { db: openReadOnly(dbPath) ?? openDatabase(':memory:', actor), damaged: reason };
  }
}

/** A file is a usable Staffbook backup when it passes integrity_check and has our schema at a version we know. */
export function verifyBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`找不到備份檔 ${file}`);
  let result: string;
  try {
    result = integrityCheck(file, Database);
  } catch (e) {
    throw new Error(`不是可用的資料庫檔：${e instanceof Error ? e.message : String(e)}`);
  }
  if (result !== 'ok') throw new Error(`備份檔完整性檢查未通過：${result}`);
  const { version, hasPeople } = probeStaffbookFile(file, Database);
  if (!hasPeople || version < 1) throw new Error('這不是人力簿的資料庫檔');
  if (version > loadMigrations().length) throw new Error('備份檔來自較新版的人力簿，請先更新程式');
}

export interface BackendOptions {
  today?: () => string;
  /** who acts through this back end, for the audit log (the shell: app, web, cli:<os user>) */
  actor?: string;
  /** people must sign in (the app and browser mode); the CLI and tests are trusted local callers */
  requireLogin?: boolean;
}

export function openBackend(dbPath: string, options: BackendOptions = {}): Backend {
  // The signed-in user of the call being served, else the shell's own name (set by the dispatcher per call).
  let callActor: string | null = null;
  const actor = () => callActor ?? options.actor ?? 'system';
  let { db, damaged } = openOrDamaged(dbPath, actor);
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
        verifyBackupFile(file);
        const safetyBackup = damaged ? null : await takeBackup(ctx.db, backupDirFor(dbPath), 'before-restore');
        const tmp = `${dbPath}.restore-tmp`;
        fs.copyFileSync(file, tmp);
        ctx.db.close();
        for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
        fs.renameSync(tmp, dbPath);
        ({ db, damaged } = openOrDamaged(dbPath, actor));
        ctx.db = db;
        if (!damaged) auditEvent(db, actor(), 'restore', `自 ${path.resolve(file)} 還原${safetyBackup ? `；還原前備份 ${safetyBackup}` : ''}`);
        return { restoredFrom: path.resolve(file), safetyBackup };
      },
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
