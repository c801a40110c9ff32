// Cell text that starts with = + - @ tab or CR must never run as a formula: a name like =HYPERLINK(...) comes back as
// text — from our own reader of the .xlsx/.ods XML, and from LibreOffice when it is installed.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { neutralise } from '../../electron/exports/safeText';
import { findProgram } from '../systemPrograms';
import { LIBREOFFICE, sofficeConvert } from './exportFixtures';
import { readOds, readXlsx } from './exportReaders';
import { ok, tempBackend, type TempBackend } from './helpers';

const EVIL_NAME = '=HYPERLINK("https://example.invalid","點我")';
const EVIL_UNIT = '@SUM(1+1)';
const EVIL_EDU = '-2+3';

describe('formula injection in exported spreadsheets', () => {
  let t: TempBackend;
  const files: Record<string, Buffer> = {};
  beforeAll(async () => {
    t = tempBackend('2025-01-10');
    createDemoOffice(t.backend.db);
    const db = t.backend.db;
    db.prepare('UPDATE people SET name = ?, education = ? WHERE name = ?').run(EVIL_NAME, EVIL_EDU, '林志豪');
    db.prepare('UPDATE periods SET admin_unit = ? WHERE person_id = (SELECT id FROM people WHERE name = ?)').run(EVIL_UNIT, EVIL_NAME);
    for (const format of ['xlsx', 'ods'] as const) {
      const f = await ok(t.backend, 'exports.file', { rocYear: 113, half: 2, form: 'register', format });
      files[format] = Buffer.from(f.contentBase64, 'base64');
    }
  });
  afterAll(() => t.cleanup());

  it('neutralise prefixes exactly the dangerous starts', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['林志豪', '１=1', ' =1', '大學', '']) expect(neutralise(s)).toBe(s);
  });

  for (const format of ['xlsx', 'ods'] as const) {
    it(`.${format}: the name survives as text, no formula anywhere`, async () => {
      const read = format === 'xlsx' ? await readXlsx(files[format]) : await readOds(files[format]);
      expect(read.formulas).toBe(0);
      const row = read.grid.find((r) => String(r[4]).includes('HYPERLINK'))!;
      expect(row[4]).toBe(`'${EVIL_NAME}`);
      expect(row[2]).toBe(`'${EVIL_UNIT}`);
      expect(row[8]).toBe(`'${EVIL_EDU}(社會工作學系)`);
    });
  }

  const soffice = findProgram(LIBREOFFICE);
  it.runIf(soffice)('LibreOffice reads it as the literal text, not as a formula result', () => {
    const dir = path.join(t.dir, 'lo');
    fs.mkdirSync(dir);
    const inputs = Object.entries(files).map(([ext, bytes]) => {
      const p = path.join(dir, `evil_${ext}.${ext}`);
      fs.writeFileSync(p, bytes);
      return p;
    });
    const out = sofficeConvert(soffice!, 'csv:Text - txt - csv (StarCalc):44,34,76', inputs, dir, 'csv');
    for (const p of inputs) {
      const rows = Papa.parse<string[]>(fs.readFileSync(out[p], 'utf8'), { skipEmptyLines: true }).data;
      const row = rows.find((r) => r[4]?.includes('HYPERLINK'));
      expect(row?.[4], p).toContain(EVIL_NAME);
      expect(row?.[2], p).toContain(EVIL_UNIT);
    }
  }, 120_000);
});
