// Everything the as-of-date figures read, loaded once per call: plain rows for shared/domain to compute on.
import { rocYear } from '../../shared/dates/roc';
import type { PlanParams } from '../../shared/domain/planParams';
import type { Leave, Period, Person, Role } from '../../shared/domain/types';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import { paramsForYear } from '../db/queries/planYears';
import * as rolesQ from '../db/queries/roles';

export interface EmploymentData {
  people: Person[];
  periods: Period[];
  leaves: Leave[];
  roles: Role[];
  nameOf: (personId: number) => string;
  roleName: (code: string) => string;
}

export function loadEmployment(db: Db): EmploymentData {
  const people = peopleQ.listPeople(db);
  const roles = rolesQ.listRoles(db);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const roleNames = new Map(roles.map((r) => [r.code, r.name]));
  return {
    people,
    periods: periodsQ.listPeriods(db),
    leaves: leavesQ.listLeaves(db),
    roles,
    nameOf: (id) => names.get(id) ?? `#${id}`,
    roleName: (code) => roleNames.get(code) ?? code,
  };
}

/** The plan year's parameters in force on a date. */
export function paramsOn(db: Db, date: string): PlanParams {
  return paramsForYear(db, rocYear(date)).params;
}
