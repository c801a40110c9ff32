// 12- and 18-month retention (RULES §3, 肆 四(二)), with the list behind every figure and a look-ahead.
import { formatRoc, maxDate, minDate, type IsoDate } from '../dates/roc';
import { compareIso, continuousChain, covers, daysFrom, formatSpan, groupByPerson, plusDays as addDays, plusMonths as addMonths, spansOverlap } from './employment';
import { meetsTarget, nextReferenceDate, toFraction, type PlanParams } from './planParams';
import { isRetentionRole } from './roles';
import { PLAN_FUNDING } from './planStaff';
import { formatTarget, rate as rateOf } from './rate';
import type { Funding, Leave, Period, Role } from './types';

/** What retention reads of a period (full Period rows do too). */
export type RetentionPeriod = Pick<Period, 'personId' | 'roleCode' | 'funding' | 'startDate' | 'endDate'>;

export interface RetentionInput {
  people: { id: number; name: string }[];
  /** full Period rows, or just what retention reads of them */
  periods: (Period | RetentionPeriod)[];
  leaves: Leave[];
  roles: Role[];
}

/**
 * The periods retention counts — funded 個管, 資深個管 and 督導 (not 專管, 自有 or other programmes' roles) — as data, so
 * a service can load only those; computeRetention applies the same scope to whatever it is given.
 */
export function retentionScope(roles: readonly Role[]): { roleCodes: string[]; funding: Funding } {
  return { roleCodes: roles.filter((r) => isRetentionRole(r.kind)).map((r) => r.code), funding: PLAN_FUNDING };
}

/** Codes for logic and ordering; `reason` is only for people to read. */
export const RETENTION_EXCLUSIONS = ['leaveThisYear', 'notInPost'] as const;
export type RetentionExclusion = (typeof RETENTION_EXCLUSIONS)[number];

export interface RetentionPersonRow {
  personId: number;
  name: string;
  roleCode: string;
  /** first day of the continuous retention-role service */
  serviceStart: IsoDate;
  leaveDaysInService: number;
  /** serviceStart moved later by the leave days */
  adjustedStart: IsoDate;
  monthsServed: number;
  inDenominator: boolean;
  /** why someone listed is not counted: on 留職停薪 in the plan year, or no longer in post; null when counted */
  excluded: RetentionExclusion | null;
  inShort: boolean;
  inLong: boolean;
  reason: string;
  /** the day the 12 (18) months complete, assuming no further leave */
  completesShortOn: IsoDate;
  completesLongOn: IsoDate;
}

/** The figure on a date: who counts, how many have served 12 (18) months, and the rates. */
export interface RetentionCounts {
  date: IsoDate;
  denominator: number;
  countShort: number;
  countLong: number;
  rateShort: number | null;
  rateLong: number | null;
}

export interface RetentionResult extends RetentionCounts {
  targetShort: number;
  targetLong: number;
  metShort: boolean | null;
  metLong: boolean | null;
  rows: RetentionPersonRow[];
  interpretation: string[];
  lookAhead: {
    nextRefDate: IsoDate;
    reachShort: RetentionPersonRow[];
    reachLong: RetentionPersonRow[];
    projectedRateShort: number | null;
    projectedRateLong: number | null;
    departuresAbsorbableShort: number;
    departuresAbsorbableLong: number;
  };
}

/** Full months served on `date`: the largest N with addMonths(start, N) ≤ date + 1 day (month ends clamp). */
export function monthsServed(start: IsoDate, date: IsoDate): number {
  const next = addDays(date, 1);
  if (start > next) return 0;
  let n = (+next.slice(0, 4) - +start.slice(0, 4)) * 12 + (+next.slice(5, 7) - +start.slice(5, 7));
  // addMonths(start, n) lands in next's month: at most one month too far (start's day later than next's), never two —
  // so one check, not a loop (the register asks this for every row, retention for every person)
  if (n > 0 && addMonths(start, n) > next) n--;
  return n;
}

/** Days of a leave inside [from, to], inclusive (the 留職停薪 deduction; the register's 年資 makes it too). */
export function leaveDaysWithin(leave: Leave, from: IsoDate, to: IsoDate): number {
  const a = maxDate(leave.startDate, from);
  const b = minDate(leave.endDate ?? to, to);
  return b < a ? 0 : daysFrom(a, b) + 1;
}

/**
 * How many of those who count could leave before the next reference date with the projected rate still ≥ target.
 * Worst case: every departure is someone in the numerator, and nobody replaces them (a departure from outside the
 * numerator only raises the rate). The largest k ≤ count, k < total, with (count − k) / (total − k) ≥ target; 0 when
 * the target is already missed or nobody is counted.
 */
