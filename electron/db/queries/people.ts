import type { IsoDate, Person } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { PEOPLE_ACTIVE_BETWEEN, PEOPLE_IN_ROLES_BETWEEN } from './periods';
import { allAsJson, prepared } from '../statements';

const COLUMNS = 'id, name, national_id, employee_no, education, department, certificate, contact, cleared_on';

/** A row read as an array in COLUMNS order (see periods.ts). */
function toPerson(r: any[]): Person {
  return {
    id: r[0],
    name: r[1],
    nationalId: r[2],
    employeeNo: r[3],
    education: r[4],
    department: r[5],
    certificate: r[6],
    contact: r[7],
    clearedOn: r[8],
  };
}

/** `SELECT COLUMNS <rest>`, read as one JSON text (allAsJson). */
function many(db: Db, rest: string, ...params: unknown[]): Person[] {
  return (allAsJson(db, COLUMNS, rest, ...params) as any[][]).map(toPerson);
}

function one(db: Db, sql: string, ...params: unknown[]): Person | undefined {
  const r = prepared(db, sql).raw(true).get(...params) as any[] | undefined;
  return r ? toPerson(r) : undefined;
}

/** `clearedOn` is optional on writes: importers and older callers do not know it, and leave it as it is (or null). */
export type PersonFields = Omit<Person, 'id' | 'clearedOn'> & { clearedOn?: Person['clearedOn'] };

export function listPeople(db: Db): Person[] {
  return many(db, `FROM people ORDER BY id`);
}

/** The people employed at some time in [from, to], by id. */
export function listPeopleActiveBetween(db: Db, from: IsoDate, to: IsoDate): Person[] {
  return many(db, `FROM people WHERE id IN (${PEOPLE_ACTIVE_BETWEEN}) ORDER BY id`, { from, to });
}

/** What a form prints about a person besides their posts. */
export type PersonProfile = Pick<Person, 'id' | 'name' | 'education' | 'department' | 'certificate'>;

/** The profiles of the people employed at some time in [from, to], by id (the register's people, without IDs or contacts). */
export function listProfilesActiveBetween(db: Db, from: IsoDate, to: IsoDate): PersonProfile[] {
  const rows = allAsJson(db, 'id, name, education, department, certificate', `FROM people WHERE id IN (${PEOPLE_ACTIVE_BETWEEN}) ORDER BY id`, { from, to }) as any[][];
  return rows.map((r) => ({ id: r[0], name: r[1], education: r[2], department: r[3], certificate: r[4] }));
}

/** Id and name of the people who held a period in those roles with that funding at some time in [from, to], by id. */
export function listNamesInRolesBetween(db: Db, roleCodes: readonly string[], funding: string, from: IsoDate, to: IsoDate): { id: number; name: string }[] {
  const rows = prepared(db, `SELECT id, name FROM people WHERE id IN (${PEOPLE_IN_ROLES_BETWEEN}) ORDER BY id`)
    .raw(true)
    .all({ codes: JSON.stringify(roleCodes), funding, from, to }) as [number, string][];
  return rows.map((r) => ({ id: r[0], name: r[1] }));
}

export function getPerson(db: Db, id: number): Person | undefined {
  return one(db, `SELECT ${COLUMNS} FROM people WHERE id = ?`, id);
}

export function findPersonByNationalId(db: Db, nationalId: string): Person | undefined {
  return one(db, `SELECT ${COLUMNS} FROM people WHERE national_id = ?`, nationalId);
}

export function findPeopleByEmployeeNo(db: Db, employeeNo: string): Person[] {
  return many(db, `FROM people WHERE employee_no = ?`, employeeNo);
}

export function findPeopleByName(db: Db, name: string): Person[] {
  return many(db, `FROM people WHERE name = ?`, name);
}

export function insertPerson(db: Db, p: PersonFields): number {
  const info = prepared(db,
      `INSERT INTO people (name, national_id, employee_no, education, department, certificate, contact, cleared_on)
       VALUES (@name, @nationalId, @employeeNo, @education, @department, @certificate, @contact, @clearedOn)`,
    )
    .run({ clearedOn: null, ...p });
  return Number(info.lastInsertRowid);
}

export function updatePerson(db: Db, id: number, p: PersonFields): void {
  prepared(db,
    `UPDATE people SET name = @name, national_id = @nationalId, employee_no = @employeeNo, education = @education,
       department = @department, certificate = @certificate, contact = @contact,
       cleared_on = CASE WHEN @keepCleared THEN cleared_on ELSE @clearedOn END,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...p, clearedOn: p.clearedOn ?? null, keepCleared: p.clearedOn === undefined ? 1 : 0, id });
}

export function deletePerson(db: Db, id: number): void {
  prepared(db, 'DELETE FROM people WHERE id = ?').run(id);
}

export function hasAnyPerson(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM people LIMIT 1').get() != null;
}

/**
 * Marks 個管 as cleared for independent work (附件九) `days` after their first day, except the people named: how the
 * demo office's supervisors assessed their staff.
 */
export function clearCaseManagersAfter(db: Db, days: number, exceptNames: readonly string[]): void {
  prepared(db,
    `UPDATE people SET cleared_on = date((SELECT min(start_date) FROM periods WHERE person_id = people.id), '+' || ? || ' days')
     WHERE id IN (SELECT person_id FROM periods WHERE role_code IN ('CM', 'SCM')) AND name NOT IN (SELECT value FROM json_each(?))`,
  ).run(days, JSON.stringify(exceptNames));
}
