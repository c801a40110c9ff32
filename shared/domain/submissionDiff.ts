// What differs between a submitted package and today's data for the same plan year and half (issue 16): the 附件五
// register per person and field, and each figure — every change tied to the audit-log rows written since the
// submission that touched that person and that field, so the office can say who changed it and when. Pure: the
// service loads the frozen rows, today's rows and the audit rows, and passes them in.
import { formatRoc, type IsoDate } from '../dates/roc';
import { certificateText, educationText, tenureText, type RegisterRow } from './register';
import { figureText, type PackageFigure } from './submissionFigures';

/** A 留職停薪 interval as frozen with the register (only the dates: the note is not part of the form). */
export interface SourceLeave {
  personId: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** The rows the register was made from: its rows, and the 留職停薪 behind its 年資 and 在職月數. */
export interface SubmissionSource {
  register: RegisterRow[];
  leaves: SourceLeave[];
}

/** The register's rows and, of its people, the 留職停薪 that reach into 1 January … the reference date. */
export function submissionSource(register: RegisterRow[], leaves: readonly SourceLeave[], refDate: IsoDate): SubmissionSource {
  const from = `${refDate.slice(0, 4)}-01-01`;
  const listed = new Set(register.map((r) => r.personId));
  return {
    register,
    leaves: leaves
      .filter((l) => listed.has(l.personId) && l.startDate <= refDate && (l.endDate == null || l.endDate >= from))
      .map((l) => ({ personId: l.personId, startDate: l.startDate, endDate: l.endDate })),
  };
}

/** An audit row as a change cites it: which row, who and when. */
export interface AuditRef {
  id: number;
  at: string;
  actor: string;
  /** the account's display name where the actor is an account; else the actor as logged (e.g. `cli:clerk`) */
  actorName: string;
  action: string;
  entity: string | null;
}

/** An audit row as the diff reads it: row changes carry the person, and the columns before and after. */
export interface AuditRowIn extends AuditRef {
  personId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  audit: AuditRef[];
}

export interface PersonChange {
  personId: number;
  name: string;
  kind: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
  /** for added and removed rows: the audit rows of that person since the submission */
  audit: AuditRef[];
}

export interface FigureChange {
  key: string;
  label: string;
  before: string;
  after: string;
  audit: AuditRef[];
}

export interface SubmissionDiff {
  people: PersonChange[];
  figures: FigureChange[];
  /** audit rows since the submission about people in the register that no listed change accounts for */
  unmatched: AuditRef[];
}

/** Which table columns can move a register field: an audit row touching one of them is a cause of that field's change. */
type Sources = Record<string, readonly string[] | '*'>;
const PERIOD_POST: Sources = { periods: ['role_code', 'funding', 'title', 'business_group', 'admin_unit', 'start_date', 'end_date'] };
const SPAN: Sources = { periods: ['start_date', 'end_date', 'role_code', 'funding'], leaves: '*' };

interface FieldDef {
  field: string;
  label: string;
  text: (r: RegisterRow, leaves: string) => string;
  sources: Sources;
}

const dash = (s: string | null | undefined) => (s == null || s === '' ? '—' : s);

const FIELDS: readonly FieldDef[] = [
  { field: 'name', label: '姓名', text: (r) => r.name, sources: { people: ['name'] } },
  { field: 'funding', label: '人力來源', text: (r) => r.funding, sources: { periods: ['funding'] } },
  { field: 'title', label: '職稱', text: (r) => dash(r.title), sources: { periods: ['title', 'role_code'] } },
  { field: 'businessGroup', label: '業務組別', text: (r) => dash(r.businessGroup), sources: { periods: ['business_group'] } },
  { field: 'adminUnit', label: '所屬行政單位', text: (r) => dash(r.adminUnit), sources: { periods: ['admin_unit'] } },
  { field: 'start', label: '到職日', text: (r) => formatRoc(r.start), sources: { periods: ['start_date', 'end_date', 'role_code', 'funding'] } },
  { field: 'end', label: '離職日', text: (r) => (r.end ? formatRoc(r.end) : '—'), sources: { periods: ['end_date', 'end_reason'] } },
  { field: 'tenureMonths', label: '年資', text: (r) => tenureText(r.tenureMonths), sources: SPAN },
  { field: 'monthsInYear', label: '在職月數', text: (r) => `${r.monthsInYear} 個月`, sources: SPAN },
  { field: 'leaves', label: '留職停薪', text: (_r, leaves) => dash(leaves), sources: { leaves: '*' } },
  { field: 'education', label: '學歷(科系)', text: (r) => dash(educationText(r.education, r.department)), sources: { people: ['education', 'department'] } },
  { field: 'certificate', label: '證照', text: (r) => certificateText(r.certificate), sources: { people: ['certificate'] } },
  {
    field: 'caseload',
    label: '案量',
    text: (r) => (r.caseload ? `累計 ${r.caseload.cumulative ?? '—'}／在案 ${r.caseload.active ?? '—'}` : '—'),
    sources: { caseloads: '*', ...PERIOD_POST },
  },
];

/** The columns an audit row changed: every column for an insert or delete, the differing ones for an update. */
function changedColumns(a: AuditRowIn): string[] {
  const before = a.before ?? {};
  const after = a.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  if (!a.before || !a.after) return [...keys];
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function touches(a: AuditRowIn, sources: Sources): boolean {
  if (!a.entity || !(a.entity in sources)) return false;
  const cols = sources[a.entity];
  if (cols === '*') return true;
  return changedColumns(a).some((c) => cols.includes(c));
}

const POST_FIELDS = new Set(['funding', 'title', 'start', 'end']);

const ref = (a: AuditRowIn): AuditRef => ({ id: a.id, at: a.at, actor: a.actor, actorName: a.actorName, action: a.action, entity: a.entity });

function leavesText(leaves: readonly SourceLeave[]): string {
  return leaves
    .map((l) => (l.endDate ? `${formatRoc(l.startDate)}–${formatRoc(l.endDate)}` : `${formatRoc(l.startDate)} 起`))
    .join('、');
}

/** Pairs a person's rows of the two sides: same 人力來源, in order (a person with two stints has two rows). */
function pairRows(before: readonly RegisterRow[], after: readonly RegisterRow[]): [RegisterRow | null, RegisterRow | null][] {
  const out: [RegisterRow | null, RegisterRow | null][] = [];
  for (const funding of ['補助', '自有'] as const) {
    const b = before.filter((r) => r.funding === funding);
    const a = after.filter((r) => r.funding === funding);
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push([b[i] ?? null, a[i] ?? null]);
  }
  return out;
}

function byPerson<T extends { personId: number }>(rows: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.personId);
    if (list) list.push(r);
    else m.set(r.personId, [r]);
  }
  return m;
}

