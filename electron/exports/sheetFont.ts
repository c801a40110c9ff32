// The one face every exported spreadsheet is set in — Latin, CJK and complex scripts alike — so numbers and dates no
// longer print in a serif beside sans-serif Chinese (issue 15 item 12). Noto Sans CJK TC is the sans face the print
// view (printHtml.ts) and the PDF already use; its Latin digits are designed with its Chinese. Both formats name one
// face only (LibreOffice ignores a `;` list in svg:font-family — tried); where it is missing, the declaration says
// "sans-serif" (ODF generic swiss, xlsx family 2), so the reader's substitute is a sans face, not a serif.
import type ExcelJS from 'exceljs';

export const SHEET_FONT = 'Noto Sans CJK TC';
export const SHEET_FONT_PT = 10;

/** The `<office:font-face-decls>` of a sheet: one face, declared sans-serif. */
export const SHEET_FONT_DECLS =
  '<office:font-face-decls>' +
  `<style:font-face style:name="${SHEET_FONT}" svg:font-family="&apos;${SHEET_FONT}&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
  '</office:font-face-decls>';

/** The ODF text properties naming the face for all three script classes (Western, Asian, Complex). */
export const SHEET_FONT_ODF = `style:font-name="${SHEET_FONT}" style:font-name-asian="${SHEET_FONT}" style:font-name-complex="${SHEET_FONT}"`;

/** exceljs font model of the face; `bold`/`size` per row kind. */
export function xlsxFont(size = SHEET_FONT_PT, bold = false): Partial<ExcelJS.Font> {
  return { name: SHEET_FONT, family: 2, size, bold }; // family 2: swiss, so a substitute is sans too
}

/**
 * The Normal style's size. A column width in .xlsx counts digits of the Normal font: at 11 pt this face's digit is
 * about 0.19 cm, the unit page.ts lays the forms out in (UNIT_CM) and the .ods columns get; at 10 pt the columns came
 * out 8 % narrower than the row heights assumed, and long cells were clipped.
 */
const NORMAL_PT = 11;

let defaultFontSet: Promise<void> | null = null;
/**
 * exceljs writes Calibri 11 as font 0 — the workbook's Normal style, which Excel and LibreOffice use for empty cells
 * and to measure column widths — and offers no setting for it. Its style manager adds font 0 only when it has none
 * yet, so adding ours first, right after it initialises, makes the sheet font the default. Once per process.
 */
export function useSheetFontAsDefault(): Promise<void> {
  defaultFontSet ??= import('exceljs/lib/xlsx/xform/style/styles-xform.js').then((mod) => {
    const StylesXform = mod.default;
    const init = StylesXform.prototype.init;
    StylesXform.prototype.init = function initWithSheetFont(this: { _addFont(font: Partial<ExcelJS.Font>): number }) {
      init.call(this);
      this._addFont(xlsxFont(NORMAL_PT));
    };
  });
  return defaultFontSet;
}
