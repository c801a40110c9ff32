// No bad input gets through (issue 7): a corpus of hostile files, generated here (no binary fixtures), goes through
// every import of the dispatcher. Each either imports correctly (where the file is legitimate) or is refused with a
// clear Chinese message, writing nothing — every table, the audit log and the backups folder unchanged — while
// Object.prototype stays clean. Time is bounded by readTable's caps; each case runs under the test timeout.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import type { ApiErrorData } from '../../shared/api/errors';
import { ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';
import { MAX_COLUMNS, MAX_ROWS, MAX_XLSX_CELLS, MAX_XLSX_ENTRIES, MAX_XLSX_ROW_ELEMENTS, readTable } from '../../electron/import/readTable';
import { big5Encode, csvOf, expectPrototypesClean, hashAllTables, ok, SAMPLE_CSV_PATH, tempBackend, upload, xlsxOf, type TempBackend } from './helpers';
import { endOfDirectory } from '../../electron/exports/zip';

/** Every import that commits (roster, caseload, training, case reports, volunteers, …): all read files the same way. */
const COMMITS = Object.keys(contract).filter((m) => /^import\..+\.commit$/.test(m));
const CHINESE = /[\u4e00-\u9fff]/;

const good = { 人力來源: '補助', 業務組: '綜合規劃組', 所屬行政單位: '衛生局', 職稱代碼: '個管', 到職日: '113/01/02' };
const sample = () => fs.readFileSync(SAMPLE_CSV_PATH);

let t: TempBackend;
beforeEach(async () => {
  t = tempBackend();
  await ok(t.backend, 'import.roster.commit', upload('seed.csv', csvOf([{ ...good, 姓名: '既有一', 員工編號: 'E1' }])));
});
afterEach(() => t.cleanup());

function backupsNow(): string[] {
  const dir = path.join(t.dir, 'backups');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Refused by every import with a Chinese message; nothing written anywhere; prototypes clean. */
async function refused(fileName: string, bytes: Buffer | string, methods: readonly string[] = COMMITS): Promise<ApiErrorData> {
  const before = { tables: hashAllTables(t.backend, []), backups: backupsNow() };
  let first: ApiErrorData | null = null;
  for (const method of methods) {
    const r = await t.backend.dispatch(method, upload(fileName, bytes));
    expect(r.ok, `${method} accepted ${fileName}`).toBe(false);
    const e = (r as { ok: false; error: ApiErrorData }).error;
    expect(['IMPORT_INVALID', 'VALIDATION'], `${method}: ${e.code} ${e.message}`).toContain(e.code);
    expect(e.message, method).toMatch(CHINESE);
    if (e.issues?.length) for (const i of e.issues) expect(i.message).toMatch(CHINESE);
    first ??= e;
  }
  expect(hashAllTables(t.backend, []), `${fileName} changed the database`).toBe(before.tables);
  expect(backupsNow(), `${fileName} left a backup`).toEqual(before.backups);
  expectPrototypesClean(fileName);
  return first!;
}

/** The message, or the row-numbered issues, as one text to match against. */
const said = (e: ApiErrorData) => [e.message, ...(e.issues ?? []).map((i) => i.message)].join(' / ');

async function person(name: string) {
  const people = await ok(t.backend, 'people.list', {});
  const p = people.find((x: { name: string }) => x.name === name);
  return p ? (await ok(t.backend, 'people.get', { id: p.id })).person : null;
}

// ------------------------------------------------------------------------------------------- building hostile .xlsx

const rosterXlsx = () =>
  xlsxOf(ROSTER_TEMPLATE_HEADERS, [['新一', '', 'X1', '補助', '個管', '綜合規劃組', '衛生局', '113/01/02'], ['新二', '', 'X2', '補助', '個管', '綜合規劃組', '衛生局', '2024-02-01']]);

/** Edits the parts of a real .xlsx (made by exceljs) and zips it again with jszip at DEFLATE. */
async function patchXlsx(bytes: Buffer, edit: { sheet?: (xml: string) => string; workbook?: (xml: string) => string; add?: Record<string, string> }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  if (edit.sheet) zip.file('xl/worksheets/sheet1.xml', edit.sheet(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
  if (edit.workbook) zip.file('xl/workbook.xml', edit.workbook(await zip.file('xl/workbook.xml')!.async('string')));
  for (const [name, content] of Object.entries(edit.add ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface ZipPart {
  name: string;
  data?: Buffer;
  /** a DEFLATE stream made elsewhere, with the real size and CRC of what it inflates to */
  deflated?: { raw: Buffer; size: number; crc: number };
  /** the uncompressed size written in the headers, when it should lie */
  declaredSize?: number;
}

/**
 * A zip written by hand, for parts jszip cannot make quickly: its DEFLATE is pure JavaScript (~7 s for 300 MB),
 * node's zlib streams the bomb's 300 MB in well under a second.
 */
function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = p.deflated?.raw ?? zlib.deflateRawSync(p.data ?? Buffer.alloc(0));
    const size = p.declaredSize ?? p.deflated?.size ?? p.data?.length ?? 0;
    const crc = p.deflated?.crc ?? zlib.crc32(p.data ?? Buffer.alloc(0));
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // DEFLATE
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(raw.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(raw.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, raw);
    central.push(dir, name);
    offset += head.length + name.length + raw.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...local, cd, endOfDirectory(parts.length, cd.length, offset)]);
}

/** A real .xlsx's parts (from exceljs), so a hand-made zip is a workbook exceljs would open. */
async function partsOf(bytes: Buffer): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
}

/** `megabytes` of sheet rows, deflated as a stream: what a zip bomb's one part inflates to. */
async function deflatedSheet(megabytes: number): Promise<{ raw: Buffer; size: number; crc: number }> {
  const row = '<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor((1024 * 1024) / row.length)));
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { raw: Buffer.concat(out), size: head.length + chunk.length * megabytes + tail.length, crc };
}

// ------------------------------------------------------------------------------------------------------- the corpus

describe('broken and mislabelled files', () => {
  it('an empty file, a BOM alone, blank lines alone', async () => {
    expect((await refused('empty.csv', Buffer.alloc(0))).message).toBe('檔案是空的');
    expect((await refused('empty.xlsx', Buffer.alloc(0))).message).toBe('檔案是空的');
    expect((await refused('bom.csv', Buffer.from([0xef, 0xbb, 0xbf]))).message).toMatch(/沒有標題列/);
    expect((await refused('blank.csv', '\r\n \r\n,,,\r\n')).message).toMatch(/沒有標題列/);
  });

  it('a truncated zip (a real .xlsx cut at several places)', async () => {
    const real = await rosterXlsx();
    for (const cut of [10, 100, Math.floor(real.length / 2), real.length - 30]) {
      expect((await refused('truncated.xlsx', real.subarray(0, cut))).message).toMatch(/^無法讀取這個 Excel 檔：/);
    }
  });

  it('content that does not match the extension', async () => {
    expect((await refused('actually-csv.xlsx', sample())).message).toMatch(/副檔名是 .xlsx，但內容是文字檔（CSV）|檔名是 \.xlsx，但內容是文字檔/);
    expect((await refused('actually-xlsx.csv', await rosterXlsx())).message).toMatch(/檔名是 \.csv，但內容是壓縮檔/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]);
    expect((await refused('protected.xlsx', ole)).message).toMatch(/舊版 Excel（\.xls）檔，或是設有密碼保護/);
    expect((await refused('protected.csv', ole)).message).toMatch(/舊版 Excel（\.xls）檔，或是設有密碼保護/);
    expect((await refused('scan.csv', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'))).message).toMatch(/內容不是文字檔/);
    expect((await refused('binary.csv', Buffer.from([0x41, 0x2c, 0x00, 0x01, 0x02, 0x0a]))).message).toMatch(/內容不是文字檔/);
    const docx = zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect((await refused('letter.xlsx', docx)).message).toMatch(/不是 \.xlsx 活頁簿/);
    const ods = zipOf([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    expect((await refused('calc.xlsx', ods)).message).toMatch(/OpenDocument/);
    expect((await refused('old.xls', ole)).message).toBe('不支援 .xls 檔，請存成 .xlsx、.ods 或 .csv');
    expect((await refused('roster', sample())).message).toMatch(/不支援沒有副檔名/);
  });
});

describe('zip bombs and huge sheets', () => {
  it('a zip bomb: a small .xlsx whose sheet inflates to 300 MB — refused at the cap, honest or lying about its size', async () => {
    const sheet = await deflatedSheet(300);
    const parts = (await partsOf(await rosterXlsx())).filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
    const honest = zipOf([...parts, { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
    expect(honest.length).toBeLessThan(2 * 1024 * 1024);
    expect(said(await refused('bomb.xlsx', honest))).toMatch(/解壓縮後超過 50 MB/);
    // the headers claim 1 KB: only the inflated bytes count, and inflating stops at the cap
    const liar = zipOf([...parts, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 1024 }]);
    expect(said(await refused('bomb-liar.xlsx', liar))).toMatch(/解壓縮後超過 50 MB/);
  }, 60_000);

  it(`a zip of more than ${MAX_XLSX_ENTRIES} parts`, async () => {
    const parts = await partsOf(await rosterXlsx());
    const many = zipOf([...parts, ...Array.from({ length: MAX_XLSX_ENTRIES }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from([i & 255]) }))]);
    expect(said(await refused('many.xlsx', many))).toMatch(/超過 200 個的上限/);
  });

  it('a huge <dimension> (A1:XFD1048576) with a few cells imports normally', async () => {
    const bytes = await patchXlsx(await rosterXlsx(), { sheet: (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') });
    const r = await ok(t.backend, 'import.roster.commit', upload('dimension.xlsx', bytes));
    expect(r.summary.newPeople).toBe(2);
    expectPrototypesClean();
  });

  it('ranges exceljs would expand cell by cell (merge, validation, defined name over A1:XFD1048576) are ignored: imports in time', async () => {
    // before readTable cut sheets down to <sheetData>, each of these kept exceljs busy for good
    const bytes = await patchXlsx(await rosterXlsx(), {
      sheet: (x) =>
        x
          .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="P5:XFD1048576"/></mergeCells>')
          .replace(/(<pageMargins|<\/worksheet>)/, '<dataValidations count="2"><dataValidation type="list" sqref="A2:XFD1048576"><formula1>"a,b"</formula1></dataValidation><dataValidation type="list" sqref="D2:D1048576"><formula1>"補助,自有"</formula1></dataValidation></dataValidations>$1'),
      workbook: (x) => x.replace(/(<calcPr|<\/workbook>)/, '<definedNames><definedName name="everything">人員名冊!$A$1:$XFD$1048576</definedName><definedName name="__proto__">人員名冊!$A$1</definedName><definedName name="constructor">人員名冊!$A$1</definedName></definedNames>$1'),
    });
    const r = await ok(t.backend, 'import.roster.commit', upload('ranges.xlsx', bytes));
    expect(r.summary.newPeople).toBe(2);
    expectPrototypesClean();
  });

  it('a value in row 1048576 or column XFD is refused by the row and column caps', async () => {
    const farRow = await patchXlsx(await rosterXlsx(), { sheet: (x) => x.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>遠方</t></is></c></row></sheetData>') });
    expect(said(await refused('far-row.xlsx', farRow))).toMatch(new RegExp(`資料列超過上限 ${MAX_ROWS} 列（第 1048576 列仍有資料）`));
    const farColumn = await patchXlsx(await rosterXlsx(), { sheet: (x) => x.replace('</row>', '<c r="XFD1" t="inlineStr"><is><t>遠方</t></is></c></row>') });
    expect(said(await refused('far-column.xlsx', farColumn))).toMatch(new RegExp(`第 1 列超過 ${MAX_COLUMNS} 欄的上限`));
    // formatted-only far rows hold no value: ignored
    const styledRow = await patchXlsx(await rosterXlsx(), { sheet: (x) => x.replace('</sheetData>', '<row r="1048576" s="1" customFormat="1"/></sheetData>') });
    expect((await ok(t.backend, 'import.roster.preview', upload('styled.xlsx', styledRow))).errors).toEqual([]);
  });

  it(`more than ${MAX_XLSX_CELLS.toLocaleString()} cells, or ${MAX_XLSX_ROW_ELEMENTS.toLocaleString()} row elements, in a small zip`, async () => {
    const parts = (await partsOf(await rosterXlsx())).filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
    const sheet = (body: string) => Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`);
    const cells = zipOf([...parts, { name: 'xl/worksheets/sheet1.xml', data: sheet(`<row r="2">${'<c/>'.repeat(MAX_XLSX_CELLS + 1)}</row>`) }]);
    expect(said(await refused('cells.xlsx', cells))).toMatch(/儲存格超過 1,000,000 格的上限/);
    const rows = zipOf([...parts, { name: 'xl/worksheets/sheet1.xml', data: sheet('<row/>'.repeat(MAX_XLSX_ROW_ELEMENTS + 1)) }]);
    expect(said(await refused('rows.xlsx', rows))).toMatch(/資料列超過上限/);
  });

  it('a 30 MB file and a CSV of 25,000 rows are refused by the size and row caps', async () => {
    const line = '大量,,,補助,個管,綜合規劃組,衛生局,113/01/02,,,,,大學,,\r\n';
    const big = Buffer.from(ROSTER_TEMPLATE_HEADERS.join(',') + '\r\n' + line.repeat(Math.ceil((30 * 1024 * 1024) / Buffer.byteLength(line)))).subarray(0, 30 * 1024 * 1024);
    expect((await refused('big.csv', big)).message).toMatch(/檔案超過 10 MB 上限/);
    // past what the contract carries at all (base64 of ~30 MB): refused before any service runs
    expect((await refused('bigger.csv', Buffer.concat([big, Buffer.alloc(1024 * 1024, 0x41)]))).code).toBe('VALIDATION');
    const rows = Array.from({ length: 25_000 }, (_, i) => `人${i},,N${i},補助,個管,綜合規劃組,衛生局,113/01/02,,,,,,,`);
    const csv = [ROSTER_TEMPLATE_HEADERS.join(','), ...rows].join('\r\n');
    expect((await refused('rows.csv', csv)).message).toBe(`資料列超過上限 ${MAX_ROWS} 列（第 ${MAX_ROWS + 2} 列仍有資料），請分成數個檔案匯入`);
  }, 60_000);

  it('parsing stops at the time cap with a clear message', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`人${i}`, '', `N${i}`, '補助', '個管', '綜合規劃組', '衛生局', '113/01/02']);
    const bytes = await xlsxOf(ROSTER_TEMPLATE_HEADERS, rows);
    await expect(readTable('slow.xlsx', bytes, { timeLimitMs: 1 })).rejects.toThrow('讀取檔案超過 0.001 秒仍未完成，已停止');
  });
});

describe('__proto__, formulas, encodings and dates', () => {
  it('__proto__ / constructor / prototype as header names and cell values: read as plain text, prototypes untouched', async () => {
    const header = `${ROSTER_TEMPLATE_HEADERS.join(',')},__proto__,constructor,prototype,hasOwnProperty`;
    const csv = csvOf([{ ...good, 姓名: '__proto__', 員工編號: 'constructor', 學歷: 'prototype' }], { header }).replace(/\r\n$/, ',{"polluted":1},x,y,z\r\n');
    const table = await readTable('proto.csv', Buffer.from(csv));
    const cells = table.rows[0].cells;
    expect(Object.getPrototypeOf(cells)).toBeNull();
    expect(Object.hasOwn(cells, '__proto__')).toBe(true);
    expect(cells['__proto__']).toBe('{"polluted":1}');
    const r = await ok(t.backend, 'import.roster.commit', upload('proto.csv', csv));
    expect(r.summary.newPeople).toBe(1);
    expect(await person('__proto__')).toMatchObject({ name: '__proto__', employeeNo: 'constructor', education: 'prototype' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectPrototypesClean();

    const xlsx = await xlsxOf([...ROSTER_TEMPLATE_HEADERS, '__proto__', 'constructor'], [['constructor', '', 'P2', '補助', '個管', '綜合規劃組', '衛生局', '113/01/02', '', '', '', '', '', '', '', '{"polluted":1}', 'x']], '__proto__');
    expect((await ok(t.backend, 'import.roster.commit', upload('proto.xlsx', xlsx))).summary.newPeople).toBe(1);
    expect(await person('constructor')).toMatchObject({ employeeNo: 'P2' });
    expectPrototypesClean();
  });

  it('formulas are never evaluated: CSV keeps the text, .xlsx gives the cached result', async () => {
    const csv = csvOf([
      { ...good, 姓名: '公式一', 員工編號: 'F1', 學歷: '=1+1' },
      { ...good, 姓名: '公式二', 員工編號: 'F2', 學歷: '=HYPERLINK("http://example.invalid/?"&A1;"點我")' },
      { ...good, 姓名: '公式三', 員工編號: 'F3', 學歷: '+SUM(1;2)', 科系: '@cmd' },
    ]);
    await ok(t.backend, 'import.roster.commit', upload('formulas.csv', csv));
    expect((await person('公式一'))?.education).toBe('=1+1');
    expect((await person('公式二'))?.education).toBe('=HYPERLINK("http://example.invalid/?"&A1;"點我")');
    expect(await person('公式三')).toMatchObject({ education: '+SUM(1;2)', department: '@cmd' });

    const row = (name: string, no: string, education: ExcelJS.CellValue): ExcelJS.CellValue[] => [name, '', no, '補助', '個管', '綜合規劃組', '衛生局', '113/01/02', '', '', '', '', education];
    const xlsx = await xlsxOf(ROSTER_TEMPLATE_HEADERS, [
      row('公式四', 'F4', { formula: '1+1', result: 2 }),
      row('公式五', 'F5', { formula: 'HYPERLINK("http://example.invalid","大學")', result: '大學' }),
      row('公式六', 'F6', { formula: 'NOW()' }), // no cached result: empty, not computed
      row('公式七', 'F7', { text: '碩士', hyperlink: 'http://example.invalid' }),
    ]);
    await ok(t.backend, 'import.roster.commit', upload('formulas.xlsx', xlsx));
    expect((await person('公式四'))?.education).toBe('2');
    expect((await person('公式五'))?.education).toBe('大學');
    expect((await person('公式六'))?.education).toBeNull();
    expect((await person('公式七'))?.education).toBe('碩士');
    expectPrototypesClean();
  });

  it('Big5, UTF-8 with BOM and UTF-16 CSVs import like the UTF-8 sample', async () => {
    const text = sample().toString('utf8');
    const big5 = big5Encode(text);
    const variants: [string, Buffer][] = [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample()])],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ...(big5 ? [['big5.csv', big5] as [string, Buffer]] : []),
    ];
    const expected = await ok(t.backend, 'import.roster.preview', upload('utf8.csv', sample()));
    for (const [name, bytes] of variants) {
      const p = await ok(t.backend, 'import.roster.preview', upload(name, bytes));
      expect(p.errors, name).toEqual([]);
      expect({ ...p, fileName: 'x', reading: null }, name).toEqual({ ...expected, fileName: 'x', reading: null });
      expect(p.reading.encoding, name).toBe(name === 'big5.csv' ? 'big5' : name === 'utf16.csv' ? 'utf-16' : 'utf-8');
    }
    const r = await ok(t.backend, 'import.roster.commit', upload(big5 ? 'big5.csv' : 'bom.csv', variants.at(-1)![1]));
    expect(r.summary.newPeople).toBe(7);
    expect((await person('範例三'))?.department).toBe('社會工作學系');
  });

  it('bytes that are neither UTF-8 nor Big5 are refused, not imported as garbled names', async () => {
    const big5 = big5Encode(csvOf([{ ...good, 姓名: '王小明', 員工編號: 'G1' }]));
    if (!big5) return;
    const broken = Buffer.concat([big5, Buffer.from([0xff, 0xfe, 0x2c, 0x0d, 0x0a])]); // 0xFF starts no Big5 character
    expect((await refused('garbled.csv', broken)).message).toMatch(/無法辨識的字元/);
  });

  it('impossible dates (113/02/30, 2023-02-29) name their row and field and write nothing', async () => {
    const csv = csvOf([
      { ...good, 姓名: '日一', 員工編號: 'D1', 到職日: '113/01/02' },
      { ...good, 姓名: '日二', 員工編號: 'D2', 到職日: '113/02/30' },
      { ...good, 姓名: '日三', 員工編號: 'D3', 到職日: '2023-02-29' },
    ]);
    const e = await refused('dates.csv', csv, ['import.roster.commit']);
    expect(e.issues?.map((i) => [i.row, i.field])).toEqual([
      [3, '到職日'],
      [4, '到職日'],
    ]);
    expect(said(e)).toMatch(/「113\/02\/30」不是有效日期.*「2023-02-29」不是有效日期/);
    const xlsx = await xlsxOf(ROSTER_TEMPLATE_HEADERS, [['日四', '', 'D4', '補助', '個管', '綜合規劃組', '衛生局', '113/02/30']]);
    expect(said(await refused('dates.xlsx', xlsx, ['import.roster.commit']))).toMatch(/第 2 列「到職日」：「113\/02\/30」不是有效日期/);
    const caseload = ['姓名,身分證字號,月底日期,累計個管案量,在案案量', '既有一,,113/02/30,3,2', '既有一,,2023-02-29,3,2'].join('\r\n');
    expect(said(await refused('caseload.csv', caseload, ['import.caseload.commit']))).toMatch(/第 2 列「月底日期」.*第 3 列「月底日期」/);
  });

  it('unbalanced quotes, too many columns, overlong cells and duplicate headers name what is wrong', async () => {
    const unbalanced = csvOf([{ ...good, 姓名: '引號', 員工編號: 'Q1' }]) + '"沒有結尾,,,補助\r\n';
    expect((await refused('quotes.csv', unbalanced)).message).toMatch(/引號（"）沒有成對/);
    const wide = `${HEADER_WIDE}\r\n`;
    expect((await refused('wide.csv', wide)).message).toMatch(new RegExp(`第 1 列超過 ${MAX_COLUMNS} 欄的上限`));
    const long = csvOf([{ ...good, 姓名: '長', 員工編號: 'L1', 學歷: '學'.repeat(3000) }]);
    expect((await refused('long.csv', long, ['import.roster.commit'])).message).toMatch(/第 2 列「學歷」的內容超過 2000 字的上限/);
    const twice = csvOf([{ ...good, 姓名: '兩次', 員工編號: 'T1' }], { header: `${ROSTER_TEMPLATE_HEADERS.join(',')},姓名` });
    expect((await refused('twice.csv', twice)).message).toMatch(/第 1 列的標題「姓名」（第 A 欄）與「姓名」（第 R 欄）都是「姓名」欄/);
  });
});

const HEADER_WIDE = [...ROSTER_TEMPLATE_HEADERS, ...Array.from({ length: MAX_COLUMNS }, (_, i) => `多餘${i}`)].join(',');
