// Which backups to keep: everything from the last two days (so each pre-import copy can undo that import), then the
// newest of each of the last 7 days, 4 weeks and 12 months that have one (issue: trust).
// Pure, so the rotation is tested with a fake clock instead of waiting a year.
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

export interface BackupFile {
  name: string;
  /** when it was taken, ISO date-time (local) */
  takenAt: string;
}

export const KEEP = { recentHours: 48, daily: 7, weekly: 4, monthly: 12 } as const;

function newestPerBucket(files: BackupFile[], bucket: (f: BackupFile) => string, count: number): string[] {
  const seen = new Map<string, string>();
  for (const f of [...files].sort((a, b) => b.takenAt.localeCompare(a.takenAt))) {
    const key = bucket(f);
    if (!seen.has(key)) seen.set(key, f.name);
    if (seen.size >= count && !seen.has(key)) break;
  }
  return [...seen.values()].slice(0, count);
}

export function backupsToKeep(files: BackupFile[], now: Date): Set<string> {
  const local = (f: BackupFile) => new Date(f.takenAt);
  const recent = files.filter((f) => now.getTime() - local(f).getTime() < KEEP.recentHours * 3600_000).map((f) => f.name);
  return new Set([
    ...recent,
    ...newestPerBucket(files, (f) => f.takenAt.slice(0, 10), KEEP.daily),
    ...newestPerBucket(files, (f) => `${getISOWeekYear(local(f))}-W${getISOWeek(local(f))}`, KEEP.weekly),
    ...newestPerBucket(files, (f) => f.takenAt.slice(0, 7), KEEP.monthly),
  ]);
}
