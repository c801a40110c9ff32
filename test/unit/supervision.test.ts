import { describe, it, expect } from 'vitest';
import { allocation, supervisionCompliance, teamSizes } from '../../shared/domain/supervision';
import { DEFAULT_PLAN_PARAMS as P } from '../../shared/domain/planParams';

// 附件七 113 年度毒品危害防制中心個案管理及計畫專案管理人力補助員額 (seed 004), every row as printed:
// 縣市, 113年行政院核定員額, 一般個管, 資深個管, 個管員小計, 個管督導人力, 專案管理人力 ('-' → null).
// Disagreements with the formula round((n + 督導) × 0.05):
//   臺東縣 8 + 1 → 0.45 → computed 0, the table shows 1: the "若不足1人，於經費額度內可聘任1人" allowance used.
//   嘉義市 8 + 1 → computed 0 and '-'; 澎湖 1, 金門 2, 連江 1 → computed 0 and '-': allowance (1) not taken.
// RULES §2 therefore reports both pmComputed (formula) and pmAllowed (the upper bound, 1); the table lies between.
// Every 督導 agrees with round(n / 7), every 資深 is within round(n / 5) (南投 13 → 2.6 → 3 needs rounding, not floor),
// and 核定員額 = 個管小計 + 督導 in every row.
type Row = [county: string, approved: number, cm: number, scm: number, n: number, sup: number, pm: number | null];
const TABLE: Row[] = [
  ['新北市', 149, 105, 25, 130, 19, 7],
  ['臺北市', 64, 45, 11, 56, 8, 3],
  ['桃園市', 85, 61, 13, 74, 11, 4],
  ['臺中市', 67, 48, 11, 59, 8, 3],
  ['臺南市', 64, 45, 11, 56, 8, 3],
  ['高雄市', 85, 74, 0, 74, 11, 4],
  ['宜蘭縣', 18, 14, 2, 16, 2, 1],
  ['新竹縣', 19, 14, 3, 17, 2, 1],
  ['苗栗縣', 19, 15, 2, 17, 2, 1],
  ['彰化縣', 14, 10, 2, 12, 2, 1],
  ['南投縣', 15, 10, 3, 13, 2, 1],
  ['雲林縣', 26, 20, 3, 23, 3, 1],
  ['嘉義縣', 31, 27, 0, 27, 4, 2],
  ['屏東縣', 34, 30, 0, 30, 4, 2],
  ['臺東縣', 9, 7, 1, 8, 1, 1],
  ['花蓮縣', 11, 9, 1, 10, 1, 1],
  ['澎湖縣', 1, 1, 0, 1, 0, null],
  ['基隆市', 22, 16, 3, 19, 3, 1],
  ['新竹市', 10, 8, 1, 9, 1, 1],
  ['嘉義市', 9, 8, 0, 8, 1, null],
  ['金門縣', 2, 2, 0, 2, 0, null],
  ['連江縣', 1, 1, 0, 1, 0, null],
];
// Expected formula values per county: [seniorCap, pmComputed, pmAllowed]
const FORMULA: Record<string, [number, number, number]> = {
  新北市: [26, 7, 7], 臺北市: [11, 3, 3], 桃園市: [15, 4, 4], 臺中市: [12, 3, 3], 臺南市: [11, 3, 3], 高雄市: [15, 4, 4],
  宜蘭縣: [3, 1, 1], 新竹縣: [3, 1, 1], 苗栗縣: [3, 1, 1], 彰化縣: [2, 1, 1], 南投縣: [3, 1, 1], 雲林縣: [5, 1, 1],
  嘉義縣: [5, 2, 2], 屏東縣: [6, 2, 2], 臺東縣: [2, 0, 1], 花蓮縣: [2, 1, 1], 澎湖縣: [0, 0, 1], 基隆市: [4, 1, 1],
  新竹市: [2, 1, 1], 嘉義市: [2, 0, 1], 金門縣: [0, 0, 1], 連江縣: [0, 0, 1],
};

describe('附件七: allocation formula against every county', () => {
  it('the table has all 22 counties and its printed totals (662 個管, 93 督導, 38 專管, 755 核定)', () => {
    expect(TABLE).toHaveLength(22);
    const sum = (i: number) => TABLE.reduce((s, r) => s + ((r[i] as number | null) ?? 0), 0);
    expect([sum(1), sum(2), sum(3), sum(4), sum(5), sum(6)]).toEqual([755, 570, 92, 662, 93, 38]);
  });

  it.each(TABLE)('%s: 核定 %i, 個管 %i + 資深 %i = %i → 督導 %i, 專管 %s', (county, approved, cm, scm, n, sup, pm) => {
    const a = allocation(n, P);
    const [seniorCap, pmComputed, pmAllowed] = FORMULA[county];
    expect(cm + scm).toBe(n);
    expect(approved).toBe(n + sup);
    expect(a.supervisors).toBe(sup);
    expect(a.seniorCap).toBe(seniorCap);
    expect(scm).toBeLessThanOrEqual(a.seniorCap);
    expect(a.pmComputed).toBe(pmComputed);
    expect(a.pmAllowed).toBe(pmAllowed);
    const hired = pm ?? 0;
    expect(hired).toBeGreaterThanOrEqual(a.pmComputed);
    expect(hired).toBeLessThanOrEqual(a.pmAllowed);
  });

  it('only 臺東縣 hires a 專管 above the computed figure (the allowance)', () => {
    const above = TABLE.filter(([c, , , , n, , pm]) => (pm ?? 0) !== allocation(n, P).pmComputed).map((r) => r[0]);
    expect(above).toEqual(['臺東縣']);
  });

  it('南投縣 13 個管 allows 3 資深 (rounding, not floor)', () => {
    expect(allocation(13, P).seniorCap).toBe(3);
    expect(Math.floor(13 / 5)).toBe(2);
  });

  it('新竹市 (9 + 1) × 0.05 = 0.5 rounds half up to 1 with no floating-point trap', () => {
    expect(allocation(9, P)).toEqual({ supervisors: 1, seniorCap: 2, pmComputed: 1, pmAllowed: 1 });
  });

  it('n / 7 exactly on a half rounds up (3.5 → 4, 10.5 → 11)', () => {
    expect(allocation(24, P).supervisors).toBe(3); // 3.43
    expect(allocation(25, P).supervisors).toBe(4); // 3.57
    expect(allocation(49, { ...P, ratio: 14 }).supervisors).toBe(4); // 3.5
    expect(allocation(147, { ...P, ratio: 14 }).supervisors).toBe(11); // 10.5
  });

  it('no 個管 means no 督導, no 資深 and no 專管 allowance', () => {
    expect(allocation(0, P)).toEqual({ supervisors: 0, seniorCap: 0, pmComputed: 0, pmAllowed: 0 });
  });
});

