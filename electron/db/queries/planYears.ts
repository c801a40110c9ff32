import { DEFAULT_PLAN_PARAMS, type PlanParams } from '../../../shared/domain/planParams';
import type { Quota } from '../../../shared/domain/headcount';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { yearRowTable } from './yearRow';

/** The parameters in force for a year: its own row, else the latest earlier year's, else the 113年 defaults. */
export function paramsForYear(db: Db, rocYear: number): { params: PlanParams; sourceYear: number | null } {
  const r = prepared(db, 'SELECT roc_year, params_json FROM plan_years WHERE roc_year <= ? ORDER BY roc_year DESC LIMIT 1').get(rocYear) as
    | { roc_year: number; params_json: string }
    | undefined;
  return r ? { params: { ...DEFAULT_PLAN_PARAMS, ...JSON.parse(r.params_json) }, sourceYear: r.roc_year } : { params: { ...DEFAULT_PLAN_PARAMS }, sourceYear: null };
}

export function savePlanYear(db: Db, rocYear: number, params: PlanParams): void {
  prepared(db, 'INSERT INTO plan_years (roc_year, params_json) VALUES (?, ?) ON CONFLICT (roc_year) DO UPDATE SET params_json = excluded.params_json').run(
    rocYear,
    JSON.stringify(params),
  );
}

const quotaTable = yearRowTable<Quota>('quotas', ['approvedTotal', 'fundedCM', 'fundedSCM', 'fundedSUP', 'fundedPM']);
/** A year's approved posts (附件七), its own row only. */
export const getQuota = quotaTable.get;
export const saveQuota = quotaTable.save;
