// The org chart per plan year and the figures entered for 衡量指標 四(一) targets 2 and 3 (migration 009).
import type { IndicatorInputs, OrgChartGroup } from '../../../shared/domain/indicators';
import type { Db } from '../connection';
import { prepared } from '../statements';

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

export function getInputs(db: Db, rocYear: number): IndicatorInputs | null {
  const r = prepared(db, 'SELECT * FROM indicator_inputs WHERE roc_year = ?').get(rocYear) as Record<string, number | null> | undefined;
  return r
    ? { meetingsHeld: r.meetings_held, meetingsChaired: r.meetings_chaired, centralSubsidy: r.central_subsidy, selfFunded: r.self_funded, minSelfRatio: r.min_self_ratio }
    : null;
}

export function saveInputs(db: Db, rocYear: number, i: IndicatorInputs): void {
  prepared(db,
    `INSERT INTO indicator_inputs (roc_year, meetings_held, meetings_chaired, central_subsidy, self_funded, min_self_ratio)
     VALUES (@rocYear, @meetingsHeld, @meetingsChaired, @centralSubsidy, @selfFunded, @minSelfRatio)
     ON CONFLICT (roc_year) DO UPDATE SET meetings_held = excluded.meetings_held, meetings_chaired = excluded.meetings_chaired,
       central_subsidy = excluded.central_subsidy, self_funded = excluded.self_funded, min_self_ratio = excluded.min_self_ratio`,
  ).run({ rocYear, ...i });
}
