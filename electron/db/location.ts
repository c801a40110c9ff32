// SQLite's WAL needs shared memory on a local disk; on SMB/NFS shares it corrupts databases (sqlite.org/wal.html,
// "How To Corrupt An SQLite Database File" §2). Refuse such locations with an explanation.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb', 'smb3', 'smbfs', 'sshfs', 'fuse.sshfs', '9p', 'afs', 'davfs', 'fuse.davfs2']);

/** The mount type of the folder that would hold `file`, from /proc/mounts (Linux); null where that is not known. */
export function mountTypeOf(file: string, mounts = readMounts()): string | null {
  const abs = path.resolve(file);
  let best: { point: string; type: string } | null = null;
  for (const m of mounts) {
    if ((abs === m.point || abs.startsWith(m.point.endsWith('/') ? m.point : `${m.point}/`)) && (!best || m.point.length > best.point.length)) best = m;
  }
  return best?.type ?? null;
}

function readMounts(): { point: string; type: string }[] {
  try {
    return fs
      .readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .filter((f) => f.length > 2)
      .map((f) => ({ point: f[1].replace(/\\040/g, ' '), type: f[2] }));
  } catch {
    return [];
  }
}

/** Windows' GetDriveType for a drive root ("Z:\\"): 'Network' for a mapped share, 'Fixed', 'Removable', … */
export type DriveTypeProbe = (root: string) => string | null;

const driveTypes = new Map<string, string | null>();
/** Asks Windows through PowerShell's DriveInfo (no native addon needed); once per drive per process. The system drive
 * (where %LOCALAPPDATA% is) cannot be a network drive, so the usual start-up spawns no PowerShell. */
export const windowsDriveType: DriveTypeProbe = (root) => {
  const letter = root.slice(0, 1).toUpperCase();
  if (!/^[A-Z]$/.test(letter)) return null;
  if (letter === (process.env.SystemDrive ?? 'C:').slice(0, 1).toUpperCase()) return 'Fixed';
  if (!driveTypes.has(letter)) {
    let type: string | null = null;
    try {
      type = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `[System.IO.DriveInfo]::new('${letter}').DriveType`], {
        encoding: 'utf8',
        timeout: 10_000,
        windowsHide: true,
      }).trim();
    } catch {
      type = null; // unknown: the open goes ahead, as it did before this check existed
    }
    driveTypes.set(letter, type);
  }
  return driveTypes.get(letter) ?? null;
};

export interface Host {
  platform: NodeJS.Platform;
  driveType: DriveTypeProbe;
}
const thisHost: Host = { platform: process.platform, driveType: windowsDriveType };

/** A Chinese explanation when `file` is on a network share (UNC path, mapped network drive, SMB/NFS mount), else null. */
export function networkShareProblem(file: string, mounts?: { point: string; type: string }[], host: Host = thisHost): string | null {
  const isUnc = /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(file);
  let where: string | null = isUnc ? file : null;
  if (!where && host.platform === 'win32') {
    const drive = /^([A-Za-z]):/.exec(path.win32.resolve(file))?.[1];
    if (drive && host.driveType(`${drive.toUpperCase()}:\\`) === 'Network') where = `網路磁碟機 ${drive.toUpperCase()}:`;
  } else if (!where) {
    const type = mountTypeOf(file, mounts);
    if (type && NETWORK_FS.has(type)) where = type;
  }
  if (!where) return null;
  return `資料庫不可放在網路磁碟（${where}）：SQLite 的 WAL 在網路檔案系統上無法正確運作，可能損壞資料。請改放在本機磁碟（預設的使用者資料夾，或以環境變數 STAFFBOOK_HOME 指定本機資料夾），需要共用時請用「備份」複製到共用資料夾。`;
}
