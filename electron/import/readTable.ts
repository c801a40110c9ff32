// Reads the first sheet of an .xlsx or a .csv into header-keyed text rows. Dates in cells become ISO text; everything
// else becomes the text the clerk sees (a formula gives its cached result; nothing in a file is ever evaluated).
//
// The file is untrusted (issue 7): every limit below is checked before the work it bounds, and every refusal is an
// IMPORT_INVALID with a Chinese message for the clerk.
// - Content must match the extension (zip for .xlsx; text for .csv; an old .xls or a password-protected workbook is
//   named as such).
// - An .xlsx is opened with jszip first (central directory only), then each part exceljs needs is inflated here with
//   a hard output cap — actual bytes, not the sizes the zip declares — so a zip bomb stops at the cap. Only those
//   parts go on to exceljs, and each worksheet is cut down to its <sheetData>: merged ranges, data validations,
//   defined names, conditional formats and hyperlinks are dropped, because exceljs expands such ranges cell by cell
//   (one `A1:XFD1048576` merge or validation keeps it busy forever, and a whole-column validation costs seconds).
// - Rows, columns, cells, cell length and parsing time are capped; cells live in objects without a prototype.
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import Papa from 'papaparse';
import { AppError } from '../../shared/api/errors';
import { isoFromUtcDate } from '../../shared/dates/roc';
import { headerKey, type RawRow } from '../../shared/domain/importRows';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 200;
export const MAX_CELL_CHARS = 2_000;
/** An .xlsx: the parts read, inflated, in total; the parts in the zip; the cells and row elements of all sheets. */
export const MAX_XLSX_UNCOMPRESSED = 50 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 200;
export const MAX_XLSX_CELLS = 1_000_000;
export const MAX_XLSX_ROW_ELEMENTS = 5 * MAX_ROWS;
export const MAX_XLSX_STYLES_BYTES = 10 * 1024 * 1024;
export const PARSE_TIME_LIMIT_MS = 20_000;

export interface Table {
  headers: string[];
  rows: RawRow[];
}

export interface ReadOptions {
  /** for tests: a shorter time cap than PARSE_TIME_LIMIT_MS */
  timeLimitMs?: number;
}

/** Row 1 and the non-blank rows after it, with their row numbers in the file. */
interface Grid {
  header: string[];
  body: { row: number; values: string[] }[];
}

const invalid = (message: string) => new AppError('IMPORT_INVALID', message);
const SAVE_AS = '請在 Excel「另存新檔」為 .xlsx 活頁簿或「CSV UTF-8（逗號分隔）」後再匯入';
/** Every problem with an .xlsx's content starts the same way, so the clerk (and the tests) recognise it. */
const XLSX = '無法讀取這個 Excel 檔：';
const CORRUPT_XLSX = `${XLSX}檔案不完整或已損壞。請重新存檔或重新下載，${SAVE_AS.slice(1)}`;
const tooManyRows = (row: number) => invalid(`資料列超過上限 ${MAX_ROWS} 列（第 ${row} 列仍有資料），請分成數個檔案匯入`);
const tooManyColumns = (row: number) => invalid(`第 ${row} 列超過 ${MAX_COLUMNS} 欄的上限，請只保留範本的欄位`);
const tooLarge = () =>
  invalid(`${XLSX}解壓縮後超過 ${MAX_XLSX_UNCOMPRESSED / 1024 / 1024} MB 上限（可能是壓縮炸彈或含大量無關內容），未讀取。請只保留名冊資料後另存新檔`);

