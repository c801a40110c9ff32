import type { Assignment } from '../../../shared/domain/supervision';
import type { IsoDate } from '../../../shared/domain/types';
import type { Db } from '../connection';

export interface AssignmentRow extends Assignment {
  id: number;
}

export function listAssignments(db: Db): AssignmentRow[] {
  return db
    .prepare('SELECT id, case_manager_id, supervisor_id, start_date, end_date FROM supervision_assignments ORDER BY start_date, id')
    .all()
    .map((r: any) => ({ id: r.id, caseManagerId: r.case_manager_id, supervisorId: r.supervisor_id, startDate: r.start_date, endDate: r.end_date }));
}

/** The assignments in force on `date`, in the same order as listAssignments. */
export function listAssignmentsOn(db: Db, date: IsoDate): AssignmentRow[] {
  return db
    .prepare(
      `SELECT id, case_manager_id, supervisor_id, start_date, end_date FROM supervision_assignments
       WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date) ORDER BY start_date, id`,
    )
    .all({ date })
    .map((r: any) => ({ id: r.id, caseManagerId: r.case_manager_id, supervisorId: r.supervisor_id, startDate: r.start_date, endDate: r.end_date }));
}

/** Ends the case manager's open assignment on `endDate`, so one 個管 has one 督導 at a time. */
export function endOpenAssignment(db: Db, caseManagerId: number, endDate: IsoDate): void {
  db.prepare('UPDATE supervision_assignments SET end_date = ? WHERE case_manager_id = ? AND end_date IS NULL AND start_date <= ?').run(
    endDate,
    caseManagerId,
    endDate,
  );
}

export function deleteAssignmentsFrom(db: Db, caseManagerId: number, startDate: IsoDate): void {
  db.prepare('DELETE FROM supervision_assignments WHERE case_manager_id = ? AND start_date >= ?').run(caseManagerId, startDate);
}

export function insertAssignment(db: Db, a: Assignment): number {
  return Number(
    db
      .prepare('INSERT INTO supervision_assignments (case_manager_id, supervisor_id, start_date, end_date) VALUES (?, ?, ?, ?)')
      .run(a.caseManagerId, a.supervisorId, a.startDate, a.endDate).lastInsertRowid,
  );
}
