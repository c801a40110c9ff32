// The org chart per plan year and the figures entered for 衡量指標 四(一) targets 2 and 3 (migration 009).
import type { IndicatorInputs, OrgChartGroup } from '../../../shared/domain/indicators';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { yearRowTable } from './yearRow';

/** The chart in force for a year: its own rows, else the latest earlier year's (copied forward), else none. */
export function chartForYear(db: Db, rocYear: number): { chart: OrgChartGroup[]; sourceYear: number | null } {
  const src = prepared(db, 'SELECT max(roc_year) AS y FROM org_chart WHERE roc_year <= ?').get(rocYear) as { y: number | null };
  if (src.y == null) return { chart: [], sourceYear: null };
  const rows = prepared(db, 'SELECT business_group, role, agency FROM org_chart WHERE roc_year = ? ORDER BY sort, rowid').all(src.y) as {
    business_group: string;
    role: 'lead' | 'assist';
    agency: string;
  }[];
  const groups = new Map<string, OrgChartGroup>();
  for (const r of rows) {
    const g = groups.get(r.business_group) ?? { group: r.business_group, lead: null, assist: [] };
    groups.set(r.business_group, g);
    if (r.role === 'lead') g.lead = r.agency;
    else g.assist.push(r.agency);
  }
  return { chart: [...groups.values()], sourceYear: src.y };
}

/** Replaces a year's chart; a group with neither lead nor assist has no rows. */
export function replaceChart(db: Db, rocYear: number, chart: readonly OrgChartGroup[]): void {
  prepared(db, 'DELETE FROM org_chart WHERE roc_year = ?').run(rocYear);
  const insert = prepared(db, 'INSERT INTO org_chart (roc_year, business_group, role, agency, sort) VALUES (?, ?, ?, ?, ?)');
  let sort = 0;
  for (const g of chart) {
    if (g.lead) insert.run(rocYear, g.group, 'lead', g.lead, sort++);
    for (const a of g.assist) insert.run(rocYear, g.group, 'assist', a, sort++);
  }
}

const inputsTable = yearRowTable<IndicatorInputs>('indicator_inputs', ['meetingsHeld', 'meetingsChaired', 'centralSubsidy', 'selfFunded', 'minSelfRatio']);
/** The figures entered for targets 2 and 3 of a year (its own row only: they are not copied forward). */
export const getInputs = inputsTable.get;
export const saveInputs = inputsTable.save;
