// 附件五 row rules (RULES §6), one case each, on hand-made periods: who is listed, which stint, 任、離職時間, 年資,
// ___年在職月數 and the caseload cell.
import { describe, expect, it } from 'vitest';
import { buildRegisterRows, caseloadText, certificateText, educationText, monthsInPostThisYear, spanText, tenureText, type CaseloadCell } from '../../shared/domain/register';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { Funding, Leave, Period, Person, Role } from '../../shared/domain/types';

const ROLES: Role[] = [...BUILTIN_ROLES, { code: 'MHSW', name: '心衛社工', kind: 'other', builtin: false, sort: 60 }];
let nextId = 1;
const person = (id: number, name: string): Person => ({ id, name, nationalId: null, employeeNo: null, education: '大學', department: '社工系', certificate: null, contact: null, clearedOn: null });
const period = (personId: number, roleCode: string, startDate: string, endDate: string | null = null, funding: Funding = '補助'): Period => ({
  id: nextId++, personId, roleCode, funding, businessGroup: '綜合規劃組', adminUnit: '衛生局', title: null, startDate, endDate, endReason: endDate ? '離職' : null,
});
const leave = (personId: number, startDate: string, endDate: string | null): Leave => ({ id: nextId++, personId, startDate, endDate, note: null });

function rows(periods: Period[], opts: { leaves?: Leave[]; ref?: string; caseloads?: Map<number, CaseloadCell> } = {}) {
  const people = [...new Set(periods.map((p) => p.personId))].map((id) => person(id, `人${id}`));
  return buildRegisterRows({ rocYear: 113, refDate: opts.ref ?? '2024-12-31', people, periods, leaves: opts.leaves ?? [], roles: ROLES, caseloads: opts.caseloads ?? new Map() });
}

describe('附件五 register rows', () => {
  it('lists those in post on the reference date and those who left during the year, not those who left before it', () => {
    const r = rows([period(1, 'CM', '2020-01-01'), period(2, 'CM', '2020-01-01', '2024-03-31'), period(3, 'CM', '2020-01-01', '2023-12-31')]);
    expect(r.map((x) => [x.name, x.end])).toEqual([['人1', null], ['人2', '2024-03-31']]);
  });

  it('a promotion is one row: the last title, service from the first day (continuous)', () => {
    const r = rows([period(1, 'CM', '2021-02-01', '2024-08-31'), period(1, 'SUP', '2024-09-01')]);
    expect(r).toHaveLength(1);
    expect([r[0].title, r[0].start, spanText(r[0].start, r[0].end), tenureText(r[0].tenureMonths)]).toEqual(['督導', '2021-02-01', '110年2月 至 迄今', '3年11個月']);
  });

  it('a rehire is a new stint: a person who left in March and came back in September has two rows', () => {
    const r = rows([period(1, 'CM', '2022-01-01', '2024-03-31'), period(1, 'CM', '2024-09-01')]);
    expect(r.map((x) => [spanText(x.start, x.end), x.monthsInYear])).toEqual([['111年1月 至 113年3月', 3], ['113年9月 至 迄今', 4]]);
  });

  it('as of the reference date: a later departure still reads 迄今, a later start is not listed', () => {
    const r = rows([period(1, 'CM', '2023-01-01', '2024-08-31'), period(2, 'CM', '2024-07-01')], { ref: '2024-06-30' });
    expect(r.map((x) => [x.name, x.end, x.monthsInYear])).toEqual([['人1', null, 6]]);
  });

  it('在職月數 counts months with a day in post and not on 留職停薪; 年資 deducts leave days', () => {
    const r = rows([period(1, 'CM', '2022-01-03')], { leaves: [leave(1, '2024-04-01', '2024-09-30')] });
    expect(r[0].monthsInYear).toBe(6);
    expect(tenureText(r[0].tenureMonths)).toBe('2年5個月');
    expect(monthsInPostThisYear('2024-03-31', '2024-12-31', '2024-12-31', [])).toBe(10);
    expect(monthsInPostThisYear('2024-01-01', '2024-12-31', '2024-12-31', [leave(1, '2024-02-10', '2024-02-29')])).toBe(12);
  });

  it('groups by 人力來源: 補助 first, by role (個管, 資深個管, 督導, 專管), then 自有 by 業務組; other programmes are left out', () => {
    const own = { ...period(5, 'OWN', '2020-01-01', null, '自有'), businessGroup: '預防宣導組' };
    const r = rows([period(1, 'PM', '2020-01-01'), period(2, 'SUP', '2020-01-01'), period(3, 'SCM', '2020-01-01'), period(4, 'CM', '2021-01-01'), own, period(6, 'MHSW', '2020-01-01')]);
    expect(r.map((x) => [x.funding, x.roleCode])).toEqual([['補助', 'CM'], ['補助', 'SCM'], ['補助', 'SUP'], ['補助', 'PM'], ['自有', 'OWN']]);
  });

  it('a move from 自有 to 補助 funding appears in both groups', () => {
    const r = rows([period(1, 'CM', '2023-01-01', '2024-04-30', '自有'), period(1, 'CM', '2024-05-01')]);
    expect(r.map((x) => x.funding)).toEqual(['補助', '自有']);
  });

  it('caseload cell: numbers from the month-end record, blank when missing, / for 專管, nothing for own staff', () => {
    const r = rows([period(1, 'CM', '2020-01-01'), period(2, 'SUP', '2020-01-01'), period(3, 'PM', '2020-01-01'), { ...period(4, 'OWN', '2020-01-01', null, '自有') }], {
      caseloads: new Map([[1, { cumulative: 30, active: 20 }]]),
    });
    expect(r.map((x) => caseloadText(x, '2024-12-31'))).toEqual(['1. 累計個管案量：30人\n2. 12月底在案案量：20人', null, '/', null]);
    expect(caseloadText({ roleKind: 'case_manager', caseload: { cumulative: 5, active: 3 } }, '2024-06-30')).toContain('2. 6月底在案案量：3人');
  });

  it('學歷(科系) and 證照 read as the form words them, never guessed', () => {
    expect([educationText('碩士', '心理學系'), educationText('大學', null), educationText(null, null)]).toEqual(['碩士(心理學系)', '大學', null]);
    expect([certificateText('社會工作師'), certificateText(null)]).toEqual(['是(社會工作師)', '否']);
  });
});
