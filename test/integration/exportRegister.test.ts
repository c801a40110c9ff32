// 附件五 for the demo office, 113年度期末: the rows the service builds, and the .xlsx/.ods files read back by readers
// that share no code with their writers, compared cell by cell (merged header cells included) with the hand count.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { printLayout } from '../../electron/exports/sheetPages';
import { registerData } from '../../electron/services/exportData';
import { DEMO_113_END_BODY, DEMO_113_END_HEAD, demo113EndAsPrinted } from './exportExpected';
import { firstZipEntry, readOds, readXlsx, type ReadSheet } from './exportReaders';
import { ok, tempBackend, type TempBackend } from './helpers';

const OPTS = { rocYear: 113, half: 2, filledOn: '2025-01-10' } as const;
const byPos = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;

async function file(t: TempBackend, format: 'xlsx' | 'ods'): Promise<Buffer> {
  const f = await ok(t.backend, 'exports.file', { ...OPTS, form: 'register', format });
  return Buffer.from(f.contentBase64, 'base64');
}

/** The hand count, cut where the writers start a printed page (the demo's 補助 block runs onto page 2). */
function asPrinted(t: TempBackend) {
  const { starts } = printLayout(registerData(t.backend.db, OPTS, '2025-01-10').sheet);
  expect(starts.length, 'the demo register prints on two pages').toBe(1);
  expect(starts[0], 'page 2 begins inside the 補助 block').toBeGreaterThan(4);
  expect(starts[0]).toBeLessThan(24);
  return demo113EndAsPrinted(starts);
}

function expectForm(read: ReadSheet, printed: ReturnType<typeof demo113EndAsPrinted>): void {
  expect(read.grid.slice(0, 4)).toEqual(DEMO_113_END_HEAD);
  expect(read.grid.slice(4, 4 + DEMO_113_END_BODY.length)).toEqual(printed.body);
  const [remark, note] = read.grid.slice(4 + DEMO_113_END_BODY.length);
  // the ministry's 備註, word for word (seed 004 附件五), then how Staffbook filled the form
  expect(remark[0]).toBe('備註：本表請至本部毒品危害防制中心服務系統之使用者資料維護作業匯出。');
  expect(String(note[0])).toMatch(/^說明：資料基準日 113年12月31日/);
  expect(read.grid).toHaveLength(4 + DEMO_113_END_BODY.length + 2);
  expect([...read.merges].sort(byPos)).toEqual([...printed.merges, { row: 30, col: 0, rows: 1, cols: 12 }].sort(byPos));
  expect(read.repeatRows).toEqual([2, 3]);
  expect(read.orientation).toBe('landscape');
  expect(read.formulas).toBe(0);
}

describe('附件五 register, demo office 113年度期末', () => {
  let t: TempBackend;
  beforeAll(() => {
    t = tempBackend('2025-01-10');
    createDemoOffice(t.backend.db);
  });
  afterAll(() => t.cleanup());

  it('the service’s rows match the hand count, 補助 first then 自有', async () => {
    const r = await ok(t.backend, 'exports.register', OPTS);
    expect(r.refDate).toBe('2024-12-31');
    // the service repeats the source label on every row; the form shows it once, merged down the block
    const cells = r.rows.map((x: { cells: unknown[] }) => x.cells.slice(1));
    expect(cells).toEqual(DEMO_113_END_BODY.map((row) => row.slice(1)));
    expect(r.rows.map((x: { funding: string }) => x.funding)).toEqual([...Array(20).fill('補助'), ...Array(5).fill('自有')]);
  });

  it('年資 of the retention population equals the retention list’s months served (one rule)', async () => {
    const reg = await ok(t.backend, 'exports.register', OPTS);
    const ret = await ok(t.backend, 'retention.at', { date: '2024-12-31' });
    for (const row of ret.rows.filter((x: { inDenominator: boolean }) => x.inDenominator)) {
      const mine = reg.rows.find((x: { personId: number }) => x.personId === row.personId);
      expect(mine?.tenureMonths, row.name).toBe(row.monthsServed);
    }
  });

  it('.xlsx read back from its XML (not exceljs) equals the form cell by cell', async () => {
    expectForm(await readXlsx(await file(t, 'xlsx')), asPrinted(t));
  });

  it('.ods read back from content.xml equals the form cell by cell; mimetype first and stored', async () => {
    const bytes = await file(t, 'ods');
    expect(firstZipEntry(bytes)).toEqual({ name: 'mimetype', method: 0, extra: 0 });
    expect(bytes.subarray(38, 38 + 46).toString()).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const read = await readOds(bytes);
    expectForm(read, asPrinted(t));
    const layout = JSON.stringify(read.styles);
    expect(layout).toContain('"fo:page-width":"29.7cm"');
    expect(layout).toContain('"style:scale-to-X":"1"');
  });

  it('CLI: export register writes the file under its name only (temp + rename), reading --db', { timeout: 90_000 }, () => {
    const out = path.join(t.dir, 'out');
    fs.mkdirSync(out);
    for (const f of ['xlsx', 'ods']) {
      execFileSync('npx', ['tsx', 'electron/cli.ts', 'export', 'register', '--half', '2', '--year', '113', '--format', f, '--out', path.join(out, `r.${f}`), '--db', t.dbPath], { stdio: 'pipe' });
    }
    expect(fs.readdirSync(out).sort()).toEqual(['r.ods', 'r.xlsx']);
  });

  it('CLI: a bad --format or --half is refused in Chinese', { timeout: 90_000 }, () => {
    const run = (args: string[]) => {
      try {
        execFileSync('npx', ['tsx', 'electron/cli.ts', 'export', 'register', ...args, '--db', t.dbPath], { stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr: Buffer }).stderr);
      }
    };
    expect(run(['--half', '3', '--year', '113', '--format', 'xlsx', '--out', '/tmp/x.xlsx'])).toContain('期中');
    expect(run(['--half', '2', '--year', '113', '--format', 'docx', '--out', '/tmp/x.docx'])).toContain('xlsx|ods|pdf');
  });
});
