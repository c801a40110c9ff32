// The 志工 page's 志願服務榮譽卡與績優獎勵 section on the demo office (issue 19): every volunteer's reason is on screen,
// the same rows the back end computes; the application list downloads; a supervisor (read-only) is not offered it.
// SCREENSHOT_DIR=<dir> also writes the section at 1366×768 and 1024×768 for a person to look at.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, demoOffice, e2eAvailable, field } from './harness';

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

  it("a volunteer's 紀錄冊 is saved from the dialog, and a refused 榮譽卡 says why at the top of the tab", async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.server.url.replace(/#.*$/, '')}#/volunteers`);
    await page.getByRole('button', { name: '沈博文' }).first().click();
    await page.getByRole('tab', { name: '紀錄冊・榮譽卡' }).click();
    const tab = page.locator('[data-test="vol-honour-tab"]');
    await tab.waitFor();
    await field(page, 'record-book-no').fill('桃志字第 0423 號');
    await page.click('[data-test="record-book-save"]');
    const list = (await app.dispatch('volunteers.list', {})) as { ok: true; data: { id: number; name: string }[] };
    const volunteerId = list.data.find((v) => v.name === '沈博文')!.id;
    const stored = async () => ((await app.dispatch('volunteers.honours.get', { volunteerId })) as { ok: true; data: { recordBookNo: string | null } }).data.recordBookNo;
    await expect.poll(stored).toBe('桃志字第 0423 號');
    expect(await tab.locator('[data-test="vol-honour-error"]').count()).toBe(0);

    for (const [placeholder, text] of [['發給日', '115/06/01'], ['效期至（可留白）', '115/01/01']]) {
      const input = tab.getByPlaceholder(placeholder, { exact: true });
      await input.fill(text);
      await input.press('Enter');
    }
    await page.click('[data-test="card-add"]');
    await expect.poll(() => tab.locator('[data-test="vol-honour-error"]').textContent()).toContain('效期至須晚於發給日');
  }, 60_000);
});
