// 衡量指標 rows for the figures Staffbook owns (seed 004 肆 四(一)(二)(八); 附件十一 貳 / 附件十二 參):
// 指標 | 目標值 | 目標達成情形及達成率 | 自評進度. Figures come in from their own services (roster, retention, volunteers);
// this file applies the plan's formulas to them, words them and suggests 自評進度, which the clerk may override.
import { formatRocLong, type IsoDate } from '../dates/roc';
import { meetsTarget, toFraction } from './planParams';
import type { Funding } from './types';

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

/** One 業務分組 of the org chart: its 主責局處 (one, or not yet named) and its 協辦局處. */
export interface OrgChartGroup {
  group: string;
  lead: string | null;
  assist: string[];
}

/** What the clerk enters per plan year for 四(一) targets 2 and 3; null = not entered. */
export interface IndicatorInputs {
  meetingsHeld: number | null;
  meetingsChaired: number | null;
  centralSubsidy: number | null;
  selfFunded: number | null;
  /** 最低自籌比率 in percent (e.g. 20 for 20 %) */
  minSelfRatio: number | null;
}

/** Someone on the 附件五 register in post on the reference date, with the 局處 their post belongs to. */
export interface AgencyStaff {
  personId: number;
  name: string;
  roleName: string;
  funding: Funding;
  agency: string | null;
  businessGroup: string | null;
  onLeave: boolean;
}

/** A distinct 主責局處, the groups it leads, and its dedicated staff on the reference date (empty = 「無」). */
export interface LeadAgency {
  agency: string;
  groups: string[];
  staff: Omit<AgencyStaff, 'agency'>[];
}

/** One target of an indicator as the plan's formula has it: numerator ÷ denominator, the rate, and whether it is met. */
export interface TargetFigure {
  no: number;
  label: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  /** the target in words (「100%」, 「≥ 50%」, 「> 最低自籌比率 20%」) */
  target: string;
  met: boolean | null;
}

export interface IndicatorInput {
  refDate: IsoDate;
  retention: RetentionFigure;
  chart: readonly OrgChartGroup[];
  /** the register's people in post on the reference date (plan roles and 自有專責) */
  staffInPost: readonly AgencyStaff[];
  inputs: IndicatorInputs | null;
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
  targets: TargetFigure[];
  suggested: Progress | null;
  /** what the export prints: the clerk's choice, else the suggestion */
  progress: Progress | null;
}

/** 超前 when the figure clears the target by this much (percentage points as a fraction). */
export const AHEAD_MARGIN = 0.1;

export const pctText = (count: number, total: number) => (total ? `${(Math.round((count / total) * 1000) / 10).toFixed(1)}%` : '—');
export const targetText = (t: number) => `${Math.round(t * 1000) / 10}%`;
const money = (n: number) => n.toLocaleString('en-US');
const rateOf = (count: number | null, total: number | null) => (count != null && total ? count / total : null);

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

/**
 * 四(一) target 1's list: each distinct 主責局處 of the chart (one 局處 leading several groups counts once), with the
 * people in post whose post belongs to it. Staff of a 協辦局處 are not looked at: only lead agencies are counted.
 */
export function leadAgencies(chart: readonly OrgChartGroup[], staffInPost: readonly AgencyStaff[]): LeadAgency[] {
  const leads = new Map<string, LeadAgency>();
  for (const g of chart) {
    const agency = g.lead?.trim();
    if (!agency) continue;
    const known = leads.get(agency);
    if (known) known.groups.push(g.group);
    else leads.set(agency, { agency, groups: [g.group], staff: [] });
  }
  for (const s of staffInPost) {
    const lead = s.agency ? leads.get(s.agency.trim()) : undefined;
    if (!lead) continue;
    const { agency: _, ...person } = s;
    lead.staff.push(person);
  }
  return [...leads.values()];
}

/** Target 1: 編列/指派有毒品防制專責人力局處數 ÷ 納入毒防中心組織架構之主責局處數, target 100 %. */
export function dedicatedStaffTarget(leads: readonly LeadAgency[]): TargetFigure {
  const staffed = leads.filter((l) => l.staff.length > 0).length;
  return { no: 1, label: '主責局處編列或指派專責人力', numerator: staffed, denominator: leads.length, rate: rateOf(staffed, leads.length), target: '100%', met: leads.length ? staffed === leads.length : null };
}

/** Target 2: B ÷ A; 「一半以上」 reads 以上 as including 本數, so exactly half is met. */
export function meetingsTarget(i: IndicatorInputs | null): TargetFigure {
  const a = i?.meetingsHeld ?? null;
  const b = i?.meetingsChaired ?? null;
  const known = a != null && b != null && a > 0;
  return { no: 2, label: '秘書長或主任秘書層級以上長官主持會議之比例', numerator: b, denominator: a, rate: known ? rateOf(b, a) : null, target: '≥ 50%', met: known ? 2 * b! >= a! : null };
}

