/// <reference lib="dom" />
// Issue 13 in Chromium: the person page masks the 身分證字號 and reveals it only on an editing role's click (logged);
// a 督導 gets no such button; the app cannot be framed by another page, and no console error about a <meta>
// frame-ancestors; browser mode's first start asks for the console's one-time code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { startWebServer } from '../../electron/web';
import { e2eAvailable, field, findChromium, launchApp, signInAs, type App } from './harness';

const SUP = { username: 'sup', displayName: '督導甲', role: 'supervisor', password: 'overseer-pw-1' };
const person = { name: '王小明', nationalId: 'A123456789', employeeNo: null, education: null, department: null, certificate: null, contact: null };
const period = { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-01-02', endDate: null, endReason: null };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe.runIf(e2eAvailable())('trust under real use (browser mode, Chromium)', () => {
  let app: App;
  let personId: number;
  const consoleErrors: string[] = [];
  beforeAll(async () => {
    app = await launchApp();
    app.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    personId = ((await app.dispatch('people.create', { person, period })) as any).data.person.id;
    await app.dispatch('accounts.create', SUP);
  });
  afterAll(async () => app?.close());

  it('the person page shows the masked ID; the 管理者 reveals it with a click, and the reveal is logged', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}#/people/${personId}`);
    const id = page.locator('[data-test="person-national-id"]');
    await expect.poll(() => id.textContent()).toBe('A12****789');
    expect(await page.content()).not.toContain('A123456789');
    await page.click('[data-test="reveal-id"]');
    await expect.poll(() => id.textContent()).toBe('A123456789');
    const reveals = app.backend.db.prepare("SELECT actor, person_id FROM audit_log WHERE action = 'reveal'").all();
    expect(reveals).toEqual([{ actor: 'admin', person_id: personId }]);
  });

  it('a 督導 sees the masked ID and no reveal button', async () => {
    const { page } = app;
    await page.click('[data-test="logout"]');
    await signInAs(page, SUP.username, SUP.password);
    await page.goto(`${app.server.url}#/people/${personId}`);
    await expect.poll(() => page.locator('[data-test="person-national-id"]').textContent()).toBe('A12****789');
    expect(await page.locator('[data-test="reveal-id"]').count()).toBe(0);
  });

  it('another page cannot frame the app, and the page logs no frame-ancestors <meta> error', async () => {
    expect(consoleErrors.filter((e) => /frame-ancestors/.test(e))).toEqual([]);
    const other = await app.browser.newPage();
    await other.setContent(`<iframe id="f" src="${app.server.url}" width="800" height="600"></iframe>`);
    await other.waitForTimeout(1500);
    const framed = other.frames().find((f) => f !== other.mainFrame());
    // a blocked frame never gets our document: no sign-in form, no app root rendered inside it
    const rendered = await framed?.evaluate(() => document.querySelector('#app')?.children.length ?? 0).catch(() => 0);
    expect(rendered ?? 0).toBe(0);
    await other.close();
  });
});

describe.runIf(e2eAvailable())('first start in browser mode (Chromium)', () => {
  it('creating the 管理者 needs the one-time code from the console', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-e2e-setup-'));
    const backend = openBackend(path.join(dir, 'e2e.db'), { actor: 'web', requireLogin: true, setupCode: 'K7QM-3XPA' });
    const server = await startWebServer({ dispatch: backend.dispatch });
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-TW' });
      await page.goto(server.url);
      await field(page, 'signin-code').waitFor();
      await field(page, 'signin-username').fill('boss');
      await field(page, 'signin-name').fill('主任');
      await field(page, 'signin-password').fill('correct horse battery');
      await field(page, 'signin-confirm').fill('correct horse battery');
      await field(page, 'signin-code').fill('AAAA-BBBB');
      await page.click('[data-test="signin-submit"]');
      await expect.poll(() => page.locator('[data-test="signin-error"]').textContent()).toContain('設定碼不正確');
      if (process.env.STAFFBOOK_SHOTS) await page.screenshot({ path: path.join(process.env.STAFFBOOK_SHOTS, 'setup-code-1366.png') });
      await field(page, 'signin-code').fill('k7qm-3xpa');
      await page.click('[data-test="signin-submit"]');
      await page.locator('[data-test="whoami"]').waitFor();
    } finally {
      await browser.close();
      await server.close();
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
