// 附件五 毒品危害防制中心專責人力運用情形清冊 (RULES §6): one row per continuous stint in the plan's roles that touches
// 1 January … the reference date, grouped by 人力來源. Pure: the service passes in the rows it loaded and the caseload
// records it read; nothing here is recomputed from another figure's internals.
import { formatRocMonth, maxDate, minDate, type IsoDate } from '../dates/roc';
import { compareIso, continues, covers, groupByPerson, monthEnd, plusDays } from './employment';
import { leaveDaysWithin, monthsServed } from './retention';
import { BUSINESS_GROUPS, type Funding, type Leave, type Period, type Person, type Role, type RoleKind } from './types';
import { compareNames } from './collation';

export const REGISTER_SOURCES: Record<Funding, string> = {
  補助: '本部計畫補助人力(含聘用及臨時)',
  自有: '機關自有專責人力',
};

export interface CaseloadCell {
  cumulative: number | null;
  active: number | null;
}

/** What the register reads of a person and of a period: a service can load only these. */
export type RegisterPerson = Pick<Person, 'id' | 'name' | 'education' | 'department' | 'certificate'>;
export type RegisterPeriod = Omit<Period, 'id' | 'endReason'>;

export interface RegisterInput {
  rocYear: number;
  refDate: IsoDate;
  /** (full Person rows do too) */
  people: readonly RegisterPerson[];
  /** (full Period rows do too) */
  periods: readonly RegisterPeriod[];
  leaves: readonly Leave[];
  roles: readonly Role[];
  /** records at the reference month end (caseloadCellsAt), by person */
  caseloads: ReadonlyMap<number, CaseloadCell>;
}

export interface RegisterRow {
  personId: number;
  funding: Funding;
  roleCode: string;
  roleKind: RoleKind;
  /** 職稱: the period's title, else the role's name; own staff have no role-derived title */
  title: string | null;
  name: string;
  businessGroup: string | null;
  adminUnit: string | null;
  start: IsoDate;
  /** null = still in post on the reference date (迄今) */
  end: IsoDate | null;
  /** 年資 in full months, 留職停薪 deducted (the retention rule, RULES §3) */
  tenureMonths: number;
  /** ___年在職月數: months of the year up to the reference month with a day in post and not on 留職停薪 */
  monthsInYear: number;
  education: string | null;
  department: string | null;
  certificate: string | null;
  /** for 個管/督導: the month-end record (numbers null when missing); null for other roles */
  caseload: CaseloadCell | null;
  /** 工作內容 其他(簡要條列說明): the last period's short list (absent in packages submitted before it existed) */
  duties?: string | null;
}

/** The roles the register lists: the plan's funded posts and the office's own 專責 staff. */
export const PLAN_KINDS: readonly RoleKind[] = ['case_manager', 'supervisor', 'project_manager', 'own'];

/** Each month's first and last day, January to the reference month (the last capped at the reference date). */
const monthSpans = new Map<IsoDate, [IsoDate, IsoDate][]>();
function monthsUpTo(refDate: IsoDate): [IsoDate, IsoDate][] {
  let spans = monthSpans.get(refDate);
  if (!spans) {
    const year = +refDate.slice(0, 4);
    spans = [];
    for (let m = 1; m <= +refDate.slice(5, 7); m++) spans.push([`${year}-${m < 10 ? '0' : ''}${m}-01`, minDate(monthEnd(year, m), refDate)]);
    monthSpans.set(refDate, spans);
  }
  return spans;
}

/** Months from January to the reference month in which some day of [start, last] is in post and not on leave. */
export function monthsInPostThisYear(start: IsoDate, last: IsoDate, refDate: IsoDate, leaves: readonly Leave[]): number {
  let n = 0;
  for (const [first, end] of monthsUpTo(refDate)) {
    const a = maxDate(start, first);
    const b = minDate(last, end);
    if (a > b) continue;
    // leaves never overlap (checkLeaves), so one leave either covers the whole stretch or leaves a working day
    if (!leaves.some((l) => covers(l, a) && (l.endDate == null || l.endDate >= b))) n++;
  }
  return n;
}

/**
 * The continuous stints (oldest first) of one person's in-scope periods that start on or before `refDate` and last
 * into [`from`, `refDate`]. Periods never overlap (checkPeriods), so walking back from the latest one, a stint that
 * ends before `from` means every earlier one does too: the years before it are never chained.
 */
function stintsReaching(periods: readonly RegisterPeriod[], from: IsoDate, refDate: IsoDate): RegisterPeriod[][] {
  const sorted = periods.every((p, i) => i === 0 || periods[i - 1].startDate <= p.startDate) ? periods : [...periods].sort((a, b) => compareIso(a.startDate, b.startDate));
  let i = sorted.length - 1;
  while (i >= 0 && sorted[i].startDate > refDate) i--;
  const out: RegisterPeriod[][] = [];
  while (i >= 0) {
    const last = sorted[i];
    if (minDate(last.endDate ?? refDate, refDate) < from) break;
    let first = i;
    while (first > 0 && continues(sorted[first - 1], sorted[first])) first--;
    out.unshift(sorted.slice(first, i + 1));
    i = first - 1;
  }
  return out;
}

