// Where the app keeps its database when no --db is given: the same folder Electron calls userData.
import os from 'node:os';
import path from 'node:path';

export function appDataDir(): string {
  if (process.env.STAFFBOOK_HOME) return process.env.STAFFBOOK_HOME;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Staffbook');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Staffbook');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Staffbook');
}

export function defaultDbPath(): string {
  return path.join(appDataDir(), 'staffbook.db');
}
