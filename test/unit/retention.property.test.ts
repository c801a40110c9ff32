import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths } from '../../shared/dates/roc';
import { computeRetention, monthsServed, retentionCounts, type RetentionInput } from '../../shared/domain/retention';
import { supervisionCompliance } from '../../shared/domain/supervision';
import { DEFAULT_PLAN_PARAMS as P } from '../../shared/domain/planParams';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { Leave, Period } from '../../shared/domain/types';

const BASE = '2018-01-01';
const day = (n: number) => addDays(BASE, n);

// A person's history: consecutive segments, each a role and funding, separated by gaps (0 = promotion, > 0 = rehire).
const segment = fc.record({
  role: fc.constantFrom('CM', 'SCM', 'SUP', 'PM'),
  funded: fc.constantFrom(true, true, true, false),
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
  length: fc.integer({ min: 1, max: 900 }),
});
const personArb = fc.record({
  first: fc.integer({ min: 0, max: 2400 }),
  segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
  openEnded: fc.boolean(),
  leave: fc.option(fc.record({ at: fc.integer({ min: 0, max: 2000 }), length: fc.integer({ min: 1, max: 200 }) })),
});
type PersonSpec = typeof personArb extends fc.Arbitrary<infer T> ? T : never;
const dateArb = fc.integer({ min: 300, max: 3000 }).map(day);

function build(people: PersonSpec[]): RetentionInput {
  const periods: Period[] = [];
  const leaves: Leave[] = [];
  let id = 1;
  people.forEach((p, i) => {
    const personId = i + 1;
    let start = p.first;
    p.segments.forEach((s, k) => {
      start += k === 0 ? 0 : s.gap;
      const end = start + s.length - 1;
      const last = k === p.segments.length - 1;
      periods.push({
        id: id++, personId, roleCode: s.role, funding: s.funded ? '補助' : '自有', businessGroup: null, adminUnit: null,
        title: null, startDate: day(start), endDate: last && p.openEnded ? null : day(end), endReason: null,
      });
      start = end + 1;
    });
    if (p.leave) {
      const from = p.first + Math.min(p.leave.at, start - p.first - 1);
      leaves.push({ id: id++, personId, startDate: day(from), endDate: day(Math.min(from + p.leave.length, start - 1)), note: null });
    }
  });
  return { people: people.map((_, i) => ({ id: i + 1, name: `P${i + 1}` })), periods, leaves, roles: [...BUILTIN_ROLES] };
}

describe('retention properties', () => {
  it('rates lie in 0..1, 18-month count ≤ 12-month count ≤ denominator', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 12 }), dateArb, (people, date) => {
        const r = computeRetention(build(people), date, P);
        expect(r.countLong).toBeLessThanOrEqual(r.countShort);
        expect(r.countShort).toBeLessThanOrEqual(r.denominator);
        for (const rate of [r.rateShort, r.rateLong, r.lookAhead.projectedRateShort, r.lookAhead.projectedRateLong]) {
          if (r.denominator === 0) expect(rate).toBeNull();
          else expect(rate! >= 0 && rate! <= 1).toBe(true);
        }
        expect(r.rows.filter((x) => x.inDenominator)).toHaveLength(r.denominator);
        expect(r.rows.every((x) => !x.inLong || x.inShort)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the counts alone (a trend of several dates) equal the figure of the full result at each, leave, gaps and departures alike', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 16 }), fc.array(dateArb, { minLength: 1, maxLength: 4 }), (people, dates) => {
        const input = build(people);
        const expected = dates.map((date) => {
          const { denominator, countShort, countLong, rateShort, rateLong } = computeRetention(input, date, P);
          return { date, denominator, countShort, countLong, rateShort, rateLong };
        });
        expect(retentionCounts(input, dates.map((date) => ({ date, params: P })))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a person who started on the date never raises a rate', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 10 }), dateArb, fc.constantFrom('CM', 'SCM', 'SUP'), (people, date, role) => {
        const before = computeRetention(build(people), date, P);
        const input = build(people);
        const newId = input.people.length + 1;
        input.people.push({ id: newId, name: '新進' });
        input.periods.push({
          id: 99999, personId: newId, roleCode: role, funding: '補助', businessGroup: null, adminUnit: null, title: null,
          startDate: date, endDate: null, endReason: null,
        });
        const after = computeRetention(input, date, P);
        expect(after.denominator).toBe(before.denominator + 1);
        expect(after.rateShort!).toBeLessThanOrEqual(before.rateShort ?? 0);
        expect(after.rateLong!).toBeLessThanOrEqual(before.rateLong ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('a departure absorbed keeps the projected rate at target; one more would not', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 12 }), dateArb, (people, date) => {
        const r = computeRetention(build(people), date, P);
        const la = r.lookAhead;
        const count = la.reachShort.length + r.countShort;
        const k = la.departuresAbsorbableShort;
        if (k > 0) expect((count - k) / (r.denominator - k)).toBeGreaterThanOrEqual(P.targetShort - 1e-12);
        if (k + 1 <= count && k + 1 < r.denominator && (la.projectedRateShort ?? 0) >= P.targetShort) {
          expect((count - k - 1) / (r.denominator - k - 1)).toBeLessThan(P.targetShort);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('monthsServed is the largest N with addMonths(start, N) ≤ date + 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1500 }), (s, len) => {
        const start = day(s);
        const date = day(s + len);
        const n = monthsServed(start, date);
        expect(addMonths(start, n) <= addDays(date, 1)).toBe(true);
        expect(addMonths(start, n + 1) > addDays(date, 1)).toBe(true);
        expect(monthsServed(start, addDays(date, 1))).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('supervision properties', () => {
  it('removing a supervisor never lowers the ratio, and never turns compliance into a breach', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), (n, s) => {
        const more = supervisionCompliance(n, s, P);
        const fewer = supervisionCompliance(n, s - 1, P);
        if (s - 1 > 0) expect(fewer.ratio!).toBeGreaterThanOrEqual(more.ratio!);
        else expect(fewer.ratio).toBeNull();
        if (more.compliant) expect(fewer.compliant).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
