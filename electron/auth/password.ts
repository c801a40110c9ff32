// Password hashing with scrypt, Node's memory-hard KDF: 2^15 × 8 × 128 B = 32 MiB per guess makes offline cracking
// of a stolen database slow. Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later.
// Always the asynchronous form: it runs on libuv's thread pool, so ~100 ms of hashing per attempt never blocks the
// one JavaScript thread every other user's calls run on (scryptSync stalled the whole app under parallel sign-ins).
import crypto from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, opts: crypto.ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.scrypt(password, salt, keylen, opts, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
  return crypto.timingSafeEqual(expected, actual);
}

let dummy: Promise<string> | null = null;
/** A hash at today's cost that matches no password: checked against when there is no account, so an unknown
 * username costs exactly what a wrong password costs. */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(crypto.randomBytes(16).toString('hex')));
}
