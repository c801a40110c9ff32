import type { IsoDate, Period } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { allAsJson, prepared } from '../statements';

const COLUMNS = 'id, person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date, end_reason, duties';

// Rows arrive as arrays in COLUMNS order (one JSON text: allAsJson) and are turned into objects here: building one
// object per row this way is about twice as fast as letting the driver build keyed rows and mapping those.
function toPeriod(r: any[]): Period {
  return {
    id: r[0],
    personId: r[1],
    roleCode: r[2],
    funding: r[3],
    businessGroup: r[4],
    adminUnit: r[5],
    title: r[6],
    startDate: r[7],
    endDate: r[8],
    endReason: r[9],
    duties: r[10],
  };
}

/** `SELECT COLUMNS <rest>`, read as one JSON text (allAsJson). */
function many(db: Db, rest: string, ...params: unknown[]): Period[] {
  return (allAsJson(db, COLUMNS, rest, ...params) as any[][]).map(toPeriod);
}

export type PeriodFields = Omit<Period, 'id'>;

export function listPeriods(db: Db): Period[] {
  return many(db, `FROM periods ORDER BY person_id, start_date`);
}

/** Every period of the people in post on `date` — what any as-of-date figure needs, including the chains behind it. */
export function listPeriodsOfPeopleActiveOn(db: Db, date: IsoDate): Period[] {
  return listPeriodsOfPeopleActiveBetween(db, date, date);
}

/** The periods in force on `date` (one per person in post), by person. */
export function listPeriodsCovering(db: Db, date: IsoDate): Period[] {
  return many(db, `FROM periods WHERE start_date <= @date AND (end_date IS NULL OR end_date >= @date) ORDER BY +person_id, +start_date`, { date });
}

/** The people employed at some time in [from, to]: a subquery for `person_id IN (…)` with @from and @to bound. */
export const PEOPLE_ACTIVE_BETWEEN = 'SELECT person_id FROM periods WHERE start_date <= @to AND (end_date IS NULL OR end_date >= @from)';

/** Every period (their whole history) of the people employed at some time in [from, to]. */
export function listPeriodsOfPeopleActiveBetween(db: Db, from: IsoDate, to: IsoDate): Period[] {
  return many(db, `FROM periods WHERE person_id IN (${PEOPLE_ACTIVE_BETWEEN}) ORDER BY person_id, start_date`, { from, to });
}

/** A period without its id and end reason: what a form listing posts reads. */
export type PeriodPost = Omit<Period, 'id' | 'endReason'>;

/**
 * The periods in roles of those kinds (@kinds, a JSON array) — whole histories — of the people employed at some time
 * in [from, to], in no set order: the 附件五 register's whole input about periods, without the roles and columns it
 * never reads. Read as one JSON text (allAsJson): the register's largest read.
 */
export function listPostsInKindsOfPeopleActiveBetween(db: Db, kinds: readonly string[], from: IsoDate, to: IsoDate): PeriodPost[] {
  const rows = allAsJson(
    db,
    'person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date, duties',
    `FROM periods WHERE person_id IN (${PEOPLE_ACTIVE_BETWEEN}) AND role_code IN (SELECT code FROM roles WHERE kind IN (SELECT value FROM json_each(@kinds)))`, { kinds: JSON.stringify(kinds), from, to }) as any[][];
  return rows.map((r) => ({ personId: r[0], roleCode: r[1], funding: r[2], businessGroup: r[3], adminUnit: r[4], title: r[5], startDate: r[6], endDate: r[7], duties: r[8] }));
}

/** People who held a period in one of the roles (@codes, a JSON array) with @funding at some time in [@from, @to]. */
export const PEOPLE_IN_ROLES_BETWEEN = `SELECT person_id FROM periods WHERE role_code IN (SELECT value FROM json_each(@codes))
  AND funding = @funding AND start_date <= @to AND (end_date IS NULL OR end_date >= @from)`;

/** The dates and role of a period, without the rest of the row. */
export type PeriodSpan = Pick<Period, 'personId' | 'roleCode' | 'funding' | 'startDate' | 'endDate'>;

/**
 * The spans of every period in those roles with that funding, of the people who held one at some time in [from, to]:
 * retention's whole input about periods (the rest of each row is never read there).
 */
export function listSpansInRolesBetween(db: Db, roleCodes: readonly string[], funding: string, from: IsoDate, to: IsoDate): PeriodSpan[] {
  const rows = prepared(db,
      `SELECT person_id, role_code, funding, start_date, end_date FROM periods
       WHERE role_code IN (SELECT value FROM json_each(@codes)) AND funding = @funding AND person_id IN (${PEOPLE_IN_ROLES_BETWEEN})
       ORDER BY person_id, start_date`,
    )
    .raw(true)
    .all({ codes: JSON.stringify(roleCodes), funding, from, to }) as any[][];
  return rows.map((r) => ({ personId: r[0], roleCode: r[1], funding: r[2], startDate: r[3], endDate: r[4] }));
}

/** A period in force on a date, with its holder's name: all the plan's figures read about a post. */
export type NamedSpan = PeriodSpan & { name: string };

/**
 * The spans of the periods in force on `date`, each with its holder's name, by person: one statement, so supervision
 * and headcount read the posts of the day without the people's and periods' other columns. The `+` keeps SQLite from
 * walking every period in person order to avoid a sort: the covering date index finds the day's few and they are sorted.
 */
export function listNamedSpansCovering(db: Db, date: IsoDate): NamedSpan[] {
  const rows = prepared(db,
      `SELECT c.person_id, c.role_code, c.funding, c.start_date, c.end_date, pe.name FROM periods c JOIN people pe ON pe.id = c.person_id
       WHERE c.start_date <= @date AND (c.end_date IS NULL OR c.end_date >= @date) ORDER BY +c.person_id, +c.start_date`,
    )
    .raw(true)
    .all({ date }) as any[][];
  return rows.map((r) => ({ personId: r[0], roleCode: r[1], funding: r[2], startDate: r[3], endDate: r[4], name: r[5] }));
}

export function getPeriod(db: Db, id: number): Period | undefined {
  const r = prepared(db, `SELECT ${COLUMNS} FROM periods WHERE id = ?`).raw(true).get(id) as any[] | undefined;
  return r ? toPeriod(r) : undefined;
}

export function periodsOfPerson(db: Db, personId: number): Period[] {
  return many(db, `FROM periods WHERE person_id = ? ORDER BY start_date`, personId);
}

export function insertPeriod(db: Db, p: PeriodFields): number {
  const info = prepared(db,
      `INSERT INTO periods (person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date, end_reason, duties)
       VALUES (@personId, @roleCode, @funding, @businessGroup, @adminUnit, @title, @startDate, @endDate, @endReason, @duties)`,
    )
    .run({ ...p, duties: p.duties ?? null });
  return Number(info.lastInsertRowid);
}

export function updatePeriod(db: Db, id: number, p: PeriodFields): void {
  prepared(db,
    `UPDATE periods SET role_code = @roleCode, funding = @funding, business_group = @businessGroup, admin_unit = @adminUnit,
       title = @title, start_date = @startDate, end_date = @endDate, end_reason = @endReason, duties = @duties
     WHERE id = @id`,
  ).run({ ...p, duties: p.duties ?? null, id });
}

export function deletePeriod(db: Db, id: number): void {
  prepared(db, 'DELETE FROM periods WHERE id = ?').run(id);
}
