// RULES §1: employment periods, promotions (continuous service), gaps (rehire) and 留職停薪.
import { describe, it, expect } from 'vitest';
import { checkLeaves, checkPeriods, continuousChain, covers, rosterAt, spansOverlap } from '../../shared/domain/employment';
import type { EndReason, Leave, Period } from '../../shared/domain/types';

let nextId = 1;
function period(personId: number, roleCode: string, startDate: string, endDate: string | null = null, endReason: EndReason | null = null): Period {
  return {
    id: nextId++, personId, roleCode, funding: '補助', businessGroup: '綜合規劃組', adminUnit: '衛生局', title: null,
    startDate, endDate, endReason: endDate ? (endReason ?? '離職') : null,
  };
}
function leave(personId: number, startDate: string, endDate: string | null): Leave {
  return { id: nextId++, personId, startDate, endDate, note: null };
}
const span = (startDate: string, endDate: string | null = null) => ({ startDate, endDate });

describe('covers / spansOverlap are inclusive on both ends', () => {
  it('a period covers its first and last day, and an open period covers the far future', () => {
    expect(covers(span('2024-01-01', '2024-01-31'), '2024-01-01')).toBe(true);
    expect(covers(span('2024-01-01', '2024-01-31'), '2024-01-31')).toBe(true);
    expect(covers(span('2024-01-01', '2024-01-31'), '2024-02-01')).toBe(false);
    expect(covers(span('2024-01-01', '2024-01-31'), '2023-12-31')).toBe(false);
    expect(covers(span('2024-01-01'), '2099-12-31')).toBe(true);
  });
  it('sharing one day is an overlap; touching is not', () => {
    expect(spansOverlap(span('2024-01-01', '2024-01-31'), span('2024-01-31', null))).toBe(true);
    expect(spansOverlap(span('2024-01-01', '2024-01-31'), span('2024-02-01', null))).toBe(false);
  });
});

