// 送出紀錄 in the browser (issue 16): the clerk submits 113年 期末 from the page, the data then changes, and the page
// shows the submission, downloads a frozen file byte for byte, and names the change with the audit row behind it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { setPdfRenderer } from '../../electron/exports/pdf';
import { e2eAvailable, field, launchApp, type App } from './harness';

const SHOTS = process.env.STAFFBOOK_SCREENSHOTS; // a folder to keep screenshots in, for looking at the screens

describe.runIf(e2eAvailable())('送出紀錄 end to end (browser mode, demo office)', () => {
  let app: App;
  beforeAll(async () => {
    // the PDFs are made by the same exporter the integration suite runs with Chromium; a stub keeps this suite quick
    setPdfRenderer(async () => Buffer.from('%PDF-1.4\n% e2e stub\n'));
    app = await launchApp((b) => createDemoOffice(b.db), undefined, { today: '2025-01-20' });
  });
  afterAll(async () => {
    setPdfRenderer(null);
    await app?.close();
  });

  /** the main pane scrolls on its own, so the part to look at is scrolled into view first */
  const shot = async (name: string, scrollTo: string) => {
    if (!SHOTS) return;
    for (const [w, h] of [[1366, 768], [1024, 768]]) {
      await app.page.setViewportSize({ width: w, height: h });
      await app.page.locator(scrollTo).scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: path.join(SHOTS, `${name}-${w}.png`) });
    }
    await app.page.setViewportSize({ width: 1400, height: 900 });
  };

  it('submits 113年 期末 from the page with a 文號', async () => {
    const { page } = app;
    await page.click('[data-test="nav-submissions"]');
    await page.locator('[data-test="submit-card"]').waitFor({ timeout: 5000 });
    await page.click('[data-test="submit-year"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^113 年$/ }).click();
    await page.locator('[data-test="submit-half"] label', { hasText: '期末' }).click();
    await field(page, 'submit-note').fill('府授衛字第1140000001號');
    await page.click('[data-test="submit-button"]');
    await page.locator('.el-message-box__btns button', { hasText: '送出' }).click();
    await page.locator('[data-test="submission-files"]').waitFor();
    await expect.poll(() => page.locator('[data-test="submission-list"]').textContent()).toContain('府授衛字第1140000001號');
    await shot('submissions-submitted', '[data-test="submit-card"]');
  }, 120_000);

  it('downloads a frozen file again, byte for byte as stored', async () => {
    const list = await app.dispatch('submissions.list', {});
    const file = (list.ok && (list.data as any)[0].files.find((f: any) => f.name.endsWith('.xlsx')))!;
    const [dl] = await Promise.all([app.page.waitForEvent('download'), app.page.click(`[data-test="download-${file.name}"]`)]);
    const saved = path.join(app.dir, dl.suggestedFilename());
    await dl.saveAs(saved);
    expect(dl.suggestedFilename()).toBe(file.name);
    expect(crypto.createHash('sha256').update(fs.readFileSync(saved)).digest('hex')).toBe(file.sha256);
  });

  it('after a back-dated resignation, the comparison names it with the audit row and who made it', async () => {
    const people = await app.dispatch('people.list', {});
    const id = (people.ok && (people.data as any).find((p: any) => p.name === '林志豪').id)!;
    const person = await app.dispatch('people.get', { id });
    const period = (person.ok && (person.data as any).periods.at(-1))!;
    const ended = await app.dispatch('periods.end', { id: period.id, endDate: '2024-10-15', endReason: '離職' });
    expect(ended.ok).toBe(true);
    const { page } = app;
    await page.click('[data-test="compare-button"]');
    const table = page.locator('[data-test="diff-people"]');
    await table.waitFor();
    await expect.poll(() => table.textContent()).toMatch(/林志豪離職日—113\/10\/15#\d+ 測試管理者 \d{3}\/\d\d\/\d\d \d\d:\d\d 修改/);
    await expect.poll(() => page.locator('[data-test="diff-figures"]').textContent()).toContain('留任率');
    await shot('submissions-diff', '[data-test="diff-figures"]');
  });
});