class Deadline {
  private readonly end: number;
  constructor(private readonly ms: number) {
    this.end = Date.now() + ms;
  }
  error(): AppError {
    return invalid(`讀取檔案超過 ${this.ms / 1000} 秒仍未完成，已停止。請確認檔案內容，或分成較小的檔案匯入`);
  }
  check(): void {
    if (Date.now() > this.end) throw this.error();
  }
  /** Stops waiting at the deadline (a promise that settles later is ignored). */
  async race<T>(p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    p.catch(() => {});
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error()), Math.max(0, this.end - Date.now()));
    });
    try {
      return await Promise.race([p, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// ---------------------------------------------------------------------------------------------- what the bytes are

type Kind = 'zip' | 'ole' | 'pdf' | 'text' | 'binary';

const startsWith = (bytes: Buffer, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_UTF16LE = [0xff, 0xfe];
const BOM_UTF16BE = [0xfe, 0xff];

function sniff(bytes: Buffer): Kind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, BOM_UTF8) || startsWith(bytes, BOM_UTF16LE) || startsWith(bytes, BOM_UTF16BE)) return 'text';
  return bytes.subarray(0, 64 * 1024).includes(0) ? 'binary' : 'text';
}

const OLE_MESSAGE = `這是舊版 Excel（.xls）檔，或是設有密碼保護的 Excel 檔。請取消密碼後，${SAVE_AS.slice(1)}`;

function mismatch(ext: 'xlsx' | 'csv', kind: Kind): AppError {
  if (kind === 'ole') return invalid(ext === 'xlsx' ? XLSX + OLE_MESSAGE : OLE_MESSAGE);
  if (ext === 'xlsx') {
    if (kind === 'text') return invalid(XLSX + '檔名是 .xlsx，但內容是文字檔（CSV），兩者不符。請把副檔名改為 .csv，或在 Excel 另存為 .xlsx 活頁簿');
    return invalid(`${XLSX}內容不是 .xlsx 活頁簿（與副檔名不符，或檔案已損壞）。${SAVE_AS}`);
  }
  if (kind === 'zip') return invalid('檔名是 .csv，但內容是壓縮檔（可能是 .xlsx 活頁簿），兩者不符。請把副檔名改回 .xlsx，或在 Excel 另存為 CSV');
  return invalid(`檔名是 .csv，但內容不是文字檔。${SAVE_AS}`);
}

// ------------------------------------------------------------------------------------------------------------ .xlsx

/** The parts exceljs needs for cell values and date formats; everything else (media, drawings, themes…) is dropped. */
const NEEDED_PART = /^(?:_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** jszip's private compressed view of an entry (declared in its index.d.ts, commented out as not yet public). */
interface CompressedEntry {
  uncompressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

function compressedOf(entry: JSZip.JSZipObject): CompressedEntry | null {
  const data = (entry as unknown as { _data?: Partial<CompressedEntry> })._data;
  return data && data.compressedContent instanceof Uint8Array && typeof data.compression?.magic === 'string' && typeof data.uncompressedSize === 'number'
    ? (data as CompressedEntry)
    : null;
}

/** The entry's bytes, refusing as soon as they pass `budget` — whatever size the zip declares. */
async function inflateCapped(entry: JSZip.JSZipObject, budget: number): Promise<Buffer> {
  const c = compressedOf(entry);
  if (c && (c.compression!.magic === '\x00\x00' || c.compression!.magic === '\x08\x00')) {
    const raw = Buffer.from(c.compressedContent.buffer, c.compressedContent.byteOffset, c.compressedContent.byteLength);
    if (c.compression!.magic === '\x00\x00') {
      if (raw.length > budget) throw tooLarge();
      return raw;
    }
    try {
      const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      if (out.length > budget) throw tooLarge();
      return out;
    } catch (e) {
      if (e instanceof AppError) throw e;
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw invalid(CORRUPT_XLSX);
    }
  }
  // jszip's own (slower) stream, stopped at the budget — only if its private layout ever changes
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    stream.on('error', () => reject(invalid(CORRUPT_XLSX)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const NAME = '(?:[A-Za-z_][\\w.-]*:)?';

function countTags(xml: string, tag: string, cap: number): number {
  const re = new RegExp(`<${NAME}${tag}[\\s/>]`, 'g');
  let n = 0;
  while (re.exec(xml) && ++n <= cap);
  return n;
}

/** The worksheet's root element around its <sheetData> and nothing else. */
function onlySheetData(xml: string): string {
  const root = new RegExp(`<(${NAME})worksheet[\\s>]`).exec(xml);
  if (!root) throw invalid(CORRUPT_XLSX);
  const prefix = root[1];
  const rootEnd = xml.indexOf('>', root.index);
  const close = `</${prefix}worksheet>`;
  const open = new RegExp(`<${prefix.replace(/\./g, '\\.')}sheetData[\\s/>]`).exec(xml);
  if (!open) return xml.slice(0, rootEnd + 1) + close;
  const openEnd = xml.indexOf('>', open.index);
  if (openEnd < 0) throw invalid(CORRUPT_XLSX);
  if (xml[openEnd - 1] === '/') return xml.slice(0, rootEnd + 1) + xml.slice(open.index, openEnd + 1) + close;
  const end = xml.indexOf(`</${prefix}sheetData>`, openEnd);
  if (end < 0) throw invalid(CORRUPT_XLSX);
  return xml.slice(0, rootEnd + 1) + xml.slice(open.index, end + `</${prefix}sheetData>`.length) + close;
}

function withoutDefinedNames(xml: string): string {
  return xml.replace(new RegExp(`<(${NAME})definedNames\\b(?:[^>]*/>|[\\s\\S]*?</\\1definedNames>)`, 'g'), '');
}

/** Checks the zip and rebuilds it from the needed parts only, uncompressed, within every cap. */
async function safeWorkbook(bytes: Buffer, deadline: Deadline): Promise<Buffer> {
  const { default: Zip } = await import('jszip'); // file libraries load on first use (see exports/xlsxSheet.ts)
  let zip: JSZip;
  try {
    zip = await deadline.race(Zip.loadAsync(bytes, { checkCRC32: false }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid(CORRUPT_XLSX);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_XLSX_ENTRIES) {
    throw invalid(`${XLSX}檔案內含 ${entries.length} 個部分，超過 ${MAX_XLSX_ENTRIES} 個的上限，不像名冊檔。請只保留名冊資料後另存新檔`);
  }
  const parts = new Map(entries.map((e) => [e.name.replace(/^\/+/, ''), e]));
  if (!parts.has('xl/workbook.xml')) {
    if (parts.has('content.xml') && parts.has('mimetype')) throw invalid(`${XLSX}這是 OpenDocument 試算表（.ods），不是 .xlsx。${SAVE_AS}`);
    throw invalid(`${XLSX}這個壓縮檔不是 .xlsx 活頁簿，找不到活頁簿內容。${SAVE_AS}`);
  }
  // what the zip declares, first: a bomb that admits its size is refused before anything is inflated
  const declared = entries.reduce((n, e) => n + (compressedOf(e)?.uncompressedSize ?? 0), 0);
  if (declared > MAX_XLSX_UNCOMPRESSED) throw tooLarge();

  const out = new Zip();
  let total = 0;
  let cells = 0;
  let rowElements = 0;
  for (const [name, entry] of parts) {
    if (!NEEDED_PART.test(name)) continue;
    const data = await inflateCapped(entry, MAX_XLSX_UNCOMPRESSED - total);
    total += data.length;
    deadline.check();
    if (name === 'xl/styles.xml' && data.length > MAX_XLSX_STYLES_BYTES) throw invalid(XLSX + '格式設定資料過大，請把名冊資料複製到新的活頁簿後再匯入');
    if (WORKSHEET.test(name)) {
      const xml = onlySheetData(data.toString('utf8'));
      cells += countTags(xml, 'c', MAX_XLSX_CELLS);
      rowElements += countTags(xml, 'row', MAX_XLSX_ROW_ELEMENTS);
      if (cells > MAX_XLSX_CELLS) throw invalid(`${XLSX}儲存格超過 ${MAX_XLSX_CELLS.toLocaleString()} 格的上限，請分成數個檔案匯入`);
      if (rowElements > MAX_XLSX_ROW_ELEMENTS) throw tooManyRows(MAX_XLSX_ROW_ELEMENTS);
      out.file(name, xml);
    } else if (name === 'xl/workbook.xml') {
      const xml = withoutDefinedNames(data.toString('utf8'));
      if (countTags(xml, 'sheet', MAX_XLSX_ENTRIES) > MAX_XLSX_ENTRIES) throw invalid(`${XLSX}工作表超過 ${MAX_XLSX_ENTRIES} 個的上限`);
      out.file(name, xml);
    } else if (name === 'xl/sharedStrings.xml') {
      if (countTags(data.toString('latin1'), 'si', MAX_XLSX_CELLS) > MAX_XLSX_CELLS) {
        throw invalid(`${XLSX}文字超過 ${MAX_XLSX_CELLS.toLocaleString()} 筆的上限，請分成數個檔案匯入`);
      }
      out.file(name, data);
    } else {
      out.file(name, data);
    }
    deadline.check();
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return isoFromUtcDate(v) ?? '';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => String(t?.text ?? '')).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue); // a formula: its cached result, never evaluated
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return String(v.text);
    return ''; // errors (#N/A…) and anything unknown
  }
  return String(v);
}

async function readXlsx(bytes: Buffer, deadline: Deadline): Promise<Grid> {
  const kind = sniff(bytes);
  if (kind !== 'zip') throw mismatch('xlsx', kind);
  const safe = await safeWorkbook(bytes, deadline);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await deadline.race(wb.xlsx.load(safe as unknown as ArrayBuffer));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid(CORRUPT_XLSX);
  }
  deadline.check();
  const ws = wb.worksheets[0];
  if (!ws) throw invalid(XLSX + '活頁簿裡沒有工作表');
  const grid: Grid = { header: [], body: [] };
  ws.eachRow((row, n) => {
    // eachRow visits only rows holding a value, so blank or formatted-only rows cost nothing
    if (n > MAX_ROWS + 1) throw tooManyRows(n);
    if (n % 1000 === 0) deadline.check();
    const values: string[] = [];
    row.eachCell((cell, col) => {
      if (col > MAX_COLUMNS) throw tooManyColumns(n);
      values[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < values.length; i++) values[i] ??= '';
    if (n === 1) grid.header = values;
    else grid.body.push({ row: n, values });
  });
  return grid;
}

// -------------------------------------------------------------------------------------------------------------- .csv

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decodeCsv(bytes: Buffer): string {
  if (startsWith(bytes, BOM_UTF8)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, BOM_UTF16LE)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, BOM_UTF16BE)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on a zh-TW Windows saves CSV as Big5 (cp950).
  }
  let text: string;
  try {
    text = new TextDecoder('big5').decode(bytes);
  } catch {
    throw invalid(`無法辨識檔案的文字編碼。${SAVE_AS}`);
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    throw invalid(`檔案不是 UTF-8，以 Big5 讀取時第 ${lineOf(text, bad)} 列有無法辨識的字元（檔案可能損壞或是其他編碼）。${SAVE_AS}`);
  }
  return text;
}

function readCsv(bytes: Buffer, deadline: Deadline): Grid {
  const kind = sniff(bytes);
  if (kind !== 'text') throw mismatch('csv', kind);
  const text = decodeCsv(bytes);
  // Blank lines stay in place so every message names the line the clerk sees in the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  deadline.check();
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw invalid(`第 ${(quote.row ?? 0) + 1} 列附近的引號（"）沒有成對，請檢查該列的內容`);
  const grid: Grid = { header: [], body: [] };
  parsed.data.forEach((values, i) => {
    const n = i + 1;
    let last = values.length - 1;
    while (last >= 0 && !values[last]) last--;
    if (last < 0) return; // blank line
    if (n > MAX_ROWS + 1) throw tooManyRows(n);
    if (last >= MAX_COLUMNS) throw tooManyColumns(n);
    const kept = values.slice(0, last + 1);
    if (n === 1) grid.header = kept;
    else grid.body.push({ row: n, values: kept });
  });
  return grid;
}

// ------------------------------------------------------------------------------------------------------------ table

function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toTable({ header, body }: Grid): Table {
  const headers = header.map((h) => h.trim());
  if (!headers.some(Boolean)) throw invalid('檔案沒有標題列或是空檔案（第 1 列應為範本的欄位名稱）');
  const keys = headers.map(headerKey);
  const seen = new Map<string, number>();
  keys.forEach((k, c) => {
    if (!k) return;
    if (seen.has(k)) throw invalid(`標題列的「${k}」出現兩次（第 ${columnName(seen.get(k)!)} 欄與第 ${columnName(c)} 欄），請刪除或改名其中一欄`);
    seen.set(k, c);
  });
  const rows: RawRow[] = [];
  for (const { row, values } of body) {
    if (!values.some((v) => v.trim())) continue; // blank lines are not errors
    const cells: Record<string, string> = Object.create(null);
    keys.forEach((k, c) => {
      if (!k) return;
      const v = (values[c] ?? '').trim();
      if (v.length > MAX_CELL_CHARS) throw invalid(`第 ${row} 列「${k}」的內容超過 ${MAX_CELL_CHARS} 字的上限`);
      cells[k] = v;
    });
    rows.push({ row, cells });
  }
  return { headers, rows };
}

export async function readTable(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Table> {
  if (bytes.length === 0) throw invalid('檔案是空的');
  if (bytes.length > MAX_FILE_BYTES) throw invalid(`檔案超過 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限，請分成數個檔案匯入`);
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const deadline = new Deadline(options.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
  if (ext === 'xlsx') return toTable(await readXlsx(bytes, deadline));
  if (ext === 'csv') return toTable(readCsv(bytes, deadline));
  throw invalid(ext ? `不支援 .${ext} 檔，請存成 .xlsx 或 .csv` : '不支援沒有副檔名的檔案，請存成 .xlsx 或 .csv');
}
