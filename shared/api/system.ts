// Contract of the database's own care: status, doctor, backups and restore (issue: trust).
import { z } from 'zod';
import { empty } from './schemas';

const backupInfo = z.object({ name: z.string(), file: z.string(), takenAt: z.string(), size: z.number() });

/** Optional where the desktop app's OS key store holds the key; required (≥ 12 characters) everywhere else. */
const passphraseInput = z.object({ passphrase: z.string().min(1).max(200).optional() });
/** The recovery key (14 groups of 4 characters), shown once: it alone opens the database and its backups. */
const recoveryKeyOutput = z.object({ recoveryKey: z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$/) });

export const systemApi = {
  'system.status': { access: 'public',
    input: empty,
    output: z.object({ dbPath: z.string(), damaged: z.string().nullable(), newestBackup: z.string().nullable() }),
  },
  'system.doctor': { access: 'read',
    input: empty,
    output: z.object({
      dbPath: z.string(),
      sqliteVersion: z.string(),
      sqliteVersionOk: z.boolean(),
      journalMode: z.string(),
      synchronous: z.string(),
      foreignKeys: z.boolean(),
      quickCheck: z.string(),
      foreignKeyProblems: z.number(),
      schemaVersion: z.number(),
      lastBackup: backupInfo.nullable(),
      encryption: z.enum(['off', 'on']),
      /** the cipher SQLite3 Multiple Ciphers reports (chacha20 by default), null when off */
      cipher: z.string().nullable(),
      /** the desktop app keeps the key in the OS key store; elsewhere a passphrase opens it */
      osKeyStore: z.boolean(),
      damaged: z.string().nullable(),
    }),
  },
  'system.backups': { access: 'admin', input: empty, output: z.array(backupInfo) },
  'system.backup': { access: 'write', input: z.object({ toDir: z.string().min(1).max(1000).optional() }), output: z.object({ file: z.string() }) },
  /** Public on purpose, and only while the database is damaged: nobody can sign in to a file whose accounts are lost. */
  'system.restoreNewest': {
    access: 'public',
    input: empty,
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
  },
  /** Encryption at rest, 管理者 only: each takes a verified backup first and re-encrypts every backup too. */
  'system.encrypt': { access: 'admin', input: passphraseInput, output: recoveryKeyOutput },
  'system.rekey': { access: 'admin', input: passphraseInput, output: recoveryKeyOutput },
  'system.decrypt': { access: 'admin', input: empty, output: z.object({ encryption: z.literal('off') }) },
  'system.restore': { access: 'admin',
    input: z.object({ file: z.string().min(1).max(1000) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
  },
} as const;
