import type { Assignment } from '../../../shared/domain/supervision';
import type { IsoDate } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface AssignmentRow extends Assignment {
  id: number;
}

export function listAssignments(db: Db): AssignmentRow[] {
  return prepared(db, 'SELECT id, case_manager_id, supervisor_id, start_date, end_date FROM supervision_assignments ORDER BY start_date, id')
    .all()
    .map((r: any) => ({ id: r.id, caseManagerId: r.case_manager_id, supervisorId: r.supervisor_id, startDate: r.start_date, endDate: r.end_date }));
}

/**
 * The assignments in force on `date`, by 個管 and start (ties by id): what the team sizes read. The order lets the
 * (case_manager_id, start_date) index serve it without a sort; teamSizes keeps the last started, as it always does.
 */
export function listAssignmentsOn(db: Db, date: IsoDate): Assignment[] {
  const rows = prepared(db,
      `SELECT case_manager_id, supervisor_id, start_date, end_date FROM supervision_assignments
       WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date) ORDER BY case_manager_id, start_date, id`,
    )
    .raw(true)
    .all({ date }) as any[][];
  return rows.map((r) => ({ caseManagerId: r[0], supervisorId: r[1], startDate: r[2], endDate: r[3] }));
}

/** Ends the case manager's open assignment on `endDate`, so one 個管 has one 督導 at a time. */
export function endOpenAssignment(db: Db, caseManagerId: number, endDate: IsoDate): void {
  prepared(db, 'UPDATE supervision_assignments SET end_date = ? WHERE case_manager_id = ? AND end_date IS NULL AND start_date <= ?').run(
    endDate,
    caseManagerId,
    endDate,
  );
}

export function deleteAssignmentsFrom(db: Db, caseManagerId: number, startDate: IsoDate): void {
  prepared(db, 'DELETE FROM supervision_assignments WHERE case_manager_id = ? AND start_date >= ?').run(caseManagerId, startDate);
}

export function insertAssignment(db: Db, a: Assignment): number {
  return Number(
    prepared(db, 'INSERT INTO supervision_assignments (case_manager_id, supervisor_id, start_date, end_date) VALUES (?, ?, ?, ?)')
      .run(a.caseManagerId, a.supervisorId, a.startDate, a.endDate).lastInsertRowid,
  );
}
