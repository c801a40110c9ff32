// Encryption at rest (issue: a lost laptop or a copied backup reveals nothing): the database and every backup are
// encrypted with one random key; the passphrase (through its key file) or the recovery key alone opens them; a wrong
// or missing key is refused in one Chinese sentence; every figure is the same before and after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { listBackups } from '../../electron/db/backup';
import { isEncryptedFile, KeyRequiredError } from '../../electron/db/encryption/cipher';
import { folderKeyFile, keyFileOf } from '../../electron/db/encryption/keyFile';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/db/encryption/recoveryKey';
import { fails, hashAllTables, ok, tempBackend, type TempBackend } from './helpers';

const PASS = 'a long office passphrase 113';
let t: TempBackend;
const extra: string[] = [];
afterEach(() => {
  t?.cleanup();
  for (const d of extra.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-enc-'));
  extra.push(d);
  return d;
}

/** Every figure the office reads, as the dispatcher returns it. */
async function figures(b: Backend): Promise<string> {
  const at = '2024-12-31';
  return JSON.stringify([
    await ok(b, 'roster.at', { date: at }),
    await ok(b, 'retention.at', { date: at }),
    await ok(b, 'supervision.at', { date: at }),
    await ok(b, 'headcount.year', { rocYear: 113 }),
    await ok(b, 'training.year', { rocYear: 113 }),
    await ok(b, 'volunteers.year', { rocYear: 113 }),
  ]);
}

function nationalIds(b: Backend): string[] {
  return (b.db.prepare('SELECT national_id FROM people WHERE national_id IS NOT NULL').pluck().all() as string[]).filter(Boolean);
}

function revealsNothing(file: string, ids: string[]): void {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 16).toString('latin1'), file).not.toBe('SQLite format 3\0');
  for (const id of ids) {
    expect(bytes.includes(Buffer.from(id, 'utf8')), `${id} in clear in ${file}`).toBe(false);
    expect(bytes.includes(Buffer.from(id, 'utf16le')), `${id} in clear (UTF-16) in ${file}`).toBe(false);
  }
  expect(bytes.includes(Buffer.from('王', 'utf8')) && bytes.includes(Buffer.from('CREATE TABLE', 'utf8')), file).toBe(false);
}

async function encryptedDemo(): Promise<{ recoveryKey: string; before: string; hash: string; ids: string[] }> {
  t = tempBackend();
  createDemoOffice(t.backend.db);
  await ok(t.backend, 'system.backup', {}); // a plain backup from before: it must be encrypted too
  const before = await figures(t.backend);
  const hash = hashAllTables(t.backend);
  const ids = nationalIds(t.backend);
  expect(ids.length).toBeGreaterThan(10);
  const { recoveryKey } = await ok(t.backend, 'system.encrypt', { passphrase: PASS });
  return { recoveryKey, before, hash, ids };
}

