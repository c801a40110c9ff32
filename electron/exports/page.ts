// Page geometry every writer shares: A4, 1 cm margins, and the column widths a sheet asks for (in spreadsheet
// character units) scaled to fit the printable width, so no format prints a form cut off at the right edge.
import type { Sheet } from '../../shared/domain/exportSheet';

export const A4 = { shortCm: 21, longCm: 29.7 };
export const MARGIN_CM = 1;
/** one spreadsheet character unit at the 10 pt body font */
export const UNIT_CM = 0.19;
/** one line of 10 pt text as the sheet face sets it: Noto Sans CJK's line is 1.45 em (0.51 cm), and at 0.46 cm a
 * ten-line cell lost its first and last lines to a row of fixed height (issue 15 item 12) */
export const LINE_CM = 0.51;
/** a cell's padding, top and bottom together */
const ROW_PAD_CM = 0.08;

export function pageCm(sheet: Pick<Sheet, 'orientation'>): { width: number; height: number } {
  return sheet.orientation === 'landscape' ? { width: A4.longCm, height: A4.shortCm } : { width: A4.shortCm, height: A4.longCm };
}

export function printableWidthCm(sheet: Pick<Sheet, 'orientation'>): number {
  return pageCm(sheet).width - 2 * MARGIN_CM;
}

/** Column widths in cm: as asked, or shrunk proportionally when the table would be wider than the page. */
export function columnWidthsCm(sheet: Pick<Sheet, 'orientation' | 'columns'>): number[] {
  const asked = sheet.columns.map((c) => c.width * UNIT_CM);
  const total = asked.reduce((a, b) => a + b, 0);
  const k = Math.min(1, printableWidthCm(sheet) / total);
  return asked.map((w) => Math.round(w * k * 1000) / 1000);
}

/** Row height for `lines` lines of text plus cell padding. */
export function rowHeightCm(lines: number): number {
  return Math.round((lines * LINE_CM + ROW_PAD_CM) * 1000) / 1000;
}

/** Documents with a form table use the forms' 1 cm margins (the widths above assume them); prose gets 2 cm. */
export function docMarginCm(doc: { blocks: { kind: string }[] }): number {
  return doc.blocks.some((b) => b.kind === 'table') ? MARGIN_CM : 2;
}
