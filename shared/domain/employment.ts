// Employment periods and 留職停薪: the rules of RULES §1 as pure functions.
import { daysInMonth, formatRoc, type IsoDate } from '../dates/roc';
import type { Leave, Period } from './types';

// Calendar arithmetic on ISO dates with integers only. Same answers as addDays / addMonths / daysBetween of
// shared/dates/roc.ts for the years it accepts (1900–2200), but without building date-fns Date objects, which made
// up a third of the figures' compute time at national scale (thousands of people, several date steps each).
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const isoOf = (y: number, m: number, d: number): IsoDate => `${y}-${pad2(m)}-${pad2(d)}`;

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber(d: IsoDate): number {
  const m = +d.slice(5, 7);
  const y = +d.slice(0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + +d.slice(8, 10) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The ISO date of a day number (civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - Math.floor((153 * mp + 2) / 5) + 1);
}

/** addDays(d, n) */
export function plusDays(d: IsoDate, n: number): IsoDate {
  if (n === 1) {
    const y = +d.slice(0, 4);
    const m = +d.slice(5, 7);
    const day = +d.slice(8, 10);
    if (day < daysInMonth(y, m)) return isoOf(y, m, day + 1);
    return m < 12 ? isoOf(y, m + 1, 1) : isoOf(y + 1, 1, 1);
  }
  return n === 0 ? d : fromDayNumber(dayNumber(d) + n);
}

/** addMonths(d, n): the same day n months on, clamped to the month's end (2024-01-31 + 1 = 2024-02-29). */
export function plusMonths(d: IsoDate, n: number): IsoDate {
  const t = +d.slice(0, 4) * 12 + +d.slice(5, 7) - 1 + n;
  const y = Math.floor(t / 12);
  const m = t - y * 12 + 1;
  return isoOf(y, m, Math.min(+d.slice(8, 10), daysInMonth(y, m)));
}

/** The last day of month `m` (1–12) of year `y`. */
export function monthEnd(y: number, m: number): IsoDate {
  return isoOf(y, m, daysInMonth(y, m));
}

/** daysBetween(a, b) = b − a in calendar days. */
export function daysFrom(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO dates order as text: a plain comparison, not localeCompare (which goes through the ICU collator each time). */
export const compareIso = (a: IsoDate, b: IsoDate) => (a < b ? -1 : a > b ? 1 : 0);

type Span = { startDate: IsoDate; endDate: IsoDate | null };

/** Inclusive on both ends; a null end is open ("迄今"). */
export function covers(span: Span, date: IsoDate): boolean {
  return span.startDate <= date && (span.endDate == null || span.endDate >= date);
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');
}

export function formatSpan(s: Span): string {
  return `${formatRoc(s.startDate)}–${s.endDate ? formatRoc(s.endDate) : '迄今'}`;
}

export interface SpanProblem {
  /** index into the list that was checked */
  index: number;
  message: string;
}

/** Each period must end on or after it starts; a person's periods must not overlap (RULES §1). */
export function checkPeriods(periods: readonly Span[]): SpanProblem[] {
  const problems: SpanProblem[] = [];
  periods.forEach((p, i) => {
    if (p.endDate && p.endDate < p.startDate) {
      problems.push({ index: i, message: `離職日 ${formatRoc(p.endDate)} 早於到職日 ${formatRoc(p.startDate)}` });
    }
  });
  const order = periods.map((p, i) => i).sort((a, b) => compareIso(periods[a].startDate, periods[b].startDate));
  for (let k = 1; k < order.length; k++) {
    const prev = periods[order[k - 1]];
    const cur = periods[order[k]];
    if (spansOverlap(prev, cur)) {
      const hint = prev.endDate == null ? '（前一段尚未填離職日；升遷請在前一段填上新職前一日）' : '';
      problems.push({
        index: order[k],
        message: `任職期間 ${formatSpan(cur)} 與 ${formatSpan(prev)} 重疊${hint}`,
      });
    }
  }
  return problems;
}

/** A leave must end on or after it starts, lie inside one employment period, and not overlap another leave. */
export function checkLeaves(leaves: readonly Span[], periods: readonly Span[]): SpanProblem[] {
  const problems: SpanProblem[] = [];
  leaves.forEach((l, i) => {
    if (l.endDate && l.endDate < l.startDate) {
      problems.push({ index: i, message: `留職停薪迄 ${formatRoc(l.endDate)} 早於起日 ${formatRoc(l.startDate)}` });
      return;
    }
    const inside = periods.some(
      (p) => covers(p, l.startDate) && (p.endDate == null || (l.endDate != null && l.endDate <= p.endDate)),
    );
    if (!inside) problems.push({ index: i, message: `留職停薪 ${formatSpan(l)} 不在任何任職期間內` });
    leaves.forEach((o, j) => {
      if (j < i && spansOverlap(l, o)) problems.push({ index: i, message: `留職停薪 ${formatSpan(l)} 與 ${formatSpan(o)} 重疊` });
    });
  });
  return problems;
}

/** Is `next` continuous service after `prev`: does it start the day after `prev` ends (no gap, so no rehire)? */
export function continues(prev: Span, next: Span): boolean {
  return prev.endDate != null && plusDays(prev.endDate, 1) === next.startDate;
}

/**
 * Continuous service ending at `date`: the chain of periods (matching `inScope`) that covers `date`, walking back while
 * each earlier period ends the day before the next starts. A gap of a day or more is a break (a rehire).
 * Returns the chain oldest first, or [] when no in-scope period covers `date`.
 */
export function continuousChain<P extends Span>(periods: readonly P[], date: IsoDate, inScope: (p: P) => boolean = () => true): P[] {
  const mine = periods.filter(inScope).sort((a, b) => compareIso(a.startDate, b.startDate));
  let idx = mine.findIndex((p) => covers(p, date));
  if (idx < 0) return [];
  const chain = [mine[idx]];
  while (idx > 0 && continues(mine[idx - 1], mine[idx])) {
    idx--;
    chain.unshift(mine[idx]);
  }
  return chain;
}

export interface RosterEntry {
  personId: number;
  period: Period;
  /** the 留職停薪 covering the date, if any: still fills the post (RULES §2) */
  leave: Leave | null;
  /** first day of the person's continuous service up to this period (promotions do not break it) */
  serviceStart: IsoDate;
}

/** Who was in post on `date`, in which period, and who was on 留職停薪 — the query every later figure reuses. */
export function groupByPerson<T extends { personId: number }>(items: readonly T[]): Map<number, T[]> {
  return groupBy(items, (it) => it.personId);
}

/** Items by a key, each list in the items' order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

export type Post = Omit<RosterEntry, 'serviceStart'>;

/**
 * Who held which post on `date` and who was on 留職停薪 — rosterAt without continuous service, so it needs only the
 * periods and leaves in force on that day (what supervision, headcount and caseload read). Same people, periods,
 * leaves and order as rosterAt given the same rows.
 */
export function postsAt<P extends Span & { personId: number } = Period>(date: IsoDate, periods: readonly P[], leaves: readonly Leave[]): (Omit<Post, 'period'> & { period: P })[] {
  const leavesByPerson = groupByPerson(leaves);
  const out: (Omit<Post, 'period'> & { period: P })[] = [];
  for (const [personId, list] of groupByPerson(periods)) {
    let period: P | null = null;
    for (const p of list) if (covers(p, date) && (!period || p.startDate < period.startDate)) period = p;
    if (!period) continue;
    const leave = (leavesByPerson.get(personId) ?? []).find((l) => covers(l, date)) ?? null;
    out.push({ personId, period, leave });
  }
  return out;
}

export function rosterAt(date: IsoDate, periods: readonly Period[], leaves: readonly Leave[]): RosterEntry[] {
  const byPerson = groupByPerson(periods);
  const leavesByPerson = groupByPerson(leaves);
  const out: RosterEntry[] = [];
  for (const [personId, list] of byPerson) {
    const chain = continuousChain(list, date);
    if (!chain.length) continue;
    const leave = (leavesByPerson.get(personId) ?? []).find((l) => covers(l, date)) ?? null;
    out.push({ personId, period: chain[chain.length - 1], leave, serviceStart: chain[0].startDate });
  }
  return out;
}
