// The 案量 page's import, end to end (the dialog shares its preview with the roster and training importers —
// renderer/components/ImportPreview.vue): a file with a bad row names that row and writes nothing; the corrected file
// previews as 「檢查通過」 and imports. SCREENSHOT_DIR=<dir> also saves both previews for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, demoOffice, e2eAvailable } from './harness';

const MONTH_END = '2025-10-31';

describe.runIf(e2eAvailable())('案量 import (browser mode, Chromium)', () => {
  const app = appForSuite(demoOffice, undefined, { today: '2025-12-01' });
  const recorded = () => app.backend.db.prepare('SELECT count(*) FROM caseloads WHERE month_end = ?').pluck().get(MONTH_END) as number;

  it('refuses a bad row by number and writes nothing, then imports the corrected file', async () => {
    const { page, dir } = app;
    const r = await app.dispatch('caseload.at', { monthEnd: MONTH_END });
    if (!r.ok) throw new Error(r.error.message);
    const [a, b] = r.data as { name: string }[];
    const before = recorded();
    const shot = async (name: string) => {
      if (!process.env.SCREENSHOT_DIR) return;
      await page.waitForTimeout(500); // the dialog has faded in
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`) });
    };
    const csv = (rows: string[]) => ['姓名,身分證字號,月底日期,累計個管案量,在案案量', ...rows].join('\r\n') + '\r\n';

    await page.goto(`${app.server.url}#/caseload`);
    await page.locator('[data-test="caseload-table"]').waitFor();
    // 在案 above 累計 is a typing slip the back end refuses
    fs.writeFileSync(path.join(dir, 'bad.csv'), csv([`${a.name},,114/10/31,31,12`, `${b.name},,114/10/31,20,25`]));
    await page.setInputFiles('[data-test="caseload-file"]', path.join(dir, 'bad.csv'));
    const errors = page.locator('[data-test="caseload-import-errors"]');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('第 3 列');
    expect(await page.locator('[data-test="caseload-import-dialog"]').textContent()).toContain('預覽：bad.csv（2 列）');
    expect(await page.locator('[data-test="caseload-commit"]').count()).toBe(0); // 確定匯入 is not offered
    expect(recorded()).toBe(before);
    await shot('caseload-import-errors');
    await page.keyboard.press('Escape');
    await page.locator('[data-test="caseload-import-dialog"]').waitFor({ state: 'hidden' });

    fs.writeFileSync(path.join(dir, 'good.csv'), csv([`${a.name},,114/10/31,31,12`, `${b.name},,114/10/31,25,20`]));
    await page.setInputFiles('[data-test="caseload-file"]', path.join(dir, 'good.csv'));
    const dialog = page.locator('[data-test="caseload-import-dialog"]');
    await expect.poll(() => dialog.textContent()).toContain('檢查通過：');
    expect(await dialog.locator('.el-table').last().locator('.el-table__row').count()).toBe(2); // what will be written
    await shot('caseload-import-passed');
    await page.click('[data-test="caseload-commit"]');
    await dialog.waitFor({ state: 'hidden' });
    const row = app.backend.db.prepare('SELECT c.cumulative, c.active FROM caseloads c JOIN people p ON p.id = c.person_id WHERE p.name = ? AND c.month_end = ?').get(b.name, MONTH_END);
    expect(row).toEqual({ cumulative: 25, active: 20 });
  });
});
