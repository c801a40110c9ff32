/// <reference lib="dom" />
// What a screen shows only when something goes wrong loads in chunks of its own (renderer/later.ts): a failed load's
// notice still appears, and says so in plain text when even its chunk cannot be had (the back end went away).
import { describe, expect, it } from 'vitest';
import { ADMIN, appForSuite, e2eAvailable, signInAs } from './harness';

describe.runIf(e2eAvailable())('parts loaded when needed (browser mode, Chromium)', () => {
  const app = appForSuite();

  it('a record that does not exist says 找不到 with 返回 (its notice loaded on demand)', async () => {
    await app.page.goto(`${app.server.url}#/people/999999`);
    await expect.poll(() => app.page.locator('[data-test="not-found"]').textContent()).toContain('找不到這筆');
  });

  it('when the notice’s own chunk cannot be loaded either, a plain notice says so and how to go on', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-TW' });
    try {
      await page.route('**/assets/LoadFailure-*.js', (route) => route.abort());
      await page.goto(`${app.server.url}#/people/999999`);
      await signInAs(page, ADMIN.username, ADMIN.password);
      const plain = page.locator('.load-error--plain');
      await plain.waitFor({ timeout: 10_000 }); // after the retries (0.5 s, 1 s)
      expect(await plain.textContent()).toContain('無法載入');
      expect(await plain.getAttribute('role')).toBe('alert');
    } finally {
      await page.close();
    }
  });
});
