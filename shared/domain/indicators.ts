// 衡量指標 rows for the figures Staffbook owns (seed 004 肆 四(一)(二)(八); 附件十一 貳 / 附件十二 參):
// 指標 | 目標值 | 目標達成情形及達成率 | 自評進度. Figures come in from their own services (retention, roster, training);
// this file only words them and suggests 自評進度, which the clerk may override.
import { formatRocLong, type IsoDate } from '../dates/roc';
import { fullWidthRow, type Sheet } from './exportSheet';
import { meetsTarget } from './planParams';
import { formatTarget, percentText } from './rate';
import type { GroupCounts } from './staffingText';
import { BUSINESS_GROUPS } from './types';

export const PROGRESS = ['超前', '符合', '落後'] as const;
export type Progress = (typeof PROGRESS)[number];
export const INDICATOR_KEYS = ['dedicatedStaff', 'retention', 'volunteerCE'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** A count over a total (e.g. volunteers with ≥ 4 hours over volunteers that year). */
export interface Ratio {
  count: number;
  total: number;
}

export interface RetentionFigure {
  denominator: number;
  countShort: number;
  countLong: number;
  targetShort: number;
  targetLong: number;
  monthsShort: number;
  monthsLong: number;
}

export interface IndicatorInput {
  refDate: IsoDate;
  retention: RetentionFigure;
  /** own staff in post on the reference date by 業務組 (staffingFigures) */
  ownInPost: GroupCounts;
  /** 志工繼續教育涵蓋率 from the training/volunteer figures; null while they are not available */
  volunteerCE: Ratio | null;
  overrides?: Partial<Record<IndicatorKey, Progress | null>>;
}

export interface IndicatorRow {
  key: IndicatorKey;
  group: string;
  indicator: string;
  target: string;
  /** null when the data to word it is missing (left blank, listed as a gap) */
  achievement: string | null;
  suggested: Progress | null;
  /** what the export prints: the clerk's choice, else the suggestion */
  progress: Progress | null;
}

/** 超前 when the figure clears the target by this much (percentage points as a fraction). */
export const AHEAD_MARGIN = 0.1;


/** 落後 below target; 超前 at least AHEAD_MARGIN above a target under 100 %; else 符合. Decided on integers. */
export function suggestProgress(r: Ratio | null, target: number): Progress | null {
  if (!r || r.total <= 0) return null;
  if (!meetsTarget(r.count, r.total, target)) return '落後';
  if (target + AHEAD_MARGIN <= 1 && meetsTarget(r.count, r.total, Math.round((target + AHEAD_MARGIN) * 1000) / 1000)) return '超前';
  return '符合';
}

/** Of several targets in one indicator, the weakest suggestion stands for the row. */
function weakest(list: (Progress | null)[]): Progress | null {
  if (list.some((p) => p == null)) return null;
  return (['落後', '符合', '超前'] as const).find((p) => list.includes(p)) ?? null;
}

const GROUP = '四、綜合規劃組';

export function buildIndicatorRows(input: IndicatorInput): IndicatorRow[] {
  const asOf = formatRocLong(input.refDate);
  const rows: Omit<IndicatorRow, 'progress'>[] = [];

  // (一) 目標值 1: every 業務分組 has dedicated staff. Staffbook records 業務組, not the org chart's 主責局處, so each
  // 業務分組 stands for its lead agency.
  const staffed = BUSINESS_GROUPS.filter((g) => input.ownInPost[g] > 0).length;
  const dedicated = { count: staffed, total: BUSINESS_GROUPS.length };
  rows.push({
    key: 'dedicatedStaff',
    group: GROUP,
    indicator: '(一) 毒品危害防制條例第 2-1 條落實情形：各業務分組之主責局（處）編列或指派毒品防制業務專責人力',
    target: '100%',
    achievement:
      `${BUSINESS_GROUPS.map((g) => `${g}${input.ownInPost[g]}人`).join('、')}（${asOf}在職）；` +
      `已置專責人力之業務分組 ${staffed}／${BUSINESS_GROUPS.length}，達成率 ${percentText(staffed, BUSINESS_GROUPS.length)}`,
    suggested: suggestProgress(dedicated, 1),
  });

  const r = input.retention;
  const short = { count: r.countShort, total: r.denominator };
  const long = { count: r.countLong, total: r.denominator };
  rows.push({
    key: 'retention',
    group: GROUP,
    indicator: `(二) 本計畫補助個案管理人力年資滿 ${r.monthsShort} 個月及 ${r.monthsLong} 個月之留任率`,
    target: `1. ${r.monthsShort} 個月：${formatTarget(r.targetShort)}\n2. ${r.monthsLong} 個月：${formatTarget(r.targetLong)}`,
    achievement: r.denominator
      ? `1. ${r.monthsShort} 個月：已服務滿 ${r.monthsShort} 個月 ${r.countShort} 人／在職個案管理及督導 ${r.denominator} 人＝${percentText(r.countShort, r.denominator)}\n` +
        `2. ${r.monthsLong} 個月：已服務滿 ${r.monthsLong} 個月 ${r.countLong} 人／在職個案管理及督導 ${r.denominator} 人＝${percentText(r.countLong, r.denominator)}`
      : null,
    suggested: weakest([suggestProgress(short, r.targetShort), suggestProgress(long, r.targetLong)]),
  });

  const v = input.volunteerCE;
  rows.push({
    key: 'volunteerCE',
    group: GROUP,
    indicator: '(八) 當年度志工接受繼續教育 4 小時之涵蓋率',
    target: '100%',
    achievement: v ? `完成 4 小時繼續教育志工 ${v.count} 人／當年度志工 ${v.total} 人＝${percentText(v.count, v.total)}` : null,
    suggested: suggestProgress(v, 1),
  });

  return rows.map((row) => {
    const chosen = input.overrides?.[row.key];
    return { ...row, progress: chosen === undefined ? row.suggested : chosen };
  });
}

export const INDICATOR_INTERPRETATION: readonly string[] = [
  `自評進度建議：未達目標值為「落後」；達目標值為「符合」；目標值未滿 100% 且超過目標值 ${AHEAD_MARGIN * 100} 個百分點以上為「超前」；同一指標有兩個目標值時取較差者。可於匯出前修改。`,
  '(一) 人力系統記錄各人員之業務組而非組織架構之主責局處，故以各業務分組是否置有在職之機關自有專責人力計算。',
  '(二) 留任率與「留任率」頁同一計算（RULES §3）。',
];

/** The rows as the report's table: 指標 | 目標值 | 目標達成情形及達成率 | 自評進度, one group line per 業務組. */
export function indicatorSheet(rows: readonly IndicatorRow[], meta: { rocYear: number; half: 1 | 2; notes: readonly string[] }): Sheet {
  const label = `${meta.rocYear}年度${meta.half === 1 ? '期中' : '期末'}`;
  const sheet: Sheet = {
    name: `${label}衡量指標`,
    title: `衡量指標達成情形（${label}）`,
    columns: [{ width: 34 }, { width: 14, align: 'center' }, { width: 42 }, { width: 10, align: 'center' }],
    rows: [],
    merges: [],
    orientation: 'portrait',
  };
  fullWidthRow(sheet, 'title', sheet.title);
  sheet.rows.push({ kind: 'header', cells: ['指標', '目標值', '目標達成情形及達成率', '自評進度'] });
  let group = '';
  for (const r of rows) {
    if (r.group !== group) fullWidthRow(sheet, 'group', (group = r.group));
    sheet.rows.push({ kind: 'body', cells: [r.indicator, r.target, r.achievement, r.progress] });
  }
  for (const n of meta.notes) fullWidthRow(sheet, 'note', `註：${n}`);
  return sheet;
}
