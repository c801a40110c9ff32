// Supervision as of a date: 個管 and 督導 in post (not on 留職停薪), the ratio, the allocation the rules give, and teams.
import { AppError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/contract';
import { addDays, formatRoc } from '../../shared/dates/roc';
import { postsAt } from '../../shared/domain/employment';
import { allocation, supervisionCompliance, teamSizes } from '../../shared/domain/supervision';
import type { Db } from '../db/connection';
import * as supQ from '../db/queries/supervision';
import type { ServiceContext } from './context';
import { loadPostsOn, paramsOn } from './employmentData';

export function supervisionAt(db: Db, date: string) {
  const data = loadPostsOn(db, date);
  const params = paramsOn(db, date);
  const kind = new Map(data.roles.map((r) => [r.code, r.kind]));
  const entries = postsAt(date, data.periods, data.leaves);
  const ref = (e: (typeof entries)[number]) => ({ personId: e.personId, name: data.nameOf(e.personId), roleCode: e.period.roleCode });
  const planStaff = entries.filter((e) => ['case_manager', 'supervisor'].includes(kind.get(e.period.roleCode) ?? ''));
  const working = planStaff.filter((e) => !e.leave);
  const caseManagers = working.filter((e) => kind.get(e.period.roleCode) === 'case_manager').map(ref);
  const supervisors = working.filter((e) => kind.get(e.period.roleCode) === 'supervisor').map(({ personId }) => ({ personId, name: data.nameOf(personId) }));
  const n = caseManagers.length;
  const { teams, unassigned } = teamSizes(
    supQ.listAssignmentsOn(db, date),
    date,
    caseManagers.map((c) => c.personId),
    supervisors.map((s) => s.personId),
    params,
  );
  const named = (id: number) => ({ personId: id, name: data.nameOf(id) });
  return {
    date,
    caseManagers,
    supervisors,
    excludedOnLeave: planStaff.filter((e) => e.leave).map(ref),
    ratio: supervisors.length ? n / supervisors.length : null,
    compliance: supervisionCompliance(n, supervisors.length, params),
    allocation: allocation(n, params),
    seniorsInPost: entries.filter((e) => e.period.roleCode === 'SCM').length,
    pmInPost: entries.filter((e) => kind.get(e.period.roleCode) === 'project_manager').length,
    teamLimit: params.ratio,
    teams: teams.map((t) => ({ ...t, supervisorName: data.nameOf(t.supervisorId), members: t.members.map(named) })),
    unassigned: unassigned.map(named),
    interpretation: [
      `${formatRoc(date)} 在職之個管（含資深個管）與督導；留職停薪中者仍占缺，但不計入督導比與團隊人數（無人督導）。`,
      `督導配置 = 個管 ÷ ${params.ratio}（四捨五入）；資深個管上限 = 個管 ÷ ${params.seniorDivisor}（四捨五入）；專管 = (個管 + 督導) × ${params.pmFactor}（四捨五入，不足 1 人時得於經費內聘 1 人）。`,
      `符合：無督導、或 個管 : 督導 ≥ ${params.ratioFloor} : 1、或督導人數不超過依 ${params.ratio} : 1 核算之人數（如基隆市 19 : 3 經核定）。`,
      `每位督導約督導 ${params.ratio} 位個管，超過者標示。`,
    ],
  };
}

export const supervisionHandlers = {
  'supervision.at': ({ date }: ParsedInput<'supervision.at'>, { db }: ServiceContext) => supervisionAt(db, date),

  /** From `startDate` on, the 個管 is in this 督導's team; the previous assignment ends the day before. */
  'supervision.assign': ({ caseManagerId, supervisorId, startDate }: ParsedInput<'supervision.assign'>, { db }: ServiceContext) => {
    const at = supervisionAt(db, startDate);
    const cm = at.caseManagers.find((c) => c.personId === caseManagerId) ?? at.excludedOnLeave.find((c) => c.personId === caseManagerId);
    if (!cm) throw new AppError('VALIDATION', `${formatRoc(startDate)} 此人不是在職個管，無法指派督導`, 'caseManagerId');
    if (!at.supervisors.some((s) => s.personId === supervisorId)) {
      throw new AppError('VALIDATION', `${formatRoc(startDate)} 所選人員不是在職督導`, 'supervisorId');
    }
    db.transaction(() => {
      supQ.deleteAssignmentsFrom(db, caseManagerId, startDate);
      supQ.endOpenAssignment(db, caseManagerId, addDays(startDate, -1));
      supQ.insertAssignment(db, { caseManagerId, supervisorId, startDate, endDate: null });
    })();
    return { saved: true as const };
  },
};
