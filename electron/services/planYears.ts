// Plan years: each ROC year's parameters (a new year starts as a copy of the previous one) and approved quota.
import { AppError } from '../../shared/api/errors';
import { quotaProblem } from '../../shared/domain/headcount';
import * as planQ from '../db/queries/planYears';
import type { HandlerTable } from './handlerTable';

export const planYearHandlers = {
  'planYears.get': ({ rocYear }, { db }) => {
    const { params, sourceYear } = planQ.paramsForYear(db, rocYear);
    return { rocYear, params, sourceYear, quota: planQ.getQuota(db, rocYear) };
  },
  'planYears.save': ({ rocYear, params, quota }, { db }) => {
    const problem = quota && quotaProblem(quota);
    if (problem) throw new AppError('VALIDATION', problem.message, `quota.${problem.field}`);
    db.transaction(() => {
      planQ.savePlanYear(db, rocYear, params);
      if (quota) planQ.saveQuota(db, rocYear, quota);
    })();
    return { saved: true as const };
  },
} satisfies HandlerTable;