describe('checkPeriods', () => {
  it('an open-ended earlier period and a later one overlap, with the promotion hint', () => {
    const problems = checkPeriods([span('2021-01-01', null), span('2023-02-01', null)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(1);
    expect(problems[0].message).toBe(
      '任職期間 112/02/01–迄今 與 110/01/01–迄今 重疊（前一段尚未填離職日；升遷請在前一段填上新職前一日）',
    );
  });

  it('the hint is absent when the earlier period has an end date', () => {
    const problems = checkPeriods([span('2021-01-01', '2023-06-30'), span('2023-02-01', null)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('重疊');
    expect(problems[0].message).not.toContain('升遷');
  });

  it('reports the later period even when given in reverse order', () => {
    const problems = checkPeriods([span('2023-02-01', null), span('2021-01-01', null)]);
    expect(problems.map((p) => p.index)).toEqual([0]);
  });

  it('touching periods (end 112/01/31, next starts 112/02/01) are fine', () => {
    expect(checkPeriods([span('2020-02-01', '2023-01-31'), span('2023-02-01', null)])).toEqual([]);
  });

  it('a period ending the same day the next starts overlaps by one day', () => {
    expect(checkPeriods([span('2020-02-01', '2023-02-01'), span('2023-02-01', null)])).toHaveLength(1);
  });

  it('end before start is reported with both ROC dates', () => {
    const problems = checkPeriods([span('2024-03-01', '2024-02-29')]);
    expect(problems).toEqual([{ index: 0, message: '離職日 113/02/29 早於到職日 113/03/01' }]);
  });

  it('a one-day period (end = start) is fine', () => {
    expect(checkPeriods([span('2024-03-01', '2024-03-01')])).toEqual([]);
  });

  it('an overlap among three periods is still found when it is not between neighbours in the input', () => {
    const problems = checkPeriods([span('2022-01-01', null), span('2019-01-01', '2019-12-31'), span('2021-01-01', '2022-03-31')]);
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(0);
  });
});

describe('checkLeaves', () => {
  const periods = [span('2022-01-01', '2023-12-31')];
  it('a leave inside a period is fine', () => {
    expect(checkLeaves([span('2023-03-01', '2023-05-31')], periods)).toEqual([]);
  });
  it('a leave starting before employment is outside', () => {
    const problems = checkLeaves([span('2021-12-01', '2022-02-28')], periods);
    expect(problems).toEqual([{ index: 0, message: '留職停薪 110/12/01–111/02/28 不在任何任職期間內' }]);
  });
  it('a leave running past the end of employment is outside', () => {
    expect(checkLeaves([span('2023-12-01', '2024-01-31')], periods)).toHaveLength(1);
  });
  it('an open leave inside an ended period is outside (it must end by the period end)', () => {
    expect(checkLeaves([span('2023-12-01', null)], periods)).toHaveLength(1);
  });
  it('an open leave inside an open period is fine', () => {
    expect(checkLeaves([span('2024-05-01', null)], [span('2020-01-01', null)])).toEqual([]);
  });
  it('a leave in the gap between two periods is outside', () => {
    const problems = checkLeaves([span('2024-02-01', '2024-02-15')], [span('2022-01-01', '2023-12-31'), span('2024-06-01', null)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('不在任何任職期間內');
  });
  it('a leave ending before it starts', () => {
    expect(checkLeaves([span('2023-05-01', '2023-04-30')], periods)).toEqual([
      { index: 0, message: '留職停薪迄 112/04/30 早於起日 112/05/01' },
    ]);
  });
  it('two overlapping leaves', () => {
    const problems = checkLeaves([span('2023-03-01', '2023-05-31'), span('2023-05-31', '2023-06-30')], periods);
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(1);
    expect(problems[0].message).toContain('重疊');
  });
});

describe('continuousChain', () => {
  const cm = period(1, 'CM', '2020-02-01', '2023-01-31', '職務異動');
  const sup = period(1, 'SUP', '2023-02-01');

  it('a promotion does not break service: the chain runs back to the first hire', () => {
    expect(continuousChain([sup, cm], '2024-06-30')).toEqual([cm, sup]);
    expect(continuousChain([cm, sup], '2024-06-30')[0].startDate).toBe('2020-02-01');
  });

  it('a chain of three role changes CM → SCM → SUP', () => {
    const a = period(2, 'CM', '2019-01-01', '2020-12-31', '職務異動');
    const b = period(2, 'SCM', '2021-01-01', '2022-12-31', '職務異動');
    const c = period(2, 'SUP', '2023-01-01');
    expect(continuousChain([c, a, b], '2023-01-01').map((p) => p.roleCode)).toEqual(['CM', 'SCM', 'SUP']);
  });

  it('a one-day gap is a break (rehire): the chain starts at the rehire', () => {
    const first = period(3, 'CM', '2019-09-01', '2022-12-31', '期滿');
    const rehire = period(3, 'CM', '2023-01-02');
    expect(continuousChain([first, rehire], '2024-06-30')).toEqual([rehire]);
  });

  it('on a date inside the earlier period, the chain ends there', () => {
    expect(continuousChain([cm, sup], '2022-06-30')).toEqual([cm]);
  });

  it('no period covers the date → []', () => {
    const p = period(4, 'CM', '2020-01-01', '2020-12-31');
    expect(continuousChain([p], '2021-01-01')).toEqual([]);
    expect(continuousChain([p], '2019-12-31')).toEqual([]);
  });

  it('inScope filters the roles counted as continuous service', () => {
    const own = period(5, 'OWN', '2018-01-01', '2020-12-31', '轉任他職');
    const cm5 = period(5, 'CM', '2021-01-01');
    expect(continuousChain([own, cm5], '2024-01-01')).toEqual([own, cm5]);
    expect(continuousChain([own, cm5], '2024-01-01', (p) => p.roleCode !== 'OWN')).toEqual([cm5]);
  });
});

describe('rosterAt', () => {
  const a1 = period(1, 'CM', '2020-02-01', '2023-01-31', '職務異動');
  const a2 = period(1, 'SUP', '2023-02-01');
  const b = period(2, 'CM', '2022-06-01', '2024-08-15', '離職');
  const c = period(3, 'SCM', '2019-03-01');
  const cLeave = leave(3, '2024-05-01', '2024-07-31');
  const d = period(4, 'CM', '2024-09-01');
  const periods = [a1, a2, b, c, d];
  const leaves = [cLeave];

  it('on 2024-06-30: A (SUP), B (CM), C (SCM, on leave) are in post; D is not hired yet', () => {
    const r = rosterAt('2024-06-30', periods, leaves);
    const byPerson = new Map(r.map((e) => [e.personId, e]));
    expect([...byPerson.keys()].sort()).toEqual([1, 2, 3]);
    expect(byPerson.get(1)!.period).toBe(a2);
    expect(byPerson.get(1)!.serviceStart).toBe('2020-02-01');
    expect(byPerson.get(1)!.leave).toBeNull();
    expect(byPerson.get(3)!.leave).toBe(cLeave);
    expect(byPerson.get(3)!.serviceStart).toBe('2019-03-01');
    expect(byPerson.get(2)!.leave).toBeNull();
  });

  it('leave covers its first and last day only', () => {
    expect(rosterAt('2024-05-01', periods, leaves).find((e) => e.personId === 3)!.leave).toBe(cLeave);
    expect(rosterAt('2024-07-31', periods, leaves).find((e) => e.personId === 3)!.leave).toBe(cLeave);
    expect(rosterAt('2024-04-30', periods, leaves).find((e) => e.personId === 3)!.leave).toBeNull();
    expect(rosterAt('2024-08-01', periods, leaves).find((e) => e.personId === 3)!.leave).toBeNull();
  });

  it('on 2024-12-31: B has left (離職 113/08/15), D is in', () => {
    const ids = rosterAt('2024-12-31', periods, leaves).map((e) => e.personId).sort();
    expect(ids).toEqual([1, 3, 4]);
  });

  it('B is still in post on the last day 2024-08-15 and gone on 2024-08-16', () => {
    expect(rosterAt('2024-08-15', periods, leaves).some((e) => e.personId === 2)).toBe(true);
    expect(rosterAt('2024-08-16', periods, leaves).some((e) => e.personId === 2)).toBe(false);
  });

  it('on the day before the promotion A is a CM; on the day of it a SUP', () => {
    expect(rosterAt('2023-01-31', periods, leaves).find((e) => e.personId === 1)!.period.roleCode).toBe('CM');
    expect(rosterAt('2023-02-01', periods, leaves).find((e) => e.personId === 1)!.period.roleCode).toBe('SUP');
  });

  it('empty input → empty roster', () => {
    expect(rosterAt('2024-06-30', [], [])).toEqual([]);
  });
});
