// Interns from partner schools (RULES §5; seed 004 參 四(三)2): the yearly summary in the words the 期中/期末 report
// asks for — 合作單位, 合作方式, 實際實(見)習人數, 時數 — with 督導 and 實習內容 per intern.
import { formatRoc, rocYear as rocYearOf, type IsoDate } from '../dates/roc';
import { roundHours } from './trainingParams';
import { compareNames } from './collation';

export const INTERN_KINDS = ['實習', '見習'] as const;
export type InternKind = (typeof INTERN_KINDS)[number];

export interface SchoolFacts {
  id: number;
  name: string;
  department: string;
  cooperation: string | null;
}

/** What a clerk records of an intern. */
export interface InternFields {
  schoolId: number;
  name: string;
  kind: InternKind;
  startDate: IsoDate;
  endDate: IsoDate;
  hours: number;
  supervisorId: number | null;
  content: string | null;
}

export interface InternFacts extends InternFields {
  id: number;
  supervisorName: string | null;
}

export interface InternRow extends InternFacts {
  unit: string;
  ok: boolean;
  reason: string;
}

export interface SchoolSummary {
  schoolId: number;
  unit: string;
  cooperation: string;
  kinds: InternKind[];
  interns: number;
  hours: number;
  byKind: { kind: InternKind; interns: number; hours: number }[];
  text: string;
}

export interface InternYear {
  rocYear: number;
  schools: SchoolSummary[];
  interns: InternRow[];
  totals: { schools: number; interns: number; hours: number };
  paragraph: string;
  interpretation: string[];
}

export const unitName = (s: Pick<SchoolFacts, 'name' | 'department'>) => `${s.name}${s.department ? ` ${s.department}` : ''}`;

/** An intern belongs to the plan year in which the internship starts, so hours are never counted in two years. */
export function internsOfYear<T extends Pick<InternFacts, 'startDate'>>(interns: readonly T[], rocYear: number): T[] {
  return interns.filter((i) => rocYearOf(i.startDate) === rocYear);
}

/** The report asks for 督導 and 實習內容: an intern lacking either is not ready to report. */
function internReason(i: InternFacts): string[] {
  const gaps: string[] = [];
  if (!i.supervisorName) gaps.push('未指定督導人員');
  if (!i.content) gaps.push('未填實習內容');
  if (!(i.hours > 0)) gaps.push('未填時數');
  return gaps;
}

export function computeInternYear(schools: readonly SchoolFacts[], interns: readonly InternFacts[], rocYear: number): InternYear {
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const mine = internsOfYear(interns, rocYear).sort((a, b) => a.startDate.localeCompare(b.startDate) || compareNames(a.name, b.name));
  const rows: InternRow[] = mine.map((i) => {
    const gaps = internReason(i);
    return { ...i, unit: unitName(schoolOf.get(i.schoolId) ?? { name: '?', department: '' }), ok: gaps.length === 0, reason: gaps.length ? gaps.join('、') : '資料完整' };
  });
  const summaries: SchoolSummary[] = [];
  for (const s of schools) {
    const list = rows.filter((r) => r.schoolId === s.id);
    if (!list.length) continue;
    const byKind = (['實習', '見習'] as const)
      .map((kind) => {
        const k = list.filter((r) => r.kind === kind);
        return { kind, interns: k.length, hours: roundHours(k.reduce((n, r) => n + r.hours, 0)) };
      })
      .filter((k) => k.interns > 0);
    const hours = roundHours(list.reduce((n, r) => n + r.hours, 0));
    const cooperation = s.cooperation || byKind.map((k) => k.kind).join('、');
    // one kind: 實際實習人數 3 人; both: 實際實(見)習人數 5 人（實習 3 人、見習 2 人）
    const who = byKind.length === 1 ? `實際${byKind[0].kind}人數 ${list.length} 人` : `實際實(見)習人數 ${list.length} 人（${byKind.map((k) => `${k.kind} ${k.interns} 人`).join('、')}）`;
    summaries.push({
      schoolId: s.id,
      unit: unitName(s),
      cooperation,
      kinds: byKind.map((k) => k.kind),
      interns: list.length,
      hours,
      byKind,
      text: `合作單位：${unitName(s)}；合作方式：${cooperation}；${who}，時數共 ${hours} 小時。`,
    });
  }
  const totals = { schools: summaries.length, interns: rows.length, hours: roundHours(rows.reduce((n, r) => n + r.hours, 0)) };
  const paragraph = totals.interns
    ? `${rocYear} 年與 ${totals.schools} 個單位合作，提供實(見)習機會，實際實(見)習人數共 ${totals.interns} 人，時數共 ${totals.hours} 小時：${summaries.map((s) => s.text).join('')}`
    : `${rocYear} 年尚無實(見)習紀錄。`;
  return {
    rocYear,
    schools: summaries,
    interns: rows,
    totals,
    paragraph,
    interpretation: [`實(見)習者計入開始日所在的年度（${rocYear} 年：${formatRoc(`${rocYear + 1911}-01-01`)}–${formatRoc(`${rocYear + 1911}-12-31`)} 開始者）；跨年度者只計一次，時數不重複計算。`],
  };
}
