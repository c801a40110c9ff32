import { describe, it, expect } from 'vitest';
import { computeRetention, monthsServed, type RetentionInput } from '../../shared/domain/retention';
import { DEFAULT_PLAN_PARAMS as P, nextReferenceDate, referenceDate } from '../../shared/domain/planParams';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { EndReason, Funding, Leave, Period } from '../../shared/domain/types';

let nextId = 1;
function period(personId: number, roleCode: string, startDate: string, endDate: string | null = null, o: { funding?: Funding; endReason?: EndReason } = {}): Period {
  return {
    id: nextId++, personId, roleCode, funding: o.funding ?? '補助', businessGroup: '綜合規劃組', adminUnit: '衛生局', title: null,
    startDate, endDate, endReason: endDate ? (o.endReason ?? '離職') : null,
  };
}
function leave(personId: number, startDate: string, endDate: string | null): Leave {
  return { id: nextId++, personId, startDate, endDate, note: null };
}
function input(periods: Period[], leaves: Leave[] = []): RetentionInput {
  const ids = [...new Set(periods.map((p) => p.personId))];
  return { people: ids.map((id) => ({ id, name: `P${id}` })), periods, leaves, roles: [...BUILTIN_ROLES] };
}
/** The single row of person 1 at `date`. */
function one(periods: Period[], date: string, leaves: Leave[] = []) {
  const r = computeRetention(input(periods, leaves), date, P);
  expect(r.rows).toHaveLength(1);
  return r.rows[0];
}

describe('reference dates', () => {
  it('期中 is 6/30 and 期末 is 12/31 of the ROC plan year', () => {
    expect(referenceDate(113, 1, P)).toBe('2024-06-30');
    expect(referenceDate(113, 2, P)).toBe('2024-12-31');
  });
  it('the next reference date on or after a date', () => {
    expect(nextReferenceDate('2024-03-15', P)).toBe('2024-06-30');
    expect(nextReferenceDate('2024-06-30', P)).toBe('2024-06-30');
    expect(nextReferenceDate('2024-07-01', P)).toBe('2024-12-31');
    expect(nextReferenceDate('2025-01-01', P)).toBe('2025-06-30');
  });
});

describe('served N full months: addMonths(start, N) ≤ R + 1 day', () => {
  it('start 2023-07-01 completes 12 months on 2024-06-30, not a day earlier', () => {
    expect(monthsServed('2023-07-01', '2024-06-30')).toBe(12);
    expect(monthsServed('2023-07-01', '2024-06-29')).toBe(11);
    expect(one([period(1, 'CM', '2023-07-01')], '2024-06-30')).toMatchObject({ inShort: true, completesShortOn: '2024-06-30' });
  });
  it('start 2023-08-31 completes 12 months on 2024-08-30 (month-end clamping)', () => {
    expect(monthsServed('2023-08-31', '2024-08-30')).toBe(12);
    expect(monthsServed('2023-08-31', '2024-08-29')).toBe(11);
    expect(one([period(1, 'CM', '2023-08-31')], '2024-08-30').completesShortOn).toBe('2024-08-30');
  });
  it('29 February: start 2023-03-01 completes 12 months on 2024-02-29; start 2024-02-29 on 2025-02-27', () => {
    expect(monthsServed('2023-03-01', '2024-02-28')).toBe(11);
    expect(monthsServed('2023-03-01', '2024-02-29')).toBe(12);
    expect(monthsServed('2024-02-29', '2025-02-26')).toBe(11);
    expect(monthsServed('2024-02-29', '2025-02-27')).toBe(12);
  });
  it('a start on the reference date is in the denominator with 0 months', () => {
    const row = one([period(1, 'CM', '2024-06-30')], '2024-06-30');
    expect(row).toMatchObject({ inDenominator: true, inShort: false, monthsServed: 0, completesShortOn: '2025-06-29' });
    expect(row.reason).toContain('未滿12個月');
  });
  it('a start after the date counts 0 months', () => {
    expect(monthsServed('2024-07-01', '2024-06-30')).toBe(0);
  });
});