/** Target 3: 自籌金額 ÷ (中央補助金額 + 自籌金額) − 最低自籌比率 > 0, decided on integers (ratio to 1/100 of a point). */
export function selfFundingTarget(i: IndicatorInputs | null): TargetFigure & { minRatio: number | null } {
  const c = i?.centralSubsidy ?? null;
  const s = i?.selfFunded ?? null;
  const min = i?.minSelfRatio ?? null;
  const total = c != null && s != null ? c + s : null;
  const known = total != null && total > 0 && min != null;
  let met: boolean | null = null;
  if (known) {
    const [p, q] = toFraction(min! / 100);
    met = s! * q > p * total!;
  }
  return { no: 3, label: '自籌款比率高於最低自籌款編列比率', numerator: s, denominator: total, rate: known ? rateOf(s, total) : null, target: min == null ? '> 最低自籌比率' : `> ${min}%`, met, minRatio: min };
}

const GROUP = '四、綜合規劃組';

/** The plan's own words for 四(一)'s 目標值 (seed 004 肆 四(一)). */
export const DEDICATED_TARGET_TEXT =
  '1.毒防中心組織架構中，各業務分組之主責局（處）100%編列或指派有毒品防制業務專責人力。\n' +
  '2.召開跨局處毒品防制聯繫會議（指所轄毒品防制跨局處協商機制），且有一半以上之會議由地方政府秘書長或主任秘書層級以上長官主持。\n' +
  '3.辦理本計畫之自籌款比率，高於最低自籌款編列比率。';

function dedicatedRow(input: IndicatorInput): Omit<IndicatorRow, 'progress'> {
  const leads = leadAgencies(input.chart, input.staffInPost);
  const t1 = dedicatedStaffTarget(leads);
  const t2 = meetingsTarget(input.inputs);
  const t3 = selfFundingTarget(input.inputs);
  const lines: string[] = [];
  if (t1.denominator) {
    lines.push(
      `1.編列/指派有毒品防制專責人力局處數 ${t1.numerator}／納入毒防中心組織架構之主責局處數 ${t1.denominator}＝${pctText(t1.numerator!, t1.denominator)}（${formatRocLong(input.refDate)}）`,
    );
  }
  if (t2.rate != null) lines.push(`2.由秘書長或主任秘書層級以上長官主持 ${t2.numerator} 次／全年度召開跨局處毒品防制聯繫會議 ${t2.denominator} 次＝${pctText(t2.numerator!, t2.denominator!)}`);
  if (t3.rate != null) {
    // to 1/100 of a point, so a ratio just above the minimum does not print as equal to it
    const pct2 = Math.round(t3.rate * 10000) / 100;
    const points = Math.round((pct2 - t3.minRatio!) * 100) / 100;
    lines.push(
      `3.自籌金額 ${money(t3.numerator!)} 元／（中央補助金額 ${money(input.inputs!.centralSubsidy!)} 元＋自籌金額 ${money(t3.numerator!)} 元）＝${pct2.toFixed(2)}%；` +
        `${pct2.toFixed(2)}% − 最低自籌比率 ${t3.minRatio}%＝${points.toFixed(2)} 個百分點`,
    );
  }
  const fromMet = (t: TargetFigure) => (t.met == null ? null : t.met ? '符合' : '落後');
  return {
    key: 'dedicatedStaff',
    group: GROUP,
    indicator: '(一) 毒品危害防制條例第 2-1 條落實情形',
    target: DEDICATED_TARGET_TEXT,
    achievement: lines.length ? lines.join('\n') : null,
    targets: [t1, t2, t3].map(({ no, label, numerator, denominator, rate, target, met }) => ({ no, label, numerator, denominator, rate, target, met })),
    suggested: weakest([fromMet(t1), t2.rate == null ? null : suggestProgress({ count: t2.numerator!, total: t2.denominator! }, 0.5), fromMet(t3)]),
  };
}

