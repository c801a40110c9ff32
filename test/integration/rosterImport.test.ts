// Roster import through the dispatcher on a real SQLite file: preview writes nothing, commit is all-or-nothing,
// re-import is idempotent, and every rejected file names its row and leaves the database byte-for-byte unchanged.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';
import {
  big5Encode,
  count,
  csvOf,
  fails,
  fingerprint,
  HEADER_LINE,
  ok,
  readXlsxFirstRow,
  SAMPLE_CSV_PATH,
  tempBackend,
  upload,
  xlsxOf,
  type TempBackend,
} from './helpers';

const sampleBytes = () => fs.readFileSync(SAMPLE_CSV_PATH);
const sampleUpload = () => upload('roster-sample.csv', sampleBytes());

let t: TempBackend;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

async function importSample() {
  return ok(t.backend, 'import.roster.commit', sampleUpload());
}

async function namesAt(date: string): Promise<string[]> {
  const r = await ok(t.backend, 'roster.at', { date });
  return r.rows.map((x: { name: string }) => x.name).sort();
}

describe('the sample roster (shared/samples/roster-sample.csv)', () => {
  it('preview reports 7 new people, 8 periods, 1 leave and writes nothing', async () => {
    const before = fingerprint(t.backend);
    const p = await ok(t.backend, 'import.roster.preview', sampleUpload());
    expect(p.errors).toEqual([]);
    expect(p.rowCount).toBe(8);
    expect(p.summary).toEqual({ newPeople: 7, updatedPeople: 0, periods: 8, leaves: 1 });
    expect(p.people.find((x: { name: string }) => x.name === '範例三')).toEqual({ name: '範例三', rows: [4, 5], action: 'create', periods: 2, leaves: 0 });
    expect(fingerprint(t.backend)).toEqual(before);
    expect(before.people).toBe(0);
  });

  it('commit → 7 people, 8 periods, 1 leave, with ROC and ISO dates stored as ISO', async () => {
    const r = await importSample();
    expect(r.summary).toEqual({ newPeople: 7, updatedPeople: 0, periods: 8, leaves: 1 });
    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([7, 8, 1]);

    const people = await ok(t.backend, 'people.list', {});
    expect(people.map((p) => p.name).sort()).toEqual(['範例一', '範例七', '範例三', '範例二', '範例五', '範例六', '範例四'].sort());
    const p3 = people.find((p) => p.name === '範例三')!;
    expect(p3.nationalIdMasked).toBe('C13****039');
    const d3 = await ok(t.backend, 'people.get', { id: p3.id });
    expect((await ok(t.backend, 'people.revealNationalId', { id: p3.id })).nationalId).toBe('C130000039');
    expect(d3.person.education).toBe('大學');
    expect(d3.person.department).toBe('社會工作學系');
    expect(d3.periods.map((x: any) => [x.roleCode, x.funding, x.businessGroup, x.adminUnit, x.startDate, x.endDate, x.endReason])).toEqual([
      ['CM', '補助', '綜合規劃組', '衛生局', '2020-02-01', '2023-01-31', '職務異動'],
      ['SUP', '補助', '綜合規劃組', '衛生局', '2023-02-01', null, null],
    ]);
    const p5 = people.find((p) => p.name === '範例五')!;
    const d5 = await ok(t.backend, 'people.get', { id: p5.id });
    expect(d5.leaves.map((l: any) => [l.startDate, l.endDate])).toEqual([['2024-05-01', '2024-07-31']]);
    expect(d5.periods[0].roleCode).toBe('SCM');
    const p4 = people.find((p) => p.name === '範例四')!;
    const d4 = await ok(t.backend, 'people.get', { id: p4.id });
    expect(d4.periods.map((x: any) => [x.startDate, x.endDate, x.endReason])).toEqual([['2022-06-01', '2024-08-15', '離職']]);
  });

  it('re-import is idempotent: still 7 people, 8 periods, 1 leave, same ids and same period/leave rows', async () => {
    await importSample();
    const periodsBefore = t.backend.db.prepare('SELECT * FROM periods ORDER BY id').all();
    const leavesBefore = t.backend.db.prepare('SELECT * FROM leaves ORDER BY id').all();
    const peopleBefore = t.backend.db.prepare('SELECT id, name, national_id, employee_no, education, department, certificate, contact FROM people ORDER BY id').all();

    const preview = await ok(t.backend, 'import.roster.preview', sampleUpload());
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toEqual({ newPeople: 0, updatedPeople: 7, periods: 8, leaves: 1 });
    const again = await importSample();
    expect(again.summary.newPeople).toBe(0);

    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([7, 8, 1]);
    expect(t.backend.db.prepare('SELECT * FROM periods ORDER BY id').all()).toEqual(periodsBefore);
    expect(t.backend.db.prepare('SELECT * FROM leaves ORDER BY id').all()).toEqual(leavesBefore);
    expect(t.backend.db.prepare('SELECT id, name, national_id, employee_no, education, department, certificate, contact FROM people ORDER BY id').all()).toEqual(peopleBefore);

    await importSample(); // a third time for good measure
    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([7, 8, 1]);
  });

  it('roster.at 2024-12-31 matches the contract: 範例一二三五六七 in post, 範例四 (left 113/08/15) absent', async () => {
    await importSample();
    const r = await ok(t.backend, 'roster.at', { date: '2024-12-31' });
    expect(r.rows.map((x: { name: string }) => x.name).sort()).toEqual(['範例一', '範例七', '範例三', '範例二', '範例五', '範例六'].sort());
    expect(r.rows.some((x: { name: string }) => x.name === '範例四')).toBe(false);
    // roster-sample-expected.json in_post at 2024-12-31: 個管 3, 督導 1, 資深個管 1, 專管 1
    expect(r.countsByRole).toEqual({ CM: 3, SUP: 1, SCM: 1, PM: 1 });
    expect(r.onLeave).toBe(0);
    const p3 = r.rows.find((x: { name: string }) => x.name === '範例三');
    expect(p3).toMatchObject({ roleCode: 'SUP', roleName: '督導', periodStart: '2023-02-01', serviceStart: '2020-02-01', nationalIdMasked: 'C13****039' });
    // rows are sorted by role order (個管, 資深個管, 督導, 專管)
    expect(r.rows.map((x: { roleCode: string }) => x.roleCode)).toEqual(['CM', 'CM', 'CM', 'SCM', 'SUP', 'PM']);
  });

  it('roster.at 2024-06-30: 範例四 still in post, 範例五 on 留職停薪 but still counted', async () => {
    await importSample();
    const r = await ok(t.backend, 'roster.at', { date: '2024-06-30' });
    expect(r.rows).toHaveLength(7);
    // roster-sample-expected.json in_post at 2024-06-30: 個管 4, 督導 1, 資深個管 1, 專管 1
    expect(r.countsByRole).toEqual({ CM: 4, SUP: 1, SCM: 1, PM: 1 });
    expect(r.onLeave).toBe(1);
    expect(r.rows.find((x: { name: string }) => x.name === '範例五')).toMatchObject({ onLeave: true, leaveStart: '2024-05-01', leaveEnd: '2024-07-31' });
    expect(await namesAt('2024-08-15')).toContain('範例四');
    expect(await namesAt('2024-08-16')).not.toContain('範例四');
  });

  it('a CSV with a UTF-8 BOM imports (Excel "CSV UTF-8" saves one)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sampleBytes()]);
    const r = await ok(t.backend, 'import.roster.commit', upload('有BOM.csv', bytes));
    expect(r.errors).toEqual([]);
    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([7, 8, 1]);
    // the BOM must not end up glued to the first header (姓名) or the first name
    expect(await namesAt('2024-12-31')).toContain('範例一');
  });

  it('a Big5 (cp950) CSV, as Excel on zh-TW Windows saves it, imports', async () => {
    const bytes = big5Encode(sampleBytes().toString('utf8'));
    if (!bytes) {
      console.warn('!!! Big5 case skipped: this Node has no Big5 TextDecoder (small ICU)');
      return;
    }
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = await ok(t.backend, 'import.roster.commit', upload('big5.csv', bytes));
    expect(r.errors).toEqual([]);
    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([7, 8, 1]);
    expect(await namesAt('2024-12-31')).toEqual(['範例一', '範例七', '範例三', '範例二', '範例五', '範例六'].sort());
  });

  it('LF line endings, quoted cells and a trailing blank line are fine', async () => {
    const csv = csvOf(
      [
        { 姓名: '"王, 小明"', 身分證字號: 'A123456789', 人力來源: '補助', 職稱代碼: '個管', 到職日: '113/01/02' },
        { 姓名: '李四', 人力來源: '補助', 職稱代碼: '督導', 到職日: '"113年3月1日"' },
      ],
      { eol: '\n' },
    ) + '\n';
    const r = await ok(t.backend, 'import.roster.commit', upload('lf.csv', csv));
    expect(r.summary).toEqual({ newPeople: 2, updatedPeople: 0, periods: 2, leaves: 0 });
    expect(await namesAt('2024-03-01')).toEqual(['李四', '王, 小明'].sort());
  });
});

