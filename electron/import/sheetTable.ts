// One sheet of a read file → the template's field-keyed rows, and how the file was read (for the preview): which
// sheet, which row is the header, each file column → field or ignored, which rows were empty and skipped.
import { AppError } from '../../shared/api/errors';
import { columnLetter, findHeaderRow, HEADER_SEARCH_ROWS, HEADER_SYNONYMS, headerKey, type ColumnMatch, type ImportFields } from '../../shared/domain/importColumns';
import type { ImportIssue, RawRow } from '../../shared/domain/importRows';
import { normalizeCode } from '../../shared/domain/importText';
import type { Book, GridRow, SheetGrid } from './grid';

export const MAX_CELL_CHARS = 2_000;

export interface ColumnRead {
  /** the column letter, A, B … */
  column: string;
  /** the header as the file writes it */
  header: string;
  /** the field it feeds, or null: ignored */
  field: string | null;
}

export interface ReadLayout {
  format: Book['format'];
  encoding: Book['encoding'];
  sheet: string;
  sheets: string[];
  /** the header's row number, or null when none was found */
  headerRow: number | null;
  columns: ColumnRead[];
  /** rows holding nothing but a 序號, formatting or merged-down values */
  skippedRows: number[];
}

export interface Table {
  /** the fields the file has a column for */
  headers: string[];
  rows: RawRow[];
  layout: ReadLayout;
  /** problems found while reading (no header, a column twice, characters lost to Big5): the file cannot import */
  issues: ImportIssue[];
  /** the header row could not be read: no row is looked at */
  unreadable: boolean;
}

const invalid = (message: string) => new AppError('IMPORT_INVALID', message);

/** The header as a message names it: its words before any parenthesis (所屬行政單位（局處） → 所屬行政單位). */
const labelOf = (header: string) => header.replace(/\s+/g, '').replace(/[（(].*$/, '') || header.trim();

function chooseSheet(book: Book, name: string | undefined): SheetGrid {
  if (name == null || name === '') {
    const s = book.sheets[book.active] ?? book.sheets[0];
    if (!s) throw invalid('活頁簿裡沒有工作表');
    return s;
  }
  const found = book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => normalizeCode(s.name) === normalizeCode(name));
  if (!found) throw invalid(`找不到工作表「${name}」；這個檔案的工作表：${book.sheets.map((s) => `「${s.name}」`).join('、')}`);
  return found;
}

function synonymsHint(keys: string[]): string {
  return keys.map((k) => `「${k}」（可寫 ${(HEADER_SYNONYMS[k] ?? [k]).slice(0, 4).join('、')}）`).join('、');
}

/** Another sheet whose rows hold this template's header: named in the message when the chosen sheet has none. */
function otherSheetHint(book: Book, chosen: SheetGrid, template: ImportFields): string {
  for (const s of book.sheets) {
    if (s === chosen) continue;
    const h = findHeaderRow(s.rows, template);
    if (h && !h.missing.length) return `工作表「${s.name}」第 ${h.row} 列看來是標題列：請在匯入畫面選擇該工作表（命令列加 --sheet ${s.name}）。`;
  }
  return '';
}

function headerIssues(book: Book, sheet: SheetGrid, template: ImportFields, found: ReturnType<typeof findHeaderRow>): ImportIssue[] {
  const required = template.fields.filter((f) => f.required).map((f) => f.key);
  const where = book.format === 'csv' ? '檔案' : `工作表「${sheet.name}」`;
  const hint = otherSheetHint(book, sheet, template);
  if (!sheet.rows.length) return [{ message: `${where}沒有任何資料（沒有標題列）` }];
  if (!found) {
    return [{ message: `${where}的前 ${HEADER_SEARCH_ROWS} 列找不到${template.name}的標題列（須有 ${synonymsHint(required)} 等欄位）。${hint || '請下載範本，依範本欄位填寫。'}` }];
  }
  const issues: ImportIssue[] = [];
  if (found.missing.length) {
    const known = found.columns.filter((c) => c.field).map((c) => c.header);
    issues.push({
      row: found.row,
      message: `${where}第 ${found.row} 列是標題列（認得 ${known.map((h) => `「${labelOf(h)}」`).join('')}），但缺少必要欄位 ${synonymsHint(found.missing)}。${hint || '請加上該欄，或把欄名改為括號內的寫法之一。'}`,
    });
  }
  for (const d of found.duplicates) {
    const cols = found.columns.filter((c) => c.field === d.field).map((c) => `「${labelOf(c.header)}」（第 ${columnLetter(c.index)} 欄）`);
    issues.push({ row: found.row, field: d.field, message: `第 ${found.row} 列的標題${cols.join('與')}都是「${d.field}」欄，請刪除或改名其中一欄` });
  }
  return issues;
}