export function buildIndicatorRows(input: IndicatorInput): IndicatorRow[] {
  const rows: Omit<IndicatorRow, 'progress'>[] = [dedicatedRow(input)];

  const r = input.retention;
  const short = { count: r.countShort, total: r.denominator };
  const long = { count: r.countLong, total: r.denominator };
  const figure = (no: number, months: number, count: number, target: number): TargetFigure => ({
    no,
    label: `年資滿 ${months} 個月之留任率`,
    numerator: count,
    denominator: r.denominator,
    rate: rateOf(count, r.denominator),
    target: targetText(target),
    met: r.denominator ? meetsTarget(count, r.denominator, target) : null,
  });
  rows.push({
    key: 'retention',
    group: GROUP,
    indicator: `(二) 本計畫補助個案管理人力年資滿 ${r.monthsShort} 個月及 ${r.monthsLong} 個月之留任率`,
    target: `1.${r.monthsShort} 個月：${targetText(r.targetShort)}；\n2.${r.monthsLong} 個月：${targetText(r.targetLong)}`,
    achievement: r.denominator
      ? `1.${r.monthsShort} 個月：已服務滿 ${r.monthsShort} 個月 ${r.countShort} 人／在職個案管理及督導 ${r.denominator} 人＝${pctText(r.countShort, r.denominator)}\n` +
        `2.${r.monthsLong} 個月：已服務滿 ${r.monthsLong} 個月 ${r.countLong} 人／在職個案管理及督導 ${r.denominator} 人＝${pctText(r.countLong, r.denominator)}`
      : null,
    targets: [figure(1, r.monthsShort, r.countShort, r.targetShort), figure(2, r.monthsLong, r.countLong, r.targetLong)],
    suggested: weakest([suggestProgress(short, r.targetShort), suggestProgress(long, r.targetLong)]),
  });

  const v = input.volunteerCE;
  rows.push({
    key: 'volunteerCE',
    group: GROUP,
    indicator: '(八) 當年度志工接受繼續教育 4 小時之涵蓋率',
    target: '100%',
    achievement: v ? `當年度完成 4 小時繼續教育志工 ${v.count} 人／當年度志工 ${v.total} 人＝${pctText(v.count, v.total)}` : null,
    targets: [{ no: 1, label: '志工繼續教育涵蓋率', numerator: v?.count ?? null, denominator: v?.total ?? null, rate: v ? rateOf(v.count, v.total) : null, target: '100%', met: v?.total ? v.count >= v.total : null }],
    suggested: suggestProgress(v, 1),
  });

  return rows.map((row) => {
    const chosen = input.overrides?.[row.key];
    return { ...row, progress: chosen === undefined ? row.suggested : chosen };
  });
}

/** How the figures are read, for the clerk (screen, CLI). */
export const INDICATOR_INTERPRETATION: readonly string[] = [
  `自評進度建議：未達目標值為「落後」；達目標值為「符合」；目標值未滿 100% 且超過目標值 ${AHEAD_MARGIN * 100} 個百分點以上為「超前」；同一指標有數個目標值時取較差者。可於匯出前修改。`,
  '(一) 目標值1：主責局處取自「單位設定」之當年度組織架構（同一局處主責數個分組只計一次）；專責人力為基準日在職、所屬行政單位為該局處之本計畫補助人力及機關自有專責人力（留職停薪者仍占該職）；協辦局處之人力不列計。',
  '(一) 目標值2：「一半以上」含一半。目標值2、3之次數與金額於「單位設定」之組織架構登錄。',
  '(二) 留任率與「留任率」頁同一計算。',
];

/** How the figures were counted, printed under the table for the ministry's reader. */
export const INDICATOR_NOTES: readonly string[] = [
  '(一) 目標值1：專責人力以基準日在職、所屬行政單位為主責局處之本計畫補助人力及機關自有專責人力計（留職停薪者仍占該職）；同一局處主責數個分組只計一次。',
];

/** What 四(一) lacks or what looks wrong in it: shown before export (資料檢查) and, for staff, on the home page. */
export function dedicatedStaffFindings(rocYear: number, chart: readonly OrgChartGroup[], leads: readonly LeadAgency[], inputs: IndicatorInputs | null): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!chart.some((g) => g.lead)) {
    out.push({ field: '組織架構', message: `尚未登錄 ${rocYear} 年度毒防中心組織架構之主責局處（單位設定）：衡量指標 四(一) 目標值1 將空白` });
  } else {
    for (const g of chart.filter((x) => !x.lead)) out.push({ field: '組織架構', message: `${g.group} 未設定主責局處（單位設定）` });
  }
  for (const l of leads.filter((x) => !x.staff.length)) {
    out.push({ field: '主責局處專責人力', message: `主責局處 ${l.agency}（${l.groups.join('、')}）於基準日無在職專責人力：四(一) 目標值1 未達 100%` });
  }
  if (inputs?.meetingsHeld == null || inputs.meetingsChaired == null) {
    out.push({ field: '跨局處會議次數', message: `尚未登錄 ${rocYear} 年度跨局處毒品防制聯繫會議次數（單位設定）：四(一) 目標值2 將空白` });
  } else if (inputs.meetingsChaired > inputs.meetingsHeld) {
    out.push({ field: '跨局處會議次數', message: `長官主持 ${inputs.meetingsChaired} 次多於全年度召開 ${inputs.meetingsHeld} 次，請確認` });
  }
  if (inputs?.centralSubsidy == null || inputs.selfFunded == null || inputs.minSelfRatio == null) {
    out.push({ field: '自籌款比率', message: `尚未登錄 ${rocYear} 年度中央補助金額、自籌金額或最低自籌比率（單位設定）：四(一) 目標值3 將空白` });
  }
  return out;
}
