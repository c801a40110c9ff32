// 衡量指標 四(一) in the browser: the clerk fills this year's org chart in 單位設定 (read forward from the demo's 113
// chart until saved), the home page reminds of a 主責局處 without staff, and 報表匯出 lists each 主責局處's staff.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, demoOffice, e2eAvailable, type App } from './harness';

const SHOTS = process.env.STAFFBOOK_SCREENSHOTS; // a folder to keep screenshots in, for looking at the screens
/** Both office screen sizes; the page scrolls inside its frame, so what matters is scrolled into view first. */
const shoot = async (app: App, name: string, focus: string) => {
  if (!SHOTS) return;
  for (const [w, h] of [[1366, 768], [1024, 768]]) {
    await app.page.setViewportSize({ width: w, height: h });
    await app.page.locator(focus).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(SHOTS, `${name}-${w}.png`), fullPage: true });
  }
  await app.page.setViewportSize({ width: 1400, height: 900 });
};

describe.runIf(e2eAvailable())('衡量指標 四(一) end to end (browser mode, demo office)', () => {
  const app = appForSuite(demoOffice, undefined, { today: '2025-07-15' });

  it('單位設定 shows 114 read forward from 113; naming a lead with no staff saves 114 and the home page reminds of it', async () => {
    const { page } = app;
    await page.click('[data-test="nav-office"]');
    await page.locator('[data-test="org-chart"]').waitFor();
    await page.click('[data-test="org-chart"] [data-test="year-select"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^114 年$/ }).click();
    await expect.poll(() => page.locator('[data-test="org-chart-source"]').textContent()).toContain('沿用 113 年度');
    expect(await page.locator('[data-test="meetings-rate"]').textContent()).toBe('B／A＝50.00%（目標 ≥ 50%）達成');
    await shoot(app, 'org-chart-settings', '[data-test="org-chart-save"]');

    const lead = page.locator('[data-test="lead-保護扶助組"] input');
    await lead.click();
    await lead.fill('勞工處');
    await lead.press('Enter');
    await page.click('[data-test="org-chart-save"]');
    await expect.poll(async () => (await app.dispatch('orgChart.get', { rocYear: 114 })).ok && ((await app.dispatch('orgChart.get', { rocYear: 114 })) as { data: { sourceYear: number } }).data.sourceYear).toBe(114);
    const saved = (await app.dispatch('orgChart.get', { rocYear: 114 })) as { ok: true; data: { chart: { group: string; lead: string }[] } };
    expect(saved.data.chart.find((g) => g.group === '保護扶助組')!.lead).toBe('勞工處');

    await page.click('[data-test="nav-home"]');
    await expect.poll(() => page.locator('[data-test="reminders"] [data-kind="lead-agency-unstaffed"]').textContent()).toContain('主責局處 勞工處（保護扶助組）目前無在職專責人力');
  });

  it('報表匯出 lists each 主責局處 with its staff, 「無」 for 勞工處', async () => {
    const { page } = app;
    await page.click('[data-test="nav-exports"]');
    await page.click('[data-test="export-year"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^114 年$/ }).click();
    await page.click('[data-test="export-half-1"]');
    const row = page.locator('[data-test="lead-agencies"] tr[data-agency="勞工處"]');
    await expect.poll(() => row.textContent()).toContain('無');
    expect(await page.locator('[data-test="lead-agencies"] tr[data-agency="衛生局"]').textContent()).toContain('醫療服務組、綜合規劃組');
    expect(await page.locator('[data-test="card-indicators"]').textContent()).not.toMatch(/RULES|§/);
    await shoot(app, 'indicators-export', '[data-test="indicators-table"]');
    await shoot(app, 'indicators-leads', '[data-test="lead-agencies"]');
  });
});
