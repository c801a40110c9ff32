// Supervision as of a date: 個管 and 督導 in post (not on 留職停薪), the ratio, the allocation the rules give, and teams.
// Who counts is planStaffOn's answer (RULES §2): plan-funded posts; caps from the posts filled, the ratio without leave.
import { AppError } from '../../shared/api/errors';
import { addDays, formatRoc } from '../../shared/dates/roc';
import { FUNDED_SCOPE_LINE, ownFundedNote, planStaffOn, type PlanPost } from '../../shared/domain/planStaff';
import { supervisionCompliance, teamSizes } from '../../shared/domain/supervision';
import type { Db } from '../db/connection';
import * as supQ from '../db/queries/supervision';
import { loadPlanPostsOn, paramsOn } from './employmentData';
import type { HandlerTable } from './handlerTable';

export function supervisionAt(db: Db, date: string) {
  const data = loadPlanPostsOn(db, date);
  const params = paramsOn(db, date);
  const kind = new Map(data.roles.map((r) => [r.code, r.kind]));
  const staff = planStaffOn(data.posts, (code) => kind.get(code), params);
  const ref = (p: PlanPost) => ({ personId: p.personId, name: data.nameOf(p.personId), roleCode: p.roleCode });
  const named = (id: number) => ({ personId: id, name: data.nameOf(id) });
  const caseManagers = staff.working.caseManagers.map(ref);
  const supervisors = staff.working.supervisors.map((p) => named(p.personId));
  const n = caseManagers.length;
  const { teams, unassigned } = teamSizes(
    supQ.listAssignmentsOn(db, date),
    date,
    caseManagers.map((c) => c.personId),
    supervisors.map((s) => s.personId),
    params,
  );
  const filledCM = staff.filled.caseManagers.length;
  const ownFunded = staff.ownFunded.map(ref);
  return {
    date,
    caseManagers,
    supervisors,
    excludedOnLeave: [...staff.filled.caseManagers, ...staff.filled.supervisors].filter((p) => p.onLeave).map(ref),
    ownFunded,
    ratio: supervisors.length ? n / supervisors.length : null,
    compliance: supervisionCompliance(n, supervisors.length, params, staff.caps.supervisors),
    /** from the 個管 posts filled (留職停薪 included), like the headcount figure's caps */
    caseManagerPostsFilled: filledCM,
    allocation: staff.caps,
    seniorsInPost: staff.filled.seniors.length,
    pmInPost: staff.filled.projectManagers.length,
    teamLimit: params.ratio,
    teams: teams.map((t) => ({ ...t, supervisorName: data.nameOf(t.supervisorId), members: t.members.map(named) })),
    unassigned: unassigned.map(named),
    interpretation: [
      `${formatRoc(date)} 在職之個管（含資深個管）與督導；留職停薪中者仍占缺，但不計入督導比與團隊人數（無人督導）。`,
      FUNDED_SCOPE_LINE,
      ...[ownFundedNote(ownFunded.map((p) => ({ name: p.name, roleName: data.roleName(p.roleCode) })))].filter((l): l is string => l != null),
      `依規定之配置以占缺人數計（含留職停薪，個管 ${filledCM} 人）：督導配置 = 個管 ÷ ${params.ratio}（四捨五入）；資深個管上限 = 個管 ÷ ${params.seniorDivisor}（四捨五入）；專管 = (個管 + 督導) × ${params.pmFactor}（四捨五入，不足 1 人時得於經費內聘 1 人）。`,
      `符合：無督導、或 個管 : 督導 ≥ ${params.ratioFloor} : 1、或督導人數不超過依 ${params.ratio} : 1 核算之人數（如基隆市 19 : 3 經核定）。`,
      `每位督導約督導 ${params.ratio} 位個管，超過者標示。`,
    ],
  };
}

export const supervisionHandlers = {
  'supervision.at': ({ date }, { db }) => supervisionAt(db, date),

  /** From `startDate` on, the 個管 is in this 督導's team; the previous assignment ends the day before. */
  'supervision.assign': ({ caseManagerId, supervisorId, startDate }, { db }) => {
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
} satisfies HandlerTable;
