import type { Person } from '../../../shared/domain/types';
import type { Db } from '../connection';

const COLUMNS = 'id, name, national_id, employee_no, education, department, certificate, contact, cleared_on';

function toPerson(r: any): Person {
  return {
    id: r.id,
    name: r.name,
    nationalId: r.national_id,
    employeeNo: r.employee_no,
    education: r.education,
    department: r.department,
    certificate: r.certificate,
    contact: r.contact,
    clearedOn: r.cleared_on,
  };
}

/** `clearedOn` is optional on writes: importers and older callers do not know it, and leave it as it is (or null). */
export type PersonFields = Omit<Person, 'id' | 'clearedOn'> & { clearedOn?: Person['clearedOn'] };

export function listPeople(db: Db): Person[] {
  return db.prepare(`SELECT ${COLUMNS} FROM people ORDER BY id`).all().map(toPerson);
}

export function getPerson(db: Db, id: number): Person | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ?`).get(id);
  return r ? toPerson(r) : undefined;
}

export function findPersonByNationalId(db: Db, nationalId: string): Person | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM people WHERE national_id = ?`).get(nationalId);
  return r ? toPerson(r) : undefined;
}

export function findPeopleByEmployeeNo(db: Db, employeeNo: string): Person[] {
  return db.prepare(`SELECT ${COLUMNS} FROM people WHERE employee_no = ?`).all(employeeNo).map(toPerson);
}

export function findPeopleByName(db: Db, name: string): Person[] {
  return db.prepare(`SELECT ${COLUMNS} FROM people WHERE name = ?`).all(name).map(toPerson);
}

export function insertPerson(db: Db, p: PersonFields): number {
  const info = db
    .prepare(
      `INSERT INTO people (name, national_id, employee_no, education, department, certificate, contact, cleared_on)
       VALUES (@name, @nationalId, @employeeNo, @education, @department, @certificate, @contact, @clearedOn)`,
    )
    .run({ clearedOn: null, ...p });
  return Number(info.lastInsertRowid);
}

export function updatePerson(db: Db, id: number, p: PersonFields): void {
  db.prepare(
    `UPDATE people SET name = @name, national_id = @nationalId, employee_no = @employeeNo, education = @education,
       department = @department, certificate = @certificate, contact = @contact,
       cleared_on = CASE WHEN @keepCleared THEN cleared_on ELSE @clearedOn END,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...p, clearedOn: p.clearedOn ?? null, keepCleared: p.clearedOn === undefined ? 1 : 0, id });
}

export function deletePerson(db: Db, id: number): void {
  db.prepare('DELETE FROM people WHERE id = ?').run(id);
}