function absorbable(count: number, total: number, target: number): number {
  if (total <= 0 || !meetsTarget(count, total, target)) return 0;
  const [p, q] = toFraction(target);
  if (p >= q) return count === total ? total - 1 : 0;
  const k = Math.floor((q * count - p * total) / (q - p));
  return Math.max(0, Math.min(k, count, total - 1));
}

/** Where one person stands on `date`: their continuous service (up to `asOf`) less leave, and whether they count. */
interface Standing {
  serviceStart: IsoDate;
  leaveDays: number;
  adjustedStart: IsoDate;
  months: number;
  /** the first 留職停薪 touching 1 January .. date, which keeps them out of the figure */
  yearLeave: Leave | undefined;
  inDenominator: boolean;
  inShort: boolean;
  inLong: boolean;
}

/** The rule, once: both the full result (rows, reasons) and the counts alone (the trend's points) stand on it. */
function standingOf(chain: RetentionPeriod[], inPost: boolean, leaves: Leave[], date: IsoDate, params: PlanParams): Standing {
  const asOf = inPost ? date : chain[chain.length - 1].endDate!;
  const serviceStart = chain[0].startDate;
  const leaveDays = leaves.reduce((sum, l) => sum + leaveDaysWithin(l, serviceStart, asOf), 0);
  const adjustedStart = addDays(serviceStart, leaveDays);
  const months = monthsServed(adjustedStart, asOf);
  // 當年度留職停薪者不列入計算: any leave between 1 January and the reference date, even one already over.
  const yearStart = `${date.slice(0, 4)}-01-01`;
  const yearLeave = leaves
    .filter((l) => spansOverlap(l, { startDate: yearStart, endDate: date }))
    .sort((a, b) => compareIso(a.startDate, b.startDate))[0];
  const inDenominator = inPost && !yearLeave;
  return {
    serviceStart,
    leaveDays,
    adjustedStart,
    months,
    yearLeave,
    inDenominator,
    inShort: inDenominator && months >= params.retentionMonthsShort,
    inLong: inDenominator && months >= params.retentionMonthsLong,
  };
}

/** Funded 個管/資深個管/督導 only; 專管, 自有 and other programmes' roles are not the retention population. */
function scopedPeriods(input: RetentionInput) {
  const scope = retentionScope(input.roles);
  const scopeCodes = new Set(scope.roleCodes);
  return {
    inScope: (p: RetentionPeriod) => p.funding === scope.funding && scopeCodes.has(p.roleCode),
    periodsOf: groupByPerson(input.periods),
    leavesOf: groupByPerson(input.leaves),
  };
}

/**
 * The figure alone at each of several dates — a trend's points: the same standing as computeRetention for everyone in
 * post, without the rows, reasons, ordering and look-ahead that only the page of one date shows (periods and leaves
 * are grouped once for all the dates).
 */
export function retentionCounts(input: RetentionInput, points: readonly { date: IsoDate; params: PlanParams }[]): RetentionCounts[] {
  const { inScope, periodsOf, leavesOf } = scopedPeriods(input);
  return points.map(({ date, params }) => {
    let denominator = 0;
    let countShort = 0;
    let countLong = 0;
    for (const person of input.people) {
      const chain = continuousChain(periodsOf.get(person.id) ?? [], date, inScope);
      if (!chain.length) continue; // not in post: never counted
      const s = standingOf(chain, true, leavesOf.get(person.id) ?? [], date, params);
      if (!s.inDenominator) continue;
      denominator++;
      if (s.inShort) countShort++;
      if (s.inLong) countLong++;
    }
    return { date, denominator, countShort, countLong, rateShort: rateOf(countShort, denominator), rateLong: rateOf(countLong, denominator) };
  });
}

