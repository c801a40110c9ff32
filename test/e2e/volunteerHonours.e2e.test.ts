// The 志工 page's 志願服務榮譽卡與績優獎勵 section on the demo office (issue 19): every volunteer's reason is on screen,
// the same rows the back end computes; the application list downloads; a supervisor (read-only) is not offered it.
// SCREENSHOT_DIR=<dir> also writes the section at 1366×768 and 1024×768 for a person to look at.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, demoOffice, e2eAvailable } from './harness';

describe.runIf(e2eAvailable())('志工 page: 榮譽卡 and 績優 (browser mode, Chromium)', () => {
  const app = appForSuite(demoOffice, undefined, { today: '2026-12-01' });

  it('shows each volunteer with the reason in words, and downloads the application list', async () => {
    const { page } = app;
    await page.goto(`${app.server.url.replace(/#.*$/, '')}#/volunteers`);
    await page.locator('[data-test="honours-table"]').waitFor();
    const r = (await app.dispatch('volunteers.honours', { date: '2026-12-01' })) as { ok: true; data: { rows: { reason: string }[]; eligible: unknown[] } };
    const reasons = await page.locator('[data-test="honours-reason"]').allTextContents();
    expect(reasons).toEqual(r.data.rows.map((x) => x.reason));
    expect(reasons.join('\n')).toContain('服務年資 2 年 9 個月，未滿 3 年');
    expect(await page.locator('[data-test="honours-summary"]').textContent()).toContain(`符合榮譽卡申請 ${r.data.eligible.length} 人`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="honours-list-xlsx"]')]);
    expect(download.suggestedFilename()).toBe('1151201_志願服務榮譽卡申請名冊.xlsx');

    const dir = process.env.SCREENSHOT_DIR;
    if (dir) {
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        await page.locator('[data-test="vol-honours"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(dir, `honours-${width}.png`) });
        await page.click('[data-test="honours-statement"] >> nth=0');
        await page.locator('[data-test="statement-dialog"]').waitFor();
        await page.screenshot({ path: path.join(dir, `statement-${width}.png`) });
        await page.keyboard.press('Escape');
        await page.locator('[data-test="statement-dialog"]').waitFor({ state: 'hidden' });
      }
      await page.getByRole('button', { name: '沈博文' }).first().click();
      await page.getByRole('tab', { name: '紀錄冊・榮譽卡' }).click();
      await page.locator('[data-test="vol-honour-tab"]').waitFor();
      await page.screenshot({ path: path.join(dir, 'dialog-1024.png') });
    }
  }, 60_000);
});