describe('xlsx import', () => {
  it('an .xlsx in the template columns with Date cells and ROC text dates imports', async () => {
    const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const bytes = await xlsxOf(ROSTER_TEMPLATE_HEADERS, [
      // Date cells (Excel stores dates as serial numbers; exceljs reads them back as UTC midnight)
      ['陳一', 'A123456789', 'E001', '補助', '個管', '綜合規劃組', '衛生局', utc(2020, 2, 1), utc(2023, 1, 31), '職務異動', null, null, '大學', '社會工作學系', null],
      ['陳一', 'A123456789', 'E001', '補助', '督導', '綜合規劃組', '衛生局', utc(2023, 2, 1), null, null, utc(2024, 2, 29), utc(2024, 4, 30), '大學', '社會工作學系', null],
      // ROC text and compact dates
      ['林二', null, 'E002', '補助', '資深個管', '綜合規劃組', '衛生局', '110/09/01', null, null, null, null, '碩士', '心理學系', '社會工作師'],
      ['張三', null, null, '自有', '自有專責', '預防宣導組', '衛生局', '1120301', '113年8月15日', '離職', null, null, null, null, null],
      // a number cell holding a compact ROC date (what Excel does when a clerk types 1130102)
      ['黃四', null, null, '補助', '專管', '綜合規劃組', '衛生局', 1130102, null, null, null, null, null, null, null],
    ]);
    const preview = await ok(t.backend, 'import.roster.preview', upload('名冊.xlsx', bytes));
    expect(preview.errors).toEqual([]);
    expect(preview.rowCount).toBe(5);
    expect(preview.summary).toEqual({ newPeople: 4, updatedPeople: 0, periods: 5, leaves: 1 });

    await ok(t.backend, 'import.roster.commit', upload('名冊.xlsx', bytes));
    const people = await ok(t.backend, 'people.list', {});
    const byName = new Map(people.map((p: any) => [p.name, p.id]));
    const chen = await ok(t.backend, 'people.get', { id: byName.get('陳一') });
    expect(chen.person).toMatchObject({ nationalIdMasked: 'A12****789', employeeNo: 'E001' });
    expect((await ok(t.backend, 'people.revealNationalId', { id: chen.person.id })).nationalId).toBe('A123456789');
    expect(chen.periods.map((p: any) => [p.roleCode, p.startDate, p.endDate, p.endReason])).toEqual([
      ['CM', '2020-02-01', '2023-01-31', '職務異動'],
      ['SUP', '2023-02-01', null, null],
    ]);
    expect(chen.leaves.map((l: any) => [l.startDate, l.endDate])).toEqual([['2024-02-29', '2024-04-30']]);
    const lin = await ok(t.backend, 'people.get', { id: byName.get('林二') });
    expect(lin.periods[0]).toMatchObject({ roleCode: 'SCM', startDate: '2021-09-01', endDate: null });
    expect(lin.person).toMatchObject({ education: '碩士', department: '心理學系', certificate: '社會工作師' });
    const zhang = await ok(t.backend, 'people.get', { id: byName.get('張三') });
    expect(zhang.periods[0]).toMatchObject({ roleCode: 'OWN', funding: '自有', businessGroup: '預防宣導組', startDate: '2023-03-01', endDate: '2024-08-15', endReason: '離職' });
    const huang = await ok(t.backend, 'people.get', { id: byName.get('黃四') });
    expect(huang.periods[0]).toMatchObject({ roleCode: 'PM', startDate: '2024-01-02' });

    const r = await ok(t.backend, 'roster.at', { date: '2024-03-15' });
    expect(r.countsByRole).toEqual({ SCM: 1, SUP: 1, PM: 1, OWN: 1 });
    expect(r.rows.find((x: any) => x.name === '陳一')).toMatchObject({ onLeave: true, serviceStart: '2020-02-01' });
  });

  it('the template from import.roster.template is a valid xlsx whose first row is ROSTER_TEMPLATE_HEADERS', async () => {
    const file = await ok(t.backend, 'import.roster.template', {});
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
    const { sheets, firstRow } = await readXlsxFirstRow(bytes);
    expect(firstRow).toEqual([...ROSTER_TEMPLATE_HEADERS]);
    expect(sheets[0]).toBe('人員名冊');
    expect(sheets).toContain('填寫說明');
    // the empty template itself previews cleanly (headers accepted, no rows)
    const p = await ok(t.backend, 'import.roster.preview', upload(file.fileName, bytes));
    expect(p.errors).toEqual([]);
    expect(p.rowCount).toBe(0);
  });

  it('the template filled in by a clerk imports', async () => {
    const file = await ok(t.backend, 'import.roster.template', {});
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    wb.worksheets[0].addRow(['周五', 'B234567894', '', '補助', '個管', '綜合規劃組', '衛生局', '113/07/01']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await ok(t.backend, 'import.roster.commit', upload('filled.xlsx', bytes));
    expect(r.summary).toEqual({ newPeople: 1, updatedPeople: 0, periods: 1, leaves: 0 });
    expect(await namesAt('2024-07-01')).toEqual(['周五']);
  });
});

describe('malformed files are rejected, name the row, and write nothing', () => {
  const good = { 人力來源: '補助', 業務組: '綜合規劃組', 所屬行政單位: '衛生局' };

  /** Commit must fail with IMPORT_INVALID; the database (counts and every row) must be unchanged. */
  async function rejects(fileName: string, content: Buffer | string) {
    const before = fingerprint(t.backend);
    const err = await fails(t.backend, 'import.roster.commit', upload(fileName, content));
    expect(err.code).toBe('IMPORT_INVALID');
    expect(fingerprint(t.backend)).toEqual(before);
    return err;
  }

  beforeEach(async () => {
    await importSample(); // a non-empty database, so "unchanged" means something
    expect(fingerprint(t.backend).people).toBe(7);
  });

  it('wrong headers (到職日 renamed) → row 1 names the missing column', async () => {
    const csv = HEADER_LINE.replace('到職日', 'start') + '\r\n新人,,,補助,個管,綜合規劃組,衛生局,113/01/01,,,,,,,\r\n';
    const err = await rejects('bad-header.csv', csv);
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0].row).toBe(1);
    expect(err.message).toMatch(/^檔案第 1 列是標題列（認得 「姓名」.*），但缺少必要欄位 「到職日」（可寫 到職日、到職日期/);
    const p = await ok(t.backend, 'import.roster.preview', upload('bad-header.csv', csv));
    expect(p.errors[0].row).toBe(1);
    expect(p.summary.newPeople).toBe(0);
  });

  it('an impossible date (113/02/30) → names row 3 and 到職日', async () => {
    const csv = csvOf([
      { ...good, 姓名: '新一', 職稱代碼: '個管', 到職日: '113/01/02' },
      { ...good, 姓名: '新二', 職稱代碼: '個管', 到職日: '113/02/30' },
    ]);
    const err = await rejects('bad-date.csv', csv);
    expect(err.message).toBe('檔案有 1 個錯誤，未匯入任何資料');
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0]).toMatchObject({ row: 3, field: '到職日' });
    expect(err.issues![0].message).toContain('第 3 列');
    expect(err.issues![0].message).toContain('113/02/30');
  });

  it('overlapping periods inside the file → names the later row', async () => {
    const csv = csvOf([
      { ...good, 姓名: '新一', 身分證字號: 'A123456789', 職稱代碼: '個管', 到職日: '110/01/01' },
      { ...good, 姓名: '新一', 身分證字號: 'A123456789', 職稱代碼: '督導', 到職日: '113/01/01' },
    ]);
    const err = await rejects('overlap.csv', csv);
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0].row).toBe(3);
    expect(err.issues![0].message).toContain('第 3 列');
    expect(err.issues![0].message).toContain('重疊');
  });

  it('a period overlapping one already in the database → names the row', async () => {
    // 範例一 has been CM since 110/09/01 (open); a new row adds 督導 from 113/01/01 without ending the old one
    const csv = csvOf([{ ...good, 姓名: '範例一', 身分證字號: 'A130000019', 職稱代碼: '督導', 到職日: '113/01/01' }]);
    const err = await rejects('overlap-db.csv', csv);
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0].row).toBe(2);
    expect(err.issues![0].message).toContain('範例一');
    expect(err.issues![0].message).toContain('重疊');
  });

  it('a bad ID checksum → names the row and 身分證字號', async () => {
    const csv = csvOf([{ ...good, 姓名: '新一', 身分證字號: 'A123456788', 職稱代碼: '個管', 到職日: '113/01/02' }]);
    const err = await rejects('bad-id.csv', csv);
    expect(err.issues).toEqual([{ row: 2, field: '身分證字號', message: '第 2 列「身分證字號」：「A123456788」格式或檢查碼錯誤' }]);
  });

  it('a wrong role → names the row and 職稱代碼', async () => {
    const csv = csvOf([{ ...good, 姓名: '新一', 職稱代碼: '主任', 到職日: '113/01/02' }]);
    const err = await rejects('bad-role.csv', csv);
    expect(err.issues![0]).toMatchObject({ row: 2, field: '職稱代碼' });
  });

  it('an empty file (0 bytes)', async () => {
    const err = await rejects('empty.csv', Buffer.alloc(0));
    expect(err.message).toBe('檔案是空的');
    const err2 = await rejects('empty.xlsx', Buffer.alloc(0));
    expect(err2.message).toBe('檔案是空的');
  });

  it('a file with only blank lines / no header', async () => {
    const err = await rejects('blank.csv', '\r\n\r\n');
    expect(err.message).toContain('標題列');
  });

  it('garbage bytes named .xlsx', async () => {
    const err = await rejects('garbage.xlsx', Buffer.from('this is not a zip file at all, just text 123', 'utf8'));
    expect(err.message).toContain('無法讀取這個 Excel 檔');
  });

  it('a truncated .xlsx (first half of a real one)', async () => {
    const real = await xlsxOf(ROSTER_TEMPLATE_HEADERS, [['新一', '', '', '補助', '個管', '綜合規劃組', '衛生局', '113/01/02']]);
    const err = await rejects('truncated.xlsx', real.subarray(0, Math.floor(real.length / 2)));
    expect(err.message).toContain('無法讀取這個 Excel 檔');
  });

  it('a CSV renamed to .xlsx', async () => {
    const err = await rejects('actually-csv.xlsx', sampleBytes());
    expect(err.message).toContain('無法讀取這個 Excel 檔');
  });

  it('unsupported extensions (.xls, .txt, none)', async () => {
    expect((await rejects('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).message).toBe('不支援 .xls 檔，請存成 .xlsx、.ods 或 .csv');
    expect((await rejects('roster.txt', sampleBytes())).message).toBe('不支援 .txt 檔，請存成 .xlsx、.ods 或 .csv');
    expect((await rejects('roster', sampleBytes())).message).toContain('不支援');
  });

  it('an xlsx with wrong headers', async () => {
    const bytes = await xlsxOf(['name', 'id', 'start'], [['新一', '', '113/01/02']]);
    const err = await rejects('wrong.xlsx', bytes);
    expect(err.message).toMatch(/^工作表「人員名冊」的前 30 列找不到人員名冊的標題列（須有 「姓名」（可寫 姓名/);
    const p = await ok(t.backend, 'import.roster.preview', upload('wrong.xlsx', bytes));
    expect(p.reading).toMatchObject({ sheet: '人員名冊', sheets: ['人員名冊'], headerRow: null });
  });

  it('a file whose LAST row is bad writes nothing at all (all-or-nothing)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...good, 姓名: `新人${i + 1}`, 員工編號: `N${i + 1}`, 職稱代碼: '個管', 到職日: '113/01/02' }));
    rows.push({ ...good, 姓名: '最後一位', 員工編號: 'N41', 職稱代碼: '個管', 到職日: '113/02/30' });
    // and an update of an existing person earlier in the file, which must not be applied either
    rows.unshift({ ...good, 姓名: '範例一', 身分證字號: 'A130000019', 職稱代碼: '個管', 到職日: '110/09/01', 離職日: '113/12/31', 離職原因: '離職' } as any);
    const err = await rejects('last-bad.csv', csvOf(rows));
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0].row).toBe(43);
    expect(err.issues![0].message).toContain('第 43 列');
    expect(await namesAt('2025-01-01')).toContain('範例一'); // the update was not applied
  });

  it('preview of a bad file lists every error with its row and writes nothing', async () => {
    const before = fingerprint(t.backend);
    const csv = csvOf([
      { ...good, 姓名: '新一', 職稱代碼: '個管', 到職日: '113/02/30' },
      { ...good, 姓名: '新二', 職稱代碼: '個管', 到職日: '113/01/02' },
      { ...good, 姓名: '新三', 身分證字號: 'A123456788', 職稱代碼: '個管', 到職日: '113/01/02' },
    ]);
    const p = await ok(t.backend, 'import.roster.preview', upload('bad.csv', csv));
    expect(p.errors.map((e) => e.row)).toEqual([2, 4]);
    expect(p.summary.newPeople).toBe(1);
    expect(fingerprint(t.backend)).toEqual(before);
  });

  it('a blank line in the middle of a CSV does not shift the row numbers in messages', async () => {
    // line 1 header, line 2 good, line 3 blank, line 4 bad: the spreadsheet row (as Excel shows the CSV) is 4
    const csv = `${HEADER_LINE}\r\n新一,,,補助,個管,綜合規劃組,衛生局,113/01/02,,,,,,,\r\n\r\n新二,,,補助,個管,綜合規劃組,衛生局,113/02/30,,,,,,,\r\n`;
    const err = await rejects('blank-line.csv', csv);
    // blank lines keep their place, so the message names the line the clerk sees in the file
    expect(err.issues![0].row).toBe(4);
    expect(err.issues![0].message).toContain('第 4 列');
  });

  it('an xlsx with an empty row in the middle keeps the spreadsheet row numbers', async () => {
    const bytes = await xlsxOf(ROSTER_TEMPLATE_HEADERS, [
      ['新一', '', '', '補助', '個管', '綜合規劃組', '衛生局', '113/01/02'],
      [],
      ['新二', '', '', '補助', '個管', '綜合規劃組', '衛生局', '113/02/30'],
    ]);
    const err = await rejects('gap.xlsx', bytes);
    expect(err.issues![0].row).toBe(4);
  });
});

