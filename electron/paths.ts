// Where the app keeps its database when no --db is given. One rule for the window, browser mode and the CLI:
// STAFFBOOK_HOME if set; else the machine-local per-user folder — on Windows %LOCALAPPDATA%\Staffbook, because
// roaming AppData is copied between PCs at sign-in/sign-out and one PC's database could overwrite another's (and
// folder redirection can put it on a network share, where WAL corrupts). Linux and macOS have no roaming profile.
import os from 'node:os';
import path from 'node:path';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}
const thisMachine = (): PathEnv => ({ platform: process.platform, env: process.env, home: os.homedir() });

export function appDataDir(p: PathEnv = thisMachine()): string {
  if (p.env.STAFFBOOK_HOME) return p.env.STAFFBOOK_HOME;
  if (p.platform === 'win32') return path.win32.join(p.env.LOCALAPPDATA || path.win32.join(p.home, 'AppData', 'Local'), 'Staffbook');
  if (p.platform === 'darwin') return path.join(p.home, 'Library', 'Application Support', 'Staffbook');
  return path.join(p.env.XDG_CONFIG_HOME || path.join(p.home, '.config'), 'Staffbook');
}

/** Where earlier versions kept the database on Windows (roaming AppData, Electron's userData); null elsewhere. */
export function roamingAppDataDir(p: PathEnv = thisMachine()): string | null {
  if (p.env.STAFFBOOK_HOME || p.platform !== 'win32') return null;
  return path.win32.join(p.env.APPDATA || path.win32.join(p.home, 'AppData', 'Roaming'), 'Staffbook');
}

export function defaultDbPath(p: PathEnv = thisMachine()): string {
  return (p.platform === 'win32' ? path.win32 : path).join(appDataDir(p), 'staffbook.db');
}
