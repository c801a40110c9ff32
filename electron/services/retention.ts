// Retention 12/18 months as of a date, and its monthly trend: rows from the database, the rule from shared/domain.
import type { ParsedInput } from '../../shared/api/contract';
import { addDays, addMonths, rocYear } from '../../shared/dates/roc';
import { computeRetention } from '../../shared/domain/retention';
import type { Db } from '../db/connection';
import type { ServiceContext } from './context';
import { loadEmployment, paramsOn, type EmploymentData } from './employmentData';

export function retentionAt(db: Db, date: string, data: EmploymentData = loadEmployment(db)) {
  const params = paramsOn(db, date);
  const result = computeRetention(data, date, params);
  return { ...result, rocYear: rocYear(date), monthsShort: params.retentionMonthsShort, monthsLong: params.retentionMonthsLong };
}

/** Month ends from `months - 1` months before `end`'s month up to `end`'s month (the last point is `end` itself). */
export function monthEnds(end: string, months: number): string[] {
  const firstOfMonth = `${end.slice(0, 7)}-01`;
  const out: string[] = [];
  for (let i = months - 1; i >= 1; i--) out.push(addDays(addMonths(firstOfMonth, -i + 1), -1));
  out.push(end);
  return out;
}

export const retentionHandlers = {
  'retention.at': ({ date }: ParsedInput<'retention.at'>, { db }: ServiceContext) => retentionAt(db, date),

  'retention.trend': ({ end, months }: ParsedInput<'retention.trend'>, { db }: ServiceContext) => {
    const data = loadEmployment(db);
    return monthEnds(end, months).map((date) => {
      const r = computeRetention(data, date, paramsOn(db, date));
      return { date, rateShort: r.rateShort, rateLong: r.rateLong, denominator: r.denominator };
    });
  },
};
