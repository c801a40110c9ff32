// Reads the first sheet of an .xlsx or a .csv into header-keyed text rows, with caps so a hostile file cannot
// exhaust the machine. Dates in cells become ISO text; everything else becomes the text the clerk sees.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../shared/api/errors';
import { isoFromUtcDate } from '../../shared/dates/roc';
import { headerKey, type RawRow } from '../../shared/domain/importRows';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export interface Table {
  headers: string[];
  rows: RawRow[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return isoFromUtcDate(v) ?? '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on a zh-TW Windows saves CSV as Big5 (cp950).
    return new TextDecoder('big5').decode(bytes);
  }
}

function toTable(matrix: string[][]): Table {
  const [headerRow, ...body] = matrix;
  const headers = (headerRow ?? []).map((h) => h.trim());
  if (!headers.some(Boolean)) throw new AppError('IMPORT_INVALID', '檔案沒有標題列或是空檔案');
  if (body.length > MAX_ROWS) throw new AppError('IMPORT_INVALID', `資料列超過上限 ${MAX_ROWS} 列`);
  const keys = headers.map(headerKey);
  const rows: RawRow[] = [];
  body.forEach((values, i) => {
    if (!values.some((v) => v.trim())) return; // blank lines are not errors
    const cells: Record<string, string> = Object.create(null);
    keys.forEach((k, c) => {
      if (k) cells[k] = (values[c] ?? '').trim();
    });
    rows.push({ row: i + 2, cells });
  });
  return { headers, rows };
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', '無法讀取這個 Excel 檔（檔案可能損壞，或不是 .xlsx 格式）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_INVALID', 'Excel 檔沒有工作表');
  if (ws.rowCount > MAX_ROWS + 1) throw new AppError('IMPORT_INVALID', `資料列超過上限 ${MAX_ROWS} 列`);
  const matrix: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    matrix[n - 1] = values.slice(1).map(cellText);
  });
  for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
  return toTable(matrix);
}

function readCsv(bytes: Buffer): Table {
  // Blank lines stay in place (toTable skips them) so every message names the line the clerk sees in the file.
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: false });
  return toTable(parsed.data);
}

export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw new AppError('IMPORT_INVALID', '檔案是空的');
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('IMPORT_INVALID', `檔案超過 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限`);
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return readXlsx(bytes);
  if (ext === 'csv') return readCsv(bytes);
  throw new AppError('IMPORT_INVALID', `不支援 .${ext} 檔，請存成 .xlsx 或 .csv`);
}
