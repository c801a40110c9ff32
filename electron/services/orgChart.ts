// 衡量指標 四(一): the org chart per plan year (單位設定) and who is in post in each 主責局處 on a reference date.
// The people come from the roster on that date (the 附件五 register's population); shared/domain/indicators counts.
import type { ParsedInput } from '../../shared/api/contract';
import { rosterAt } from '../../shared/domain/employment';
import { leadAgencies, type AgencyStaff, type OrgChartGroup } from '../../shared/domain/indicators';
import { PLAN_KINDS } from '../../shared/domain/register';
import type { Db } from '../db/connection';
import * as orgQ from '../db/queries/orgChart';
import type { ServiceContext } from './context';
import { loadEmploymentBetween, type EmploymentData } from './employmentData';
import { officeSettings } from './settings';

/** The year's chart with every 業務組 of the office's list in it (a group nobody filled in yet shows empty). */
export function orgChartOf(db: Db, rocYear: number): { chart: OrgChartGroup[]; sourceYear: number | null } {
  const { chart, sourceYear } = orgQ.chartForYear(db, rocYear);
  const listed = officeSettings(db).lists.businessGroups;
  const byGroup = new Map(chart.map((g) => [g.group, g]));
  const ordered = listed.map((group) => byGroup.get(group) ?? { group, lead: null, assist: [] });
  return { chart: [...ordered, ...chart.filter((g) => !listed.includes(g.group))], sourceYear };
}

/**
 * The register's people (plan roles and 自有專責) in post on `date`, with the 局處 of the post they hold. `data` may be
 * rows a caller already loaded that include everyone employed on `date` (the home page's).
 */
export function agencyStaffAt(db: Db, date: string, data: EmploymentData = loadEmploymentBetween(db, date, date)): AgencyStaff[] {
  const kinds = new Map(data.roles.map((r) => [r.code, r.kind]));
  return rosterAt(date, data.periods, data.leaves)
    .filter((e) => PLAN_KINDS.includes(kinds.get(e.period.roleCode) ?? 'other'))
    .map((e) => ({
      personId: e.personId,
      name: data.nameOf(e.personId),
      roleName: data.roleName(e.period.roleCode),
      funding: e.period.funding,
      agency: e.period.adminUnit,
      businessGroup: e.period.businessGroup,
      onLeave: e.leave != null,
    }));
}

/** Everything 四(一) target 1 reads for a plan year on its reference date. */
export function dedicatedStaffData(db: Db, rocYear: number, refDate: string) {
  const { chart, sourceYear } = orgChartOf(db, rocYear);
  const staffInPost = agencyStaffAt(db, refDate);
  return { chart, sourceYear, staffInPost, leads: leadAgencies(chart, staffInPost) };
}

const uniq = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()))];

export const orgChartHandlers = {
  'orgChart.get': ({ rocYear }: ParsedInput<'orgChart.get'>, { db }: ServiceContext) => ({ rocYear, ...orgChartOf(db, rocYear), inputs: orgQ.getInputs(db, rocYear) }),

  'orgChart.save': ({ rocYear, chart, inputs }: ParsedInput<'orgChart.save'>, { db }: ServiceContext) => {
    // a 局處 named twice in a group, or as both lead and assist of it, is one entry: the lead
    const clean = chart.map((g) => ({ group: g.group, lead: g.lead, assist: uniq(g.assist).filter((a) => a !== g.lead) }));
    db.transaction(() => {
      orgQ.replaceChart(db, rocYear, clean);
      orgQ.saveInputs(db, rocYear, inputs);
    })();
    return { saved: true as const };
  },
};
