// The pure diff of a submitted package against today's data (issue 16): per person and field of the register, per
// figure, each change tied to the audit rows that touched that field — and nothing else.
import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../shared/domain/register';
import { diffSubmission, diffWords, rocDateTime, submissionSource, type AuditRowIn } from '../../shared/domain/submissionDiff';
import { figureText, packageFigures, type PackageFigure } from '../../shared/domain/submissionFigures';

const row = (over: Partial<RegisterRow> = {}): RegisterRow => ({
  personId: 1,
  funding: '補助',
  roleCode: 'CM',
  roleKind: 'case_manager',
  title: '個管',
  name: '甲員',
  businessGroup: null,
  adminUnit: null,
  start: '2022-03-01',
  end: null,
  tenureMonths: 33,
  monthsInYear: 12,
  education: '大學',
  department: null,
  certificate: null,
  caseload: null,
  ...over,
});

let nextId = 100;
const audit = (over: Partial<AuditRowIn>): AuditRowIn => ({
  id: nextId++,
  at: '2025-01-14T17:30:00.000Z',
  actor: 'clerk',
  actorName: '承辦乙',
  action: 'update',
  entity: 'periods',
  personId: 1,
  before: null,
  after: null,
  ...over,
});

const fig = (key: string, value: number | null, people: number[] | null = null): PackageFigure => ({ key, label: key, value, unit: 'people', people });
const src = (register: RegisterRow[], leaves: { personId: number; startDate: string; endDate: string | null }[] = []) => ({ register, leaves });

describe('register diff', () => {
  it('a changed 離職日 cites the audit row that changed end_date, not an unrelated edit of the same person', () => {
    const end = audit({ before: { end_date: null, end_reason: null }, after: { end_date: '2024-10-15', end_reason: '離職' } });
    const edu = audit({ entity: 'people', before: { education: '大學', name: '甲員' }, after: { education: '大學', name: '甲員', contact: 'x' } });
    const d = diffSubmission({ frozen: src([row()]), today: src([row({ end: '2024-10-15' })]), frozenFigures: [], todayFigures: [], audit: [end, edu] });
    expect(d.people).toEqual([{ personId: 1, name: '甲員', kind: 'changed', audit: [], fields: [expect.objectContaining({ field: 'end', before: '—', after: '113/10/15' })] }]);
    expect(d.people[0].fields[0].audit.map((a) => a.id)).toEqual([end.id]);
    expect(d.unmatched.map((a) => a.id)).toEqual([edu.id]);
  });

  it('a person only today is added, only in the submission removed, each with their row audit', () => {
    const ins = audit({ personId: 2, action: 'insert', entity: 'people', after: { name: '乙員' } });
    const del = audit({ personId: 3, action: 'delete', entity: 'periods', before: { start_date: '2024-01-01' } });
    const d = diffSubmission({
      frozen: src([row({ personId: 3, name: '丙員' })]),
      today: src([row({ personId: 2, name: '乙員' })]),
      frozenFigures: [],
      todayFigures: [],
      audit: [ins, del],
    });
    expect(d.people.map((p) => [p.name, p.kind, p.audit.map((a) => a.id)])).toEqual([
      ['丙員', 'removed', [del.id]],
      ['乙員', 'added', [ins.id]],
    ]);
  });

  it('a 留職停薪 is a field of its own, tied to the leave row', () => {
    const leave = audit({ entity: 'leaves', action: 'insert', after: { start_date: '2024-09-01', end_date: null } });
    const d = diffSubmission({ frozen: src([row()]), today: src([row()], [{ personId: 1, startDate: '2024-09-01', endDate: null }]), frozenFigures: [], todayFigures: [], audit: [leave] });
    expect(d.people[0].fields.map((f) => [f.label, f.before, f.after, f.audit.length])).toEqual([['留職停薪', '—', '113/09/01 起', 1]]);
  });

  it('the source keeps only the leaves of listed people that reach into the year up to the reference date', () => {
    const s = submissionSource([row()], [
      { personId: 1, startDate: '2023-01-01', endDate: '2023-12-31' },
      { personId: 1, startDate: '2024-12-01', endDate: null },
      { personId: 1, startDate: '2025-01-02', endDate: null },
      { personId: 9, startDate: '2024-05-01', endDate: null },
    ], '2024-12-31');
    expect(s.leaves).toEqual([{ personId: 1, startDate: '2024-12-01', endDate: null }]);
  });
});

