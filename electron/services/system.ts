// Status, doctor, backups and restore: the database's own care, reachable from the UI and the CLI alike.
import { AppError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/contract';
import { backupDirFor, listBackups } from '../db/backup';
import { checkHealth, MIN_SQLITE, sqliteVersion, versionAtLeast } from '../db/health';
import type { ServiceContext } from './context';

const SYNC_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

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

export const systemHandlers = {
  'system.status': (_: ParsedInput<'system.status'>, { system }: ServiceContext) => ({
    dbPath: system.dbPath,
    damaged: system.damaged(),
    newestBackup: listBackups(backupDirFor(system.dbPath))[0]?.file ?? null,
  }),

  'system.doctor': (_: ParsedInput<'system.doctor'>, { db, system }: ServiceContext) => {
    const version = sqliteVersion(db);
    const health = checkHealth(db);
    return {
      dbPath: system.dbPath,
      sqliteVersion: version,
      sqliteVersionOk: versionAtLeast(version, MIN_SQLITE),
      journalMode: String(db.pragma('journal_mode', { simple: true })).toUpperCase(),
      synchronous: SYNC_NAMES[db.pragma('synchronous', { simple: true }) as number] ?? 'UNKNOWN',
      foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
      quickCheck: health.quickCheck,
      foreignKeyProblems: health.foreignKeyProblems,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      lastBackup: listBackups(backupDirFor(system.dbPath))[0] ?? null,
      ...encryptionOf(system),
      damaged: system.damaged(),
    };
  },

  'system.backups': (_: ParsedInput<'system.backups'>, { system }: ServiceContext) => listBackups(backupDirFor(system.dbPath)),

  'system.backup': ({ toDir }: ParsedInput<'system.backup'>, { system }: ServiceContext) =>
    asAppError(async () => ({ file: await system.backup('manual', toDir) })),

  'system.restoreNewest': (_: ParsedInput<'system.restoreNewest'>, { system }: ServiceContext) =>
    asAppError(async () => {
      if (!system.damaged()) throw new AppError('FORBIDDEN', '資料庫正常；一般還原請由管理者在「備份與還原」操作');
      const newest = listBackups(backupDirFor(system.dbPath))[0];
      if (!newest) throw new AppError('NOT_FOUND', '找不到備份檔');
      return system.restore(newest.file);
    }),

  'system.encrypt': ({ passphrase }: ParsedInput<'system.encrypt'>, { system }: ServiceContext) =>
    asAppError(async () => ({ recoveryKey: await system.encryption.encrypt(passphrase) })),

  'system.rekey': ({ passphrase }: ParsedInput<'system.rekey'>, { system }: ServiceContext) =>
    asAppError(async () => ({ recoveryKey: await system.encryption.rekey(passphrase) })),

  'system.decrypt': (_: ParsedInput<'system.decrypt'>, { system }: ServiceContext) =>
    asAppError(async () => {
      await system.encryption.decrypt();
      return { encryption: 'off' as const };
    }),

  'system.restore': ({ file }: ParsedInput<'system.restore'>, { system }: ServiceContext) => asAppError(() => system.restore(file)),
};