describe('留職停薪', () => {
  it('31 days of leave move the start 2023-01-01 to 2023-02-01 (leave in an earlier year does not exclude)', () => {
    const withLeave = one([period(1, 'CM', '2023-01-01')], '2024-06-30', [leave(1, '2023-03-01', '2023-03-31')]);
    expect(withLeave).toMatchObject({ leaveDaysInService: 31, adjustedStart: '2023-02-01', monthsServed: 17 });
    expect(withLeave).toMatchObject({ inDenominator: true, inShort: true, inLong: false, completesLongOn: '2024-07-31' });
    expect(withLeave.reason).toContain('扣除留職停薪 31 日後起算 112/02/01');
    const without = one([period(1, 'CM', '2023-01-01')], '2024-06-30');
    expect(without).toMatchObject({ adjustedStart: '2023-01-01', monthsServed: 18, inLong: true });
  });
  it('leave spanning the reference date excludes from both numerator and denominator', () => {
    const periods = [period(1, 'CM', '2020-01-01')];
    const leaves = [leave(1, '2024-06-01', '2024-07-15')];
    const r = computeRetention(input(periods, leaves), '2024-06-30', P);
    expect(r).toMatchObject({ denominator: 0, countShort: 0, rateShort: null, metShort: null });
    expect(r.rows[0].inDenominator).toBe(false);
    expect(r.rows[0].reason).toBe('留職停薪 113/06/01–113/07/15（留職停薪中）：不列入計算');
    expect(r.rows[0].leaveDaysInService).toBe(30); // counted only up to the reference date
    expect(r.rows[0].excluded).toBe('leaveThisYear');
  });

  it('the list orders by exclusion code — counted, then 留職停薪, then departures — whatever the reason text says', () => {
    const periods = [period(1, 'CM', '2020-01-01', '2024-03-31'), period(2, 'CM', '2023-01-01'), period(3, 'CM', '2021-01-01')];
    const r = computeRetention(input(periods, [leave(3, '2024-02-01', '2024-02-29')]), '2024-06-30', P);
    expect(r.rows.map((x) => [x.personId, x.excluded])).toEqual([[2, null], [3, 'leaveThisYear'], [1, 'notInPost']]);
  });
  it('leave earlier in the plan year still excludes at 期末; next year the person counts again, start moved', () => {
    const periods = [period(1, 'CM', '2020-01-01')];
    const leaves = [leave(1, '2024-06-01', '2024-07-15')];
    const dec = one(periods, '2024-12-31', leaves);
    expect(dec.inDenominator).toBe(false);
    expect(dec.reason).toBe('留職停薪 113/06/01–113/07/15：不列入計算');
    const next = one(periods, '2025-06-30', leaves);
    expect(next).toMatchObject({ inDenominator: true, inLong: true, leaveDaysInService: 45, adjustedStart: '2020-02-15' });
  });
  it('open-ended leave counts its days up to the date', () => {
    const row = one([period(1, 'SCM', '2019-03-01')], '2024-06-30', [leave(1, '2024-05-01', null)]);
    expect(row).toMatchObject({ inDenominator: false, leaveDaysInService: 61 });
    expect(row.reason).toBe('留職停薪 113/05/01–迄今（留職停薪中）：不列入計算');
  });
});

describe('continuous service', () => {
  it('promotion CM → SCM → SUP mid-year does not break service', () => {
    const row = one(
      [
        period(1, 'CM', '2022-01-01', '2022-12-31', { endReason: '職務異動' }),
        period(1, 'SCM', '2023-01-01', '2024-03-31', { endReason: '職務異動' }),
        period(1, 'SUP', '2024-04-01'),
      ],
      '2024-06-30',
    );
    expect(row).toMatchObject({ roleCode: 'SUP', serviceStart: '2022-01-01', monthsServed: 30, inShort: true, inLong: true });
    expect(row.reason).toBe('已滿18個月（服務起 111/01/01）');
  });
  it('a rehire after a gap of one day restarts service', () => {
    const row = one([period(1, 'CM', '2021-01-01', '2023-12-31'), period(1, 'CM', '2024-01-02')], '2024-06-30');
    expect(row).toMatchObject({ serviceStart: '2024-01-02', monthsServed: 5, inDenominator: true, inShort: false });
  });
  it('a spell as 專管 between two 個管 periods breaks service', () => {
    const row = one(
      [period(1, 'CM', '2020-01-01', '2022-12-31'), period(1, 'PM', '2023-01-01', '2023-12-31'), period(1, 'CM', '2024-01-01')],
      '2024-06-30',
    );
    expect(row.serviceStart).toBe('2024-01-01');
  });
});

describe('who is in the population', () => {
  it('a person who left before the date is listed but not counted; one leaving on the date counts', () => {
    const r = computeRetention(
      input([
        period(1, 'CM', '2020-01-01', '2024-03-31'),
        period(2, 'CM', '2020-01-01', '2024-06-30'),
        period(3, 'CM', '2020-01-01', '2023-12-31'), // left last year: no row
        period(4, 'CM', '2020-01-01', '2024-02-29', { endReason: '轉任他職' }),
        period(4, 'PM', '2024-03-01'),
      ]),
      '2024-06-30',
      P,
    );
    expect(r.denominator).toBe(1);
    expect(r.rows.map((x) => [x.personId, x.inDenominator])).toEqual([[2, true], [1, false], [4, false]]);
    expect(r.rows[1].reason).toBe('已離職/轉任他職：非在職，不列入');
    expect(r.rows[2]).toMatchObject({ roleCode: 'CM', reason: '已離職/轉任他職：非在職，不列入' });
  });
  it('專管, 自有專責人力 and self-funded 個管 are not in the population', () => {
    const r = computeRetention(
      input([period(1, 'PM', '2020-01-01'), period(2, 'OWN', '2020-01-01', null, { funding: '自有' }), period(3, 'CM', '2020-01-01', null, { funding: '自有' })]),
      '2024-06-30',
      P,
    );
    expect(r).toMatchObject({ denominator: 0, rows: [], rateShort: null, rateLong: null, metShort: null, metLong: null });
  });
});

