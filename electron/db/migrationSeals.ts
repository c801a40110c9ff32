// Landed migrations are sealed: electron/db/migrations/SHA256SUMS holds one `sha256  file` line per migration, and a
// test fails when a sealed migration's text changes or a migration has no seal. Adding a migration: write
// NNN_name.sql, then `npm run migrations:seal` (adds its line; never rewrites an existing one), and commit both.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultMigrationsDir, loadMigrations } from './migrate';

export const SEALS_FILE = 'SHA256SUMS';

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** file name → sha256, as written in SHA256SUMS (`sha256sum` format, so `sha256sum -c` checks it too). */
export function readSeals(dir = defaultMigrationsDir()): Map<string, string> {
  const file = path.join(dir, SEALS_FILE);
  const seals = new Map<string, string>();
  if (!fs.existsSync(file)) return seals;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line.trim());
    if (m) seals.set(m[2], m[1]);
  }
  return seals;
}

export interface SealProblem {
  file: string;
  problem: 'edited' | 'unsealed' | 'missing';
}

/** What differs between the migrations on disk and their seals. */
export function checkSeals(dir = defaultMigrationsDir()): SealProblem[] {
  const seals = readSeals(dir);
  const migrations = loadMigrations(dir);
  const problems: SealProblem[] = [];
  const onDisk = new Set<string>();
  for (const m of migrations) {
    onDisk.add(m.name);
    const seal = seals.get(m.name);
    if (!seal) problems.push({ file: m.name, problem: 'unsealed' });
    else if (seal !== sha256(m.sql)) problems.push({ file: m.name, problem: 'edited' });
  }
  for (const name of seals.keys()) if (!onDisk.has(name)) problems.push({ file: name, problem: 'missing' });
  return problems;
}

/**
 * Seals the migrations that have no seal yet and follows a renumbering (`git mv 008_x.sql 009_x.sql` keeps the text,
 * so the seal moves with it). Refuses — changing nothing — when a sealed migration was edited or deleted.
 */
export function sealMigrations(dir = defaultMigrationsDir()): { sealed: string[]; renamed: string[] } {
  const seals = readSeals(dir);
  const migrations = loadMigrations(dir);
  const byHash = new Map([...seals].map(([name, hash]) => [hash, name]));
  const names = new Set(migrations.map((m) => m.name));
  const next = new Map<string, string>();
  const sealed: string[] = [];
  const renamed: string[] = [];
  for (const m of migrations) {
    const hash = sha256(m.sql);
    const seal = seals.get(m.name);
    if (seal && seal !== hash) throw new Error(`${m.name} was edited after it was sealed: add a new migration instead`);
    if (!seal) {
      const old = byHash.get(hash);
      if (old && !names.has(old)) renamed.push(`${old} → ${m.name}`);
      else sealed.push(m.name);
    }
    next.set(m.name, hash);
  }
  const movedFrom = new Set(renamed.map((r) => r.split(' → ')[0]));
  for (const name of seals.keys()) {
    if (!names.has(name) && !movedFrom.has(name)) throw new Error(`${name} is sealed but gone: a landed migration is never deleted`);
  }
  const text = [...next].map(([name, hash]) => `${hash}  ${name}`).join('\n') + '\n';
  fs.writeFileSync(path.join(dir, SEALS_FILE), text);
  return { sealed, renamed };
}
