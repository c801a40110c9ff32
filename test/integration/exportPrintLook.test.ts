// Issue 15 item 12, the exported spreadsheets as LibreOffice prints them: every .ods/.xlsx form converted to PDF, then
// pdffonts must find one sans face (Noto Sans CJK) and no serif, and pdftotext, page by page, the header rows and the
// 人力來源 label on every page that carries that source's people, short values on one line (「單位(局處)」), and
// exactly the pages the writers broke (so no page of LibreOffice's own leaves a label behind).
// Needs LibreOffice, poppler-utils and the Noto Sans CJK fonts: skipped loudly without them, a failure when
// STAFFBOOK_REQUIRE_SYSTEM=1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { printLayout } from '../../electron/exports/sheetPages';
import { registerData } from '../../electron/services/exportData';
import type { ExportForm } from '../../shared/api/exports';
import { REGISTER_SOURCES } from '../../shared/domain/register';
import { requireSystemProgram } from '../systemPrograms';
import { LIBREOFFICE, LIBREOFFICE_HINT, sixtyPeopleOffice, sofficeConvert } from './exportFixtures';
import { ok, tempBackend, type TempBackend } from './helpers';

const soffice = requireSystemProgram('LibreOffice', LIBREOFFICE, '試算表列印外觀測試', LIBREOFFICE_HINT);
const poppler = soffice && requireSystemProgram('pdftotext', ['pdftotext'], '試算表列印外觀測試', 'sudo apt-get install poppler-utils');
const notoInstalled = (() => {
  try {
    return /NotoSansCJK/i.test(execFileSync('fc-match', ['Noto Sans CJK TC'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();
const fonts = poppler && (notoInstalled || requireSystemProgram('Noto Sans CJK TC', [], '試算表列印外觀測試', 'sudo apt-get install fonts-noto-cjk'));

const OPTS = { rocYear: 113, half: 2, filledOn: '2025-01-10', county: '示範縣', avgCaseload: 500 } as const;
const FORMATS = ['ods', 'xlsx'] as const;
const SUBSIDISED = REGISTER_SOURCES['補助'];
const OWN = REGISTER_SOURCES['自有'];

interface Printed {
  pages: string[];
  fonts: string[];
}

function readPdf(file: string): Printed {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const pages = Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
  // pdffonts: two header lines, then one font per line, its name first (a subset prefix "ABCDEF+" before it)
  const fontNames = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  return { pages, fonts: fontNames };
}

/** The label as the page shows it: wrapped inside its cell, so its first words are what a line holds. */
const labelStart = (label: string) => label.slice(0, 4);

describe.runIf(fonts)('spreadsheets as LibreOffice prints them (demo office and 60 people, 113年度期末)', () => {
  let demo: TempBackend;
  let sixty: TempBackend;
  let dir: string;
  const printed: Record<string, Printed> = {};
  const starts: Record<string, number[]> = {};

  beforeAll(async () => {
    demo = tempBackend('2025-01-10');
    createDemoOffice(demo.backend.db);
    sixty = tempBackend('2025-01-10');
    sixtyPeopleOffice(sixty.backend.db);
    dir = path.join(demo.dir, 'print');
    fs.mkdirSync(dir);
    const files: string[] = [];
    const save = (name: string, base64: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      files.push(file);
    };
    for (const format of FORMATS) {
      for (const form of ['register', 'indicators', 'headcount'] as ExportForm[]) save(`${form}_${format}.${format}`, (await ok(demo.backend, 'exports.file', { ...OPTS, form, format })).contentBase64);
      save(`register60_${format}.${format}`, (await ok(sixty.backend, 'exports.file', { ...OPTS, form: 'register', format })).contentBase64);
      save(`honours_${format}.${format}`, (await ok(demo.backend, 'volunteers.honours.file', { date: '2025-01-10', format })).contentBase64);
    }
    const pdfs = sofficeConvert(soffice!, 'pdf', files, dir, 'pdf');
    for (const [src, pdf] of Object.entries(pdfs)) printed[path.basename(src).replace(/\.[^.]+$/, '')] = readPdf(pdf);
    starts.register = printLayout(registerData(demo.backend.db, OPTS, '2025-01-10').sheet).starts;
    starts.register60 = printLayout(registerData(sixty.backend.db, OPTS, '2025-01-10').sheet).starts;
  }, 300_000);
  afterAll(() => {
    demo?.cleanup();
    sixty?.cleanup();
  });

  it('every form, .ods and .xlsx: one sans face for Chinese, digits and Latin alike — no serif, no second family', () => {
    expect(Object.keys(printed)).toHaveLength(10);
    for (const [name, p] of Object.entries(printed)) {
      expect(p.fonts.length, name).toBeGreaterThan(0);
      for (const f of p.fonts) {
        expect(f, `${name}: ${f}`).toMatch(/^NotoSansCJK/);
        expect(f, `${name}: ${f}`).not.toMatch(/Serif|Times|Mincho|Ming|DejaVu|Liberation/i);
      }
    }
  });

  for (const reg of ['register', 'register60'])
    for (const format of FORMATS) {
      it(`${reg}.${format}: the pages the writers broke, each with the header rows and its 人力來源 label`, () => {
        const { pages } = printed[`${reg}_${format}`];
        expect(starts[reg].length, 'the register runs over more than one page').toBeGreaterThan(0);
        expect(pages).toHaveLength(starts[reg].length + 1);
        pages.forEach((text, i) => {
          const where = `${reg}.${format} page ${i + 1}`;
          for (const head of ['人力來源', '係屬業務組別', '姓名', '任、離職時間', '個案管理及案量']) expect(text, `${where}: ${head}`).toContain(head);
          // both offices' 補助 block runs onto every page (demo: 20 of 25 rows; 60 people: 58 of 60)
          expect(text, `${where}: ${SUBSIDISED}`).toContain(labelStart(SUBSIDISED));
          if (i === pages.length - 1) expect(text, `${where}: ${OWN}`).toContain(labelStart(OWN));
        });
      });
    }

  it('short values stay on one line: 「係屬業務組別」, 「單位(局處)」 never leave 「)」 alone, 「是(社會工作師)」', () => {
    for (const format of FORMATS) {
      const lines = printed[`register_${format}`].pages.join('\n').split('\n');
      expect(lines.some((l) => l.includes('係屬業務組別')), format).toBe(true);
      expect(lines.some((l) => l.includes('(局處)')), format).toBe(true);
      expect(lines.some((l) => /^\s*\)\s*$|\s\)\s/.test(l.replace(/\(.*?\)/g, ''))), `${format}: a lone 「)」`).toBe(false);
      expect(lines.some((l) => l.includes('是(社會工作師)')), format).toBe(true);
      for (const span of ['110年6月 至 113年3月', '108年5月 至 113年5月']) expect(lines.some((l) => l.includes(span)), `${format}: ${span}`).toBe(true);
    }
  });
});
