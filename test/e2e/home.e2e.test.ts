// The home screen on demo data with a fixed clock (issue: home dashboard): the tiles' colours and the reminders are
// the ones the back end computes for that day, and each tile opens its page.
import { describe, expect, it } from 'vitest';
import { appForSuite, demoOffice, e2eAvailable } from './harness';

describe.runIf(e2eAvailable())('home screen (browser mode, Chromium)', () => {
  const app = appForSuite(demoOffice, undefined, { today: '2024-12-01' });

  it('shows the expected tile colours and reminders for 113/12/01', async () => {
    const { page } = app;
    await page.locator('[data-test="tiles"]').waitFor();
    const tone = (key: string) => page.locator(`[data-test="tile-${key}"]`).getAttribute('data-tone');
    // hand-checked for the demo office on 113/12/01: 12-month 11/16 = 68.8 %, projected the same → red; supervision 7.5:1 with
    // 江孟儒 leading 8 → amber;
    // 18 of 19 posts filled (94.7 %) → amber
    expect(await tone('retentionShort')).toBe('red');
    expect(await tone('supervision')).toBe('amber');
    expect(await tone('posts')).toBe('amber');
    const reminders = (await page.locator('[data-test="reminders"]').textContent()) ?? '';
    expect(reminders).toContain('督導 江孟儒 帶領 8 位個管，超過 7 人');
    expect(reminders).toContain('新進個管 洪詩涵（113/10/01 到職）尚未登錄督導評估通過獨立作業日');
    expect(reminders).toContain('楊承翰 將於 113/12/31 滿 18 個月');
    // the same list the CLI prints: the back end's reminders, in order
    const r = (await app.dispatch('dashboard.home', { today: '2024-12-01' })) as { ok: true; data: { reminders: { title: string }[] } };
    const shown = await page.locator('[data-test="reminders"] li a').allTextContents();
    expect(shown).toEqual(r.data.reminders.map((x) => x.title));
  });

  it('a tile opens its page', async () => {
    const { page } = app;
    await page.click('[data-test="tile-supervision"]');
    await page.waitForURL(/#\/supervision/);
  });
});
