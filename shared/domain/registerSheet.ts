// The 附件五 register laid out as the ministry prints it (seed 004, 附件五): title, 填報時間, the two-level header with
// merged cells (工作內容 over 個案管理及案量 | 其他), then one block per 人力來源 with that label merged down its rows.
import { formatRocLong, type IsoDate } from '../dates/roc';
import { fullWidthRow, type CellValue, type Sheet } from './exportSheet';
import { caseloadText, certificateText, educationText, REGISTER_SOURCES, spanText, tenureText, type RegisterRow } from './register';
import type { Funding } from './types';

export interface RegisterMeta {
  rocYear: number;
  half: 1 | 2;
  refDate: IsoDate;
  /** 填報時間 */
  filledOn: IsoDate;
}

export const REGISTER_TITLE = '毒品危害防制中心專責人力運用情形清冊';

export const halfLabel = (half: 1 | 2) => (half === 1 ? '期中' : '期末');

/** The 12 columns of 附件五, in order; `___年在職月數` takes the plan year. */
export function registerHeaders(rocYear: number): { top: CellValue[]; sub: CellValue[] } {
  return {
    top: ['人力來源', '係屬業務組別', '所屬行政單位(局處)', '職稱', '姓名', '任、離職時間', '年資', `${rocYear}年在職月數`, '學歷(科系)', '是否具有本計畫證照加給之證照', '工作內容', null],
    sub: [null, null, null, null, null, null, null, null, null, null, '個案管理及案量', '其他(簡要條列說明)'],
  };
}

// 人力來源 … 其他, in spreadsheet character units; about 145 fill A4 landscape inside 1 cm margins (a little more is
// scaled down to fit). Widths chosen so short values break where a reader expects or not at all (issue 15 item 12):
// 「係屬業務組別」 on one line, 「所屬行政單/位(局處)」 never leaving 「)」 alone, 「是(社會工作師)」 on one line.
const WIDTHS = [9, 13, 10, 9, 9, 20, 10, 7, 18, 14, 24, 9];
const ALIGN = ['center', 'center', 'center', 'center', 'center', 'center', 'center', 'center', 'left', 'left', 'left', 'left'] as const;

/** The register's body cells for one person, in column order (column A, 人力來源, is the group's merged label). */
export function registerCells(r: RegisterRow, refDate: IsoDate): CellValue[] {
  return [
    REGISTER_SOURCES[r.funding],
    r.businessGroup,
    r.adminUnit,
    r.title,
    r.name,
    spanText(r.start, r.end),
    tenureText(r.tenureMonths),
    r.monthsInYear,
    educationText(r.education, r.department),
    certificateText(r.certificate),
    caseloadText(r, refDate),
    r.duties ?? null,
  ];
}

/** The 備註 under the ministry's blank 附件五, word for word (seed 004). */
export const REGISTER_REMARK = '備註：本表請至本部毒品危害防制中心服務系統之使用者資料維護作業匯出。';

export function registerNotes(meta: RegisterMeta): string {
  const m = +meta.refDate.slice(5, 7);
  return (
    `說明：資料基準日 ${formatRocLong(meta.refDate)}；列出 ${meta.rocYear}年1月1日至基準日曾在職者，離職者列其離職年月。` +
    `年資自連續任職起算並扣除留職停薪期間（與留任率同一算法）；${meta.rocYear}年在職月數為該年1月至${m}月中有在職且非留職停薪之月份數；` +
    `案量取自${m}月底案量紀錄，缺紀錄者留白。`
  );
}

export function registerSheet(rows: readonly RegisterRow[], meta: RegisterMeta): Sheet {
  const sheet: Sheet = {
    name: `${meta.rocYear}年${halfLabel(meta.half)}清冊`,
    title: `${REGISTER_TITLE}（${meta.rocYear}年度${halfLabel(meta.half)}）`,
    columns: WIDTHS.map((width, i) => ({ width, align: ALIGN[i] })),
    rows: [],
    merges: [],
    orientation: 'landscape',
  };
  const width = WIDTHS.length;
  fullWidthRow(sheet, 'title', REGISTER_TITLE);

  // 填報時間 on the left as in the original; the reference date on the right so a reader knows what "迄今" means.
  const metaRow = sheet.rows.length;
  const metaCells: CellValue[] = Array(width).fill(null);
  metaCells[0] = `填報時間：${formatRocLong(meta.filledOn)}`;
  metaCells[6] = `資料基準日：${formatRocLong(meta.refDate)}（${meta.rocYear}年度${halfLabel(meta.half)}）`;
  sheet.rows.push({ kind: 'meta', cells: metaCells });
  sheet.merges.push({ row: metaRow, col: 0, rows: 1, cols: 6 }, { row: metaRow, col: 6, rows: 1, cols: 6 });

  const head = registerHeaders(meta.rocYear);
  const top = sheet.rows.length;
  sheet.rows.push({ kind: 'header', cells: head.top }, { kind: 'header', cells: head.sub });
  for (let c = 0; c < 10; c++) sheet.merges.push({ row: top, col: c, rows: 2, cols: 1 });
  sheet.merges.push({ row: top, col: 10, rows: 1, cols: 2 });

  // Both groups always appear, as on the ministry's blank form; an empty group is one blank line under its label.
  for (const funding of ['補助', '自有'] as Funding[]) {
    const mine = rows.filter((r) => r.funding === funding);
    const first = sheet.rows.length;
    if (mine.length === 0) sheet.rows.push({ kind: 'body', cells: [REGISTER_SOURCES[funding], ...Array(width - 1).fill(null)] });
    for (const r of mine) sheet.rows.push({ kind: 'body', cells: registerCells(r, meta.refDate) });
    const n = sheet.rows.length - first;
    // the label sits in the block's first row only; a reader sees the merged cell
    for (let i = first + 1; i < first + n; i++) sheet.rows[i].cells[0] = null;
    if (n > 1) sheet.merges.push({ row: first, col: 0, rows: n, cols: 1 });
  }
  fullWidthRow(sheet, 'note', REGISTER_REMARK);
  // how Staffbook filled the form: our own line, under the ministry's
  fullWidthRow(sheet, 'note', registerNotes(meta));
  return sheet;
}
