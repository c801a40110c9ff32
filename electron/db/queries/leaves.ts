import type { IsoDate, Leave } from '../../../shared/domain/types';
import type { Db } from '../connection';

const COLUMNS = 'id, person_id, start_date, end_date, note';

function toLeave(r: any): Leave {
  return { id: r.id, personId: r.person_id, startDate: r.start_date, endDate: r.end_date, note: r.note };
}

export type LeaveFields = Omit<Leave, 'id'>;

export function listLeaves(db: Db): Leave[] {
  return db.prepare(`SELECT ${COLUMNS} FROM leaves ORDER BY person_id, start_date`).all().map(toLeave);
}

export function listLeavesCovering(db: Db, date: IsoDate): Leave[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM leaves WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date)`)
    .all({ date })
    .map(toLeave);
}

export function getLeave(db: Db, id: number): Leave | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM leaves WHERE id = ?`).get(id);
  return r ? toLeave(r) : undefined;
}

export function leavesOfPerson(db: Db, personId: number): Leave[] {
  return db.prepare(`SELECT ${COLUMNS} FROM leaves WHERE person_id = ? ORDER BY start_date`).all(personId).map(toLeave);
}

export function insertLeave(db: Db, l: LeaveFields): number {
  return Number(
    db.prepare('INSERT INTO leaves (person_id, start_date, end_date, note) VALUES (@personId, @startDate, @endDate, @note)').run(l)
      .lastInsertRowid,
  );
}

export function updateLeave(db: Db, id: number, l: Omit<LeaveFields, 'personId'>): void {
  db.prepare('UPDATE leaves SET start_date = @startDate, end_date = @endDate, note = @note WHERE id = @id').run({ ...l, id });
}

export function deleteLeave(db: Db, id: number): void {
  db.prepare('DELETE FROM leaves WHERE id = ?').run(id);
}