/** Without a template (tests of the byte layer): row 1 is the header, every column a field by its own words. */
function plainHeader(sheet: SheetGrid): ColumnMatch[] {
  const first = sheet.rows[0];
  if (!first || first.row !== 1 || !first.values.some((v) => v.trim())) throw invalid('檔案沒有標題列或是空檔案（第 1 列應為範本的欄位名稱）');
  const seen = new Map<string, number>();
  return first.values.flatMap((h, index) => {
    const key = headerKey(h);
    if (!key) return [];
    if (seen.has(key)) throw invalid(`標題列的「${key}」出現兩次（第 ${columnLetter(seen.get(key)!)} 欄與第 ${columnLetter(index)} 欄），請刪除或改名其中一欄`);
    seen.set(key, index);
    return [{ index, header: h.trim(), field: key }];
  });
}

const BIG5_LOSS = (value: string) =>
  `「${value}」中的「?」：以 Big5 存成的 CSV 無法容納某些字（如「堃」），Excel 會把它換成「?」，原字已遺失。請在 Excel 另存為 .xlsx 活頁簿或「CSV UTF-8（逗號分隔）」後重新匯入`;

export function sheetTable(book: Book, template: ImportFields | undefined, sheetName: string | undefined): Table {
  const sheet = chooseSheet(book, sheetName);
  const layout: ReadLayout = {
    format: book.format,
    encoding: book.encoding,
    sheet: sheet.name,
    sheets: book.sheets.map((s) => s.name),
    headerRow: null,
    columns: [],
    skippedRows: [],
  };
  let matches: ColumnMatch[];
  let headerRow: number;
  if (template) {
    const found = findHeaderRow(sheet.rows, template);
    const issues = headerIssues(book, sheet, template, found);
    if (found) {
      layout.headerRow = found.row;
      layout.columns = found.columns.map((c) => ({ column: columnLetter(c.index), header: c.header, field: c.field }));
    }
    if (!found || issues.length) return { headers: [], rows: [], layout, issues, unreadable: true };
    matches = found.columns.filter((c) => c.field);
    headerRow = found.row;
  } else {
    matches = plainHeader(sheet);
    headerRow = 1;
    layout.headerRow = 1;
    layout.columns = matches.map((c) => ({ column: columnLetter(c.index), header: c.header, field: c.field }));
  }

  const labels: Record<string, string> = Object.create(null);
  for (const c of matches) labels[c.field!] = labelOf(c.header);
  const issues: ImportIssue[] = [];
  const rows: RawRow[] = [];
  const isHeaderAgain = (r: GridRow) => matches.every((c) => (r.values[c.index] ?? '').trim() === c.header);
  for (const r of sheet.rows) {
    if (r.row <= headerRow) continue;
    const own = matches.some((c) => (r.values[c.index] ?? '').trim() && !r.merged[c.index]);
    if (!own || isHeaderAgain(r)) {
      // nothing but a 序號, formatting or values merged down from above (or the header repeated on a printed page)
      if (r.values.some((v) => v.trim())) layout.skippedRows.push(r.row);
      continue;
    }
    const cells: Record<string, string> = Object.create(null);
    const shown: Record<string, string> = Object.create(null);
    for (const c of matches) {
      const v = (r.values[c.index] ?? '').trim();
      if (v.length > MAX_CELL_CHARS) throw invalid(`第 ${r.row} 列「${labels[c.field!]}」的內容超過 ${MAX_CELL_CHARS} 字的上限`);
      cells[c.field!] = v;
      if (r.shown[c.index] !== undefined) shown[c.field!] = r.shown[c.index]!;
      if (book.encoding === 'big5' && v.includes('?')) {
        issues.push({ row: r.row, field: c.field!, message: `第 ${r.row} 列「${labels[c.field!]}」：${BIG5_LOSS(v)}` });
      }
    }
    rows.push({ row: r.row, cells, shown, labels });
  }
  return { headers: matches.map((c) => c.field!), rows, layout, issues, unreadable: false };
}
