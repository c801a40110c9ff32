// No data lost (issue: trust): backups through SQLite, verified and renamed; restore verifies first and keeps the
// current database; a damaged file opens read-only with a message and a restore path; network shares refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { listBackups } from '../../electron/db/backup';
import { networkShareProblem } from '../../electron/db/location';
import { fails, hashAllTables, ok, tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
afterEach(() => t?.cleanup());

describe('backup and restore', () => {
  it('a backup is one verified file whose every table matches the live database', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const before = hashAllTables(t.backend);
    const { file } = await ok(t.backend, 'system.backup', {});
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const copy = openBackend(file);
    expect(hashAllTables(copy)).toBe(before);
    copy.close();
  });

  it('restore round trip: changes after the backup are undone, and the pre-restore state is kept as a backup', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const atBackup = hashAllTables(t.backend);
    const { file } = await ok(t.backend, 'system.backup', {});
    await ok(t.backend, 'people.delete', { id: 1 });
    const changed = hashAllTables(t.backend);
    expect(changed).not.toBe(atBackup);
    const r = await ok(t.backend, 'system.restore', { file });
    expect(hashAllTables(t.backend)).toBe(atBackup);
    // the restored database says it was restored, and from where
    expect((await ok(t.backend, 'audit.list', { action: 'restore' })).rows[0].detail).toContain(file);
    expect(r.safetyBackup).toMatch(/before-restore\.db$/);
    const safety = openBackend(r.safetyBackup!);
    expect(hashAllTables(safety)).toBe(changed);
    safety.close();
    // the back end keeps working on the restored file
    await ok(t.backend, 'roster.at', { date: '2024-12-31' });
  });

  it('restore refuses a file that is not a Staffbook database and leaves the current one untouched', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const before = hashAllTables(t.backend);
    const junk = path.join(t.dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite');
    const e = await fails(t.backend, 'system.restore', { file: junk });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/不是可用的資料庫檔/);
    expect(hashAllTables(t.backend)).toBe(before);
  });

  it('every roster import into a non-empty database is preceded by a backup', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const csv = fs.readFileSync(path.resolve(__dirname, '../fixtures/roster-sample.csv'));
    await ok(t.backend, 'import.roster.commit', { fileName: 'r.csv', contentBase64: csv.toString('base64') });
    expect(listBackups(path.join(t.dir, 'backups')).map((b) => b.name)).toEqual([expect.stringMatching(/pre-import\.db$/)]);
  });
});

describe('a damaged database', () => {
  it('opens read-only with a clear message; writes are refused; restoring the newest backup repairs it', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const { file: good } = await ok(t.backend, 'system.backup', {});
    const goodHash = hashAllTables(t.backend);
    t.backend.close();
    // flip bytes in the middle of the file: table pages, past the header
    const bytes = fs.readFileSync(t.dbPath);
    for (let i = 4096 * 2; i < 4096 * 4; i++) bytes[i] ^= 0xa5;
    fs.writeFileSync(t.dbPath, bytes);
    for (const s of ['-wal', '-shm']) fs.rmSync(t.dbPath + s, { force: true });

    t.backend = openBackend(t.dbPath);
    const status = await ok(t.backend, 'system.status', {});
    expect(status.damaged).toMatch(/資料庫檔案受損，已改為唯讀模式/);
    expect(status.newestBackup).toBe(good);
    const w = await fails(t.backend, 'people.create', {
      person: { name: '新人', nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null },
      period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2025-01-01', endDate: null, endReason: null },
    });
    expect(w.code).toBe('FORBIDDEN');
    expect(w.message).toMatch(/唯讀/);

    await ok(t.backend, 'system.restore', { file: status.newestBackup! });
    expect((await ok(t.backend, 'system.status', {})).damaged).toBeNull();
    expect(hashAllTables(t.backend)).toBe(goodHash);
  });
});

describe('doctor', () => {
  it('reports the pragmas the data depends on', async () => {
    t = tempBackend();
    const d = await ok(t.backend, 'system.doctor', {});
    expect(d).toMatchObject({ journalMode: 'WAL', synchronous: 'FULL', foreignKeys: true, quickCheck: 'ok', foreignKeyProblems: 0, sqliteVersionOk: true, encryption: 'off', damaged: null });
  });
});

describe('network shares', () => {
  const mounts = [
    { point: '/', type: 'ext4' },
    { point: '/mnt/office', type: 'cifs' },
    { point: '/srv/nfs', type: 'nfs4' },
  ];
  it('refuses UNC paths and SMB/NFS mounts with an explanation, accepts local disks', () => {
    expect(networkShareProblem('\\\\server\\share\\staffbook.db', mounts)).toMatch(/網路磁碟.*WAL/);
    expect(networkShareProblem('/mnt/office/hr/staffbook.db', mounts)).toMatch(/cifs/);
    expect(networkShareProblem('/srv/nfs/staffbook.db', mounts)).toMatch(/nfs4/);
    expect(networkShareProblem('/home/clerk/.config/Staffbook/staffbook.db', mounts)).toBeNull();
    expect(networkShareProblem('/mnt/officer/staffbook.db', mounts)).toBeNull(); // a prefix of a name is not the mount
  });
});
