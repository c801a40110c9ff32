// Plan years: each ROC year's parameters (a new year starts as a copy of the previous one) and approved quota.
import type { ParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { quotaProblem } from '../../shared/domain/headcount';
import * as planQ from '../db/queries/planYears';
import type { ServiceContext } from './context';

export const planYearHandlers = {
  'planYears.get': ({ rocYear }: ParsedInput<'planYears.get'>, { db }: ServiceContext) => {
    const { params, sourceYear } = planQ.paramsForYear(db, rocYear);
    return { rocYear, params, sourceYear, quota: planQ.getQuota(db, rocYear) };
  },
  'planYears.save': ({ rocYear, params, quota }: ParsedInput<'planYears.save'>, { db }: ServiceContext) => {
    const problem = quota && quotaProblem(quota);
    if (problem) throw new AppError('VALIDATION', problem.message, `quota.${problem.field}`);
    db.transaction(() => {
      planQ.savePlanYear(db, rocYear, params);
      if (quota) planQ.saveQuota(db, rocYear, quota);
    })();
    return { saved: true as const };
  },
};
