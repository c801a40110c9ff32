// 個管 : 督導 allocation, the 6.5 : 1 floor and per-supervisor teams (RULES §2, 附件七 註).
//
// Who is counted is planStaff.ts's answer (RULES §2): the ratio and team sizes leave people on 留職停薪 out (nobody
// supervises them then); every allocation and cap is computed from the posts filled, leave included.
import { covers } from './employment';
import { roundHalfUpDiv, toFraction, type PlanParams } from './planParams';
import type { IsoDate } from './types';

export interface Allocation {
  /** 督導 = round(n / 7) */
  supervisors: number;
  /** most 資深個管 allowed = round(n / 5) (南投 13 → 3 shows rounding, not floor) */
  seniorCap: number;
  /** 專管 = round((n + 督導) × 0.05) */
  pmComputed: number;
  /** what may be hired: pmComputed, or 1 when that rounds to 0 but the county has 個管 ("於經費額度內可聘任 1 人") */
  pmAllowed: number;
}

export function allocation(caseManagers: number, params: PlanParams): Allocation {
  const n = Math.max(0, Math.floor(caseManagers));
  const [rp, rq] = toFraction(params.ratio);
  const [sp, sq] = toFraction(params.seniorDivisor);
  const [fp, fq] = toFraction(params.pmFactor);
  const supervisors = roundHalfUpDiv(n * rq, rp);
  const seniorCap = roundHalfUpDiv(n * sq, sp);
  const pmComputed = roundHalfUpDiv((n + supervisors) * fp, fq);
  // The 1-person allowance is an upper bound; 附件七 shows 臺東 using it and 嘉義市 not.
  const pmAllowed = pmComputed >= 1 ? pmComputed : n > 0 ? 1 : 0;
  return { supervisors, seniorCap, pmComputed, pmAllowed };
}

export interface Compliance {
  compliant: boolean;
  /** n / 督導, or null with no supervisors */
  ratio: number | null;
  reason: string;
}

function fmtRatio(r: number): string {
  return (Math.round(r * 100) / 100).toString();
}

/**
 * Compliant when 督導 = 0, or n / 督導 ≥ 6.5, or 督導 ≤ the allocation: the allocation formula itself gives 基隆市
 * 19 : 3 (6.33), and that was approved, so staffing at or below the formula can never be a breach.
 * `caseManagers` and `supervisors` are those working (not on 留職停薪); `allocated` is the date's one 督導 allocation,
 * computed from the posts filled (planStaffOn's caps) — by default from `caseManagers`.
 */
export function supervisionCompliance(
  caseManagers: number,
  supervisors: number,
  params: PlanParams,
  allocated: number = allocation(caseManagers, params).supervisors,
): Compliance {
  const n = caseManagers;
  const s = supervisors;
  if (s <= 0) {
    return { compliant: true, ratio: null, reason: `無在職督導（個管 ${n} 人），不計比例` };
  }
  const ratio = n / s;
  const [fp, fq] = toFraction(params.ratioFloor);
  const shown = `個管 ${n} 人：督導 ${s} 人 = ${fmtRatio(ratio)} : 1`;
  if (n * fq >= fp * s) {
    return { compliant: true, ratio, reason: `${shown}，不低於 ${params.ratioFloor} : 1` };
  }
  const formula = allocated;
  if (s <= formula) {
    return {
      compliant: true,
      ratio,
      reason: `${shown}，低於 ${params.ratioFloor} : 1，但督導人數未超過依 ${params.ratio} : 1 四捨五入核算之 ${formula} 人，視為符合`,
    };
  }
  return {
    compliant: false,
    ratio,
    reason: `${shown}，低於 ${params.ratioFloor} : 1，且督導人數超過依 ${params.ratio} : 1 核算之 ${formula} 人`,
  };
}

export interface Assignment {
  caseManagerId: number;
  supervisorId: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface Team {
  supervisorId: number;
  size: number;
  /** more than `params.ratio` (7) 個管 under one 督導 [附件九 貳] */
  overLimit: boolean;
  members: number[];
}

/**
 * Teams on `date`. Pass only the people to count (in post, not on 留職停薪). A case manager whose assignment on the
 * date is to someone outside `supervisorIds` (e.g. a supervisor on leave) is unassigned: nobody supervises them then.
 * If assignments overlap, the one that started last wins.
 */
export function teamSizes(
  assignments: readonly Assignment[],
  date: IsoDate,
  caseManagerIds: readonly number[],
  supervisorIds: readonly number[],
  params: PlanParams,
): { teams: Team[]; unassigned: number[] } {
  const current = new Map<number, Assignment>();
  for (const a of assignments) {
    if (!covers(a, date)) continue;
    const prev = current.get(a.caseManagerId);
    if (!prev || a.startDate >= prev.startDate) current.set(a.caseManagerId, a);
  }
  const members = new Map<number, number[]>(supervisorIds.map((id) => [id, []]));
  const unassigned: number[] = [];
  for (const cm of caseManagerIds) {
    const team = members.get(current.get(cm)?.supervisorId ?? NaN);
    if (team) team.push(cm);
    else unassigned.push(cm);
  }
  const teams = [...members].map(([supervisorId, list]) => ({
    supervisorId,
    size: list.length,
    overLimit: list.length > params.ratio,
    members: list,
  }));
  return { teams, unassigned };
}
