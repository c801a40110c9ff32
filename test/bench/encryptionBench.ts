// The encrypted database against the plain one (issue: encryption at rest): the same national file, encrypted with
// ChaCha20-Poly1305, opened and read through the same dispatcher. The "floor" of each row is the plain file: the row
// shows what the cipher costs, not how close a figure is to hand-written SQL (that is the figures section).
import fs from 'node:fs';
import { openBackend, type Backend } from '../../electron/backend';
import { median, timePair } from './timing';

type Add = (op: string, ours: number, floor: number | null, target: string, met: (ours: number, ratio: number | null) => boolean) => void;

export async function benchEncryption(opts: { plainPath: string; encryptedPath: string; reps: number; add: Add; agree: (what: string, same: boolean) => void; date: string; rocYear: number }): Promise<void> {
  const { plainPath, encryptedPath, reps, add, agree, date, rocYear } = opts;
  fs.copyFileSync(plainPath, encryptedPath);
  const setup = openBackend(encryptedPath, { actor: 'bench', keys: {} });
  const recoveryKey = await setup.system.encryption.encrypt('bench passphrase, not a secret');
  setup.close();
  const keys = { recoveryKey }; // the recovery key opens without the passphrase's KDF: the row times the cipher alone

  {
    const { ours, floor } = await timePair(
      () => openBackend(encryptedPath, { actor: 'bench', keys }).close(),
      () => openBackend(plainPath, { actor: 'bench', keys: {} }).close(),
      { reps, warmup: 2 },
    );
    add('open database, encrypted (quick_check decrypts every page)', median(ours), median(floor), '≤ 2× plain', (_o, r) => r! <= 2);
  }

  const enc = openBackend(encryptedPath, { actor: 'bench', keys });
  const plain = openBackend(plainPath, { actor: 'bench', keys: {} });
  const call = async (b: Backend, method: string, input: unknown) => {
    const r = await b.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data;
  };
  const figures: [string, unknown][] = [
    ['roster.at', { date }],
    ['retention.at', { date }],
    ['supervision.at', { date }],
    ['headcount.year', { rocYear }],
    ['training.year', { rocYear, date }],
    ['volunteers.year', { rocYear, date }],
  ];
  for (const [method, input] of figures) {
    agree(`${method} encrypted = plain`, JSON.stringify(await call(enc, method, input)) === JSON.stringify(await call(plain, method, input)));
  }
  const all = (b: Backend) => Promise.all(figures.map(([m, i]) => call(b, m, i)));
  const { ours, floor } = await timePair(() => all(enc), () => all(plain), { reps, warmup: 2 });
  add('six figures, encrypted database', median(ours), median(floor), '≤ 1.5× plain', (_o, r) => r! <= 1.5);
  enc.close();
  plain.close();
}
