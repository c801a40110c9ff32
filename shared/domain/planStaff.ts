// Who the plan's figures count on a date (RULES §2, "who counts" and "funding scope"), in one place, so the
// supervision figure, headcount and the home screen can never give a cap or a count two answers on one date.
//
// - Population: plan roles (個管 and 資深個管, 督導, 專管) held with plan funding (補助). People in a plan role paid by
//   the county itself (自有) are returned apart, to be listed on the figure, never mixed in or dropped.
// - Allocations and caps (督導 allocation, 資深個管 cap, 專管 computed/allowed) come from the posts FILLED: people on
//   留職停薪 still fill their post. Only the 個管 : 督導 ratio and team sizes leave them out (`working`).
import { allocation, type Allocation } from './supervision';
import type { PlanParams } from './planParams';
import type { Funding, RoleKind } from './types';

/** The funding the plan's figures count (RULES §2): 補助. */
export const PLAN_FUNDING: Funding = '補助';

/** The role kinds the plan's figures count: 個管 (CM, SCM), 督導, 專管. */
const PLAN_KINDS: readonly RoleKind[] = ['case_manager', 'supervisor', 'project_manager'];

/** The senior grade's code: the one plan role the rules cap on its own (資深個管 ≤ round(n / 5)). */
export const SENIOR_ROLE_CODE = 'SCM';

/** One post held on the date, as the plan's figures read it. */
export interface PlanPost {
  personId: number;
  roleCode: string;
  funding: Funding;
  onLeave: boolean;
}

export interface PlanStaff {
  /** posts filled with plan funding, 留職停薪 included: allocations, caps, headcount, 進用率 */
  filled: { caseManagers: PlanPost[]; seniors: PlanPost[]; supervisors: PlanPost[]; projectManagers: PlanPost[] };
  /** the same 個管 and 督導 without those on 留職停薪: the ratio and team sizes */
  working: { caseManagers: PlanPost[]; supervisors: PlanPost[] };
  /** in a plan role but paid by the county (自有): listed apart on each figure, counted in none */
  ownFunded: PlanPost[];
  /** the allocation from the posts filled — the one cap of the date */
  caps: Allocation;
}

export function isPlanKind(kind: RoleKind | undefined): boolean {
  return kind != null && PLAN_KINDS.includes(kind);
}

export function planStaffOn<P extends PlanPost>(posts: readonly P[], kindOf: (roleCode: string) => RoleKind | undefined, params: PlanParams): PlanStaff & { ownFunded: P[] } {
  const inPlanRole = posts.filter((p) => isPlanKind(kindOf(p.roleCode)));
  const funded = inPlanRole.filter((p) => p.funding === PLAN_FUNDING);
  const ofKind = (kind: RoleKind) => funded.filter((p) => kindOf(p.roleCode) === kind);
  const caseManagers = ofKind('case_manager');
  const supervisors = ofKind('supervisor');
  const working = (list: P[]) => list.filter((p) => !p.onLeave);
  return {
    filled: {
      caseManagers,
      seniors: caseManagers.filter((p) => p.roleCode === SENIOR_ROLE_CODE),
      supervisors,
      projectManagers: ofKind('project_manager'),
    },
    working: { caseManagers: working(caseManagers), supervisors: working(supervisors) },
    ownFunded: inPlanRole.filter((p) => p.funding !== PLAN_FUNDING),
    caps: allocation(caseManagers.length, params),
  };
}

/**
 * The sentence each plan figure shows about people in a plan role paid by the county itself, e.g.
 * 「另有自有經費個管 1 人（王小明），不列入。」; null when there are none.
 */
export function ownFundedNote(people: readonly { name: string; roleName: string }[]): string | null {
  if (!people.length) return null;
  const byRole = new Map<string, string[]>();
  for (const p of people) byRole.set(p.roleName, [...(byRole.get(p.roleName) ?? []), p.name]);
  const parts = [...byRole].map(([role, names]) => `${role} ${names.length} 人（${names.join('、')}）`);
  return `另有自有經費${parts.join('、')}，不列入本計畫之計算。`;
}

/** The line every plan figure states about its funding scope (RULES §2). */
export const FUNDED_SCOPE_LINE = '僅計本計畫補助（補助經費）之人力；以機關自有經費聘用於本計畫職務者另列，不列入。';
