// Where the database lives (issue 21 items 3–5): the local per-user folder on Windows with a one-time move out of
// roaming AppData (backup first), STAFFBOOK_HOME for every shell, and mapped network drives refused like UNC paths.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend';
import { listBackups } from '../../electron/db/backup';
import { isEncryptedFile, KeyRequiredError } from '../../electron/db/encryption/cipher';
import { keyFileOf } from '../../electron/db/encryption/keyFile';
import { moveRoamingDatabase, MOVED_SUFFIX, resolveDbPath } from '../../electron/db/defaultLocation';
import { networkShareProblem, type Host } from '../../electron/db/location';
import { appDataDir, defaultDbPath, roamingAppDataDir } from '../../electron/paths';
import { createDemoOffice } from '../../electron/demo/demoOffice';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `staffbook-${name}-`));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const win = (env: NodeJS.ProcessEnv) => ({ platform: 'win32' as const, env, home: 'C:\\Users\\clerk' });

describe('the default folder', () => {
  it('is %LOCALAPPDATA%\\Staffbook on Windows, and roaming AppData is only where the old one was', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local', APPDATA: '\\\\fs01\\profiles$\\clerk\\AppData\\Roaming' };
    expect(appDataDir(win(env))).toBe('C:\\Users\\clerk\\AppData\\Local\\Staffbook');
    expect(defaultDbPath(win(env))).toBe('C:\\Users\\clerk\\AppData\\Local\\Staffbook\\staffbook.db');
    expect(roamingAppDataDir(win(env))).toBe('\\\\fs01\\profiles$\\clerk\\AppData\\Roaming\\Staffbook');
    expect(appDataDir(win({}))).toBe('C:\\Users\\clerk\\AppData\\Local\\Staffbook');
  });

  it('is STAFFBOOK_HOME whenever it is set, on every platform, with no roaming move', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const p = { platform, env: { STAFFBOOK_HOME: '/srv/staffbook', LOCALAPPDATA: 'C:\\L' }, home: '/home/clerk' };
      expect(appDataDir(p)).toBe('/srv/staffbook');
      expect(roamingAppDataDir(p)).toBeNull();
    }
    expect(appDataDir({ platform: 'linux', env: {}, home: '/home/clerk' })).toBe('/home/clerk/.config/Staffbook');
  });

  it('resolveDbPath: --db, then STAFFBOOK_DB, then STAFFBOOK_HOME', () => {
    const home = tempDir('home');
    vi.stubEnv('STAFFBOOK_HOME', home);
    vi.stubEnv('STAFFBOOK_DB', '');
    expect(resolveDbPath(undefined)).toBe(path.join(home, 'staffbook.db'));
    vi.stubEnv('STAFFBOOK_DB', path.join(home, 'other.db'));
    expect(resolveDbPath(undefined)).toBe(path.join(home, 'other.db'));
    expect(resolveDbPath('given.db')).toBe(path.resolve('given.db'));
  });
});

