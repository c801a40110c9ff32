// Downloadable import templates: the header row the import expects with drop-down lists for the enumerated columns,
// and a 填寫說明 sheet generated from the one synonym table and the one value table (shared/domain/importGuide.ts).
import { columnLetter, headerKey, type ImportFields } from '../../shared/domain/importColumns';
import { importGuide } from '../../shared/domain/importGuide';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import { BUSINESS_GROUPS, END_REASONS, FUNDING_SOURCES } from '../../shared/domain/types';
import { VOLUNTEER_HOUR_KINDS } from '../../shared/domain/volunteers';

/** The drop-down of an enumerated column; not strict, so a clerk may still type one of the accepted words. */
const DROPDOWNS: Record<string, readonly string[]> = {
  人力來源: FUNDING_SOURCES,
  職稱代碼: BUILTIN_ROLES.map((r) => r.name),
  業務組: BUSINESS_GROUPS,
  離職原因: END_REASONS,
  訓練層級: ['L1', 'L2', 'L3', '督導L1', '督導L2', '督導L3', '其他'],
  類別: VOLUNTEER_HOUR_KINDS,
};
const DROPDOWN_ROWS = 1000;

export async function templateXlsx(sheetName: string, headers: readonly string[], notes: [string, string][], fields?: ImportFields): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // on first use (see exports/xlsxSheet.ts)
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...headers]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 16));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => {
    const list = DROPDOWNS[headerKey(h)];
    if (!list) return;
    const col = columnLetter(i);
    // exceljs has data validations but leaves them out of its type declarations
    (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${col}2:${col}${DROPDOWN_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: false,
      showInputMessage: true,
      promptTitle: headerKey(h),
      prompt: '可從清單選擇，或填寫說明工作表列出的其他寫法',
    });
  });
  const help = wb.addWorksheet('填寫說明');
  help.addRow(['項目', '說明']).font = { bold: true };
  notes.forEach((n) => help.addRow(n));
  if (fields) {
    help.addRow([]);
    help.addRow(['欄名與可填的值', '匯入時認得下列欄名與用語（全形、空白與換行不影響）']).font = { bold: true };
    importGuide(fields).forEach((g) => help.addRow([g.item, g.text]));
  }
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 110;
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
