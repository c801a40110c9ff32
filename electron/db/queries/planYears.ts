import { DEFAULT_PLAN_PARAMS, type PlanParams } from '../../../shared/domain/planParams';
import type { Quota } from '../../../shared/domain/headcount';
import type { Db } from '../connection';
import { prepared } from '../statements';

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

export function getQuota(db: Db, rocYear: number): Quota | null {
  const r = prepared(db, 'SELECT * FROM quotas WHERE roc_year = ?').get(rocYear) as Record<string, number> | undefined;
  return r
    ? { approvedTotal: r.approved_total, fundedCM: r.funded_cm, fundedSCM: r.funded_scm, fundedSUP: r.funded_sup, fundedPM: r.funded_pm }
    : null;
}

export function saveQuota(db: Db, rocYear: number, q: Quota): void {
  prepared(db,
    `INSERT INTO quotas (roc_year, approved_total, funded_cm, funded_scm, funded_sup, funded_pm)
     VALUES (@rocYear, @approvedTotal, @fundedCM, @fundedSCM, @fundedSUP, @fundedPM)
     ON CONFLICT (roc_year) DO UPDATE SET approved_total = excluded.approved_total, funded_cm = excluded.funded_cm,
       funded_scm = excluded.funded_scm, funded_sup = excluded.funded_sup, funded_pm = excluded.funded_pm`,
  ).run({ rocYear, ...q });
}
