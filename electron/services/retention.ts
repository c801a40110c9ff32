// Retention 12/18 months as of a date, and its monthly trend: rows from the database, the rule from shared/domain.
import { addDays, addMonths, rocYear } from '../../shared/dates/roc';
import { ownFundedNote, PLAN_FUNDING } from '../../shared/domain/planStaff';
import { computeRetention, retentionCounts, retentionScope, type RetentionInput } from '../../shared/domain/retention';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import * as rolesQ from '../db/queries/roles';
import { loadPlanPostsOn, paramsOn } from './employmentData';
import type { HandlerTable } from './handlerTable';

/** 1 January of the date's year: retention lists those who left since then, so it reads the people employed from then on. */
const yearStart = (date: string) => `${date.slice(0, 4)}-01-01`;

/**
 * Retention's rows for reference dates in [from, to]: the people who held a retention-role period (funded 個管, 資深個管,
 * 督導) at some time in that span — with the dates of all such periods and all their 留職停薪 — and nobody else; only
 * they can be in post then or have left since 1 January. (Loading every person, period and leave of ten years and
 * 22 counties made this the slowest figure.)
 */
export function loadRetentionInput(db: Db, from: string, to: string): RetentionInput {
  const roles = rolesQ.listRoles(db);
  const { roleCodes, funding } = retentionScope(roles);
  return {
    people: peopleQ.listNamesInRolesBetween(db, roleCodes, funding, from, to),
    periods: periodsQ.listSpansInRolesBetween(db, roleCodes, funding, from, to),
    leaves: leavesQ.listLeavesOfPeopleInRolesBetween(db, roleCodes, funding, from, to),
    roles,
  };
}

/** People in a retention role on `date` paid by the county itself (自有): listed apart, never counted (RULES §2). */
function ownFundedOn(db: Db, date: string) {
  const data = loadPlanPostsOn(db, date);
  const retentionCodes = new Set(retentionScope(data.roles).roleCodes);
  const people = data.posts
    .filter((p) => retentionCodes.has(p.roleCode) && p.funding !== PLAN_FUNDING)
    .map((p) => ({ personId: p.personId, name: data.nameOf(p.personId), roleCode: p.roleCode }));
  return { people, note: ownFundedNote(people.map((p) => ({ name: p.name, roleName: data.roleName(p.roleCode) }))) };
}

export function retentionAt(db: Db, date: string, data: RetentionInput = loadRetentionInput(db, yearStart(date), date)) {
  const params = paramsOn(db, date);
  const result = computeRetention(data, date, params);
  const own = ownFundedOn(db, date);
  return {
    ...result,
    interpretation: [...result.interpretation, ...(own.note ? [own.note] : [])],
    ownFunded: own.people,
    rocYear: rocYear(date),
    monthsShort: params.retentionMonthsShort,
    monthsLong: params.retentionMonthsLong,
  };
}

/** Month ends from `months - 1` months before `end`'s month up to `end`'s month (the last point is `end` itself). */
export function monthEnds(end: string, months: number): string[] {
  const firstOfMonth = `${end.slice(0, 7)}-01`;
  const out: string[] = [];
  for (let i = months - 1; i >= 1; i--) out.push(addDays(addMonths(firstOfMonth, -i + 1), -1));
  out.push(end);
  return out;
}

export const retentionHandlers = {
  'retention.at': ({ date }, { db }) => retentionAt(db, date),

  'retention.trend': ({ end, months }, { db }) => {
    const dates = monthEnds(end, months);
    const data = loadRetentionInput(db, yearStart(dates[0]), end);
    return retentionCounts(data, dates.map((date) => ({ date, params: paramsOn(db, date) }))).map(({ date, rateShort, rateLong, denominator }) => ({
      date,
      rateShort,
      rateLong,
      denominator,
    }));
  },
} satisfies HandlerTable;
