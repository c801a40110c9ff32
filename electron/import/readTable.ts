// The one reading layer of every import (issue 12): an .xlsx, .ods or .csv → the sheets' non-blank rows (this file
// and readOds.ts), then the chosen sheet → field-keyed rows (sheetTable.ts: header row found by the template's words,
// merged cells filled, empty numbered rows skipped). Dates in cells become ISO text, with the text the clerk sees in
// Excel kept for messages; everything else becomes the text the clerk sees (a formula gives its cached result; an
// error value its #N/A; nothing in a file is ever evaluated). The active sheet is read unless another is named.
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
import type { ImportFields } from '../../shared/domain/importColumns';
import { applyMerges, cellRange, MAX_MERGES, newRow, shownDate, type Book, type GridRow, type MergeRange, type SheetGrid } from './grid';
import { parseOds } from './readOds';
import { sheetTable, type Table } from './sheetTable';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 200;
/** An .xlsx: the parts read, inflated, in total; the parts in the zip; the cells and row elements of all sheets. */
export const MAX_XLSX_UNCOMPRESSED = 50 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 200;
export const MAX_XLSX_CELLS = 1_000_000;
export const MAX_XLSX_ROW_ELEMENTS = 5 * MAX_ROWS;
export const MAX_XLSX_STYLES_BYTES = 10 * 1024 * 1024;
export const PARSE_TIME_LIMIT_MS = 20_000;

export interface ReadOptions {
  /** for tests: a shorter time cap than PARSE_TIME_LIMIT_MS */
  timeLimitMs?: number;
  /** the template whose header words find the header row; without it row 1 is the header, taken as written */
  template?: ImportFields;
  /** a sheet by name; the workbook's active sheet otherwise */
  sheet?: string;
}

export type { Table };
export { MAX_CELL_CHARS } from './sheetTable';

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

/** zh-TW Excel's built-in 民國 and date styles: a serial shown as 111/3/1. exceljs knows no code for them. */
const ROC_BUILTIN_FORMATS = [...Array.from({ length: 10 }, (_, i) => 27 + i), ...Array.from({ length: 9 }, (_, i) => 50 + i)];
const ROC_CODE = (id: number) => (id === 28 || id === 29 || id === 51 || id === 54 || id === 58 ? '[$-404]e"年"m"月"d"日"' : '[$-404]e/m/d');

/** Declares the built-in 民國 styles the workbook uses, so their serials are read as dates (issue 12 §6). */
function withRocFormats(xml: string): string {
  const defined = new Set([...xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) => +m[1]));
  const used = new Set([...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => +m[1]));
  const add = ROC_BUILTIN_FORMATS.filter((id) => used.has(id) && !defined.has(id))
    .map((id) => `<numFmt numFmtId="${id}" formatCode="${ROC_CODE(id).replace(/"/g, '&quot;')}"/>`)
    .join('');
  if (!add) return xml;
  const open = /<((?:\w+:)?)numFmts\b[^>]*>/.exec(xml);
  if (open) return xml.slice(0, open.index + open[0].length) + add + xml.slice(open.index + open[0].length);
  const root = /<((?:\w+:)?)styleSheet\b[^>]*>/.exec(xml);
  if (!root || root[1]) return xml; // a prefixed stylesheet: left as it is
  return xml.slice(0, root.index + root[0].length) + `<numFmts>${add}</numFmts>` + xml.slice(root.index + root[0].length);
}

/** The merged ranges of a worksheet; parsed here because exceljs expands them cell by cell. */
function mergesOf(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\s[^>]*ref="([^"]+)"/g)) {
    const r = cellRange(m[1]);
    if (r) out.push(r);
    if (out.length > MAX_MERGES) throw invalid(`${XLSX}合併儲存格超過 ${MAX_MERGES} 處的上限，請取消合併儲存格後另存新檔`);
  }
  return out;
}

interface SheetEntry {
  name: string;
  part: string | null;
}

/** Sheet names in tab order, the part each lives in, and the tab the workbook opens on. */
function workbookSheets(workbookXml: string, relsXml: string): { sheets: SheetEntry[]; active: number } {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\s([^>]*)>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)].map((m) => {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const rid = /\br:id="([^"]+)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[1])?.[1];
    return { name: name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), part: (rid && targets.get(rid)) ?? null };
  });
  const active = Number(/<(?:\w+:)?workbookView\s[^>]*\bactiveTab="(\d+)"/.exec(workbookXml)?.[1] ?? 0);
  return { sheets, active: active < sheets.length ? active : 0 };
}

interface SafeWorkbook {
  bytes: Buffer;
  sheets: SheetEntry[];
  active: number;
  merges: Map<string, MergeRange[]>;
}

