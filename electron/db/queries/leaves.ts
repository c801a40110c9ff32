import type { IsoDate, Leave } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { PEOPLE_ACTIVE_BETWEEN, PEOPLE_IN_ROLES_BETWEEN } from './periods';
import { allAsJson, prepared } from '../statements';

const COLUMNS = 'id, person_id, start_date, end_date, note';

/** A row read as an array in COLUMNS order (see periods.ts). */
function toLeave(r: any[]): Leave {
  return { id: r[0], personId: r[1], startDate: r[2], endDate: r[3], note: r[4] };
}

/** `SELECT COLUMNS <rest>`, read as one JSON text (allAsJson). */
function many(db: Db, rest: string, ...params: unknown[]): Leave[] {
  return (allAsJson(db, COLUMNS, rest, ...params) as any[][]).map(toLeave);
}

export type LeaveFields = Omit<Leave, 'id'>;

export function listLeaves(db: Db): Leave[] {
  return many(db, `FROM leaves ORDER BY person_id, start_date`);
}

export function listLeavesCovering(db: Db, date: IsoDate): Leave[] {
  return many(db, `FROM leaves WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date)`, { date });
}

/** Every 留職停薪 of the people employed at some time in [from, to]. */
export function listLeavesOfPeopleActiveBetween(db: Db, from: IsoDate, to: IsoDate): Leave[] {
  return many(db, `FROM leaves WHERE person_id IN (${PEOPLE_ACTIVE_BETWEEN}) ORDER BY person_id, start_date`, { from, to });
}

/** Every 留職停薪 of the people who held a period in those roles with that funding at some time in [from, to]. */
export function listLeavesOfPeopleInRolesBetween(db: Db, roleCodes: readonly string[], funding: string, from: IsoDate, to: IsoDate): Leave[] {
  return many(db, `FROM leaves WHERE person_id IN (${PEOPLE_IN_ROLES_BETWEEN}) ORDER BY person_id, start_date`, {
    codes: JSON.stringify(roleCodes),
    funding,
    from,
    to,
  });
}

export function getLeave(db: Db, id: number): Leave | undefined {
  const r = prepared(db, `SELECT ${COLUMNS} FROM leaves WHERE id = ?`).raw(true).get(id) as any[] | undefined;
  return r ? toLeave(r) : undefined;
}

export function leavesOfPerson(db: Db, personId: number): Leave[] {
  return many(db, `FROM leaves WHERE person_id = ? ORDER BY start_date`, personId);
}

export function insertLeave(db: Db, l: LeaveFields): number {
  return Number(
    prepared(db, 'INSERT INTO leaves (person_id, start_date, end_date, note) VALUES (@personId, @startDate, @endDate, @note)').run(l)
      .lastInsertRowid,
  );
}

export function updateLeave(db: Db, id: number, l: Omit<LeaveFields, 'personId'>): void {
  prepared(db, 'UPDATE leaves SET start_date = @startDate, end_date = @endDate, note = @note WHERE id = @id').run({ ...l, id });
}

export function deleteLeave(db: Db, id: number): void {
  prepared(db, 'DELETE FROM leaves WHERE id = ?').run(id);
}
