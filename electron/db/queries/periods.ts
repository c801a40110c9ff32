import type { IsoDate, Period } from '../../../shared/domain/types';
import type { Db } from '../connection';

const COLUMNS = 'id, person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date, end_reason';

function toPeriod(r: any): Period {
  return {
    id: r.id,
    personId: r.person_id,
    roleCode: r.role_code,
    funding: r.funding,
    businessGroup: r.business_group,
    adminUnit: r.admin_unit,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
  };
}

export type PeriodFields = Omit<Period, 'id'>;

export function listPeriods(db: Db): Period[] {
  return db.prepare(`SELECT ${COLUMNS} FROM periods ORDER BY person_id, start_date`).all().map(toPeriod);
}

/** Periods that touch [from, to] — what any as-of-date figure needs, including the chains behind it. */
export function listPeriodsOfPeopleActiveOn(db: Db, date: IsoDate): Period[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM periods WHERE person_id IN (
         SELECT person_id FROM periods WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date))
       ORDER BY person_id, start_date`,
    )
    .all({ date })
    .map(toPeriod);
}

export function getPeriod(db: Db, id: number): Period | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM periods WHERE id = ?`).get(id);
  return r ? toPeriod(r) : undefined;
}

export function periodsOfPerson(db: Db, personId: number): Period[] {
  return db.prepare(`SELECT ${COLUMNS} FROM periods WHERE person_id = ? ORDER BY start_date`).all(personId).map(toPeriod);
}

export function insertPeriod(db: Db, p: PeriodFields): number {
  const info = db
    .prepare(
      `INSERT INTO periods (person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date, end_reason)
       VALUES (@personId, @roleCode, @funding, @businessGroup, @adminUnit, @title, @startDate, @endDate, @endReason)`,
    )
    .run(p);
  return Number(info.lastInsertRowid);
}

export function updatePeriod(db: Db, id: number, p: PeriodFields): void {
  db.prepare(
    `UPDATE periods SET role_code = @roleCode, funding = @funding, business_group = @businessGroup, admin_unit = @adminUnit,
       title = @title, start_date = @startDate, end_date = @endDate, end_reason = @endReason
     WHERE id = @id`,
  ).run({ ...p, id });
}

export function deletePeriod(db: Db, id: number): void {
  db.prepare('DELETE FROM periods WHERE id = ?').run(id);
}
