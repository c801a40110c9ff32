// What the clerk reads when the database file is damaged: the reason and the way out (restore the newest backup),
// never a stack trace. Used when the file fails its checks on open and when damage surfaces in the middle of a call.
import { backupDirFor, listBackups } from './backup';

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The restore offer: the newest backup beside the database, in the app (備份與還原) or with `restore <file>`. */
export function restoreOffer(dbPath: string): string {
  const newest = dbPath === ':memory:' ? undefined : listBackups(backupDirFor(dbPath))[0];
  return newest
    ? `請從最新的正常備份還原：${newest.file}（畫面上按「從最新備份還原」，或命令列 restore "${newest.file}"）`
    : '找不到備份檔；請從其他保存的備份還原（命令列 restore <備份檔>）';
}

export function damagedReason(dbPath: string, e: unknown): string {
  return `資料庫檔案受損，已改為唯讀模式：${errorText(e)}。${restoreOffer(dbPath)}`;
}

/** For a call that hit damage: the state the back end already knows, else the damage just found. */
export function damagedMessage(ctx: { system: { dbPath: string; damaged: () => string | null } }, e: unknown): string {
  return ctx.system.damaged() ?? damagedReason(ctx.system.dbPath, e);
}