export function buildRegisterRows(input: RegisterInput): RegisterRow[] {
  const { refDate } = input;
  const yearStart = `${refDate.slice(0, 4)}-01-01`;
  const roles = new Map(input.roles.map((r) => [r.code, r]));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const leavesOf = groupByPerson(input.leaves);
  const planCodes = new Set(input.roles.filter((r) => PLAN_KINDS.includes(r.kind)).map((r) => r.code));
  const inPlan = (p: RegisterPeriod) => planCodes.has(p.roleCode);
  const rows: RegisterRow[] = [];

  for (const [personId, periods] of groupByPerson(input.periods.filter(inPlan))) {
    const person = people.get(personId);
    if (!person) continue;
    const leaves = leavesOf.get(personId) ?? [];
    // A move between 補助 and 自有 changes the register group, so each funding source is walked on its own.
    for (const funding of ['補助', '自有'] as const) {
      for (const chain of stintsReaching(periods.filter((p) => p.funding === funding), yearStart, refDate)) {
        const lastPeriod = chain[chain.length - 1];
        const asOf = minDate(lastPeriod.endDate ?? refDate, refDate);
        const start = chain[0].startDate;
        const role = roles.get(lastPeriod.roleCode)!;
        const isCase = role.kind === 'case_manager' || role.kind === 'supervisor';
        rows.push({
          personId,
          funding,
          roleCode: role.code,
          roleKind: role.kind,
          title: lastPeriod.title ?? (role.kind === 'own' ? null : role.name),
          name: person.name,
          businessGroup: lastPeriod.businessGroup,
          adminUnit: lastPeriod.adminUnit,
          start,
          end: lastPeriod.endDate != null && lastPeriod.endDate <= refDate ? lastPeriod.endDate : null,
          tenureMonths: monthsServed(plusDays(start, leaves.reduce((days, l) => days + leaveDaysWithin(l, start, asOf), 0)), asOf),
          monthsInYear: monthsInPostThisYear(start, asOf, refDate, leaves),
          education: person.education,
          department: person.department,
          certificate: person.certificate,
          // caseloadCellsAt holds only people in post at the month end, so those who left get no numbers
          caseload: isCase ? (input.caseloads.get(personId) ?? { cumulative: null, active: null }) : null,
          duties: lastPeriod.duties ?? null,
        });
      }
    }
  }

  // 補助 by role order, then 自有 by 業務組; within those by start and name. The rank is worked out once per row, not
  // on each of the ~10,000 comparisons a 1,000-row register's sort makes, and kept beside the row rather than looked up.
  const groupRank = (g: string | null) => {
    const i = (BUSINESS_GROUPS as readonly string[]).indexOf(g ?? '');
    return i < 0 ? BUSINESS_GROUPS.length : i;
  };
  const ranked = rows.map((row) =>
    row.funding === '補助' ? { row, source: 0, within: roles.get(row.roleCode)?.sort ?? 999 } : { row, source: 1, within: groupRank(row.businessGroup) },
  );
  ranked.sort((a, b) => a.source - b.source || a.within - b.within || compareIso(a.row.start, b.row.start) || compareNames(a.row.name, b.row.name) || a.row.personId - b.row.personId);
  return ranked.map((k) => k.row);
}

// ——— how each cell reads on the form ———

/** `113年3月 至 迄今` or `112年9月 至 113年8月` */
export function spanText(start: IsoDate, end: IsoDate | null): string {
  return `${formatRocMonth(start)} 至 ${end ? formatRocMonth(end) : '迄今'}`;
}

/** 年資: `3年10個月` */
export function tenureText(months: number): string {
  return `${Math.floor(months / 12)}年${months % 12}個月`;
}

/** 學歷(科系): `碩士(社會工作研究所)`; blank when 學歷 is unknown (never guessed). */
export function educationText(education: string | null, department: string | null): string | null {
  if (!education) return department ? `(${department})` : null;
  return department ? `${education}(${department})` : education;
}

/** 是否具有本計畫證照加給之證照: `是(社會工作師)` or `否`. */
export function certificateText(certificate: string | null): string {
  return certificate ? `是(${certificate})` : '否';
}

/** 個案管理及案量 for 個管/督導, as the form words it; `/` for 專管 as in the original; blank when no record. */
export function caseloadText(row: Pick<RegisterRow, 'caseload' | 'roleKind'>, refDate: IsoDate): string | null {
  if (row.roleKind === 'project_manager') return '/';
  const c = row.caseload;
  if (!c || (c.cumulative == null && c.active == null)) return null;
  const n = (v: number | null) => (v == null ? '' : String(v));
  return `1. 累計個管案量：${n(c.cumulative)}人\n2. ${+refDate.slice(5, 7)}月底在案案量：${n(c.active)}人`;
}