describe('encryption at rest', () => {
  it('after encrypt, the file and every backup start without the SQLite header and hold no ID in clear; figures unchanged', async () => {
    const { before, hash, ids } = await encryptedDemo();
    expect(await figures(t.backend)).toBe(before);
    expect(hashAllTables(t.backend)).toBe(hash);
    const doctor = await ok(t.backend, 'system.doctor', {});
    expect(doctor).toMatchObject({ encryption: 'on', cipher: 'chacha20', quickCheck: 'ok', journalMode: 'WAL', synchronous: 'FULL', foreignKeys: true });
    t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    revealsNothing(t.dbPath, ids);
    const backups = listBackups(path.join(t.dir, 'backups'));
    expect(backups.map((b) => b.name.replace(/^staffbook-\d+-\d+-/, ''))).toEqual(expect.arrayContaining(['manual.db', 'before-encrypt.db']));
    for (const b of backups) revealsNothing(b.file, ids);
    // a backup taken after encrypting is encrypted too
    const { file } = await ok(t.backend, 'system.backup', {});
    revealsNothing(file, ids);
    // the key files hold the key only wrapped
    const keyFile = fs.readFileSync(keyFileOf(t.dbPath), 'utf8');
    expect(keyFile).toContain('"kdf": "scrypt"');
    expect(fs.statSync(keyFileOf(t.dbPath)).mode & 0o077).toBe(0);
  });

  it('reopens with the passphrase or the recovery key and gives the same figures; a wrong or missing key is refused in Chinese', async () => {
    const { recoveryKey, before } = await encryptedDemo();
    t.backend.close();
    for (const keys of [{ passphrase: PASS }, { recoveryKey }, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') }]) {
      const b = openBackend(t.dbPath, { keys, today: () => '2024-12-31' });
      expect(b.damaged()).toBeNull();
      expect(await figures(b)).toBe(before);
      b.close();
    }
    for (const keys of [{}, { passphrase: 'not the passphrase at all' }]) {
      let error: unknown;
      try {
        openBackend(t.dbPath, { keys }).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KeyRequiredError);
      expect((error as Error).message).toMatch(/^資料庫已加密，.*STAFFBOOK_PASSPHRASE.*STAFFBOOK_RECOVERY_KEY/);
      expect((error as Error).message).not.toMatch(/at |SQLITE/);
    }
    // one mistyped group is caught by the checksum, not tried as a key
    const typo = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => openBackend(t.dbPath, { keys: { recoveryKey: typo } })).toThrow(/檢查碼/);
    t.backend = openBackend(t.dbPath, { keys: { passphrase: PASS } }); // for cleanup
  });

  it('the recovery key alone opens a backup copied to a fresh folder, and restores it there', async () => {
    const { recoveryKey, hash } = await encryptedDemo();
    const backup = listBackups(path.join(t.dir, 'backups'))[0].file;
    const elsewhere = freshDir();
    const copied = path.join(elsewhere, 'copy.db');
    fs.copyFileSync(backup, copied); // only the .db file: no key file travels with it
    expect(() => openBackend(copied, { keys: { passphrase: PASS } })).toThrow(KeyRequiredError);
    const opened = openBackend(copied, { keys: { recoveryKey } });
    expect(hashAllTables(opened)).toBe(hash);
    opened.close();

    const fresh = openBackend(path.join(freshDir(), 'staffbook.db'), { keys: { recoveryKey, passphrase: PASS } });
    await ok(fresh, 'system.restore', { file: copied });
    expect(hashAllTables(fresh)).toBe(hash);
    expect((await ok(fresh, 'system.doctor', {})).encryption).toBe('on');
    fresh.close();
  });

  it('the passphrase opens a backup on another PC when the backup folder (with its key file) is copied', async () => {
    const { hash } = await encryptedDemo();
    const dir = path.join(t.dir, 'backups');
    expect(fs.existsSync(folderKeyFile(dir))).toBe(true);
    const elsewhere = freshDir();
    fs.cpSync(dir, elsewhere, { recursive: true });
    const b = openBackend(listBackups(elsewhere)[0].file, { keys: { passphrase: PASS } });
    expect(hashAllTables(b)).toBe(hash);
    b.close();
  });

  it('rekey: a new key for the database and every backup; the old recovery key opens nothing', async () => {
    const { recoveryKey: oldKey, hash, ids } = await encryptedDemo();
    const { recoveryKey: newKey } = await ok(t.backend, 'system.rekey', { passphrase: `${PASS} v2` });
    expect(newKey).not.toBe(oldKey);
    expect(hashAllTables(t.backend)).toBe(hash);
    t.backend.close();
    expect(() => openBackend(t.dbPath, { keys: { recoveryKey: oldKey } })).toThrow(KeyRequiredError);
    expect(() => openBackend(t.dbPath, { keys: { passphrase: PASS } })).toThrow(KeyRequiredError);
    for (const b of listBackups(path.join(t.dir, 'backups'))) {
      revealsNothing(b.file, ids);
      expect(() => openBackend(b.file, { keys: { recoveryKey: oldKey } }), b.name).toThrow(KeyRequiredError);
      openBackend(b.file, { keys: { recoveryKey: newKey } }).close();
    }
    t.backend = openBackend(t.dbPath, { keys: { passphrase: `${PASS} v2` } });
    expect(hashAllTables(t.backend)).toBe(hash);
  });

  it('decrypt: the database and its backups are plain SQLite again, the key files gone, the data the same', async () => {
    const { hash } = await encryptedDemo();
    await ok(t.backend, 'system.decrypt', {});
    expect(hashAllTables(t.backend)).toBe(hash);
    expect(isEncryptedFile(t.dbPath)).toBe(false);
    expect(fs.existsSync(keyFileOf(t.dbPath))).toBe(false);
    const dir = path.join(t.dir, 'backups');
    expect(fs.existsSync(folderKeyFile(dir))).toBe(false);
    for (const b of listBackups(dir)) expect(isEncryptedFile(b.file), b.name).toBe(false);
    const events = (await ok(t.backend, 'audit.list', {})).rows.map((r: { action: string }) => r.action);
    expect(events).toEqual(expect.arrayContaining(['encrypt', 'decrypt']));
  });

  it('restoring a plain backup into an encrypted office keeps it encrypted', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const { file: plain } = await ok(t.backend, 'system.backup', {});
    const hash = hashAllTables(t.backend);
    const outside = path.join(freshDir(), 'plain.db');
    fs.copyFileSync(plain, outside); // out of the folder that encrypt converts
    await ok(t.backend, 'system.encrypt', { passphrase: PASS });
    await ok(t.backend, 'people.delete', { id: 1 });
    await ok(t.backend, 'system.restore', { file: outside });
    expect(hashAllTables(t.backend)).toBe(hash);
    expect(isEncryptedFile(t.dbPath)).toBe(true);
    expect((await ok(t.backend, 'system.doctor', {})).encryption).toBe('on');
  });

  it('refuses a short passphrase, a second encrypt, and a decrypt of a plain database, writing nothing', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const hash = hashAllTables(t.backend);
    expect((await fails(t.backend, 'system.encrypt', { passphrase: 'short' })).message).toMatch(/至少 12 個字元/);
    expect((await fails(t.backend, 'system.encrypt', {})).message).toMatch(/密語/);
    expect((await fails(t.backend, 'system.decrypt', {})).message).toMatch(/沒有加密/);
    expect(isEncryptedFile(t.dbPath)).toBe(false);
    expect(hashAllTables(t.backend)).toBe(hash);
    await ok(t.backend, 'system.encrypt', { passphrase: PASS });
    expect((await fails(t.backend, 'system.encrypt', { passphrase: PASS })).message).toMatch(/已經加密/);
  });

  it('the recovery key round-trips and catches a typo', () => {
    const key = Buffer.alloc(32, 7);
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$/);
    expect(parseRecoveryKey(text)?.equals(key)).toBe(true);
    expect(parseRecoveryKey(`  ${text.toLowerCase()}  `)?.equals(key)).toBe(true);
    const swapped = text.slice(0, 5) + text[6] + text[5] + text.slice(7);
    if (swapped !== text) expect(parseRecoveryKey(swapped)).toBeNull();
  });
});
