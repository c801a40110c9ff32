// The recovery key: the database key itself, written as 14 groups of 4 characters (RFC 4648 base32, no look-alike
// digits 0/1/8/9) so a 管理者 can copy it onto paper. Three checksum bytes catch a mistyped group.
import crypto from 'node:crypto';
import { KEY_BYTES, type DbKey } from './cipher';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CHECK_BYTES = 3;

function checksum(key: Buffer): Buffer {
  return crypto.createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);
}

export function formatRecoveryKey(key: DbKey): string {
  const bytes = Buffer.concat([key, checksum(key)]); // 35 bytes = 280 bits = 56 characters
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The key from a typed recovery key (case, spaces and dashes ignored); null when it is not one or a group is wrong. */
export function parseRecoveryKey(text: string): DbKey | null {
  const chars = text.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 56 || /[^A-Z2-7]/.test(chars)) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of chars) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  const all = Buffer.from(bytes);
  const key = all.subarray(0, KEY_BYTES);
  return checksum(key).equals(all.subarray(KEY_BYTES, KEY_BYTES + CHECK_BYTES)) ? Buffer.from(key) : null;
}
