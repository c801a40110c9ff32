// RULES §2 "who counts on a date" and "funding scope", as planStaffOn decides them for every plan figure.
import { describe, expect, it } from 'vitest';
import { isMonthDay, lastMonthEnd, parseMonthDay } from '../../shared/dates/roc';
import { DEFAULT_PLAN_PARAMS as P } from '../../shared/domain/planParams';
import { ownFundedNote, planStaffOn, type PlanPost } from '../../shared/domain/planStaff';
import { formatPercent, percentText, rate } from '../../shared/domain/rate';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import { supervisionCompliance } from '../../shared/domain/supervision';

const kindOf = (code: string) => [...BUILTIN_ROLES, { code: 'MHSW', kind: 'other' as const }].find((r) => r.code === code)?.kind;
let nextId = 1;
const post = (roleCode: string, o: Partial<PlanPost> = {}): PlanPost => ({ personId: nextId++, roleCode, funding: '補助', onLeave: false, ...o });
const many = (n: number, roleCode: string, o: Partial<PlanPost> = {}) => Array.from({ length: n }, () => post(roleCode, o));

describe('allocations and caps count posts filled, leave included; the ratio does not', () => {
  it('13 個管 posts with one on 留職停薪: cap round(13 / 5) = 3 (not round(12 / 5) = 2); 12 working for the ratio', () => {
    const s = planStaffOn([...many(10, 'CM'), post('CM', { onLeave: true }), ...many(2, 'SCM'), post('SUP')], kindOf, P);
    expect([s.filled.caseManagers.length, s.working.caseManagers.length]).toEqual([13, 12]);
    expect(s.caps).toEqual({ supervisors: 2, seniorCap: 3, pmComputed: 1, pmAllowed: 1 });
    expect(s.filled.seniors).toHaveLength(2);
  });

  it('a supervisor on leave fills the post but is not in the ratio', () => {
    const s = planStaffOn([...many(7, 'CM'), post('SUP', { onLeave: true }), post('SUP')], kindOf, P);
    expect([s.filled.supervisors.length, s.working.supervisors.length]).toEqual([2, 1]);
  });

  it('compliance compares 督導 working with the allocation of the posts filled', () => {
    // 10 working 個管 : 2 督導 = 5 : 1, below 6.5. From the 10 alone the allocation is round(10 / 7) = 1 < 2: a breach.
    // With an 11th 個管 on 留職停薪 the posts filled allocate round(11 / 7) = 2, the figure's one allocation: compliant.
    expect(supervisionCompliance(10, 2, P).compliant).toBe(false);
    expect(supervisionCompliance(10, 2, P, 2).compliant).toBe(true);
  });
});

describe('funding scope: the plan counts 補助 and lists 自有 in a plan role apart', () => {
  it('a 自有-funded 個管 is in ownFunded, in no count and no cap; 自有專責 and other programmes are in neither', () => {
    const own = post('CM', { funding: '自有' });
    const s = planStaffOn([...many(5, 'CM'), own, post('OWN', { funding: '自有' }), post('MHSW')], kindOf, P);
    expect(s.filled.caseManagers).toHaveLength(5);
    expect(s.ownFunded).toEqual([own]);
    expect(s.caps.seniorCap).toBe(1);
  });

  it('says who is left out, by role, in one sentence; nothing when nobody is', () => {
    expect(ownFundedNote([{ name: '甲', roleName: '個管' }, { name: '乙', roleName: '個管' }, { name: '丙', roleName: '督導' }])).toBe(
      '另有自有經費個管 2 人（甲、乙）、督導 1 人（丙），不列入本計畫之計算。',
    );
    expect(ownFundedNote([])).toBeNull();
  });
});

describe('building blocks', () => {
  it('month-days: a day of every year, typed the ways clerks type it', () => {
    expect(['06-30', '12-31', '02-28', '01-01'].map(isMonthDay)).toEqual([true, true, true, true]);
    expect(['02-29', '02-30', '04-31', '13-01', '00-10', '6-30', '06/30'].map(isMonthDay)).toEqual(Array(7).fill(false));
    expect(['6/30', '06-30', '6月30日', '12.31', '2/30', '2/29', 'x'].map(parseMonthDay)).toEqual(['06-30', '06-30', '06-30', '12-31', null, null, null]);
  });

  it('rates: over 100 % reads as it is; nothing counted is no rate', () => {
    expect([rate(3, 2), rate(0, 0), formatPercent(1.5), formatPercent(11 / 16), formatPercent(null), percentText(1, 0)]).toEqual([1.5, null, '150.0%', '68.8%', '—', '—']);
  });

  it('the month-end before a day', () => {
    expect([lastMonthEnd('2024-03-15'), lastMonthEnd('2024-01-01'), lastMonthEnd('2024-03-31')]).toEqual(['2024-02-29', '2023-12-31', '2024-02-29']);
  });
});
