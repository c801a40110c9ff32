// Numbered SQL migrations (NNN_name.sql), applied in order, each in its own transaction, tracked by PRAGMA user_version.
// A migration is never edited after it lands: add the next number instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Source tree: electron/db/migrations; Electron bundle: copied beside main.mjs by build/bundle-electron.ts. */
export function defaultMigrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0];
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering gap at ${m.name}`);
  });
  return list;
}

export function pendingMigrations(db: Database.Database, migrations: Migration[]): Migration[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`資料庫版本 (${current}) 比本程式新，請更新 Staffbook 後再開啟`);
  }
  return migrations.slice(current);
}

export function applyMigrations(db: Database.Database, migrations: Migration[]): number {
  const pending = pendingMigrations(db, migrations);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.length;
}
