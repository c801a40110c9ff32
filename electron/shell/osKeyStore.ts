// The desktop app keeps the database key in the OS key store through Electron's safeStorage (Windows DPAPI, macOS
// Keychain, libsecret/kwallet), as Signal Desktop does for its SQLCipher key: the office PC's Windows user opens the
// app without typing anything, and the key file copied to another PC or user opens nothing there.
import type { OsKeyStore } from '../db/encryption/keyFile';

/** The part of Electron's safeStorage used here (a structural type, so tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable: () => boolean;
  getSelectedStorageBackend?: () => string;
  encryptString: (plain: string) => Buffer;
  decryptString: (sealed: Buffer) => string;
}

/** undefined where there is no real key store: then a passphrase is needed, as in browser mode. */
export function osKeyStoreFrom(safeStorage: SafeStorageLike | undefined, platform = process.platform): OsKeyStore | undefined {
  if (!safeStorage?.isEncryptionAvailable()) return undefined;
  // Linux without a keyring falls back to a password compiled into Chromium: that protects nothing.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
