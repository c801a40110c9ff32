// Checks made every time the database opens, and the figures `doctor` reports.
import type Database from 'better-sqlite3';
import { openKeyed, type DbKey } from './encryption/cipher';

/** 3.51.3 fixes the WAL-reset bug that could corrupt a database under concurrent checkpoints. */
export const MIN_SQLITE = '3.51.3';

export function sqliteVersion(db: Database.Database): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export interface Health {
  ok: boolean;
  quickCheck: string;
  foreignKeyProblems: number;
}

/**
 * quick_check + foreign_key_check. When a b-tree page header is overwritten the checks themselves throw
 * SQLITE_CORRUPT ("database disk image is malformed"): that is an answer (damaged), not a crash.
 */
export function checkHealth(db: Database.Database): Health {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const quickCheck = rows.map((r) => r.quick_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return { ok: quickCheck === 'ok' && foreignKeyProblems === 0, quickCheck, foreignKeyProblems };
  } catch (e) {
    const code = (e as { code?: string })?.code ?? '';
    if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') throw e;
    return { ok: false, quickCheck: `無法完成檢查（${code}：${e instanceof Error ? e.message : String(e)}）`, foreignKeyProblems: 0 };
  }
}

/** integrity_check of a closed file, opened read-only (with the key of an encrypted one). */
export function integrityCheck(file: string, key: DbKey | null = null): string {
  const copy = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    return (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    copy.close();
  }
}

const SYNC_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** The connection settings `doctor` reports. */
export function connectionSettings(db: Database.Database) {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })).toUpperCase(),
    synchronous: SYNC_NAMES[db.pragma('synchronous', { simple: true }) as number] ?? 'UNKNOWN',
    foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** What a database offered for restore says about itself: its schema version and whether it has Staffbook's tables. */
export function probeStaffbookFile(probe: Database.Database): { version: number; hasPeople: boolean } {
  const version = probe.pragma('user_version', { simple: true }) as number;
  const hasPeople = !!probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'").get();
  return { version, hasPeople };
}

/** The cipher an encrypted connection uses (SQLite3 Multiple Ciphers' `PRAGMA cipher`), for status and doctor. */
export function cipherName(db: Database.Database): string {
  return String(db.pragma('cipher', { simple: true }));
}