describe('matching rows of the file to people already in the database', () => {
  const good = { 人力來源: '補助', 業務組: '綜合規劃組', 所屬行政單位: '衛生局' };

  it('a promotion row added later for an existing person (matched by ID) updates, not duplicates', async () => {
    await importSample();
    // 範例一: end the CM period on 113/06/30 and add 資深個管 from 113/07/01
    const csv = csvOf([
      { ...good, 姓名: '範例一', 身分證字號: 'A130000019', 職稱代碼: '個管', 到職日: '110/09/01', 離職日: '113/06/30', 離職原因: '職務異動' },
      { ...good, 姓名: '範例一', 身分證字號: 'A130000019', 職稱代碼: '資深個管', 到職日: '113/07/01' },
    ]);
    const r = await ok(t.backend, 'import.roster.commit', upload('promote.csv', csv));
    expect(r.summary).toEqual({ newPeople: 0, updatedPeople: 1, periods: 2, leaves: 0 });
    expect([count(t.backend, 'people'), count(t.backend, 'periods')]).toEqual([7, 9]);
    const row = (await ok(t.backend, 'roster.at', { date: '2024-12-31' })).rows.find((x: any) => x.name === '範例一');
    expect(row).toMatchObject({ roleCode: 'SCM', serviceStart: '2021-09-01' });
  });

  it('two file entries that resolve to the same database person are checked together', async () => {
    // 張三 exists without an ID, employed 2020. The file has 張三 once with an ID and once without: the file groups them
    // as two people, but both match the same database person by name. Each alone is a valid timeline; together the
    // two open periods (2022-01-01– and 2023-01-01–) overlap.
    const created = await ok(t.backend, 'people.create', {
      person: { name: '張三', nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null },
      period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2020-01-01', endDate: '2020-12-31', endReason: '離職' },
    });
    const csv = csvOf([
      { ...good, 姓名: '張三', 身分證字號: 'A123456789', 職稱代碼: '個管', 到職日: '111/01/01' },
      { ...good, 姓名: '張三', 職稱代碼: '個管', 到職日: '112/01/01' },
    ]);
    const before = fingerprint(t.backend);
    const res = await t.backend.dispatch('import.roster.commit', upload('two-keys.csv', csv));
    const periods = (await ok(t.backend, 'people.get', { id: created.person.id })).periods;
    // both entries resolve to the same database person, so their periods are checked together
    expect(res.ok, `commit succeeded and wrote periods ${JSON.stringify(periods.map((p: any) => [p.startDate, p.endDate]))}`).toBe(false);
    expect(fingerprint(t.backend)).toEqual(before);
  });
});
