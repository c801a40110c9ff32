// The headcount table in the shape of 附件七 (one county's row, with in-post, vacancies and 進用率 under it) and the
// staffing table of seed 000 (核定人力 | 進用人力 | 進用率 | Level I 參訓率 | Level II 參訓率 | 見習率).
// Quota and in-post come from headcountYear; training rates from the training figures (blank until they exist).
import { formatRocLong, type IsoDate } from '../dates/roc';
import { fullWidthRow, type CellValue, type Sheet } from './exportSheet';
import type { Quota } from './headcount';
import type { Ratio } from './indicators';
import { percentText } from './rate';

export interface TrainingRates {
  levelOne: Ratio | null;
  levelTwo: Ratio | null;
  internship: Ratio | null;
}
export const STAFF_LINES = ['cm', 'sup', 'pm', 'total'] as const;
export type StaffLine = (typeof STAFF_LINES)[number];
export type TrainingByLine = Partial<Record<StaffLine, TrainingRates>>;

export interface HeadcountFormInput {
  rocYear: number;
  refDate: IsoDate;
  county: string | null;
  /** the ministry's 前四年每日平均在案量 for the county: not kept in Staffbook, typed by the clerk */
  avgCaseload: number | null;
  quota: Quota | null;
  /** in post on the reference date by role code (headcountYear) */
  inPost: { CM: number; SCM: number; SUP: number; PM: number };
  /** null until the training/volunteer figures exist */
  training: TrainingByLine | null;
  notes: readonly string[];
}

const LINE_LABEL: Record<StaffLine, string> = { cm: '個管（含資深個管）', sup: '督導', pm: '專管', total: '合計' };

export function headcountSheet(input: HeadcountFormInput): Sheet {
  const { rocYear: y, quota: q, inPost: p } = input;
  const sheet: Sheet = {
    name: `${y}年人力配置`,
    title: `${y} 年度毒品危害防制中心個案管理及計畫專案管理人力補助員額`,
    // wide enough that 個管員小計, 個管督導人力 and 專案管理人力 break once at most (issue 15 item 12); 100 units fill A4 portrait
    columns: [{ width: 22 }, { width: 12, align: 'right' }, { width: 11, align: 'right' }, { width: 9, align: 'right' }, { width: 9, align: 'right' }, { width: 11, align: 'right' }, { width: 13, align: 'right' }, { width: 13, align: 'right' }],
    rows: [],
    merges: [],
    orientation: 'portrait',
  };
  const push = (kind: 'header' | 'body', cells: CellValue[]) => sheet.rows.push({ kind, cells });
  fullWidthRow(sheet, 'title', sheet.title);
  fullWidthRow(sheet, 'meta', `單位：人；在職人數以 ${formatRocLong(input.refDate)} 計`);

  // 附件七's three header rows
  const h = sheet.rows.length;
  push('header', ['縣市', `${y - 5}-${y - 2} 年每日平均在案量`, '聘用人力', null, null, null, null, '臨時人力']);
  push('header', [null, null, `${y} 年行政院核定員額`, `${y} 年補助經費員額`, null, null, null, '專案管理人力']);
  push('header', [null, null, null, '一般個管', '資深個管', '個管員小計', '個管督導人力', null]);
  sheet.merges.push(
    { row: h, col: 0, rows: 3, cols: 1 },
    { row: h, col: 1, rows: 3, cols: 1 },
    { row: h, col: 2, rows: 1, cols: 5 },
    { row: h + 1, col: 2, rows: 2, cols: 1 },
    { row: h + 1, col: 3, rows: 1, cols: 4 },
    { row: h + 1, col: 7, rows: 2, cols: 1 },
  );

  const quotaCells = q ? [q.approvedTotal, q.fundedCM, q.fundedSCM, q.fundedCM + q.fundedSCM, q.fundedSUP, q.fundedPM] : Array(6).fill(null);
  const postCells = [p.CM + p.SCM + p.SUP, p.CM, p.SCM, p.CM + p.SCM, p.SUP, p.PM];
  push('body', [input.county, input.avgCaseload, ...quotaCells]);
  push('body', [`在職（${formatRocLong(input.refDate)}）`, null, ...postCells]);
  push('body', ['缺額', null, ...(q ? quotaCells.map((v, i) => Math.max((v as number) - postCells[i], 0)) : Array(6).fill(null))]);
  push('body', ['進用率', null, ...(q ? quotaCells.map((v, i) => ((v as number) > 0 ? percentText(postCells[i], v as number) : null)) : Array(6).fill(null))]);

  // seed 000's staffing table, one line per kind of funded post
  fullWidthRow(sheet, 'group', '人力進用及訓練情形');
  const t = sheet.rows.length;
  push('header', ['人力配置', null, '核定人力', '進用人力', '進用率', 'Level 1 參訓率', 'Level 2 參訓率', '見習率']);
  sheet.merges.push({ row: t, col: 0, rows: 1, cols: 2 });
  const quotaOf: Record<StaffLine, number | null> = q
    ? { cm: q.fundedCM + q.fundedSCM, sup: q.fundedSUP, pm: q.fundedPM, total: q.fundedCM + q.fundedSCM + q.fundedSUP + q.fundedPM }
    : { cm: null, sup: null, pm: null, total: null };
  const postOf: Record<StaffLine, number> = { cm: p.CM + p.SCM, sup: p.SUP, pm: p.PM, total: p.CM + p.SCM + p.SUP + p.PM };
  const rate = (r: Ratio | null | undefined) => (r && r.total ? percentText(r.count, r.total) : null);
  for (const line of STAFF_LINES) {
    const tr = input.training?.[line];
    const qv = quotaOf[line];
    const row = sheet.rows.length;
    push('body', [LINE_LABEL[line], null, qv, postOf[line], qv ? percentText(postOf[line], qv) : null, rate(tr?.levelOne), rate(tr?.levelTwo), rate(tr?.internship)]);
    sheet.merges.push({ row, col: 0, rows: 1, cols: 2 });
  }
  for (const n of input.notes) fullWidthRow(sheet, 'note', `註：${n}`);
  return sheet;
}
