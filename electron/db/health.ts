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

export function checkHealth(db: Database.Database): Health {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const quickCheck = rows.map((r) => r.quick_check).join('; ');
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  return { ok: quickCheck === 'ok' && foreignKeyProblems === 0, quickCheck, foreignKeyProblems };
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
