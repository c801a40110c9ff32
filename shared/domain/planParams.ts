// The numbers of one plan year (RULES §2, §3). The ministry revises the plan yearly, so nothing below is hard-coded elsewhere.
import { isoFromRocYear, rocYear, type IsoDate } from '../dates/roc';

export interface PlanParams {
  /** 個管 : 督導 allocation ratio (7 : 1) */
  ratio: number;
  /** the lowest 個管 : 督導 ratio allowed after a county shifts heads (6.5 : 1) */
  ratioFloor: number;
  /** one 資深個管 per this many 個管 (5) */
  seniorDivisor: number;
  /** 專管 = (個管 + 督導) × this (0.05) */
  pmFactor: number;
  /** cases per 個管 (30) */
  caseCapacity: number;
  retentionMonthsShort: number;
  retentionMonthsLong: number;
  targetShort: number;
  targetLong: number;
  /** 期中 reference date, 'MM-DD' */
  midRefMonthDay: string;
  /** 期末 reference date, 'MM-DD' */
  endRefMonthDay: string;
}

/** The 113年 plan (seed 004, 附件七 註 and 肆 四(二)). */
export const DEFAULT_PLAN_PARAMS: Readonly<PlanParams> = Object.freeze({
  ratio: 7,
  ratioFloor: 6.5,
  seniorDivisor: 5,
  pmFactor: 0.05,
  caseCapacity: 30,
  retentionMonthsShort: 12,
  retentionMonthsLong: 18,
  targetShort: 0.8,
  targetLong: 0.7,
  midRefMonthDay: '06-30',
  endRefMonthDay: '12-31',
});

function monthDay(md: string): [number, number] {
  const [m, d] = md.split('-').map(Number);
  return [m, d];
}

/** 期中 (half 1) or 期末 (half 2) reference date of a ROC plan year. */
export function referenceDate(rocYear: number, half: 1 | 2, params: PlanParams): IsoDate {
  const [m, d] = monthDay(half === 1 ? params.midRefMonthDay : params.endRefMonthDay);
  return isoFromRocYear(rocYear, m, d);
}

/** The first reference date on or after `date`. */
export function nextReferenceDate(date: IsoDate, params: PlanParams): IsoDate {
  const rocY = rocYear(date);
  const candidates = [referenceDate(rocY, 1, params), referenceDate(rocY, 2, params), referenceDate(rocY + 1, 1, params)];
  return candidates.sort().find((c) => c >= date)!;
}

// Exact arithmetic on decimal parameters: 10 × 0.05 or 13 / 2 must not fall on the wrong side of a rounding edge.

/** A decimal parameter as an integer fraction: 0.05 → [5, 100], 6.5 → [65, 10], 7 → [7, 1]. */
export function toFraction(x: number): [number, number] {
  let den = 1;
  for (let k = 0; k < 10; k++, den *= 10) {
    const num = Math.round(x * den);
    if (Math.abs(num - x * den) < 1e-9 * den) return [num, den];
  }
  throw new RangeError(`plan parameter ${x} has too many decimals`);
}

/** round-half-up(a / b) (四捨五入) for integers a ≥ 0, b > 0. */
export function roundHalfUpDiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/** count / total ≥ target, decided in integers. */
export function meetsTarget(count: number, total: number, target: number): boolean {
  const [p, q] = toFraction(target);
  return count * q >= p * total;
}
