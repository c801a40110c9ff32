// The register as PDF: rendered by Chromium from the print view (the same HTML the app shows). pdftotext must find every
// person's row and the CJK header on every page, and 60 people must come out on the pages the layout planned.
// Needs Chromium and poppler-utils: skipped loudly without them, a failure when STAFFBOOK_REQUIRE_SYSTEM=1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { CHROMIUM_HINT, findChromium } from '../../electron/exports/pdf';
import { requireSystemProgram } from '../systemPrograms';
import { DEMO_113_END_BODY } from './exportExpected';
import { sixtyPeopleOffice } from './exportFixtures';
import { ok, tempBackend, type TempBackend } from './helpers';

const chromium = requireSystemProgram('Chromium', [findChromium() ?? undefined], 'PDF 匯出測試', CHROMIUM_HINT);
const pdftotext = chromium && requireSystemProgram('pdftotext', ['pdftotext'], 'PDF 匯出測試', 'sudo apt-get install poppler-utils');
const OPTS = { rocYear: 113, half: 2, filledOn: '2025-01-10' } as const;
const TITLE = '毒品危害防制中心專責人力運用情形清冊';

function pdfOf(t: TempBackend, name: string): Promise<{ file: string; pages: number; text: string; layout: string[] }> {
  return ok(t.backend, 'exports.file', { ...OPTS, form: 'register', format: 'pdf' }).then((f) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, Buffer.from(f.contentBase64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      file,
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      text: execFileSync(pdftotext!, [file, '-'], { encoding: 'utf8' }),
      layout: execFileSync(pdftotext!, ['-layout', file, '-'], { encoding: 'utf8' }).split('\n'),
    };
  });
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe.runIf(pdftotext)('register PDF (Chromium page.pdf of the print view)', () => {
  let demo: TempBackend;
  let sixty: TempBackend;
  beforeAll(() => {
    demo = tempBackend('2025-01-10');
    createDemoOffice(demo.backend.db);
    sixty = tempBackend('2025-01-10');
  });
  afterAll(() => {
    demo?.cleanup();
    sixty?.cleanup();
  });

  it('demo office: every person’s row (name with its 年資) and the CJK header on each page; fonts embedded', async () => {
    const pdf = await pdfOf(demo, 'demo.pdf');
    expect(pdf.pages).toBe(2);
    for (const row of DEMO_113_END_BODY) {
      const [name, tenure] = [String(row[4]), String(row[6])];
      expect(pdf.layout.some((l) => l.includes(name) && l.includes(tenure)), `${name} ${tenure}`).toBe(true);
    }
    for (const h of ['人力來源', '姓名', '年資', '工作內容', '個案管理及案量']) expect(count(pdf.text, h), h).toBeGreaterThanOrEqual(pdf.pages);
    expect(count(pdf.text, TITLE)).toBe(pdf.pages);
    expect(pdf.text).toContain('填報時間：114年1月10日');
    // Chromium embeds the Noto CJK (CFF) glyphs as Type 3 fonts: every font must be embedded and carry a Unicode map
    const fonts = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('60 people: 15 two-line rows fit a page, so rows fill 4 pages and the notes push the last row to a 5th', async () => {
    const names = sixtyPeopleOffice(sixty.backend.db);
    const planned = await ok(sixty.backend, 'exports.preview', { ...OPTS, form: 'register' });
    const pdf = await pdfOf(sixty, 'sixty.pdf');
    expect(planned.pages).toBe(5);
    expect(pdf.pages).toBe(planned.pages);
    for (const n of names) expect(count(pdf.text, n), n).toBe(1);
    expect(count(pdf.text, TITLE)).toBe(5);
    expect(count(pdf.text, '人力來源')).toBe(5);
    for (let p = 1; p <= 5; p++) expect(pdf.text).toContain(`第 ${p} 頁／共 5 頁`);
  }, 60_000);
});
