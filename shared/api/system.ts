// Contract of the database's own care: status, doctor, backups and restore (issue: trust).
import { z } from 'zod';
import { empty } from './schemas';

const backupInfo = z.object({ name: z.string(), file: z.string(), takenAt: z.string(), size: z.number() });

export const systemApi = {
  'system.status': {
    input: empty,
    output: z.object({ dbPath: z.string(), damaged: z.string().nullable(), newestBackup: z.string().nullable() }),
  },
  'system.doctor': {
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
      damaged: z.string().nullable(),
    }),
  },
  'system.backups': { input: empty, output: z.array(backupInfo) },
  'system.backup': { input: z.object({ toDir: z.string().min(1).max(1000).optional() }), output: z.object({ file: z.string() }) },
  'system.restore': {
    input: z.object({ file: z.string().min(1).max(1000) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
  },
} as const;
