// Interoperability: LibreOffice (headless) opens every exported .xlsx/.ods/.docx/.odt and converts it to CSV/text; the
// content must match the form — the hand-counted register, and for the other forms what our own XML reader finds.
// Needs LibreOffice: skipped loudly without it, a failure when STAFFBOOK_REQUIRE_SYSTEM=1.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import type { ExportForm, ExportFormat } from '../../shared/api/exports';
import { requireSystemProgram } from '../systemPrograms';
import { printLayout } from '../../electron/exports/sheetPages';
import { registerData } from '../../electron/services/exportData';
import { DEMO_113_END_HEAD, demo113EndAsPrinted } from './exportExpected';
import { LIBREOFFICE, LIBREOFFICE_HINT, sofficeConvert } from './exportFixtures';
import { readXlsx } from './exportReaders';
import { ok, tempBackend, type TempBackend } from './helpers';

const soffice = requireSystemProgram('LibreOffice', LIBREOFFICE, 'LibreOffice 互通測試', LIBREOFFICE_HINT);
const OPTS = { rocYear: 113, half: 2, filledOn: '2025-01-10', county: '示範縣', avgCaseload: 500 } as const;
const str = (v: unknown) => (v == null ? '' : String(v));
const csv = (file: string) => Papa.parse<string[]>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const lines = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

describe.runIf(soffice)('LibreOffice round trip of every exported file (demo office, 113年度期末)', () => {
  let t: TempBackend;
  let dir: string;
  const files: Record<string, string> = {};
  let asCsv: Record<string, string>;
  let asText: Record<string, string>;

  beforeAll(async () => {
    t = tempBackend('2025-01-10');
    createDemoOffice(t.backend.db);
    dir = path.join(t.dir, 'lo');
    fs.mkdirSync(dir);
    const want: [ExportForm, ExportFormat, string][] = [
      ['register', 'xlsx', 'reg_xlsx'],
      ['register', 'ods', 'reg_ods'],
      ['indicators', 'xlsx', 'ind_xlsx'],
      ['indicators', 'ods', 'ind_ods'],
      ['indicators', 'docx', 'ind_docx'],
      ['indicators', 'odt', 'ind_odt'],
      ['headcount', 'xlsx', 'hc_xlsx'],
      ['headcount', 'ods', 'hc_ods'],
      ['headcount', 'docx', 'hc_docx'],
      ['headcount', 'odt', 'hc_odt'],
      ['staffingText', 'docx', 'st_docx'],
      ['staffingText', 'odt', 'st_odt'],
    ];
    for (const [form, format, name] of want) {
      const f = await ok(t.backend, 'exports.file', { ...OPTS, form, format });
      files[name] = path.join(dir, `${name}.${format}`);
      fs.writeFileSync(files[name], Buffer.from(f.contentBase64, 'base64'));
    }
    const sheets = Object.values(files).filter((f) => /\.(xlsx|ods)$/.test(f));
    const docs = Object.values(files).filter((f) => /\.(docx|odt)$/.test(f));
    asCsv = sofficeConvert(soffice!, 'csv:Text - txt - csv (StarCalc):44,34,76', sheets, dir, 'csv');
    asText = sofficeConvert(soffice!, 'txt:Text (encoded):UTF8', docs, dir, 'txt');
  }, 300_000);
  afterAll(() => t?.cleanup());

  for (const name of ['reg_xlsx', 'reg_ods']) {
    it(`${name}: LibreOffice reads the hand-counted register, merged header cells included`, () => {
      const rows = csv(asCsv[files[name]]);
      // as printed: the 補助 label written again in the first row of page 2 (sheetPages.ts)
      const { body } = demo113EndAsPrinted(printLayout(registerData(t.backend.db, OPTS, '2025-01-10').sheet).starts);
      const want = [...DEMO_113_END_HEAD, ...body].map((r) => r.map(str));
      expect(rows.slice(0, want.length)).toEqual(want);
      // the ministry's 備註 word for word, then how Staffbook filled the form
      expect(rows[want.length][0]).toBe('備註：本表請至本部毒品危害防制中心服務系統之使用者資料維護作業匯出。');
      expect(rows[want.length + 1][0]).toMatch(/^說明：/);
    });
  }

  for (const form of ['ind', 'hc']) {
    it(`${form}: the .xlsx and .ods say the same to LibreOffice as to our own reader`, async () => {
      const ours = (await readXlsx(fs.readFileSync(files[`${form}_xlsx`]))).grid.map((r) => r.map(str));
      expect(csv(asCsv[files[`${form}_xlsx`]])).toEqual(ours);
      expect(csv(asCsv[files[`${form}_ods`]])).toEqual(ours);
    });

    it(`${form}: the .docx and .odt carry every cell of the table`, async () => {
      const cells = (await readXlsx(fs.readFileSync(files[`${form}_xlsx`]))).grid.flat().filter((v) => v != null && v !== '').flatMap((v) => String(v).split('\n'));
      for (const ext of ['docx', 'odt']) {
        const text = lines(asText[files[`${form}_${ext}`]]).join('\n');
        for (const c of cells) expect(text, `${form}.${ext}`).toContain(c.trim());
      }
    });
  }

  it('staffing text: the .docx and .odt hold the paragraph exactly as the app shows it', async () => {
    const { text } = await ok(t.backend, 'exports.staffingText', OPTS);
    for (const ext of ['docx', 'odt']) {
      const got = lines(asText[files[`st_${ext}`]]);
      expect(got[0]).toBe('肆、人力運用情形');
      expect(got[1]).toBe(text);
    }
  });

  it('records what LibreOffice produced (attached to the issue’s closing note)', () => {
    const summary = Object.entries({ ...asCsv, ...asText }).map(([src, out]) => `${path.basename(src)} → ${path.basename(out)} ${fs.statSync(out).size} bytes`);
    console.log(`LibreOffice round trip:\n  ${summary.join('\n  ')}`);
    expect(summary).toHaveLength(12);
  });
});
