// Quota (核定/補助員額, 附件七) against people in post, and 進用率 = 進用人力 / 核定人力 (seed 000).
// In-post counts are planStaffOn's posts filled: plan-funded, people on 留職停薪 included (RULES §2), so the caps
// here are the same allocation of the same n the supervision figure shows.
import { allocation } from './supervision';
import type { PlanParams } from './planParams';
import { rate } from './rate';

export interface Quota {
  /** 行政院核定員額 of 聘用人力 (個管 + 督導); 專管 are 臨時人力 outside it */
  approvedTotal: number;
  fundedCM: number;
  fundedSCM: number;
  fundedSUP: number;
  fundedPM: number;
}

/**
 * A quota that contradicts itself: the approved total of 聘用人力 below the funded 個管, 資深個管 and 督導 it is made of.
 * Said at the 核定員額 field when the year is saved.
 */
export function quotaProblem(q: Quota): { field: keyof Quota; message: string } | null {
  const funded = q.fundedCM + q.fundedSCM + q.fundedSUP;
  return q.approvedTotal < funded
    ? { field: 'approvedTotal', message: `核定員額（${q.approvedTotal}）少於補助個管、資深個管、督導之合計（${funded}）` }
    : null;
}

export interface HeadcountRow {
  roleCode: string;
  quota: number;
  inPost: number;
  /** unfilled posts; never negative (over-hiring shows as inPost > quota) */
  vacancies: number;
  /** 進用率; null when the quota is 0. Above 1 when more are in post than approved: a finding, flagged by overQuota */
  hiringRate: number | null;
  /** more in post than the quota (over-hiring happens; shown, not refused) */
  overQuota: boolean;
}

export interface Headcount {
  rows: HeadcountRow[];
  totals: HeadcountRow;
  /** 聘用人力 in post (CM + SCM + SUP) above the approved total: heads may shift between 個管 and 督導, not grow */
  overApprovedTotal: boolean;
  /** round(n / 5), n = 個管 posts filled (CM + SCM, 留職停薪 included) */
  seniorCap: number;
  seniorOverCap: boolean;
  /** the quota's 專管, or the formula's allowance from the posts filled ("may hire 1 within budget"), whichever is larger */
  pmAllowance: number;
  pmOverAllowance: boolean;
}

function row(roleCode: string, quota: number, inPost: number): HeadcountRow {
  return {
    roleCode,
    quota,
    inPost,
    vacancies: Math.max(quota - inPost, 0),
    hiringRate: rate(inPost, quota),
    overQuota: inPost > quota,
  };
}

export function computeHeadcount(quota: Quota, inPost: Record<string, number>, params: PlanParams): Headcount {
  const get = (code: string) => inPost[code] ?? 0;
  const rows = [
    row('CM', quota.fundedCM, get('CM')),
    row('SCM', quota.fundedSCM, get('SCM')),
    row('SUP', quota.fundedSUP, get('SUP')),
    row('PM', quota.fundedPM, get('PM')),
  ];
  const totals = row(
    'TOTAL',
    rows.reduce((s, r) => s + r.quota, 0),
    rows.reduce((s, r) => s + r.inPost, 0),
  );
  const n = get('CM') + get('SCM');
  const caps = allocation(n, params);
  const seniorCap = caps.seniorCap;
  const pmAllowance = Math.max(quota.fundedPM, caps.pmAllowed);
  return {
    rows,
    totals,
    overApprovedTotal: n + get('SUP') > quota.approvedTotal,
    seniorCap,
    seniorOverCap: get('SCM') > seniorCap,
    pmAllowance,
    pmOverAllowance: get('PM') > pmAllowance,
  };
}
