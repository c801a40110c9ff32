// Issue 13 items 4–6: copies stay where they belong, files are the OS user's alone, and page-level damage is an
// answer (damaged state + restore offer), never a stack trace.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { listBackups } from '../../electron/db/backup';
import { closeAfterEach, PW } from './helpers';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let b: Backend | undefined;
closeAfterEach(() => ({ b, dir }));
const tempDir = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-files-')));

describe('backups to another folder (item 4)', () => {
  it('a clerk may back up only to the configured folder; the 管理者 may choose a full path, and it is audited', async () => {
    tempDir();
    b = openBackend(path.join(dir, 'a.db'), { actor: 'web', requireLogin: true });
    createDemoOffice(b.db);
    const admin = (await b.dispatch('auth.setup', { username: 'boss', displayName: '主任', password: PW })) as any;
    const asAdmin = (m: string, i: unknown) => b!.dispatch(m, i, { session: admin.data.session });
    await asAdmin('accounts.create', { username: 'clerk', displayName: '承辦乙', role: 'clerk', password: PW });
    const clerk = ((await b.dispatch('auth.login', { username: 'clerk', password: PW })) as any).data.session;
    const asClerk = (m: string, i: unknown) => b!.dispatch(m, i, { session: clerk });

    const elsewhere = path.join(dir, 'usb');
    for (const toDir of [elsewhere, '../../tmp/x', 'copies']) {
      expect(await asClerk('system.backup', { toDir })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(fs.existsSync(path.join(process.cwd(), 'copies'))).toBe(false);
    const own = await asClerk('system.backup', {});
    expect(own).toMatchObject({ ok: true });
    expect(path.dirname((own as any).data.file)).toBe(path.join(dir, 'backups'));

    expect(await asAdmin('system.backup', { toDir: 'relative/dir' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'toDir' } });
    const chosen = await asAdmin('system.backup', { toDir: elsewhere });
    expect(chosen).toMatchObject({ ok: true });
    expect(path.dirname((chosen as any).data.file)).toBe(elsewhere);

    const log = b.db.prepare("SELECT actor, action, detail FROM audit_log WHERE action IN ('backup', 'refused') ORDER BY id").all() as any[];
    expect(log.filter((r) => r.action === 'refused' && r.actor === 'clerk' && r.detail.startsWith('system.backup'))).toHaveLength(3);
    expect(log.find((r) => r.action === 'backup' && r.actor === 'boss')?.detail).toContain(elsewhere);
  });
});

describe('file modes (item 5)', () => {
  const mode = (f: string) => fs.statSync(f).mode & 0o777;
  it.runIf(process.platform !== 'win32').each(['000', '022'])('database, WAL, SHM, backups and their folders are 0600/0700 under umask %s', async (umask) => {
    tempDir();
    const old = process.umask(parseInt(umask, 8));
    try {
      const appDir = path.join(dir, 'Staffbook');
      const dbPath = path.join(appDir, 'staffbook.db');
      b = openBackend(dbPath);
      createDemoOffice(b.db);
      const file = ((await b.dispatch('system.backup', {})) as any).data.file as string;
      const usb = path.join(dir, 'usb');
      const copy = ((await b.dispatch('system.backup', { toDir: usb })) as any).data.file as string;
      expect(fs.existsSync(`${dbPath}-wal`) && fs.existsSync(`${dbPath}-shm`)).toBe(true);
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, file, copy]) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
      for (const d of [appDir, path.dirname(file), usb]) expect([d, mode(d).toString(8)]).toEqual([d, '700']);
      // a restore writes the database anew: still the user's alone
      await b.dispatch('system.restore', { file });
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
      for (const bk of listBackups(path.dirname(file))) expect(mode(bk.file).toString(8)).toBe('600');
    } finally {
      process.umask(old);
    }
  });

  it.runIf(process.platform !== 'win32')('an encrypted office too: the re-encrypted database, its backups and key files are 0600', async () => {
    tempDir();
    const old = process.umask(0o022);
    try {
      const dbPath = path.join(dir, 'Staffbook', 'staffbook.db');
      b = openBackend(dbPath);
      createDemoOffice(b.db);
      expect(await b.dispatch('system.encrypt', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true });
      const file = ((await b.dispatch('system.backup', {})) as any).data.file as string;
      const keyFiles = fs.readdirSync(path.dirname(dbPath)).filter((n) => n.endsWith('.keys')).map((n) => path.join(path.dirname(dbPath), n));
      for (const f of [dbPath, `${dbPath}-wal`, file, ...keyFiles, ...listBackups(path.dirname(file)).map((x) => x.file)]) {
        expect([f, mode(f).toString(8)]).toEqual([f, '600']);
      }
    } finally {
      process.umask(old);
    }
  });

  it.runIf(process.platform !== 'win32')('an existing 0644 database from an older version is tightened on open', () => {
    tempDir();
    const dbPath = path.join(dir, 'old.db');
    new Database(dbPath).close();
    fs.chmodSync(dbPath, 0o644);
    b = openBackend(dbPath);
    expect(mode(dbPath).toString(8)).toBe('600');
  });
});

/** Overwrites the b-tree page header of `table`'s root page: quick_check itself then throws SQLITE_CORRUPT. */
function damagePage(dbPath: string, table: string): void {
  const db = new Database(dbPath);
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(12, 0xff), 0, 12, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

describe('page-level damage (item 6)', () => {
  it('doctor and other calls answer with the damaged state and the restore offer', async () => {
    tempDir();
    const dbPath = path.join(dir, 'a.db');
    b = openBackend(dbPath);
    createDemoOffice(b.db);
    const { file: good } = ((await b.dispatch('system.backup', {})) as any).data;
    b.close();
    damagePage(dbPath, 'periods');
    // the damage is real: SQLite's own check throws rather than reporting
    const probe = new Database(dbPath, { readonly: true });
    expect(() => probe.pragma('quick_check')).toThrow(/malformed/);
    probe.close();

    b = openBackend(dbPath);
    const doctor = (await b.dispatch('system.doctor', {})) as any;
    expect(doctor.ok).toBe(true);
    expect(doctor.data.damaged).toMatch(/受損/);
    expect(doctor.data.damaged).toContain(good);
    const roster = (await b.dispatch('roster.at', { date: '2024-12-31' })) as any;
    expect(roster.ok).toBe(false);
    expect(roster.error.code).not.toBe('INTERNAL');
    expect(roster.error.message).toContain(good);
  });

  it('the command line prints the damaged state and the restore offer, no stack trace', async () => {
    tempDir();
    const dbPath = path.join(dir, 'a.db');
    b = openBackend(dbPath);
    createDemoOffice(b.db);
    await b.dispatch('system.backup', {});
    b.close();
    b = undefined;
    damagePage(dbPath, 'periods');
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli.ts'), ...args, '--db', dbPath], { cwd: ROOT }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
      );
    const doctor = await cli('doctor');
    expect(doctor.out).toMatch(/受損/);
    expect(doctor.out).toMatch(/restore/);
    const roster = await cli('roster', '--at', '113/12/31');
    expect(roster.code).toBe(1);
    expect(roster.out).toMatch(/受損/);
    for (const r of [doctor, roster]) expect(r.out).not.toMatch(/\n\s+at /);
  }, 60_000);
});
