// 志工繼續教育涵蓋率 (RULES §5; seed 004 肆 四(八)): volunteers with ≥ 4 hours of continuing education in the year ÷
// volunteers that year, with who is short and by how much, and whom to remind while the year still runs.
import { daysBetween, formatRoc, type IsoDate } from '../dates/roc';
import { covers, spansOverlap } from './employment';
import { roundHours, yearSpan } from './trainingParams';
import { compareNames } from './collation';

export const VOLUNTEER_HOUR_KINDS = ['繼續教育', '服務'] as const;
export type VolunteerHourKind = (typeof VOLUNTEER_HOUR_KINDS)[number];

export interface VolunteerFacts {
  id: number;
  name: string;
  periods: { role: string; startDate: IsoDate; endDate: IsoDate | null }[];
  /** the hours worked inside the plan year, summed by kind (hours outside it count for nothing) */
  yearHours: HoursByKind;
  evaluation: string | null;
}

export interface HoursByKind {
  /** 繼續教育 */
  ce: number;
  /** 服務 */
  service: number;
}

export interface VolunteerRow {
  volunteerId: number;
  name: string;
  role: string;
  serviceStart: IsoDate;
  serviceEnd: IsoDate | null;
  ceHours: number;
  serviceHours: number;
  shortBy: number;
  /** still serving after the evaluation date while the year runs: can still make up the hours */
  canRemind: boolean;
  evaluation: string | null;
  ok: boolean;
  reason: string;
}

export interface VolunteerYear {
  rocYear: number;
  asOf: IsoDate;
  required: number;
  target: number;
  total: number;
  covered: number;
  rate: number | null;
  met: boolean | null;
  rows: VolunteerRow[];
  short: VolunteerRow[];
  reminders: VolunteerRow[];
  daysLeft: number;
  monthly: { month: number; ce: number; service: number; ceCumulative: number; serviceCumulative: number }[];
  interpretation: string[];
}

/** Volunteers "that year" are those whose service period overlaps the plan year (RULES §5 Interpretation). */
export function volunteersOfYear<V extends Pick<VolunteerFacts, 'periods'>>(vols: readonly V[], rocYear: number): V[] {
  const { start, end } = yearSpan(rocYear);
  return vols.filter((v) => v.periods.some((p) => spansOverlap(p, { startDate: start, endDate: end })));
}

/** `monthly`: the plan year's hours of all volunteers by calendar month (1–12), as monthlyHours takes them. */
export function computeVolunteerYear(
  vols: readonly VolunteerFacts[],
  monthly: readonly (HoursByKind & { month: number })[],
  rocYear: number,
  asOf: IsoDate,
  required: number,
  target: number,
): VolunteerYear {
  const { start, end } = yearSpan(rocYear);
  const running = asOf < end;
  const year = { startDate: start, endDate: end };
  const rows = volunteersOfYear(vols, rocYear)
    .map((v): VolunteerRow => {
      const ceHours = roundHours(v.yearHours.ce);
      // the period that counts for the year: the latest one overlapping it
      let latest: VolunteerFacts['periods'][number] | null = null;
      for (const p of v.periods) if (spansOverlap(p, year) && (!latest || p.startDate > latest.startDate)) latest = p;
      const period = latest!; // volunteersOfYear kept only volunteers with one
      const shortBy = roundHours(Math.max(0, required - ceHours));
      const stillServing = v.periods.some((p) => (p.endDate ?? '9999-12-31') > asOf && p.startDate <= end);
      return {
        volunteerId: v.id,
        name: v.name,
        role: period.role,
        serviceStart: period.startDate,
        serviceEnd: period.endDate,
        ceHours,
        serviceHours: roundHours(v.yearHours.service),
        shortBy,
        canRemind: shortBy > 0 && running && stillServing,
        evaluation: v.evaluation,
        ok: shortBy === 0,
        reason: shortBy === 0 ? `繼續教育 ${ceHours} 小時，已達 ${required} 小時` : `繼續教育尚缺 ${shortBy} 小時（已有 ${ceHours} 小時）`,
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
  const covered = rows.filter((r) => r.ok).length;
  const total = rows.length;
  // rows are in name order and sort is stable: by shortfall alone gives (most short first, then name) without the collator
  const short = rows.filter((r) => !r.ok).sort((a, b) => b.shortBy - a.shortBy);
  return {
    rocYear,
    asOf,
    required,
    target,
    total,
    covered,
    rate: total ? covered / total : null,
    met: total ? covered >= target * total - 1e-9 : null,
    rows,
    short,
    reminders: short.filter((r) => r.canRemind),
    daysLeft: running ? daysBetween(asOf, end) : 0,
    monthly: monthlyHours(monthly),
    interpretation: [
      `當年度志工：服務期間與 ${rocYear} 年（${formatRoc(start)}–${formatRoc(end)}）有任何重疊者，含年中加入或離開者。`,
      `涵蓋率 = 當年度繼續教育達 ${required} 小時之志工人數 ÷ 當年度志工人數，目標 ${Math.round(target * 100)}%。`,
      '提醒名單：尚未達標、年度尚未結束且仍在服務中的志工。',
    ],
  };
}

/** The plan year's twelve months, all volunteers' hours by month (months missing from `byMonth` had none), with running totals for the cumulative chart. */
export function monthlyHours(byMonth: readonly (HoursByKind & { month: number })[]): VolunteerYear['monthly'] {
  const ce = Array(12).fill(0) as number[];
  const service = Array(12).fill(0) as number[];
  for (const m of byMonth) {
    ce[m.month - 1] += m.ce;
    service[m.month - 1] += m.service;
  }
  let c = 0;
  let s = 0;
  return ce.map((x, i) => {
    c += x;
    s += service[i];
    return { month: i + 1, ce: roundHours(x), service: roundHours(service[i]), ceCumulative: roundHours(c), serviceCumulative: roundHours(s) };
  });
}

/** Is the volunteer serving on `date`? */
export function servingOn(v: Pick<VolunteerFacts, 'periods'>, date: IsoDate): boolean {
  return v.periods.some((p) => covers(p, date));
}
