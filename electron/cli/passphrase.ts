// The passphrase of an encrypted database, for the shells without an OS key store (CLI, browser mode): the
// environment first (scripts, CI), else a prompt on the terminal with the typing hidden.
import { isEncryptedFile } from '../db/encryption/cipher';
import { keySourcesFromEnv, type KeySources } from '../db/encryption/unlock';

/** Reads one line from the terminal without echoing it; null where there is no terminal. */
export function askHidden(question: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') process.exit(130); // Ctrl+C
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.on('data', onData);
  });
}

/** The key sources for opening `dbPath`: asks on the terminal only when the file is encrypted and nothing was given. */
export async function keySourcesFor(dbPath: string): Promise<KeySources> {
  const sources = keySourcesFromEnv();
  if (sources.passphrase || sources.recoveryKey || !isEncryptedFile(dbPath)) return sources;
  const typed = await askHidden('資料庫已加密，請輸入密語（或復原金鑰）：');
  if (!typed) return sources;
  return /^[A-Z2-7]{4}(-?[A-Z2-7]{4}){13}$/i.test(typed.trim()) ? { recoveryKey: typed } : { passphrase: typed };
}

/** A new passphrase, typed twice on the terminal, or STAFFBOOK_NEW_PASSPHRASE / STAFFBOOK_PASSPHRASE. */
export async function newPassphrase(): Promise<string | undefined> {
  const given = process.env.STAFFBOOK_NEW_PASSPHRASE || process.env.STAFFBOOK_PASSPHRASE;
  if (given) return given;
  const first = await askHidden('設定密語（至少 12 個字元，每次開啟資料庫時需要）：');
  if (first == null) return undefined;
  const again = await askHidden('再輸入一次密語：');
  if (again !== first) throw new Error('兩次輸入的密語不同，未變更任何資料');
  return first;
}
