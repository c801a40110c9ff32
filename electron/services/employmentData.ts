// Everything the as-of-date figures read, loaded once per call: plain rows for shared/domain to compute on.
import { rocYear } from '../../shared/dates/roc';
import { postsAt } from '../../shared/domain/employment';
import type { PlanParams } from '../../shared/domain/planParams';
import type { PlanPost } from '../../shared/domain/planStaff';
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
  return employmentData(peopleQ.listPeople(db), periodsQ.listPeriods(db), leavesQ.listLeaves(db), rolesQ.listRoles(db));
}

/**
 * The same rows, but only of the people employed at some time in [from, to] — with their whole histories and all their
 * 留職停薪, since continuous service walks back from there. That is everything an as-of-date figure in that span reads
 * (roster, supervision, headcount and caseload on `to`; retention on `to`, whose year starts at `from`), without loading
 * the ten years of people who left long before.
 */
export function loadEmploymentBetween(db: Db, from: string, to: string): EmploymentData {
  return employmentData(
    peopleQ.listPeopleActiveBetween(db, from, to),
    periodsQ.listPeriodsOfPeopleActiveBetween(db, from, to),
    leavesQ.listLeavesOfPeopleActiveBetween(db, from, to),
    rolesQ.listRoles(db),
  );
}

/** What the figures on one date read: the people in post on `date` (see loadEmploymentBetween). */
export function loadEmploymentOn(db: Db, date: string): EmploymentData {
  return loadEmploymentBetween(db, date, date);
}

/**
 * Only the posts on `date`: the people in post, the period each holds and the 留職停薪 in force that day. Enough for
 * postsAt (who holds which post, who is on leave); NOT for continuous service — use loadEmploymentOn for rosterAt.
 */
export function loadPostsOn(db: Db, date: string): EmploymentData {
  return employmentData(
    peopleQ.listPeopleActiveBetween(db, date, date),
    periodsQ.listPeriodsCovering(db, date),
    leavesQ.listLeavesCovering(db, date),
    rolesQ.listRoles(db),
  );
}

/** The posts held on `date`, as the plan's figures read them, with what they print about each. */
export interface PlanPostsOn {
  posts: PlanPost[];
  roles: Role[];
  nameOf: (personId: number) => string;
  roleName: (code: string) => string;
}

/**
 * Who holds which post on `date` (postsAt, the one rule) from only the day's periods — their spans and holders' names —
 * and the 留職停薪 in force: what supervision, headcount and retention's 自有 list read, and nothing more.
 */
export function loadPlanPostsOn(db: Db, date: string): PlanPostsOn {
  const spans = periodsQ.listNamedSpansCovering(db, date);
  const names = new Map(spans.map((s) => [s.personId, s.name]));
  const roles = rolesQ.listRoles(db);
  const roleNames = new Map(roles.map((r) => [r.code, r.name]));
  return {
    posts: postsAt(date, spans, leavesQ.listLeavesCovering(db, date)).map((e) => ({
      personId: e.personId,
      roleCode: e.period.roleCode,
      funding: e.period.funding,
      onLeave: e.leave != null,
    })),
    roles,
    nameOf: (id) => names.get(id) ?? `#${id}`,
    roleName: (code) => roleNames.get(code) ?? code,
  };
}

function employmentData(people: Person[], periods: Period[], leaves: Leave[], roles: Role[]): EmploymentData {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const roleNames = new Map(roles.map((r) => [r.code, r.name]));
  return {
    people,
    periods,
    leaves,
    roles,
    nameOf: (id) => names.get(id) ?? `#${id}`,
    roleName: (code) => roleNames.get(code) ?? code,
  };
}

/** The plan year's parameters in force on a date. */
export function paramsOn(db: Db, date: string): PlanParams {
  return paramsForYear(db, rocYear(date)).params;
}