describe('個管 : 督導 must not fall below 6.5 : 1', () => {
  it('no supervisor in post is compliant, with no ratio', () => {
    const c = supervisionCompliance(5, 0, P);
    expect(c).toMatchObject({ compliant: true, ratio: null });
    expect(c.reason).toContain('無在職督導');
  });

  it('13 : 2 = 6.5 exactly is compliant', () => {
    const c = supervisionCompliance(13, 2, P);
    expect(c.compliant).toBe(true);
    expect(c.ratio).toBe(6.5);
    expect(c.reason).toContain('不低於 6.5 : 1');
  });

  it('基隆市 19 : 3 (6.33) is below 6.5 but is what the formula allocates, so compliant', () => {
    const c = supervisionCompliance(19, 3, P);
    expect(c.compliant).toBe(true);
    expect(c.ratio).toBeCloseTo(6.333, 3);
    expect(c.reason).toContain('視為符合');
  });

  it('shifting a head from 個管 to 督導: 18 : 4 = 4.5 with formula 3 is not compliant', () => {
    const c = supervisionCompliance(18, 4, P);
    expect(c.compliant).toBe(false);
    expect(c.ratio).toBe(4.5);
    expect(c.reason).toContain('低於 6.5 : 1');
  });

  it('12 : 2 = 6 is compliant only because round(12 / 7) = 2', () => {
    expect(supervisionCompliance(12, 2, P).compliant).toBe(true);
    expect(supervisionCompliance(11, 2, P).compliant).toBe(true); // round(11/7) = 2
    expect(supervisionCompliance(10, 2, P).compliant).toBe(false); // 5 : 1, round(10/7) = 1
  });

  it('a supervisor with no case managers is not compliant', () => {
    expect(supervisionCompliance(0, 1, P)).toMatchObject({ compliant: false, ratio: 0 });
  });
});

describe('per-supervisor team sizes', () => {
  const a = (cm: number, sup: number, startDate: string, endDate: string | null = null) => ({
    caseManagerId: cm,
    supervisorId: sup,
    startDate,
    endDate,
  });
  const assignments = [
    a(1, 100, '2024-01-01', '2024-03-31'),
    a(1, 200, '2024-04-01'), // 1 moved from 100 to 200 on 4/1
    a(2, 100, '2024-01-01'),
    a(3, 100, '2024-01-01', '2024-02-29'), // 3's assignment ended; nobody since
    ...[10, 11, 12, 13, 14, 15, 16].map((id) => a(id, 200, '2024-01-01')),
  ];
  const cms = [1, 2, 3, 10, 11, 12, 13, 14, 15, 16];

  it('follows reassignment: in February 1 is in team 100, in May in team 200', () => {
    const feb = teamSizes(assignments, '2024-02-15', cms, [100, 200], P);
    expect(feb.teams.find((t) => t.supervisorId === 100)).toMatchObject({ size: 3, members: [1, 2, 3], overLimit: false });
    expect(feb.teams.find((t) => t.supervisorId === 200)).toMatchObject({ size: 7, overLimit: false });
    expect(feb.unassigned).toEqual([]);
    const may = teamSizes(assignments, '2024-05-01', cms, [100, 200], P);
    expect(may.teams.find((t) => t.supervisorId === 100)).toMatchObject({ size: 1, members: [2] });
    expect(may.teams.find((t) => t.supervisorId === 200)).toMatchObject({ size: 8, overLimit: true });
    expect(may.unassigned).toEqual([3]);
  });

  it('the last day of an assignment still counts; the next day does not', () => {
    expect(teamSizes(assignments, '2024-03-31', [1], [100, 200], P).teams.map((t) => t.size)).toEqual([1, 0]);
    expect(teamSizes(assignments, '2024-04-01', [1], [100, 200], P).teams.map((t) => t.size)).toEqual([0, 1]);
  });

  it('case managers of a supervisor left out (on leave) are unassigned; a team of 7 is not over the limit', () => {
    const r = teamSizes(assignments, '2024-02-15', cms, [200], P);
    expect(r.teams).toEqual([{ supervisorId: 200, size: 7, overLimit: false, members: [10, 11, 12, 13, 14, 15, 16] }]);
    expect(r.unassigned).toEqual([1, 2, 3]);
  });

  it('a case manager left out of caseManagerIds (on leave) is not counted in the team', () => {
    const r = teamSizes(assignments, '2024-05-01', [1, 10, 11], [200], P);
    expect(r.teams[0]).toMatchObject({ size: 3, members: [1, 10, 11] });
  });
});
