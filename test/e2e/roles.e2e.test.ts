// Roles in the UI (issue: trust): a 督導 signs in, sees the figures, no administration, and an edit is refused
// with the reason on screen; a wrong password shows the Chinese message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { e2eAvailable, field, launchApp, signInAs, type App } from './harness';

const SUP = { username: 'sup', displayName: '督導甲', role: 'supervisor', password: 'overseer-pw-1' };

describe.runIf(e2eAvailable())('roles in the UI (browser mode, Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp((b) => createDemoOffice(b.db));
    const r = await app.dispatch('accounts.create', SUP);
    if (!r.ok) throw new Error(r.error.message);
    await app.page.click('[data-test="logout"]');
  });
  afterAll(async () => app?.close());

  it('a wrong password is refused in Chinese', async () => {
    const { page } = app;
    await field(page, 'signin-username').fill(SUP.username);
    await field(page, 'signin-password').fill('not-the-password');
    await page.click('[data-test="signin-submit"]');
    await expect.poll(() => page.locator('[data-test="signin-error"]').textContent()).toContain('帳號或密碼錯誤');
  });

  it('a 督導 reads the roster and figures, has no administration, and is offered no edit (issue #15 item 2)', async () => {
    const { page } = app;
    await signInAs(page, SUP.username, SUP.password);
    expect(await page.locator('[data-test="whoami"]').textContent()).toContain('督導甲（督導）');
    expect(await page.locator('[data-test="nav-accounts"]').count()).toBe(0);
    expect(await page.locator('[data-test="nav-audit"]').count()).toBe(0);
    expect(await page.locator('[data-test="nav-import"]').count()).toBe(0);
    await page.click('[data-test="nav-retention"]');
    await page.click('[data-test="nav-roster"]');
    await page.locator('[data-test="roster-table"] .vtable__row').first().waitFor();
    // the access levels of the contract decide what is offered: nothing to add, edit or delete
    expect(await page.locator('[data-test="new-person"]').count()).toBe(0);
    await page.locator('[data-test="roster-table"] .vtable__row').first().click();
    await page.locator('[data-test="person-title"]').waitFor();
    for (const t of ['edit-person', 'delete-person', 'promote', 'end-period', 'add-period', 'add-leave']) {
      expect(await page.locator(`[data-test="${t}"]`).count(), t).toBe(0);
    }
    // and the dispatcher still refuses, whatever the window offers
    const login = await app.backend.dispatch('auth.login', { username: SUP.username, password: SUP.password });
    if (!login.ok) throw new Error(login.error.message);
    const r = await app.backend.dispatch('people.create', { person: { name: '不該建立' }, period: { roleCode: 'CM', funding: '補助', startDate: '2025-01-02' } }, { session: (login.data as { session: string }).session });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('您的角色（督導）只能檢視');
    expect((app.backend.db.prepare("SELECT count(*) AS n FROM people WHERE name = '不該建立'").get() as { n: number }).n).toBe(0);
  });
});
