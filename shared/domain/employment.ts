// Employment periods and 留職停薪: the rules of RULES §1 as pure functions.
import { addDays, formatRoc, type IsoDate } from '../dates/roc';
import type { Leave, Period } from './types';

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
  const order = periods.map((p, i) => i).sort((a, b) => periods[a].startDate.localeCompare(periods[b].startDate));
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

/**
 * Continuous service ending at `date`: the chain of periods (matching `inScope`) that covers `date`, walking back while
 * each earlier period ends the day before the next starts. A gap of a day or more is a break (a rehire).
 * Returns the chain oldest first, or [] when no in-scope period covers `date`.
 */
export function continuousChain<P extends Span>(periods: readonly P[], date: IsoDate, inScope: (p: P) => boolean = () => true): P[] {
  const mine = periods.filter(inScope).sort((a, b) => a.startDate.localeCompare(b.startDate));
  let idx = mine.findIndex((p) => covers(p, date));
  if (idx < 0) return [];
  const chain = [mine[idx]];
  while (idx > 0 && mine[idx - 1].endDate != null && addDays(mine[idx - 1].endDate!, 1) === mine[idx].startDate) {
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
  const map = new Map<number, T[]>();
  for (const it of items) {
    const list = map.get(it.personId);
    if (list) list.push(it);
    else map.set(it.personId, [it]);
  }
  return map;
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