describe('figure diff', () => {
  it('a figure that lists its people is traced to the people who moved in or out of it', () => {
    const a1 = audit({ personId: 1, before: { end_date: null }, after: { end_date: '2024-10-15' } });
    const a2 = audit({ personId: 2, entity: 'people', before: { education: '大學' }, after: { education: '碩士' } });
    const d = diffSubmission({
      frozen: src([row(), row({ personId: 2, name: '乙員' })]),
      today: src([row({ end: '2024-10-15' }), row({ personId: 2, name: '乙員', education: '碩士' })]),
      frozenFigures: [fig('retention.denominator', 2, [1, 2]), fig('staffing.hired.cm', 2)],
      todayFigures: [fig('retention.denominator', 1, [2]), fig('staffing.hired.cm', 2)],
      audit: [a1, a2],
    });
    expect(d.figures.map((f) => [f.key, f.before, f.after, f.audit.map((a) => a.id)])).toEqual([['retention.denominator', '2 人', '1 人', [a1.id]]]);
  });

  it('figures: a percent reads with one decimal, a multi-line text as one line, a blank as —', () => {
    expect(figureText({ value: 0.8, unit: 'percent' })).toBe('80.0%');
    expect(figureText({ value: 'a\n 2. b', unit: 'text' })).toBe('a；2. b');
    expect(figureText({ value: null, unit: 'percent' })).toBe('—');
  });

  it('a head count lists its people only when the register agrees with the count', () => {
    const figures = packageFigures({
      retention: { rateShort: 1, rateLong: null, denominator: 1, monthsShort: 12, monthsLong: 18, rows: [{ personId: 1, inDenominator: true, inShort: true, inLong: false }] },
      staffing: { hired: { cm: 1, sup: 0, pm: 1 }, inPost: { cm: 1, sup: 0, pm: 0 }, ownSetTotal: 0, ownInPostTotal: 0 },
      indicators: [{ key: 'retention', indicator: '留任率', achievement: 'x' }, { key: 'dedicatedStaff', indicator: '專責人力', achievement: '1 人' }],
      register: [row()],
    });
    const by = new Map(figures.map((f) => [f.key, f]));
    expect(by.get('staffing.inPost.cm')?.people).toEqual([1]);
    expect(by.get('staffing.hired.pm')?.people).toBeNull(); // 1 counted, nobody listed: not offered as the reason
    expect(by.get('retention.long')?.people).toEqual([]);
    expect(by.has('indicator.retention')).toBe(false);
    expect(by.has('indicator.dedicatedStaff')).toBe(true);
  });
});

describe('in words', () => {
  it('audit times read in Taiwan time with ROC dates, and who by display name', () => {
    expect(rocDateTime('2025-01-14T17:30:00.000Z')).toBe('114/01/15 01:30');
    const a = audit({ before: { start_date: '2023-01-09' }, after: { start_date: '2023-02-09' } });
    const d = diffSubmission({ frozen: src([row({ start: '2023-01-09' })]), today: src([row({ start: '2023-02-09' })]), frozenFigures: [], todayFigures: [], audit: [a] });
    expect(diffWords(d)[0]).toBe(`甲員 到職日 112/01/09 → 112/02/09（操作紀錄 #${a.id} 承辦乙 114/01/15 01:30 修改）`);
  });

  it('a change without an audit row says so instead of citing nothing', () => {
    const d = diffSubmission({ frozen: src([row()]), today: src([row({ name: '甲員改' })]), frozenFigures: [], todayFigures: [], audit: [] });
    expect(diffWords(d)).toEqual(['甲員改 姓名 甲員 → 甲員改（操作紀錄中查無對應的修改）']);
  });
});