/** Checks the zip and rebuilds it from the needed parts only, uncompressed, within every cap. */
async function safeWorkbook(bytes: Buffer, deadline: Deadline): Promise<SafeWorkbook> {
  const { parts, Zip } = await openZip(bytes, deadline);
  if (!parts.has('xl/workbook.xml')) {
    if (parts.has('content.xml') && parts.has('mimetype')) throw invalid(`${XLSX}這是 OpenDocument 試算表（.ods），不是 .xlsx。請把副檔名改為 .ods，或${SAVE_AS.slice(1)}`);
    throw invalid(`${XLSX}這個壓縮檔不是 .xlsx 活頁簿，找不到活頁簿內容。${SAVE_AS}`);
  }

  const out = new Zip();
  const merges = new Map<string, MergeRange[]>();
  let workbookXml = '';
  let relsXml = '';
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
      const full = data.toString('utf8');
      merges.set(name, mergesOf(full));
      const xml = onlySheetData(full);
      cells += countTags(xml, 'c', MAX_XLSX_CELLS);
      rowElements += countTags(xml, 'row', MAX_XLSX_ROW_ELEMENTS);
      if (cells > MAX_XLSX_CELLS) throw invalid(`${XLSX}儲存格超過 ${MAX_XLSX_CELLS.toLocaleString()} 格的上限，請分成數個檔案匯入`);
      if (rowElements > MAX_XLSX_ROW_ELEMENTS) throw tooManyRows(MAX_XLSX_ROW_ELEMENTS);
      out.file(name, xml);
    } else if (name === 'xl/workbook.xml') {
      const xml = withoutDefinedNames(data.toString('utf8'));
      if (countTags(xml, 'sheet', MAX_XLSX_ENTRIES) > MAX_XLSX_ENTRIES) throw invalid(`${XLSX}工作表超過 ${MAX_XLSX_ENTRIES} 個的上限`);
      workbookXml = xml;
      out.file(name, xml);
    } else if (name === 'xl/_rels/workbook.xml.rels') {
      relsXml = data.toString('utf8');
      out.file(name, data);
    } else if (name === 'xl/styles.xml') {
      out.file(name, withRocFormats(data.toString('utf8')));
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
  return { bytes: await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), ...workbookSheets(workbookXml, relsXml), merges };
}

/** The zip's directory, checked against the caps before anything is inflated. */
async function openZip(bytes: Buffer, deadline: Deadline) {
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
  // what the zip declares, first: a bomb that admits its size is refused before anything is inflated
  const declared = entries.reduce((n, e) => n + (compressedOf(e)?.uncompressedSize ?? 0), 0);
  if (declared > MAX_XLSX_UNCOMPRESSED) throw tooLarge();
  return { parts: new Map(entries.map((e) => [e.name.replace(/^\/+/, ''), e])), Zip };
}

/** A cell as text, and as the clerk sees it where that differs (a date, an error value). */
function cellText(v: ExcelJS.CellValue, numFmt?: string): { value: string; shown?: string } {
  if (v == null) return { value: '' };
  if (v instanceof Date) {
    const iso = isoFromUtcDate(v);
    return iso ? { value: iso, shown: shownDate(iso, numFmt) } : { value: '' };
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((t) => String(t?.text ?? '')).join('') };
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue, numFmt); // a formula: its cached result, never evaluated
    if ('formula' in v || 'sharedFormula' in v) return { value: '' };
    if ('error' in v) return { value: String(v.error ?? '') }; // #N/A, #VALUE!: shown as Excel shows them
    if ('text' in v) return { value: String(v.text) };
    return { value: '' };
  }
  return { value: String(v) };
}

async function readXlsx(bytes: Buffer, deadline: Deadline): Promise<Book> {
  const kind = sniff(bytes);
  if (kind !== 'zip') throw mismatch('xlsx', kind);
  const safe = await safeWorkbook(bytes, deadline);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await deadline.race(wb.xlsx.load(safe.bytes as unknown as ArrayBuffer));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid(CORRUPT_XLSX);
  }
  deadline.check();
  if (!wb.worksheets.length) throw invalid(XLSX + '活頁簿裡沒有工作表');
  const entries: SheetEntry[] = safe.sheets.length ? safe.sheets : wb.worksheets.map((w) => ({ name: w.name, part: null }));
  const sheets: SheetGrid[] = entries.map(({ name, part }) => {
    const ws = wb.worksheets.find((w) => w.name === name);
    const rows: GridRow[] = [];
    ws?.eachRow((row, n) => {
      // eachRow visits only rows holding a value, so blank or formatted-only rows cost nothing
      if (n > MAX_ROWS + 1) throw tooManyRows(n);
      if (n % 1000 === 0) deadline.check();
      const r = newRow(n);
      row.eachCell((cell, col) => {
        if (col > MAX_COLUMNS) throw tooManyColumns(n);
        const { value, shown } = cellText(cell.value, cell.numFmt);
        r.values[col - 1] = value;
        r.shown[col - 1] = shown;
      });
      for (let i = 0; i < r.values.length; i++) r.values[i] ??= '';
      rows.push(r);
    });
    applyMerges(rows, (part && safe.merges.get(part)) || [], MAX_COLUMNS);
    return { name, rows };
  });
  return { format: 'xlsx', encoding: null, sheets, active: safe.active };
}

