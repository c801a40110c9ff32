// Backup rotation (issue: trust): everything from the last two days, then 7 daily, 4 weekly, 12 monthly — with a
// fake clock, a year of daily backups is thinned exactly as promised.
import { describe, expect, it } from 'vitest';
import { backupsToKeep, type BackupFile } from '../../shared/domain/backupRotation';

function daily(from: string, days: number, hour = '09:00:00'): BackupFile[] {
  const out: BackupFile[] = [];
  const d = new Date(`${from}T00:00:00`);
  for (let i = 0; i < days; i++) {
    const day = new Date(d.getFullYear(), d.getMonth(), d.getDate() + i);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    out.push({ name: `b-${iso}`, takenAt: `${iso}T${hour}` });
  }
  return out;
}

describe('backupsToKeep', () => {
  it('keeps every backup of the last 48 hours, even several a day (each pre-import copy can undo its import)', () => {
    const files = [1, 2, 3, 4].map((h) => ({ name: `imp-${h}`, takenAt: `2025-03-10T1${h}:00:00` }));
    const keep = backupsToKeep(files, new Date('2025-03-10T18:00:00'));
    expect([...keep].sort()).toEqual(['imp-1', 'imp-2', 'imp-3', 'imp-4']);
  });

  it('after a year of daily backups keeps 7 daily + the newest of 4 weeks + 12 months, and nothing else', () => {
    const files = daily('2024-03-01', 366); // 2024-03-01 .. 2025-03-01
    const now = new Date('2025-03-05T09:00:00'); // last backup is four days old: nothing is "recent"
    const keep = backupsToKeep(files, now);
    const days = [...keep].map((n) => n.slice(2)).sort();
    // 7 newest days
    for (const d of ['2025-02-23', '2025-02-24', '2025-02-25', '2025-02-26', '2025-02-27', '2025-02-28', '2025-03-01']) expect(days).toContain(d);
    // newest of each of the 12 newest months: month ends back to 2024-04-30, plus 2025-03-01 for March
    for (const d of ['2025-01-31', '2024-12-31', '2024-06-30', '2024-04-30']) expect(days).toContain(d);
    expect(days).not.toContain('2024-03-31');
    // and nothing in between that no rule asks for
    expect(days).not.toContain('2024-10-15');
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12);
  });

  it('weekly buckets are ISO weeks: the newest backup of each of the last 4 weeks survives', () => {
    const files = daily('2025-01-01', 60);
    const keep = backupsToKeep(files, new Date('2025-03-20T00:00:00'));
    // 2025-03-01 is a Saturday; ISO week 9 runs Mon 02-24 .. Sun 03-02: its newest backup is 03-01 (the last one)
    expect(keep).toContain('b-2025-03-01');
    // week 8 (02-17 .. 02-23) newest is 02-23, a daily keep as well; week 6 newest is 02-09
    expect(keep).toContain('b-2025-02-16');
    expect(keep).toContain('b-2025-02-09');
    expect(keep).not.toContain('b-2025-02-08');
  });

  it('an empty folder keeps nothing and does not throw', () => {
    expect(backupsToKeep([], new Date()).size).toBe(0);
  });
});
