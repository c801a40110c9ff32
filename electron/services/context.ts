import type { Session, SessionStore } from '../auth/sessions';
import type { Db } from '../db/connection';

/** Operations on the database file itself (backup, restore), which only the back end that owns the connection can do. */
export interface SystemOps {
  dbPath: string;
  /** null when healthy; the Chinese explanation when the database opened read-only because it is damaged */
  damaged: () => string | null;
  backup: (reason: string, toDir?: string) => Promise<string>;
  restore: (file: string) => Promise<{ restoredFrom: string; safetyBackup: string | null }>;
  /** encryption at rest of the database and its backups (electron/db/encryption) */
  encryption: {
    state: () => { on: boolean; cipher: string | null; osKeyStore: boolean };
    /** returns the recovery key, shown once */
    encrypt: (passphrase?: string) => Promise<string>;
    rekey: (passphrase?: string) => Promise<string>;
    decrypt: () => Promise<void>;
  };
}

/** What every service handler receives besides its validated input. */
export interface ServiceContext {
  db: Db;
  /** today's date as the back end sees it (fixed in tests) */
  today: () => string;
  /** who is acting, as written to the audit log */
  actor: () => string;
  system: SystemOps;
  /** null for trusted shells (CLI, tests); set where people sign in (app, browser mode) */
  auth: { store: SessionStore; session: Session | null } | null;
}