export function computeRetention(input: RetentionInput, date: IsoDate, params: PlanParams): RetentionResult {
  const short = params.retentionMonthsShort;
  const long = params.retentionMonthsLong;
  const yearStart = `${date.slice(0, 4)}-01-01`;
  const { inScope, periodsOf, leavesOf } = scopedPeriods(input);
  const rows: RetentionPersonRow[] = [];
  for (const person of input.people) {
    const periods = periodsOf.get(person.id) ?? [];
    const leaves = leavesOf.get(person.id) ?? [];
    let chain = continuousChain(periods, date, inScope);
    const inPost = chain.length > 0;
    if (!inPost) {
      // Left or moved to other duties during the plan year: listed so the supervisor sees why they are missing.
      const ended = periods
        .filter((p) => inScope(p) && p.endDate != null && p.endDate >= yearStart && p.endDate < date)
        .sort((a, b) => compareIso(a.endDate!, b.endDate!))
        .pop();
      if (!ended) continue;
      chain = continuousChain(periods, ended.endDate!, inScope);
    }
    const last = chain[chain.length - 1];
    const { serviceStart, leaveDays, adjustedStart, months, yearLeave, inDenominator, inShort, inLong } = standingOf(chain, inPost, leaves, date, params);
    const completesShortOn = addDays(addMonths(adjustedStart, short), -1);
    const completesLongOn = addDays(addMonths(adjustedStart, long), -1);
    const since = `服務起 ${formatRoc(serviceStart)}${leaveDays ? `，扣除留職停薪 ${leaveDays} 日後起算 ${formatRoc(adjustedStart)}` : ''}`;
    let reason: string;
    if (!inPost) reason = '已離職/轉任他職：非在職，不列入';
    else if (yearLeave) reason = `留職停薪 ${formatSpan(yearLeave)}${covers(yearLeave, date) ? '（留職停薪中）' : ''}：不列入計算`;
    else if (inLong) reason = `已滿${long}個月（${since}）`;
    else if (inShort) reason = `已滿${short}個月、未滿${long}個月（${since}；滿${long}個月於 ${formatRoc(completesLongOn)}）`;
    else reason = `未滿${short}個月（已服務 ${months} 個月，${since}；滿${short}個月於 ${formatRoc(completesShortOn)}）`;
    rows.push({
      personId: person.id,
      name: person.name,
      roleCode: last.roleCode,
      serviceStart,
      leaveDaysInService: leaveDays,
      adjustedStart,
      monthsServed: months,
      inDenominator,
      excluded: !inPost ? 'notInPost' : yearLeave ? 'leaveThisYear' : null,
      inShort,
      inLong,
      reason,
      completesShortOn,
      completesLongOn,
    });
  }
  // Counted first, then leave exclusions, then departures; longest service first within each.
  const rank = (r: RetentionPersonRow) => (r.excluded == null ? 0 : r.excluded === 'leaveThisYear' ? 1 : 2);
  rows.sort((a, b) => rank(a) - rank(b) || compareIso(a.adjustedStart, b.adjustedStart) || a.personId - b.personId);

  const counted = rows.filter((r) => r.inDenominator);
  const denominator = counted.length;
  const countShort = counted.filter((r) => r.inShort).length;
  const countLong = counted.filter((r) => r.inLong).length;
  const rate = (c: number) => rateOf(c, denominator);
  const met = (c: number, t: number) => (denominator ? meetsTarget(c, denominator, t) : null);

  // Look-ahead: the same people at the next reference date, nobody leaving, nobody arriving, no further leave.
  const nextRefDate = nextReferenceDate(addDays(date, 1), params);
  const reachShort = counted.filter((r) => !r.inShort && r.completesShortOn <= nextRefDate);
  const reachLong = counted.filter((r) => !r.inLong && r.completesLongOn <= nextRefDate);
  const projShort = countShort + reachShort.length;
  const projLong = countLong + reachLong.length;

  const interpretation = [
    `分母：${formatRoc(date)} 在職之補助個管、資深個管及督導（不含專管、自有專責人力；以機關自有經費聘用於個管、督導職務者另列，不列入）。`,
    `當年度（${formatRoc(yearStart)} 起至基準日）曾留職停薪者，不列入分子及分母；已離職或轉任他職者因非在職而不列入。`,
    '年資：目前在個管、資深個管、督導職務之連續服務（升遷不中斷；兩段任職間有空窗即重新起算），並扣除留職停薪日數（起算日順延）。',
    `滿 N 個月：起算日加 N 個月（遇月底以該月最後一日計）不晚於基準日次日；目標：滿${short}個月 ≥ ${formatTarget(params.targetShort)}，滿${long}個月 ≥ ${formatTarget(params.targetLong)}。`,
    `預估：假設至 ${formatRoc(nextRefDate)} 無人離職、無新進人員；可承受離職人數以已達標者離職之最不利情形計算。`,
  ];

  return {
    date,
    denominator,
    countShort,
    countLong,
    rateShort: rate(countShort),
    rateLong: rate(countLong),
    targetShort: params.targetShort,
    targetLong: params.targetLong,
    metShort: met(countShort, params.targetShort),
    metLong: met(countLong, params.targetLong),
    rows,
    interpretation,
    lookAhead: {
      nextRefDate,
      reachShort,
      reachLong,
      projectedRateShort: rate(projShort),
      projectedRateLong: rate(projLong),
      departuresAbsorbableShort: absorbable(projShort, denominator, params.targetShort),
      departuresAbsorbableLong: absorbable(projLong, denominator, params.targetLong),
    },
  };
}
