// Status, doctor, backups and restore: the database's own care, reachable from the UI and the CLI alike.
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import { backupDirFor, listBackups } from '../db/backup';
import { verifyAuditChain, type ChainCheck } from '../db/audit';
import { isCorruption, type Db } from '../db/connection';
import { restoreOffer } from '../db/damage';
import { checkHealth, connectionSettings, MIN_SQLITE, sqliteVersion, versionAtLeast } from '../db/health';
import type { ServiceContext } from './context';
import type { HandlerTable } from './handlerTable';

function encryptionOf(system: ServiceContext['system']) {
  const s = system.encryption.state();
  return { encryption: s.on ? ('on' as const) : ('off' as const), cipher: s.cipher, osKeyStore: s.osKeyStore };
}

/** Backup and restore failures are the clerk's to act on, so they carry the Chinese reason, not INTERNAL. */
async function asAppError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', e instanceof Error ? e.message : String(e));
  }
}

/** A chain that cannot even be read (page damage in the log) counts as broken at its start. */
function chainOrDamaged(db: Db): ChainCheck {
  try {
    return verifyAuditChain(db);
  } catch (e) {
    if (!isCorruption(e)) throw e;
    return { state: 'broken', rows: 0, firstBroken: null };
  }
}

export const systemHandlers = {
  'system.status': (_, { system }) => ({
    dbPath: system.dbPath,
    damaged: system.damaged(),
    newestBackup: listBackups(backupDirFor(system.dbPath))[0]?.file ?? null,
  }),

  'system.doctor': (_, { db, system }) => {
    const version = sqliteVersion(db);
    const health = checkHealth(db);
    const damaged = system.damaged() ?? (health.ok ? null : `資料庫檢查未通過（quick_check：${health.quickCheck}；外鍵問題 ${health.foreignKeyProblems} 筆）。${restoreOffer(system.dbPath)}`);
    return {
      dbPath: system.dbPath,
      sqliteVersion: version,
      sqliteVersionOk: versionAtLeast(version, MIN_SQLITE),
      ...connectionSettings(db),
      quickCheck: health.quickCheck,
      foreignKeyProblems: health.foreignKeyProblems,
      lastBackup: listBackups(backupDirFor(system.dbPath))[0] ?? null,
      ...encryptionOf(system),
      damaged,
      auditChain: chainOrDamaged(db),
    };
  },

  'system.backups': (_, { system }) => listBackups(backupDirFor(system.dbPath)),

  /**
   * A backup goes to the configured folder. Another folder puts a full copy (every ID, every password hash) where the
   * office's protections may not reach, so it is the 管理者's choice alone, must be a full path, and is audited.
   */
  'system.backup': ({ toDir }, { system, auth }: ServiceContext) =>
    asAppError(async () => {
      if (toDir) {
        if (auth && auth.session?.role !== 'admin') {
          throw new AppError('FORBIDDEN', '只有管理者可以把備份存到其他資料夾；「立即備份」會存到設定的備份資料夾', 'toDir');
        }
        if (!path.isAbsolute(toDir)) throw new AppError('VALIDATION', '請填完整的資料夾路徑（如 E:\\備份），不接受相對路徑', 'toDir');
      }
      return { file: await system.backup('manual', toDir) };
    }),

  'system.restoreNewest': (_, { system }) =>
    asAppError(async () => {
      if (!system.damaged()) throw new AppError('FORBIDDEN', '資料庫正常；一般還原請由管理者在「備份與還原」操作');
      const newest = listBackups(backupDirFor(system.dbPath))[0];
      if (!newest) throw new AppError('NOT_FOUND', '找不到備份檔');
      return system.restore(newest.file);
    }),

  'system.encrypt': ({ passphrase }, { system }) =>
    asAppError(async () => ({ recoveryKey: await system.encryption.encrypt(passphrase) })),

  'system.rekey': ({ passphrase }, { system }) =>
    asAppError(async () => ({ recoveryKey: await system.encryption.rekey(passphrase) })),

  'system.decrypt': (_, { system }) =>
    asAppError(async () => {
      await system.encryption.decrypt();
      return { encryption: 'off' as const };
    }),

  'system.restore': ({ file }, { system }) => asAppError(() => system.restore(file)),
} satisfies HandlerTable;
