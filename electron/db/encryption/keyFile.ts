// The key file beside an encrypted database: the random database key, wrapped once per way of unlocking it (a
// passphrase through scrypt, and in the desktop app the OS key store: DPAPI, Keychain, libsecret). It holds nothing
// readable without one of those, so it may travel with the backups; the recovery key opens the database without it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CIPHER, KEY_BYTES, type DbKey } from './cipher';

/** What the Electron shell lends: safeStorage. Absent in browser mode, the CLI and tests. */
export interface OsKeyStore {
  encrypt: (plain: Buffer) => Buffer;
  decrypt: (sealed: Buffer) => Buffer;
}

interface PassphraseSlot {
  type: 'passphrase';
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}
interface OsSlot {
  type: 'os';
  wrapped: string;
}
export interface KeyFile {
  format: 'staffbook-keys/1';
  cipher: string;
  keyId: string;
  slots: (PassphraseSlot | OsSlot)[];
}

/** scrypt at 64 MiB per guess (N=2^16, r=8): memory-hard, about 0.2 s on an office PC, once per start. */
const SCRYPT = { N: 1 << 16, r: 8, p: 1 };
const scryptOpts = (s: { N: number; r: number; p: number }) => ({ N: s.N, r: s.r, p: s.p, maxmem: 256 * s.N * s.r });
export const MIN_PASSPHRASE = 12;

export const keyIdOf = (key: DbKey) => crypto.createHash('sha256').update('staffbook-key-id').update(key).digest('hex').slice(0, 16);

/** The live database's key file is `<db>.keys`; a backup folder holds one `staffbook.keys` for all its copies. */
export const keyFileOf = (dbFile: string) => `${path.resolve(dbFile)}.keys`;
export const folderKeyFile = (dir: string) => path.join(dir, 'staffbook.keys');

export function passphraseProblem(passphrase: string): string | null {
  if ([...passphrase.trim()].length < MIN_PASSPHRASE) return `密語至少 ${MIN_PASSPHRASE} 個字元（可用一句好記的話）`;
  return null;
}

function passphraseSlot(key: DbKey, keyId: string, passphrase: string): PassphraseSlot {
  const salt = crypto.randomBytes(16);
  const kek = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, scryptOpts(SCRYPT));
  const iv = crypto.randomBytes(12);
  const gcm = crypto.createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from(keyId));
  const wrapped = Buffer.concat([gcm.update(key), gcm.final()]);
  return { type: 'passphrase', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: gcm.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

export function makeKeyFile(key: DbKey, ways: { passphrase?: string; os?: OsKeyStore }): KeyFile {
  const keyId = keyIdOf(key);
  const slots: KeyFile['slots'] = [];
  if (ways.passphrase) slots.push(passphraseSlot(key, keyId, ways.passphrase));
  if (ways.os) slots.push({ type: 'os', wrapped: ways.os.encrypt(key).toString('base64') });
  return { format: 'staffbook-keys/1', cipher: CIPHER, keyId, slots };
}

/** The key from the slots this caller can open; null when none opens (wrong passphrase, another PC's key store). */
export function unlockKeyFile(kf: KeyFile, ways: { passphrase?: string; os?: OsKeyStore }): DbKey | null {
  for (const slot of kf.slots) {
    try {
      let key: Buffer | null = null;
      if (slot.type === 'os' && ways.os) key = ways.os.decrypt(Buffer.from(slot.wrapped, 'base64'));
      if (slot.type === 'passphrase' && ways.passphrase) {
        const kek = crypto.scryptSync(ways.passphrase.normalize('NFC'), Buffer.from(slot.salt, 'base64'), 32, scryptOpts(slot));
        const gcm = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64')).setAAD(Buffer.from(kf.keyId));
        gcm.setAuthTag(Buffer.from(slot.tag, 'base64'));
        key = Buffer.concat([gcm.update(Buffer.from(slot.wrapped, 'base64')), gcm.final()]);
      }
      if (key && key.length === KEY_BYTES && keyIdOf(key) === kf.keyId) return key;
    } catch {
      /* this slot is not ours: try the next */
    }
  }
  return null;
}

export function readKeyFile(file: string): KeyFile | null {
  try {
    const kf = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    return kf.format === 'staffbook-keys/1' && Array.isArray(kf.slots) ? kf : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, owner-only: a half-written key file would lock the office out. */
export function writeKeyFile(file: string, kf: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, `${JSON.stringify(kf, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