// ------------------------------------------------------------------------------------------------------------- .ods

async function readOdsFile(bytes: Buffer, deadline: Deadline): Promise<Book> {
  const kind = sniff(bytes);
  if (kind === 'ole') throw invalid(OLE_MESSAGE);
  if (kind !== 'zip') throw invalid(`無法讀取這個 .ods 檔：內容不是 OpenDocument 試算表（與副檔名不符，或檔案已損壞）。${SAVE_AS}`);
  const { parts } = await openZip(bytes, deadline);
  const content = parts.get('content.xml');
  if (!content) {
    if (parts.has('xl/workbook.xml')) throw invalid('檔名是 .ods，但內容是 .xlsx 活頁簿，兩者不符。請把副檔名改為 .xlsx');
    throw invalid(`無法讀取這個 .ods 檔：找不到試算表內容。${SAVE_AS}`);
  }
  const xml = (await inflateCapped(content, MAX_XLSX_UNCOMPRESSED)).toString('utf8');
  if (xml.length > MAX_XLSX_UNCOMPRESSED) throw tooLarge();
  const settingsEntry = parts.get('settings.xml');
  const settings = settingsEntry ? (await inflateCapped(settingsEntry, MAX_XLSX_STYLES_BYTES)).toString('utf8') : null;
  deadline.check();
  const book = parseOds(xml, settings, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, check: () => deadline.check() });
  if (!book.sheets.length) throw invalid('無法讀取這個 .ods 檔：試算表裡沒有工作表');
  return book;
}

// -------------------------------------------------------------------------------------------------------------- .csv

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decodeCsv(bytes: Buffer): { text: string; encoding: Book['encoding'] } {
  if (startsWith(bytes, BOM_UTF8)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, BOM_UTF16LE)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  if (startsWith(bytes, BOM_UTF16BE)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
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
  return { text, encoding: 'big5' };
}

function readCsv(fileName: string, bytes: Buffer, deadline: Deadline): Book {
  const kind = sniff(bytes);
  if (kind !== 'text') throw mismatch('csv', kind);
  const { text, encoding } = decodeCsv(bytes);
  // Blank lines stay in place so every message names the line the clerk sees in the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  deadline.check();
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw invalid(`第 ${(quote.row ?? 0) + 1} 列附近的引號（"）沒有成對，請檢查該列的內容`);
  const rows: GridRow[] = [];
  parsed.data.forEach((values, i) => {
    const n = i + 1;
    let last = values.length - 1;
    while (last >= 0 && !values[last].trim()) last--;
    if (last < 0) return; // blank line
    if (n > MAX_ROWS + 1) throw tooManyRows(n);
    if (last >= MAX_COLUMNS) throw tooManyColumns(n);
    rows.push({ row: n, values: values.slice(0, last + 1), shown: [], merged: [] });
  });
  return { format: 'csv', encoding, sheets: [{ name: fileName, rows }], active: 0 };
}

// ------------------------------------------------------------------------------------------------------------ table

export async function readBook(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Book> {
  if (bytes.length === 0) throw invalid('檔案是空的');
  if (bytes.length > MAX_FILE_BYTES) throw invalid(`檔案超過 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限，請分成數個檔案匯入`);
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const deadline = new Deadline(options.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
  if (ext === 'xlsx') return readXlsx(bytes, deadline);
  if (ext === 'ods') return readOdsFile(bytes, deadline);
  if (ext === 'csv') return readCsv(base, bytes, deadline);
  throw invalid(ext ? `不支援 .${ext} 檔，請存成 .xlsx、.ods 或 .csv` : '不支援沒有副檔名的檔案，請存成 .xlsx、.ods 或 .csv');
}

/** The file's chosen sheet as the template's field-keyed rows, with how it was read. */
export async function readTable(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Table> {
  return sheetTable(await readBook(fileName, bytes, options), options.template, options.sheet);
}
