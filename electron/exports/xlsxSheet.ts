// A Sheet as .xlsx through exceljs (styles, merged cells, print setup; maintained — see README "Why each dependency").
// A4 in the sheet's orientation, fitted to one page wide, header rows repeated on every printed page, panes frozen
// under the header so the columns stay labelled on screen too.
import type ExcelJS from 'exceljs';
import { cellAlign, headerRange, isCovered, mergeAt, type RowKind, type Sheet } from '../../shared/domain/exportSheet';
import { columnWidthsCm, MARGIN_CM } from './page';
import { useSheetFontAsDefault, xlsxFont } from './sheetFont';
import { printLayout } from './sheetPages';
import { neutralise, stripXmlInvalid } from './safeText';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const POINTS_PER_CM = 28.35;
const INCH_PER_CM = 1 / 2.54;

function fontFor(kind: RowKind): Partial<ExcelJS.Font> {
  return xlsxFont(kind === 'title' ? 14 : kind === 'note' ? 9 : 10, kind === 'title' || kind === 'header' || kind === 'group');
}

/**
 * One shared style object per (row kind, alignment): exceljs caches a written style by object identity, so sharing
 * them saves serialising the same font/border/fill once per cell (a quarter of the export time at 1,000 rows).
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(kind: RowKind, horizontal: ExcelJS.Alignment['horizontal'], boxed: boolean): Partial<ExcelJS.Style> {
  const key = `${kind}|${horizontal}|${boxed}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      font: fontFor(kind),
      alignment: { wrapText: true, vertical: 'middle', horizontal },
      ...(boxed ? { border: THIN } : {}),
      ...(kind === 'header' ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } } as ExcelJS.Fill } : {}),
    };
    styles.set(key, style);
  }
  return style;
}

export async function sheetToXlsx(form: Sheet): Promise<Buffer> {
  // loaded on first use, as every file library is: the back end starts and runs its figures without them in memory
  const { default: Excel } = await import('exceljs');
  await useSheetFontAsDefault();
  // page breaks fixed here, merged labels cut at them (sheetPages.ts): each printed page names its 人力來源
  const { sheet, starts, heights } = printLayout(form);
  const wb = new Excel.Workbook();
  wb.creator = '人力簿 Staffbook';
  wb.title = sheet.title;
  const head = headerRange(sheet);
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: MARGIN_CM * INCH_PER_CM, right: MARGIN_CM * INCH_PER_CM, top: MARGIN_CM * INCH_PER_CM, bottom: MARGIN_CM * INCH_PER_CM, header: 0.2, footer: 0.2 },
      ...(head ? { printTitlesRow: `${head[0] + 1}:${head[1] + 1}` } : {}),
    },
    views: head ? [{ state: 'frozen', ySplit: head[1] + 1 }] : [],
  });
  // the .ods column widths in cm, in Excel's unit (digits of the Normal font, 7 px at 11 pt, plus 5 px of padding at
  // 96 dpi): the sheet then fits the page at 100 % and wraps as the .ods does, instead of being shrunk to fit
  ws.columns = columnWidthsCm(sheet).map((cm) => ({ width: Math.round(((cm / 2.54) * 96 - 5) / 7 * 100) / 100 }));

  sheet.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    xr.height = Math.round(heights[r] * POINTS_PER_CM * 10) / 10;
    const boxed = row.kind === 'header' || row.kind === 'body' || row.kind === 'group';
    sheet.columns.forEach((_col, c) => {
      const cell = xr.getCell(c + 1);
      const v = isCovered(sheet.merges, r, c) ? null : (row.cells[c] ?? null);
      // strings are always written as strings (never {formula}), and neutralised for readers that re-parse them
      if (v != null && v !== '') cell.value = typeof v === 'number' ? v : neutralise(stripXmlInvalid(v)); // issue 13 §12: one U+FFFF made the file unreadable
      cell.style = styleFor(row.kind, cellAlign(sheet, r, c), boxed);
    });
  });
  for (const m of sheet.merges) {
    if (mergeAt(sheet.merges, m.row, m.col) === m && (m.rows > 1 || m.cols > 1)) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  // a manual break after the row above each page start (OOXML <brk id> is the last row of the page)
  for (const r of starts) ws.getRow(r).addPageBreak();
  return Buffer.from(await wb.xlsx.writeBuffer());
}
