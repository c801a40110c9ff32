// The one face every exported spreadsheet is set in — Latin, CJK and complex scripts alike — so numbers and dates no
// longer print in a serif beside sans-serif Chinese (issue 15 item 12). Noto Sans CJK TC is the sans face the print
// view (printHtml.ts) and the PDF already use; its Latin digits are designed with its Chinese. On a PC without it,
// LibreOffice walks the alternatives in the font-face declaration (微軟正黑體 ships with every Windows since Vista);
// Excel takes one name only, and substitutes its own sans default for a missing one.
import type ExcelJS from 'exceljs';

export const SHEET_FONT = 'Noto Sans CJK TC';
/** LibreOffice's own fallback list syntax (`;`-separated): the first installed face wins. */
export const SHEET_FONT_ALTERNATIVES = [SHEET_FONT, 'Noto Sans TC', 'Microsoft JhengHei', '微軟正黑體'];
export const SHEET_FONT_PT = 10;

/** The `<office:font-face-decls>` of a sheet: one face, declared sans-serif. */
export const SHEET_FONT_DECLS =
  '<office:font-face-decls>' +
  `<style:font-face style:name="${SHEET_FONT}" svg:font-family="${SHEET_FONT_ALTERNATIVES.join(';')}" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
  '</office:font-face-decls>';

/** The ODF text properties naming the face for all three script classes (Western, Asian, Complex). */
export const SHEET_FONT_ODF = `style:font-name="${SHEET_FONT}" style:font-name-asian="${SHEET_FONT}" style:font-name-complex="${SHEET_FONT}"`;

/** exceljs font model of the face; `bold`/`size` per row kind. */
export function xlsxFont(size = SHEET_FONT_PT, bold = false): Partial<ExcelJS.Font> {
  return { name: SHEET_FONT, family: 2, size, bold }; // family 2: swiss, so a substitute is sans too
}

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
      this._addFont(xlsxFont());
    };
  });
  return defaultFontSet;
}