describe('roster-sample.csv at 113/06/30 and 113/12/31 (roster-sample-expected.json)', () => {
  const names = ['範例一', '範例二', '範例三', '範例四', '範例五', '範例六', '範例七'];
  const sample: RetentionInput = {
    people: names.map((name, i) => ({ id: i + 1, name })),
    periods: [
      period(1, 'CM', '2021-09-01'),
      period(2, 'CM', '2023-05-01'),
      period(3, 'CM', '2020-02-01', '2023-01-31', { endReason: '職務異動' }),
      period(3, 'SUP', '2023-02-01'),
      period(4, 'CM', '2022-06-01', '2024-08-15'),
      period(5, 'SCM', '2019-03-01'),
      period(6, 'PM', '2022-01-01'),
      period(7, 'CM', '2024-02-01'),
    ],
    leaves: [leave(5, '2024-05-01', '2024-07-31')],
    roles: [...BUILTIN_ROLES],
  };
  const sorted = (xs: string[]) => [...xs].sort();
  const namesWhere = (r: ReturnType<typeof computeRetention>, f: (x: (typeof r.rows)[number]) => boolean) =>
    sorted(r.rows.filter(f).map((x) => x.name));

  it('113/06/30: 5 in post, 4 served 12 months, 3 served 18; 範例五 on leave', () => {
    const r = computeRetention(sample, '2024-06-30', P);
    expect([r.denominator, r.countShort, r.countLong]).toEqual([5, 4, 3]);
    expect(namesWhere(r, (x) => x.inDenominator)).toEqual(sorted(['範例一', '範例七', '範例三', '範例二', '範例四']));
    expect(namesWhere(r, (x) => x.inShort)).toEqual(sorted(['範例一', '範例三', '範例二', '範例四']));
    expect(namesWhere(r, (x) => x.inLong)).toEqual(sorted(['範例一', '範例三', '範例四']));
    expect(r.rows.find((x) => x.name === '範例五')!.reason).toBe('留職停薪 113/05/01–113/07/31（留職停薪中）：不列入計算');
    expect(r.rows.some((x) => x.name === '範例六')).toBe(false);
    expect(r.rows.find((x) => x.name === '範例三')!.serviceStart).toBe('2020-02-01');
    expect([r.rateShort, r.rateLong, r.metShort, r.metLong]).toEqual([0.8, 0.6, true, false]);
  });

  it('113/06/30 look-ahead to 113/12/31: 範例二 reaches 18 months; one departure absorbable for 18, none for 12', () => {
    const { lookAhead: la } = computeRetention(sample, '2024-06-30', P);
    expect(la.nextRefDate).toBe('2024-12-31');
    expect(la.reachShort).toEqual([]);
    expect(la.reachLong.map((x) => x.name)).toEqual(['範例二']);
    expect([la.projectedRateShort, la.projectedRateLong]).toEqual([0.8, 0.8]);
    expect([la.departuresAbsorbableShort, la.departuresAbsorbableLong]).toEqual([0, 1]);
  });

  it('113/12/31: 範例四 has left, 範例五 still out for this year\'s leave; 4 / 3 / 3', () => {
    const r = computeRetention(sample, '2024-12-31', P);
    expect([r.denominator, r.countShort, r.countLong]).toEqual([4, 3, 3]);
    expect(namesWhere(r, (x) => x.inDenominator)).toEqual(sorted(['範例一', '範例七', '範例三', '範例二']));
    expect(namesWhere(r, (x) => x.inShort)).toEqual(sorted(['範例一', '範例三', '範例二']));
    expect(namesWhere(r, (x) => x.inLong)).toEqual(sorted(['範例一', '範例三', '範例二']));
    expect(r.rows.find((x) => x.name === '範例四')!.reason).toBe('已離職/轉任他職：非在職，不列入');
    expect(r.rows.find((x) => x.name === '範例五')!.reason).toBe('留職停薪 113/05/01–113/07/31：不列入計算');
    expect([r.rateShort, r.rateLong, r.metShort, r.metLong]).toEqual([0.75, 0.75, false, true]);
    expect(r.lookAhead.nextRefDate).toBe('2025-06-30');
    expect(r.lookAhead.reachShort.map((x) => x.name)).toEqual(['範例七']);
    expect(r.lookAhead.projectedRateShort).toBe(1);
    expect(r.interpretation.some((l) => l.includes('留職停薪者，不列入分子及分母'))).toBe(true);
  });
});
