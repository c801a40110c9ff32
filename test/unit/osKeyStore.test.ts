// The desktop app's key store (issue: encryption at rest): safeStorage where it is real, nothing where it is not.
import { describe, expect, it } from 'vitest';
import { makeKeyFile, unlockKeyFile } from '../../electron/db/encryption/keyFile';
import { osKeyStoreFrom, type SafeStorageLike } from '../../electron/shell/osKeyStore';

/** A stand-in for DPAPI: seals with a per-"user" secret, so another user's store opens nothing. */
function fakeSafeStorage(user: string, backend = 'dpapi', available = true): SafeStorageLike {
  const seal = (s: string) => Buffer.from(`${user}:${s}`);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: seal,
    decryptString: (b) => {
      const text = b.toString();
      if (!text.startsWith(`${user}:`)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(user.length + 1);
    },
  };
}

describe('OS key store for the database key', () => {
  it('wraps the key so the same Windows user unlocks it without a passphrase, and another user cannot', () => {
    const key = Buffer.alloc(32, 9);
    const mine = osKeyStoreFrom(fakeSafeStorage('clerk'), 'win32')!;
    const kf = makeKeyFile(key, { os: mine });
    expect(JSON.stringify(kf)).not.toContain(key.toString('hex'));
    expect(unlockKeyFile(kf, { os: mine })?.equals(key)).toBe(true);
    expect(unlockKeyFile(kf, { os: osKeyStoreFrom(fakeSafeStorage('someone-else'), 'win32') })).toBeNull();
    expect(unlockKeyFile(kf, { passphrase: 'any passphrase at all' })).toBeNull();
  });

  it('offers no key store where safeStorage is unavailable or is Linux basic_text (a built-in password)', () => {
    expect(osKeyStoreFrom(undefined, 'win32')).toBeUndefined();
    expect(osKeyStoreFrom(fakeSafeStorage('clerk', 'dpapi', false), 'win32')).toBeUndefined();
    expect(osKeyStoreFrom(fakeSafeStorage('clerk', 'basic_text'), 'linux')).toBeUndefined();
    expect(osKeyStoreFrom(fakeSafeStorage('clerk', 'gnome_libsecret'), 'linux')).toBeDefined();
  });

  it('a key file with both ways opens with either', () => {
    const key = Buffer.alloc(32, 3);
    const os = osKeyStoreFrom(fakeSafeStorage('clerk'), 'darwin')!;
    const kf = makeKeyFile(key, { os, passphrase: 'the office passphrase' });
    expect(unlockKeyFile(kf, { passphrase: 'the office passphrase' })?.equals(key)).toBe(true);
    expect(unlockKeyFile(kf, { os })?.equals(key)).toBe(true);
    expect(unlockKeyFile(kf, { passphrase: 'the office passphrasE' })).toBeNull();
  });
});
