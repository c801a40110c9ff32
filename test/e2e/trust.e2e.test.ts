// A damaged database in the real UI (issue: trust): the app opens read-only with the reason and a one-click restore
// from the newest good backup — never a crash, never silent.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { ADMIN, e2eAvailable, field, launchApp, type App } from './harness';

async function damagedWithBackup(dbPath: string): Promise<void> {
  const b = openBackend(dbPath);
  createDemoOffice(b.db);
  await b.system.backup('daily');
  b.close();
  const bytes = fs.readFileSync(dbPath);
  for (let i = 4096 * 2; i < 4096 * 4; i++) bytes[i] ^= 0xa5; // flip bytes in table pages, past the header
  fs.writeFileSync(dbPath, bytes);
  for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
}

describe.runIf(e2eAvailable())('damaged database (browser mode, Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    // nobody can sign in to a damaged file, so the page starts on the sign-in screen with the banner
    app = await launchApp(undefined, damagedWithBackup, { signIn: false });
  });
  afterAll(async () => app?.close());

  it('says so on screen and restores from the newest backup in one click', async () => {
    const { page } = app;
    const banner = page.locator('[data-test="damaged-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('資料庫檔案受損，已改為唯讀模式');
    await page.click('[data-test="restore-newest"]');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    // the restored demo file has no accounts yet: first start creates the 管理者, then the roster is back
    await field(page, 'signin-username').fill(ADMIN.username);
    await field(page, 'signin-name').fill(ADMIN.displayName);
    await field(page, 'signin-password').fill(ADMIN.password);
    await field(page, 'signin-confirm').fill(ADMIN.password);
    await page.click('[data-test="signin-submit"]');
    await page.click('[data-test="nav-roster"]');
    await page.locator('[data-test="roster-table"] .vtable__row').first().waitFor();
    expect(Number(await page.locator('[data-test="total"]').textContent())).toBeGreaterThan(0);
  });
});
