// Downloadable import templates: the header row the import expects, and a sheet explaining each column.

export async function templateXlsx(sheetName: string, headers: readonly string[], notes: [string, string][]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // on first use (see exports/xlsxSheet.ts)
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...headers]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 16));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填寫說明');
  help.addRow(['項目', '說明']).font = { bold: true };
  notes.forEach((n) => help.addRow(n));
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