export function diffSubmission(input: {
  frozen: SubmissionSource;
  today: SubmissionSource;
  frozenFigures: readonly PackageFigure[];
  todayFigures: readonly PackageFigure[];
  /** audit rows written after the submission, oldest first */
  audit: readonly AuditRowIn[];
}): SubmissionDiff {
  const auditOf = byPerson(input.audit.filter((a): a is AuditRowIn & { personId: number } => a.personId != null));
  const used = new Set<number>();
  const cite = (rows: readonly AuditRowIn[]) => {
    rows.forEach((a) => used.add(a.id));
    return rows.map(ref);
  };
  const rowsBefore = byPerson(input.frozen.register);
  const rowsAfter = byPerson(input.today.register);
  const leavesBefore = byPerson(input.frozen.leaves);
  const leavesAfter = byPerson(input.today.leaves);
  const personIds = [...new Set([...rowsBefore.keys(), ...rowsAfter.keys()])];

  const people: PersonChange[] = [];
  for (const personId of personIds) {
    const audit = auditOf.get(personId) ?? [];
    const lb = leavesText(leavesBefore.get(personId) ?? []);
    const la = leavesText(leavesAfter.get(personId) ?? []);
    for (const [b, a] of pairRows(rowsBefore.get(personId) ?? [], rowsAfter.get(personId) ?? [])) {
      if (!a || !b) {
        const row = (a ?? b)!;
        people.push({ personId, name: row.name, kind: a ? 'added' : 'removed', fields: [], audit: cite(audit.filter((x) => x.entity === 'people' || x.entity === 'periods' || x.entity === 'leaves')) });
        continue;
      }
      const fields: FieldChange[] = [];
      for (const f of FIELDS) {
        const before = f.text(b, lb);
        const after = f.text(a, la);
        if (before !== after) fields.push({ field: f.field, label: f.label, before, after, audit: cite(audit.filter((x) => touches(x, f.sources))) });
      }
      if (fields.length) people.push({ personId, name: a.name, kind: 'changed', fields, audit: [] });
    }
  }

  // a figure that lists its people is traced to those who moved in or out; the others to every change of who held a
  // post when (added or removed rows, 到職日, 離職日, role, funding) — a corrected 學歷 moves no count
  const changedPeople = new Set(people.filter((p) => p.kind !== 'changed' || p.fields.some((f) => POST_FIELDS.has(f.field))).map((p) => p.personId));
  const frozenByKey = new Map(input.frozenFigures.map((f) => [f.key, f]));
  const figures: FigureChange[] = [];
  for (const now of input.todayFigures) {
    const then = frozenByKey.get(now.key);
    const before = then ? figureText(then) : '—';
    const after = figureText(now);
    if (before === after) continue;
    let who: Set<number> = changedPeople;
    if (then?.people && now.people) {
      const a = new Set(then.people);
      const b = new Set(now.people);
      who = new Set([...a, ...b].filter((id) => a.has(id) !== b.has(id)));
    }
    const audit = [...who].flatMap((id) => auditOf.get(id) ?? []).filter((x) => x.entity === 'people' || x.entity === 'periods' || x.entity === 'leaves');
    figures.push({ key: now.key, label: now.label, before, after, audit: audit.sort((x, y) => x.id - y.id).map(ref) });
  }

  const unmatched = input.audit.filter((a) => a.personId != null && (rowsBefore.has(a.personId) || rowsAfter.has(a.personId)) && !used.has(a.id)).map(ref);
  return { people, figures, unmatched };
}

