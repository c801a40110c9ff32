// RULES §5: 志工繼續教育涵蓋率 (seed 004 肆 四(八)).
import { describe, expect, it } from 'vitest';
import { computeVolunteerYear, monthlyHours, type VolunteerFacts } from '../../shared/domain/volunteers';

let nextId = 1;
/** `ce` / `service`: [date, hours] worked; summed as the database sums the plan year's (113 = 2024) hours. */
function vol(name: string, start: string, end: string | null, ce: [string, number][] = [], service: [string, number][] = []): VolunteerFacts {
  const inYear = (hours: [string, number][]) => hours.filter(([on]) => on.startsWith('2024-')).reduce((sum, [, h]) => sum + h, 0);
  return {
    id: nextId++,
    name,
    periods: [{ role: '陪伴型志工', startDate: start, endDate: end }],
    yearHours: { ce: inYear(ce), service: inYear(service) },
    evaluation: null,
  };
}
const year = (vols: VolunteerFacts[], asOf = '2024-12-31') => computeVolunteerYear(vols, [], 113, asOf, 4, 1);

describe('RULES §5 志工繼續教育涵蓋率', () => {
  it('= volunteers with ≥ 4 hours of continuing education in the year ÷ volunteers that year; target 100 %', () => {
    const r = year([vol('甲', '2020-01-01', null, [['2024-03-01', 4]]), vol('乙', '2020-01-01', null, [['2024-03-01', 2], ['2024-09-01', 1.5]])]);
    expect([r.covered, r.total, r.rate, r.met]).toEqual([1, 2, 0.5, false]);
    expect(year([vol('甲', '2020-01-01', null, [['2024-03-01', 4]])]).met).toBe(true);
  });

  it('Interpretation: "volunteers that year" are those whose service period overlaps the plan year', () => {
    const r = year([
      vol('left in March', '2019-01-01', '2024-03-31', [['2024-02-01', 1]]),
      vol('joined in December', '2024-12-10', null),
      vol('left last year', '2019-01-01', '2023-12-31', [['2023-05-01', 8]]),
      vol('joins next year', '2025-01-01', null),
    ]);
    expect(r.rows.map((x) => x.name).sort()).toEqual(['joined in December', 'left in March']);
    expect(r.total).toBe(2);
  });

  it('a volunteer who joins in December still owes 4 hours that year', () => {
    const r = year([vol('十二月', '2024-12-10', null, [['2024-12-20', 2.5]])]);
    expect(r.short[0]).toMatchObject({ name: '十二月', ceHours: 2.5, shortBy: 1.5, ok: false, reason: '繼續教育尚缺 1.5 小時（已有 2.5 小時）' });
  });

  // that only the plan year's hours count is the query's part (hourTotalsBetween): test/integration/volunteerService.test.ts
  it('service hours are recorded apart from continuing education', () => {
    const r = year([vol('甲', '2020-01-01', null, [['2024-06-01', 1.5]], [['2024-06-01', 40]])]);
    expect(r.rows[0]).toMatchObject({ ceHours: 1.5, serviceHours: 40, shortBy: 2.5 });
  });

  it('the short list is sorted by hours short; the reminder list holds those still serving while the year runs', () => {
    const vols = [vol('差一', '2020-01-01', null, [['2024-03-01', 3]]), vol('差四', '2020-01-01', null), vol('已離開', '2020-01-01', '2024-05-31'), vol('達標', '2020-01-01', null, [['2024-03-01', 4]])];
    const running = year(vols, '2024-10-01');
    expect(running.short.map((r) => [r.name, r.shortBy])).toEqual([['已離開', 4], ['差四', 4], ['差一', 1]]); // equal shortfalls in zh-TW (stroke) order
    expect(running.reminders.map((r) => r.name)).toEqual(['差四', '差一']);
    expect(running.daysLeft).toBe(91);
    const over = year(vols, '2024-12-31');
    expect([over.reminders, over.daysLeft]).toEqual([[], 0]);
  });

  it('no volunteers: no rate, no verdict', () => {
    expect([year([]).rate, year([]).met]).toEqual([null, null]);
  });

  it('monthly hours add up to the running totals the chart draws; months without hours are zero', () => {
    const m = monthlyHours([
      { month: 1, ce: 1.5, service: 0 },
      { month: 3, ce: 2, service: 4 },
    ]);
    expect(m).toHaveLength(12);
    expect(m[0]).toMatchObject({ month: 1, ce: 1.5, ceCumulative: 1.5 });
    expect(m[1]).toMatchObject({ month: 2, ce: 0, service: 0, ceCumulative: 1.5 });
    expect(m[2]).toMatchObject({ month: 3, ce: 2, service: 4, ceCumulative: 3.5, serviceCumulative: 4 });
    expect(m[11].ceCumulative).toBe(3.5);
  });
});
