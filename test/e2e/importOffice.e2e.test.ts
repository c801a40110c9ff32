// Issue 12 in the window: an office's own workbook (title rows, its own header words, merged blocks, the roster on
// the second sheet) shows how it was read before anything is written — sheet, header row, columns, skipped rows,
// first rows as stored — another sheet can be picked, and 確定匯入 stores exactly that.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, e2eAvailable, type App } from './harness';

const SHOTS = process.env.STAFFBOOK_SCREENSHOTS; // a folder to keep screenshots in, for looking at the screens
const FILE = path.resolve(__dirname, '../fixtures/corpus/11-combination.xlsx');
const count = (app: App, table: string) => (app.backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe.runIf(e2eAvailable())('an office workbook imports through the preview (browser mode, Chromium)', () => {
  const app = appForSuite();

  it('the preview names the sheet, the header row, the columns and the skipped rows; the sheet can be changed', async () => {
    const { page } = app;
    await page.click('[data-test="nav-import"]');
    await page.setInputFiles('[data-test="file-input"]', FILE);
    const reading = page.locator('[data-test="import-reading"]');
    await reading.waitFor();
    await expect(page.locator('[data-test="import-header-row"]').textContent()).resolves.toBe('標題列：第 4 列');
    await expect(page.locator('[data-test="import-skipped"]').textContent()).resolves.toContain('略過空白列 2 列');
    const text = (await reading.textContent()) ?? '';
    expect(text).toContain('B「人力來源」→ 人力來源');
    expect(text).toContain('A「序號」');
    await expect(page.locator('[data-test="import-sample"]').textContent()).resolves.toContain('110/09/01');
    for (const [w, h] of [[1366, 768], [1024, 768]]) {
      await page.setViewportSize({ width: w, height: h });
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `import-preview-${w}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1400, height: 900 });

    // the other sheet holds no roster: the preview says so, and nothing can be imported from it
    await page.locator('[data-test="import-sheet"]').click();
    await page.locator('.el-select-dropdown__item', { hasText: '112年' }).click();
    await page.locator('[data-test="import-errors"]').waitFor();
    await expect(page.locator('[data-test="import-errors"]').textContent()).resolves.toContain('工作表「113年名冊」第 4 列看來是標題列');
    expect(await page.locator('[data-test="commit-import"]').count()).toBe(0);
    await page.locator('[data-test="import-sheet"]').click();
    await page.locator('.el-select-dropdown__item', { hasText: '113年名冊' }).click();
    await page.locator('[data-test="commit-import"]').click();
    await page.locator('[data-test="import-done"]').waitFor();
    expect(count(app, 'people')).toBe(6);
    expect(count(app, 'periods')).toBe(7);
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  });
});
