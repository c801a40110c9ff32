// Encryption at rest in the real UI (issue: encryption at rest): the 管理者 turns it on from 備份與還原, sees the
// recovery key once and cannot dismiss it without confirming it was kept; the file on disk is then encrypted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEncryptedFile } from '../../electron/db/encryption/cipher';
import { parseRecoveryKey } from '../../electron/db/encryption/recoveryKey';
import { appForSuite, demoOffice, e2eAvailable, field } from './harness';

const SHOTS = path.resolve(__dirname, '../../test-results/screens');

describe.runIf(e2eAvailable())('encryption from 備份與還原 (browser mode, Chromium)', () => {
  const app = appForSuite(demoOffice);

  it('turns encryption on with a passphrase and shows the recovery key once, behind a confirmation', async () => {
    const { page } = app;
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('[data-test="nav-backup"]');
    const state = page.locator('[data-test="encryption-state"]');
    await expect.poll(() => state.textContent()).toBe('未加密');
    await field(page, 'passphrase').fill('short');
    await field(page, 'passphrase-again').fill('short');
    expect(await page.locator('[data-test="encryption"] .el-form-item__error').first().textContent()).toContain('至少 12 個字元');
    expect(await page.locator('[data-test="encrypt"]').isDisabled()).toBe(true);
    await field(page, 'passphrase').fill('our office passphrase');
    await field(page, 'passphrase-again').fill('our office passphrase');
    await page.click('[data-test="encrypt"]');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    const key = page.locator('[data-test="recovery-key"]');
    await key.waitFor();
    const text = (await key.textContent())!.trim();
    expect(parseRecoveryKey(text)).not.toBeNull();
    await page.locator('[data-test="encryption"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'encryption-recovery-key-1366.png') });
    expect(await page.locator('[data-test="recovery-close"]').isDisabled()).toBe(true);
    await page.click('[data-test="recovery-kept"]');
    await page.click('[data-test="recovery-close"]');
    await expect.poll(() => state.textContent()).toContain('已加密（ChaCha20-Poly1305）');
    await page.locator('.el-overlay-dialog').waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: path.join(SHOTS, 'encryption-on-1024.png'), fullPage: true });
    expect(isEncryptedFile(app.backend.system.dbPath)).toBe(true);
    // the figures still read through the same page session (at 1366 wide, where the menu is not folded)
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('[data-test="nav-roster"]');
    await page.locator('[data-test="roster-table"] .vtable__row').first().waitFor();
  });
});
