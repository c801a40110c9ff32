// SQLite's WAL needs shared memory on a local disk; on SMB/NFS shares it corrupts databases (sqlite.org/wal.html,
// "How To Corrupt An SQLite Database File" §2). Refuse such locations with an explanation.
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

/** A Chinese explanation when `file` is on a network share, else null. */
export function networkShareProblem(file: string, mounts?: { point: string; type: string }[]): string | null {
  const isUnc = /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(file);
  const type = isUnc ? 'UNC' : mountTypeOf(file, mounts);
  if (!isUnc && !(type && NETWORK_FS.has(type))) return null;
  return `資料庫不可放在網路磁碟（${isUnc ? file : type}）：SQLite 的 WAL 在網路檔案系統上無法正確運作，可能損壞資料。請改放在本機磁碟（例如預設的使用者資料夾），需要共用時請用「備份」複製到共用資料夾。`;
}