describe('moving a roaming database to the local folder', () => {
  function roamingOffice() {
    const roaming = tempDir('roaming');
    const b = openBackend(path.join(roaming, 'staffbook.db'));
    const { people } = createDemoOffice(b.db);
    b.close();
    return { roaming, people };
  }
  const count = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('backs up first, copies the roster, keeps the old file renamed with a note — and only once', () => {
    const { roaming, people } = roamingOffice();
    const local = path.join(tempDir('local'), 'Staffbook', 'staffbook.db');
    const moved = moveRoamingDatabase(local, roaming, { now: new Date('2026-12-01T08:00:00Z') })!;

    expect(moved).toMatchObject({ from: path.join(roaming, 'staffbook.db'), to: local });
    expect(path.dirname(moved.backup)).toBe(path.join(roaming, 'backups'));
    expect(count(moved.backup)).toBe(people);
    expect(count(local)).toBe(people);
    expect(listBackups(path.join(path.dirname(local), 'backups')).map((b) => b.name)).toContain(path.basename(moved.backup));
    expect(fs.existsSync(path.join(roaming, 'staffbook.db'))).toBe(false);
    expect(count(path.join(roaming, `staffbook.db${MOVED_SUFFIX}`))).toBe(people);
    expect(fs.readFileSync(path.join(roaming, '已移至本機.txt'), 'utf8')).toContain(local);

    // the local database opens as the app's own, schema and all
    const b = openBackend(local);
    expect(b.damaged()).toBeNull();
    b.close();
    expect(moveRoamingDatabase(local, roaming)).toBeNull();
  });

  it('moves an encrypted database encrypted, with its key file; without a key nothing moves', async () => {
    const roaming = tempDir('roaming');
    const roamingDb = path.join(roaming, 'staffbook.db');
    const b = openBackend(roamingDb);
    const { people } = createDemoOffice(b.db);
    const passphrase = 'roaming profile passphrase';
    const r = await b.dispatch('system.encrypt', { passphrase });
    expect(r.ok).toBe(true);
    b.close();
    const local = path.join(tempDir('local'), 'staffbook.db');

    expect(() => moveRoamingDatabase(local, roaming, { keys: {} })).toThrow(KeyRequiredError);
    expect(fs.existsSync(local)).toBe(false);
    expect(fs.existsSync(roamingDb)).toBe(true);

    moveRoamingDatabase(local, roaming, { keys: { passphrase } });
    expect(isEncryptedFile(local)).toBe(true);
    expect(fs.existsSync(keyFileOf(local))).toBe(true);
    const opened = openBackend(local, { keys: { passphrase } });
    expect((opened.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(people);
    opened.close();
  });

  it('never overwrites a local database that already exists', () => {
    const { roaming } = roamingOffice();
    const localDir = tempDir('local');
    const local = path.join(localDir, 'staffbook.db');
    openBackend(local).close();
    expect(moveRoamingDatabase(local, roaming)).toBeNull();
    expect(count(local)).toBe(0);
    expect(fs.existsSync(path.join(roaming, 'staffbook.db'))).toBe(true);
  });

  it('does nothing without a roaming database', () => {
    const local = path.join(tempDir('local'), 'staffbook.db');
    expect(moveRoamingDatabase(local, tempDir('roaming'))).toBeNull();
    expect(moveRoamingDatabase(local, null)).toBeNull();
    expect(fs.existsSync(local)).toBe(false);
  });
});

describe('network drives on Windows (drive-type probe stubbed)', () => {
  const probe = vi.fn((root: string) => ({ 'Z:\\': 'Network', 'C:\\': 'Fixed', 'E:\\': 'Removable' })[root] ?? null);
  const windows: Host = { platform: 'win32', driveType: probe };

  it('refuses a mapped network drive, naming it, and accepts local and removable drives', () => {
    expect(networkShareProblem('Z:\\人事\\staffbook.db', [], windows)).toMatch(/網路磁碟機 Z:.*WAL/);
    expect(networkShareProblem('z:/人事/staffbook.db', [], windows)).toMatch(/網路磁碟機 Z:/);
    expect(networkShareProblem('C:\\Users\\clerk\\AppData\\Local\\Staffbook\\staffbook.db', [], windows)).toBeNull();
    expect(networkShareProblem('E:\\staffbook.db', [], windows)).toBeNull();
    expect(probe).toHaveBeenCalledWith('Z:\\');
  });

  it('refuses UNC paths (e.g. redirected AppData) without asking the probe, and says how to choose a local folder', () => {
    probe.mockClear();
    const problem = networkShareProblem('\\\\fs01\\profiles$\\clerk\\AppData\\Roaming\\Staffbook\\staffbook.db', [], windows);
    expect(problem).toMatch(/STAFFBOOK_HOME/);
    expect(probe).not.toHaveBeenCalled();
  });

  it('an unknown drive type lets the open go ahead', () => {
    expect(networkShareProblem('Q:\\staffbook.db', [], windows)).toBeNull();
  });
});
