// The figures a submitted package states, flattened to one list so a later diff can compare them key by key. Pure:
// the service passes in the figures the forms were made from (retention, 人力運用情形 counts, 衡量指標 rows).
import type { IndicatorRow } from './indicators';
import type { RegisterRow } from './register';
import type { Counts3, StaffingFigures } from './staffingText';

export type FigureUnit = 'percent' | 'people' | 'text';

export interface PackageFigure {
  key: string;
  label: string;
  value: number | string | null;
  unit: FigureUnit;
  /**
   * the people behind the figure where the figure lists them (retention's numerator and denominator): a change of
   * the figure is then traced to the audit rows of the people who moved in or out. null: not listed per person.
   */
  people: number[] | null;
}

export interface FigureSources {
  retention: {
    rateShort: number | null;
    rateLong: number | null;
    denominator: number;
    monthsShort: number;
    monthsLong: number;
    rows: readonly { personId: number; inDenominator: boolean; inShort: boolean; inLong: boolean }[];
  };
  staffing: Pick<StaffingFigures, 'hired' | 'inPost' | 'ownSetTotal' | 'ownInPostTotal'>;
  indicators: readonly Pick<IndicatorRow, 'key' | 'indicator' | 'achievement'>[];
  /** the register's rows, to list the people behind each head count */
  register: readonly Pick<RegisterRow, 'personId' | 'funding' | 'roleKind' | 'end'>[];
}

const KIND_LABEL: Record<keyof Counts3, string> = { cm: '個管', sup: '督導', pm: '專管' };
const KIND_OF: Record<keyof Counts3, RegisterRow['roleKind']> = { cm: 'case_manager', sup: 'supervisor', pm: 'project_manager' };

/**
 * The register's people that a head count counts, when the register lists exactly that many: the count comes from its
 * own function (staffingFigures), so a list that disagrees with it is not offered as its explanation.
 */
function headsOf(rows: FigureSources['register'], count: number, pick: (r: FigureSources['register'][number]) => boolean): number[] | null {
  const ids = [...new Set(rows.filter(pick).map((r) => r.personId))].sort((a, b) => a - b);
  return ids.length === count ? ids : null;
}

export function packageFigures(s: FigureSources): PackageFigure[] {
  const r = s.retention;
  const ids = (pick: (row: FigureSources['retention']['rows'][number]) => boolean) => r.rows.filter(pick).map((row) => row.personId).sort((a, b) => a - b);
  const out: PackageFigure[] = [
    { key: 'retention.short', label: `${r.monthsShort} 個月留任率`, value: r.rateShort, unit: 'percent', people: ids((x) => x.inShort) },
    { key: 'retention.long', label: `${r.monthsLong} 個月留任率`, value: r.rateLong, unit: 'percent', people: ids((x) => x.inLong) },
    { key: 'retention.denominator', label: '留任率分母（基準日在職）', value: r.denominator, unit: 'people', people: ids((x) => x.inDenominator) },
  ];
  const reg = s.register;
  for (const k of ['cm', 'sup', 'pm'] as const) {
    const funded = (r: FigureSources['register'][number]) => r.funding === '補助' && r.roleKind === KIND_OF[k];
    out.push({ key: `staffing.hired.${k}`, label: `前已聘任補助${KIND_LABEL[k]}`, value: s.staffing.hired[k], unit: 'people', people: headsOf(reg, s.staffing.hired[k], funded) });
    out.push({ key: `staffing.inPost.${k}`, label: `尚在職補助${KIND_LABEL[k]}`, value: s.staffing.inPost[k], unit: 'people', people: headsOf(reg, s.staffing.inPost[k], (r) => funded(r) && r.end == null) });
  }
  const own = (r: FigureSources['register'][number]) => r.funding === '自有' && r.roleKind === 'own';
  out.push({ key: 'staffing.ownSet', label: '自有專責人力設置', value: s.staffing.ownSetTotal, unit: 'people', people: headsOf(reg, s.staffing.ownSetTotal, own) });
  out.push({ key: 'staffing.ownInPost', label: '自有專責人力尚在職', value: s.staffing.ownInPostTotal, unit: 'people', people: headsOf(reg, s.staffing.ownInPostTotal, (r) => own(r) && r.end == null) });
  // the retention row of 衡量指標 restates the two rates above in words; the other rows say what no figure here does
  for (const row of s.indicators.filter((r) => r.key !== 'retention')) {
    out.push({ key: `indicator.${row.key}`, label: `衡量指標：${row.indicator}`, value: row.achievement, unit: 'text', people: null });
  }
  return out;
}

/** `80.0%`, `12 人`, the text itself; `—` for a blank figure. */
export function figureText(f: Pick<PackageFigure, 'value' | 'unit'>): string {
  if (f.value == null || f.value === '') return '—';
  if (f.unit === 'percent' && typeof f.value === 'number') return `${(Math.round(f.value * 1000) / 10).toFixed(1)}%`;
  if (f.unit === 'people') return `${f.value} 人`;
  // a multi-line cell reads as one line in a list of changes
  return String(f.value).trim().replace(/\s*\n\s*/g, '；');
}
