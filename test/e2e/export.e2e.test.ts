// The clerk's path to the 期末 register in the browser: open 報表匯出, pick 113年 期末, see what the data lacks (each
// gap linked to its record), copy the paragraph, set 自評進度, preview the print view and download the files — which
// must be exactly what the back end writes (read back here and compared with the hand-counted register).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printLayout } from '../../electron/exports/sheetPages';
import { registerData } from '../../electron/services/exportData';
import { DEMO_113_END_BODY, DEMO_113_END_HEAD, demo113EndAsPrinted } from '../integration/exportExpected';
import { readXlsx } from '../integration/exportReaders';
import { appForSuite, demoOffice, e2eAvailable } from './harness';

const SHOTS = process.env.STAFFBOOK_SCREENSHOTS; // a folder to keep screenshots in, for looking at the screens

describe.runIf(e2eAvailable())('報表匯出 end to end (browser mode, demo office)', () => {
  const app = appForSuite(demoOffice);

  async function download(testId: string): Promise<Buffer> {
    const [dl] = await Promise.all([app.page.waitForEvent('download'), app.page.click(`[data-test="${testId}"]`)]);
    const file = path.join(app.dir, dl.suggestedFilename());
    await dl.saveAs(file);
    return fs.readFileSync(file);
  }

  it('opens 113年 期末 and shows the paragraph and the gaps, each linked to its record', async () => {
    const { page } = app;
    await page.click('[data-test="nav-exports"]');
    await page.locator('[data-test="quality"]').waitFor();
    await page.click('[data-test="export-year"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^113 年$/ }).click();
    await page.click('[data-test="export-half-2"]');
    await expect.poll(() => page.locator('[data-test="staffing-text"]').textContent()).toContain('截至113年12月底，前已聘任之補助人力20人');
    const text = (await page.locator('[data-test="staffing-text"]').textContent())!.trim();
    const expected = await app.dispatch('exports.staffingText', { rocYear: 113, half: 2 });
    expect(expected.ok && text).toBe(expected.ok && (expected.data as { text: string }).text);

    const issue = page.locator('[data-test="quality-issue"]', { hasText: '潘俊宏' });
    await expect.poll(() => issue.count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'export-page.png'), fullPage: true });
    await issue.locator('[data-test="quality-person"]').click();
    await expect.poll(() => page.url()).toMatch(/#\/people\/\d+$/);
    await page.goBack();
    await page.locator('[data-test="staffing-text"]').waitFor();
  });

  it('copies the paragraph', async () => {
    await app.page.click('[data-test="copy-staffing"]');
    await expect.poll(() => app.page.locator('.el-message').last().textContent()).toContain('已複製人力運用情形');
  });

  it('downloads the 期末 register as .xlsx with exactly the hand-counted rows', async () => {
    const read = await readXlsx(await download('download-register-xlsx'));
    expect(read.grid[2]).toEqual(DEMO_113_END_HEAD[2]);
    // as printed: the 補助 label again in the first row of page 2 (electron/exports/sheetPages.ts)
    const { starts } = printLayout(registerData(app.backend.db, { rocYear: 113, half: 2, filledOn: '2025-01-10' }, '2025-01-10').sheet);
    expect(read.grid.slice(4, 4 + DEMO_113_END_BODY.length)).toEqual(demo113EndAsPrinted(starts).body);
  });

  it('a 自評進度 chosen on screen is what the indicators file says', async () => {
    const { page } = app;
    await page.click('[data-test="progress-retention"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^超前$/ }).click();
    await expect.poll(() => page.locator('[data-test="indicators-table"]').textContent()).toContain('還原建議');
    const read = await readXlsx(await download('download-indicators-xlsx'));
    expect(read.grid.find((r) => String(r[0]).startsWith('(二)'))?.[3]).toBe('超前');
  });

  it('the print view shows the same paginated layout the PDF is made from', async () => {
    const { page } = app;
    await page.click('[data-test="preview-register"]');
    const frame = page.frameLocator('[data-test="print-frame"]');
    await expect.poll(() => frame.locator('body').textContent()).toContain('第 2 頁／共 2 頁');
    expect(await frame.locator('section.page').count()).toBe(2);
    expect(await frame.locator('body').textContent()).toContain('林志豪');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'export-print.png') });
    const pdf = await download('download-register-pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