// ——— in words ———

const ACTION_WORD: Record<string, string> = { insert: '新增', update: '修改', delete: '刪除' };

/** Taiwan has kept UTC+8 without daylight saving since 1979: an audit timestamp (UTC) reads in office time. */
export function rocDateTime(at: string): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return at;
  const local = new Date(t + 8 * 3600_000).toISOString();
  return `${formatRoc(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

export function auditWords(a: AuditRef): string {
  return `#${a.id} ${a.actorName} ${rocDateTime(a.at)} ${ACTION_WORD[a.action] ?? a.action}`;
}

const cited = (audit: readonly AuditRef[]) => (audit.length ? `（操作紀錄 ${audit.map(auditWords).join('；')}）` : '（操作紀錄中查無對應的修改）');

/** One line per change: `王小明 離職日 — → 113/10/15（操作紀錄 #812 承辦人甲 114/01/15 09:30 修改）`. */
export function diffWords(d: SubmissionDiff): string[] {
  const lines: string[] = [];
  for (const p of d.people) {
    if (p.kind === 'added') lines.push(`${p.name} 新列入清冊${cited(p.audit)}`);
    else if (p.kind === 'removed') lines.push(`${p.name} 不再列入清冊${cited(p.audit)}`);
    else for (const f of p.fields) lines.push(`${p.name} ${f.label} ${f.before} → ${f.after}${cited(f.audit)}`);
  }
  for (const f of d.figures) lines.push(`${f.label} ${f.before} → ${f.after}${cited(f.audit)}`);
  if (!lines.length) lines.push('送出後資料沒有變動：今日產出的清冊與數據與送出時相同。');
  return lines;
}
