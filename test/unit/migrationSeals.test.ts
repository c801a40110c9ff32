// Landed migrations are never edited (issue 14.10): each is sealed by its SHA-256 in electron/db/migrations/SHA256SUMS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../electron/db/migrate';
import { checkSeals, SEALS_FILE, sealMigrations } from '../../electron/db/migrationSeals';

describe('the migrations in the repository', () => {
  it('are all sealed and unchanged (a new one: `npm run migrations:seal`; a landed one: never edit, add the next)', () => {
    expect(checkSeals()).toEqual([]);
  });
});

describe('sealing', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-seals-'));
    for (const f of fs.readdirSync(defaultMigrationsDir())) fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const next = () => String(fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).length + 1).padStart(3, '0');

  it('an edited landed migration is found, and sealing refuses to paper over it', () => {
    fs.appendFileSync(path.join(dir, '001_roster.sql'), '\n-- a quiet change\n');
    expect(checkSeals(dir)).toEqual([{ file: '001_roster.sql', problem: 'edited' }]);
    const before = fs.readFileSync(path.join(dir, SEALS_FILE), 'utf8');
    expect(() => sealMigrations(dir)).toThrow(/001_roster\.sql was edited after it was sealed/);
    expect(fs.readFileSync(path.join(dir, SEALS_FILE), 'utf8')).toBe(before);
  });

  it('a new migration is unsealed until the seal command adds its line; renumbering it moves the seal', () => {
    const n = next();
    fs.writeFileSync(path.join(dir, `${n}_new_table.sql`), 'CREATE TABLE t (x INTEGER);\n');
    expect(checkSeals(dir)).toEqual([{ file: `${n}_new_table.sql`, problem: 'unsealed' }]);
    expect(sealMigrations(dir)).toEqual({ sealed: [`${n}_new_table.sql`], renamed: [] });
    expect(checkSeals(dir)).toEqual([]);
    // main took that number meanwhile: git mv to the next one, run the command again
    const m = String(Number(n) + 1).padStart(3, '0');
    fs.writeFileSync(path.join(dir, `${n}_from_main.sql`), 'CREATE TABLE u (y INTEGER);\n');
    fs.renameSync(path.join(dir, `${n}_new_table.sql`), path.join(dir, `${m}_new_table.sql`));
    expect(sealMigrations(dir)).toEqual({ sealed: [`${n}_from_main.sql`], renamed: [`${n}_new_table.sql → ${m}_new_table.sql`] });
    expect(checkSeals(dir)).toEqual([]);
  });

  it('a deleted landed migration is found (the newest: an older one would leave a numbering gap, refused earlier)', () => {
    const newest = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().at(-1)!;
    fs.rmSync(path.join(dir, newest));
    expect(checkSeals(dir)).toEqual([{ file: newest, problem: 'missing' }]);
  });
});
