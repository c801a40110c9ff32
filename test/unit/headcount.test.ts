import { describe, it, expect } from 'vitest';
import { computeHeadcount, type Quota } from '../../shared/domain/headcount';
import { DEFAULT_PLAN_PARAMS as P } from '../../shared/domain/planParams';

// 基隆市 in 附件七: 核定 22 = 16 個管 + 3 資深 + 3 督導; 專管 1.
const KEELUNG: Quota = { approvedTotal: 22, fundedCM: 16, fundedSCM: 3, fundedSUP: 3, fundedPM: 1 };
// 嘉義市: 核定 9 = 8 個管 + 1 督導; 專管 '-' (computed 0, may hire 1).
const CHIAYI_CITY: Quota = { approvedTotal: 9, fundedCM: 8, fundedSCM: 0, fundedSUP: 1, fundedPM: 0 };

describe('quota against people in post', () => {
  it('fully staffed: no vacancies, 進用率 100%', () => {
    const h = computeHeadcount(KEELUNG, { CM: 16, SCM: 3, SUP: 3, PM: 1 }, P);
    expect(h.rows.map((r) => [r.roleCode, r.quota, r.inPost, r.vacancies, r.hiringRate])).toEqual([
      ['CM', 16, 16, 0, 1],
      ['SCM', 3, 3, 0, 1],
      ['SUP', 3, 3, 0, 1],
      ['PM', 1, 1, 0, 1],
    ]);
    expect(h.totals).toEqual({ roleCode: 'TOTAL', quota: 23, inPost: 23, vacancies: 0, hiringRate: 1, overQuota: false });
    expect([h.overApprovedTotal, h.seniorOverCap, h.pmOverAllowance]).toEqual([false, false, false]);
  });

  it('vacancies and 進用率 = in post / quota', () => {
    const h = computeHeadcount(KEELUNG, { CM: 12, SCM: 2, SUP: 3 }, P);
    expect(h.rows[0]).toEqual({ roleCode: 'CM', quota: 16, inPost: 12, vacancies: 4, hiringRate: 0.75, overQuota: false });
    expect(h.rows[3]).toEqual({ roleCode: 'PM', quota: 1, inPost: 0, vacancies: 1, hiringRate: 0, overQuota: false });
    expect(h.totals).toMatchObject({ quota: 23, inPost: 17, vacancies: 6 });
    expect(h.totals.hiringRate).toBeCloseTo(17 / 23, 10);
  });

  it('a role with no quota has no 進用率; over-hiring shows no negative vacancies', () => {
    const h = computeHeadcount(CHIAYI_CITY, { CM: 8, SCM: 1, SUP: 1 }, P);
    expect(h.rows[1]).toEqual({ roleCode: 'SCM', quota: 0, inPost: 1, vacancies: 0, hiringRate: null, overQuota: true });
    expect(h.overApprovedTotal).toBe(true); // 10 聘用 in post > 核定 9
  });

  it('資深個管 above round(n / 5) of those in post is flagged', () => {
    expect(computeHeadcount(KEELUNG, { CM: 15, SCM: 4, SUP: 3 }, P)).toMatchObject({ seniorCap: 4, seniorOverCap: false });
    expect(computeHeadcount(KEELUNG, { CM: 14, SCM: 5, SUP: 3 }, P)).toMatchObject({ seniorCap: 4, seniorOverCap: true });
    // 南投縣 13 個管, 3 資深: rounding allows it
    expect(computeHeadcount(KEELUNG, { CM: 10, SCM: 3 }, P)).toMatchObject({ seniorCap: 3, seniorOverCap: false });
  });

  it('嘉義市 may hire 1 專管 within budget though its quota shows none; a second is over the allowance', () => {
    expect(computeHeadcount(CHIAYI_CITY, { CM: 8, SUP: 1, PM: 1 }, P)).toMatchObject({ pmAllowance: 1, pmOverAllowance: false });
    expect(computeHeadcount(CHIAYI_CITY, { CM: 8, SUP: 1, PM: 2 }, P)).toMatchObject({ pmAllowance: 1, pmOverAllowance: true });
  });

  it('over-hiring: 進用率 above 100 % is reported as it is and flagged, never capped', () => {
    // 嘉義市 quota 8 個管; 9 in post → 9 / 8 = 112.5 %
    const h = computeHeadcount(CHIAYI_CITY, { CM: 9, SUP: 1 }, P);
    expect(h.rows[0]).toEqual({ roleCode: 'CM', quota: 8, inPost: 9, vacancies: 0, hiringRate: 9 / 8, overQuota: true });
    expect(h.totals).toMatchObject({ quota: 9, inPost: 10, hiringRate: 10 / 9, overQuota: true });
  });

  it('shifting a head from 個管 to 督導 stays within the approved total', () => {
    const h = computeHeadcount(KEELUNG, { CM: 15, SCM: 3, SUP: 4 }, P);
    expect(h.overApprovedTotal).toBe(false);
    expect(h.rows[2]).toMatchObject({ roleCode: 'SUP', quota: 3, inPost: 4, vacancies: 0 });
  });
});
